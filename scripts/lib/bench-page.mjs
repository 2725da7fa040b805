// The bench pages (test/bench/) served by a Vite dev server and driven by Chromium, for the
// scripts that look inside one load of them (bench-profile.mjs, bench-trace.mjs).
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium.mjs';

/**
 * Starts the server and the browser. `open(query)` loads `?query` in a fresh context with
 * `window.benchCpu` (the renderer's CPU ms, as `npm run bench` gives it) and returns the page
 * and its DevTools session, before the page's scripts run; `close()` stops both.
 */
export async function startBenchPages() {
  const root = fileURLToPath(new URL('../../test/bench/', import.meta.url));
  const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
  const server = await createServer({ root, configFile: false, logLevel: 'warn', server: { host: '127.0.0.1', port: 0, hmr: false, fs: { allow: [projectRoot] } } });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
  return {
    /** @param {(page: import('playwright-core').Page, cdp: import('playwright-core').CDPSession) => Promise<void>} beforeLoad */
    async load(/** @type {string} */ query, beforeLoad) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      await page.exposeFunction('benchCpu', async () => {
        const { metrics } = await cdp.send('Performance.getMetrics');
        return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
      });
      await beforeLoad(page, cdp);
      await page.goto(`http://127.0.0.1:${port}/?${query}`);
      await page.waitForFunction('window.benchDone === true', undefined, { timeout: 300_000 });
      return { page, cdp, close: () => context.close() };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
