#!/usr/bin/env node
// `node scripts/bench-trace.mjs scenario=detail phase [phase…]`: one load of a test/bench page
// (after a warm-up load) with the DevTools timeline traced during each named timed phase;
// prints the main thread's time per trace event (style, layout, paint, script, GC…) side by side,
// to find where one phase spends what another does not (issue 15). Figures, no thresholds.
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

const query = process.argv[2] ?? 'scenario=detail';
const phases = process.argv.slice(3).length > 0 ? process.argv.slice(3) : ['element', 'bare'];
const root = fileURLToPath(new URL('../test/bench/', import.meta.url));
const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const server = await createServer({ root, configFile: false, logLevel: 'warn', server: { host: '127.0.0.1', port: 0, hmr: false, fs: { allow: [projectRoot] } } });
await server.listen();
const address = server.httpServer?.address();
const port = typeof address === 'object' && address ? address.port : 0;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });

/** @typedef {{ name: string; ph: string; dur?: number; tdur?: number; tid: number; pid: number; args?: { name?: string } }} TraceEvent */

/**
 * @param {boolean} trace
 * @returns {Promise<Map<string, Map<string, number>>>} per phase, µs of thread time per event name
 */
async function once(trace) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.exposeFunction('benchCpu', async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  });
  /** @type {Map<string, Map<string, number>>} */
  const byPhase = new Map();
  if (trace) {
    /** @type {TraceEvent[]} */
    let events = [];
    cdp.on('Tracing.dataCollected', ({ value }) => void events.push(.../** @type {TraceEvent[]} */ (/** @type {unknown} */ (value))));
    await page.exposeFunction('benchPhase', async (/** @type {string} */ name, /** @type {boolean} */ starting) => {
      if (!phases.includes(name)) return;
      if (starting) {
        events = [];
        await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8', transferMode: 'ReportEvents' });
        return;
      }
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await done;
      const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
      /** @type {Map<string, number>} */
      const spent = new Map();
      for (const e of events) {
        if (!main || e.tid !== main.tid || e.pid !== main.pid || e.ph !== 'X') continue;
        spent.set(e.name, (spent.get(e.name) ?? 0) + (e.tdur ?? e.dur ?? 0));
      }
      byPhase.set(name, spent);
    });
  }
  await page.goto(`http://127.0.0.1:${port}/?${query}`);
  await page.waitForFunction('window.benchDone === true', undefined, { timeout: 300_000 });
  await context.close();
  return byPhase;
}

try {
  await once(false);
  const byPhase = await once(true);
  const names = new Set([...byPhase.values()].flatMap((m) => [...m.keys()]));
  const rows = [...names].map((n) => ({ n, v: phases.map((p) => byPhase.get(p)?.get(n) ?? 0) })).sort((a, b) => Math.max(...b.v) - Math.max(...a.v));
  console.log(`${'event (nested events overlap)'.padEnd(44)}${phases.map((p) => p.padStart(12)).join('')}`);
  for (const { n, v } of rows.slice(0, 30)) console.log(`${n.slice(0, 43).padEnd(44)}${v.map((us) => `${(us / 1000).toFixed(1)} ms`.padStart(12)).join('')}`);
} finally {
  await browser.close();
  await server.close();
}
