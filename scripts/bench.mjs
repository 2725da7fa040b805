#!/usr/bin/env node
// `npm run bench`: render and list figures of the elements in Chromium, side by side (issue 15).
// Builds test/bench/ for production with Vite, as adopters ship it (Lit's production build,
// minified: issue 15 measures that; `--dev` serves the Vite dev server instead, Lit's
// development build, where 20 <ticket-form>s took 68 ms of CPU against 43 ms built), serves it
// on 127.0.0.1 (a free port), opens each scenario of test/bench/bench.ts in headless Chromium
// (playwright-core; CHROME_PATH or /usr/bin/chromium) once to warm up and RUNS times to measure, and prints medians with min–max. CPU time is the
// renderer's `TaskDuration` from the DevTools protocol (`Performance.getMetrics`), read by the
// page at the start and end of each phase; wall time is shown beside it. No thresholds:
// figures for people, not a test. `--quick` runs 3 times; `--only=tickets,locale` picks parts.
// A server part (scripts/bench-server.mjs, when present) runs last, in the same run.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { build, createServer, preview } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

const args = process.argv.slice(2);
const RUNS = args.includes('--quick') ? 3 : 5;
const dev = args.includes('--dev');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const root = fileURLToPath(new URL('../test/bench/', import.meta.url));
const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const serverBench = fileURLToPath(new URL('./bench-server.mjs', import.meta.url));

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
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * "12.3 ms (11.9–13.0)": median and range of `values`.
 * @param {number[] | undefined} values
 * @param {(v: number) => string} [unit]
 */
function figure(values, unit = (v) => `${v.toFixed(1)} ms`) {
  if (!values || values.length === 0) return 'n/a';
  return `${unit(median(values))} (${unit(Math.min(...values))}–${unit(Math.max(...values))})`;
}

/** @type {{ close(): Promise<void> } | undefined} */
let server;
/** @type {string | undefined} */
let outDir;
/** @type {import('playwright-core').Browser | undefined} */
let browser;

async function stop() {
  await browser?.close().catch(() => undefined);
  await server?.close().catch(() => undefined);
  if (outDir) rmSync(outDir, { recursive: true, force: true });
}

process.once('SIGINT', () => {
  void stop().then(() => process.exit(130));
});

/**
 * One load of the bench page: the page's `benchResult`.
 * @param {string} url
 * @returns {Promise<Record<string, number>>}
 */
async function measureOnce(url) {
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.exposeFunction('benchCpu', async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
    });
    await page.goto(url);
    // Globals set by the page (test/bench/bench.ts); strings, as this file has no DOM types.
    await page.waitForFunction('window.benchDone === true', undefined, { timeout: 300_000 });
    const error = await page.evaluate('window.benchError');
    if (error) throw new Error(String(error));
    return /** @type {Record<string, number>} */ (await page.evaluate('window.benchResult'));
  } finally {
    await context.close();
  }
}

/**
 * RUNS loads of `query` (after one warm-up): every figure's samples.
 * @param {string} base
 * @param {string} query
 * @returns {Promise<Record<string, number[]>>}
 */
async function sample(base, query) {
  const url = `${base}?${query}`;
  await measureOnce(url);
  /** @type {Record<string, number[]>} */
  const samples = {};
  for (let run = 0; run < RUNS; run++) {
    const result = await measureOnce(url);
    for (const [name, value] of Object.entries(result)) (samples[name] ??= []).push(value);
  }
  return samples;
}

/**
 * Issue 15's table, the rows `npm run bench` measures: each figure beside its goal, at the end
 * of the run (`npm run size` has the byte rows; bench-server.mjs prints the server rows).
 * @type {{ row: string; figure: string; goal: string; met: boolean | undefined }[]}
 */
const table = [];

/**
 * @param {string} row
 * @param {number[] | undefined} values
 * @param {(v: number) => string} unit
 * @param {string} goal
 * @param {(median: number) => boolean} meets
 */
function goalRow(row, values, unit, goal, meets) {
  const has = values !== undefined && values.length > 0;
  table.push({ row, figure: figure(values, unit), goal, met: has ? meets(median(values)) : undefined });
}

/** @param {string} part */
const wanted = (part) => !only || only.includes(part);

/** @param {number[] | undefined} a @param {number[] | undefined} b */
function ratios(a, b) {
  return (a ?? []).map((v, i) => v / (b?.[i] ?? Number.NaN));
}

async function main() {
  const port = await freePort();
  const host = { host: '127.0.0.1', port, strictPort: true };
  if (dev) {
    const devServer = await createServer({
      root,
      configFile: false,
      logLevel: 'warn',
      clearScreen: false,
      server: { ...host, hmr: false, fs: { allow: [projectRoot] } },
    });
    await devServer.listen();
    server = devServer;
  } else {
    outDir = mkdtempSync(join(tmpdir(), 'support-bench-'));
    await build({ root, configFile: false, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    const previewServer = await preview({ root, configFile: false, logLevel: 'warn', build: { outDir }, preview: host });
    server = { close: () => previewServer.close() };
  }
  const base = `http://127.0.0.1:${port}/`;
  browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
  const load = loadavg()[0]?.toFixed(1);
  console.log(`npm run bench: Chromium headless, ${dev ? 'Vite dev server' : 'production build'}, median (min–max) of ${RUNS} runs; load average ${load} on ${availableParallelism()} cores`);
  console.log('CPU = renderer main-thread TaskDuration (DevTools Performance.getMetrics); wall beside it.\n');

  if (wanted('render')) {
    console.log('Render CPU against a bare LitElement rendering the same DOM (20 elements each):');
    for (const [scenario, label, goal] of /** @type {const} */ ([['detail', 'case view, 50 comments', 1.3], ['form', '<ticket-form>, first step with area and product', 1.2]])) {
      const s = await sample(base, `scenario=${scenario}`);
      const times = (/** @type {number} */ v) => `${v.toFixed(2)}×`;
      console.log(`  ${label}: ${figure(ratios(s['element:cpu'], s['bare:cpu']), times)}`);
      goalRow(`${label}: render CPU vs bare LitElement`, ratios(s['element:cpu'], s['bare:cpu']), times, `≤ ${goal}×`, (m) => m <= goal);
      console.log(`    element ${figure(s['element:cpu'])} CPU, ${figure(s.element)} wall; bare ${figure(s['bare:cpu'])} CPU, ${figure(s.bare)} wall`);
    }
    console.log('');
  }
  if (wanted('tickets')) {
    console.log('<my-tickets> (memory backend):');
    console.log(`  ${'cases'.padStart(7)}  ${'first rows CPU'.padEnd(26)}${'keystroke → rows, wall'.padEnd(28)}${'keystroke query CPU'.padEnd(26)}${'sort → rows CPU'.padEnd(26)}heap       rows in DOM`);
    const ms = (/** @type {number} */ v) => `${v.toFixed(1)} ms`;
    for (const cases of [1_000, 10_000, 100_000]) {
      const s = await sample(base, `scenario=tickets&cases=${cases}`);
      const mb = (/** @type {number} */ v) => `${(v / 1048576).toFixed(0)} MB`;
      if (cases === 10_000) {
        goalRow('<my-tickets> 10,000 cases: creation → first rows (CPU)', s['first-rows:cpu'], ms, '≤ 50 ms', (m) => m <= 50);
        goalRow('<my-tickets> 10,000 cases: keystroke → rows, debounce included (wall)', s.keystroke, ms, '≤ 100 ms', (m) => m <= 100);
      }
      if (cases === 100_000) goalRow('memory backend 100,000 cases: keystroke query CPU', s['keystroke-query:cpu'], ms, '≤ 16 ms', (m) => m <= 16);
      console.log(
        `  ${String(cases).padStart(7)}  ${figure(s['first-rows:cpu']).padEnd(26)}${figure(s.keystroke).padEnd(28)}${figure(s['keystroke-query:cpu']).padEnd(26)}${figure(s['sort:cpu']).padEnd(26)}${figure(s.heap, mb).padEnd(11)}${figure(s.rows, (v) => String(v))}`,
      );
    }
    const setup = await sample(base, 'scenario=intl');
    console.log('  (first rows: insert → first rows painted, after one idle moment of the page, as a page waiting for its backend has;');
    console.log(`   the elements' Intl warm-up runs there: the browser's first Intl use costs ${figure(setup['intl-setup'])} wall in a fresh page;`);
    console.log('   keystroke: one search keystroke → filtered rows painted, debounce included;');
    console.log('   keystroke query: the memory backend\'s two queries of typing "42"; heap: JS heap after the run)\n');
  }
  if (wanted('locale')) {
    const s = await sample(base, 'scenario=locale');
    console.log('Locale switch, <support-contact> + <ticket-form> + <my-tickets>, <html lang> en → fr:');
    const each = ['support-contact', 'ticket-form', 'my-tickets'].map((tag) => `${tag} ${figure(s[`locale-passes:${tag}`], (v) => String(v))}`);
    goalRow('locale switch, three elements: render passes', s['locale-passes'], (v) => String(v), '3 (one per element)', (m) => m <= 3);
    console.log(`  render passes: ${figure(s['locale-passes'], (v) => String(v))} (${each.join(', ')}); time to French painted: ${figure(s['locale-switch'])} wall, ${figure(s['locale-switch:cpu'])} CPU\n`);
  }
  await stop();
  if (table.length > 0) {
    console.log("Issue 15's rows (median, min–max) and their goals:");
    const width = Math.max(...table.map((t) => t.row.length));
    for (const t of table) {
      const verdict = t.met === undefined ? 'n/a' : t.met ? 'met' : 'NOT met';
      console.log(`  ${t.row.padEnd(width)}  ${t.figure.padEnd(30)} goal ${t.goal.padEnd(20)} ${verdict}`);
    }
    console.log('  (bytes: `npm run size`; the server rows follow)\n');
  }
  if (wanted('server') && existsSync(serverBench)) {
    console.log('Reference server (scripts/bench-server.mjs):');
    await import(pathToFileURL(serverBench).href);
  }
}

main().catch(async (error) => {
  console.error(error);
  await stop();
  process.exitCode = 1;
});
