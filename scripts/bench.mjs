#!/usr/bin/env node
// `npm run bench`: times <my-tickets> with 10,000 cases in Chromium.
// Serves test/bench/ with Vite on 127.0.0.1 (a free port), opens it in headless Chromium
// (playwright-core; CHROME_PATH or /usr/bin/chromium) once to warm up and RUNS times to
// measure, reads the page's performance.measure entries, prints the medians, and stops the
// browser and the server it started. No thresholds: figures for people, not a test.
import { createServer as createNetServer } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

const RUNS = 5;
const root = fileURLToPath(new URL('../test/bench/', import.meta.url));
const projectRoot = fileURLToPath(new URL('..', import.meta.url));
/** @type {ReadonlyArray<readonly [string, string]>} */
const MEASURES = [
  ['first-page', 'first page of 50 from the memory backend (query over 10,000 cases)'],
  ['first-render', 'first render, 10,000 cases (first rows painted)'],
  ['keystroke-frame', 'one search keystroke, to next frame'],
  ['keystroke-results', 'one search keystroke, to filtered rows (incl. 250 ms debounce)'],
];

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** @type {import('vite').ViteDevServer | undefined} */
let server;
/** @type {import('playwright-core').Browser | undefined} */
let browser;

async function stop() {
  await browser?.close().catch(() => undefined);
  await server?.close().catch(() => undefined);
}

process.once('SIGINT', () => {
  void stop().then(() => process.exit(130));
});

/**
 * @param {string} url
 * @returns {Promise<Record<string, number>>}
 */
async function measureOnce(url) {
  if (!browser) throw new Error('no browser');
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.goto(url);
    // Globals set by the page (test/bench/bench.ts); strings, as this file has no DOM types.
    await page.waitForFunction('window.benchDone === true', undefined, { timeout: 120_000 });
    const error = await page.evaluate('window.benchError');
    if (error) throw new Error(String(error));
    const measures = await page.evaluate(
      'Object.fromEntries(performance.getEntriesByType("measure").map((m) => [m.name, m.duration]))',
    );
    return /** @type {Record<string, number>} */ (measures);
  } finally {
    await page.close();
  }
}

async function main() {
  const port = await freePort();
  server = await createServer({
    root,
    configFile: false,
    logLevel: 'warn',
    clearScreen: false,
    server: { host: '127.0.0.1', port, strictPort: true, hmr: false, fs: { allow: [projectRoot] } },
  });
  await server.listen();
  const url = `http://127.0.0.1:${port}/`;
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS],
  });
  await measureOnce(url); // warm-up: Vite transforms and pre-bundles on first load
  /** @type {Record<string, number[]>} */
  const samples = {};
  for (let run = 0; run < RUNS; run++) {
    const result = await measureOnce(url);
    for (const [name, value] of Object.entries(result)) (samples[name] ??= []).push(value);
  }
  const load = loadavg()[0]?.toFixed(1);
  console.log(`<my-tickets> benchmark, Chromium headless, median of ${RUNS} runs (load average ${load} on ${availableParallelism()} cores):`);
  for (const [name, label] of MEASURES) {
    const values = samples[name] ?? [];
    const runs = values.map((v) => v.toFixed(1)).join(', ');
    console.log(`  ${label}: ${median(values).toFixed(1)} ms  (runs: ${runs})`);
  }
}

main()
  .then(stop)
  .catch(async (error) => {
    console.error(error);
    await stop();
    process.exitCode = 1;
  });
