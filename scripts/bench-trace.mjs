#!/usr/bin/env node
// `node scripts/bench-trace.mjs scenario=detail phase [phase…]`: one load of a test/bench page
// (after a warm-up load) with the DevTools timeline traced during each named timed phase;
// prints the main thread's time per trace event (style, layout, paint, script, GC…) side by side,
// to find where one phase spends what another does not (issue 15). Figures, no thresholds.
import { startBenchPages } from './lib/bench-page.mjs';

const query = process.argv[2] ?? 'scenario=detail';
const phases = process.argv.slice(3).length > 0 ? process.argv.slice(3) : ['element', 'bare'];
const pages = await startBenchPages();

/** @typedef {{ name: string; ph: string; dur?: number; tdur?: number; tid: number; pid: number; args?: { name?: string } }} TraceEvent */

/**
 * @param {boolean} trace
 * @returns {Promise<Map<string, Map<string, number>>>} per phase, µs of thread time per event name
 */
async function once(trace) {
  /** @type {Map<string, Map<string, number>>} */
  const byPhase = new Map();
  const loaded = await pages.load(query, async (page, cdp) => {
    if (!trace) return;
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
  });
  await loaded.close();
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
  await pages.close();
}
