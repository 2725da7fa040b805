#!/usr/bin/env node
// `node scripts/bench-profile.mjs scenario=form [self N] [inclusive N] [phase]`: one load of a
// test/bench page (the query string of `npm run bench`'s scenarios) under the DevTools CPU
// profiler, after a warm-up load; prints the page's figures, the top self-time functions and the
// inclusive time of the project's src/ functions. The whole page is profiled, or only the timed
// phase named `phase` (`first-rows`, `keystroke`, `element`…).
// For finding where render time goes (issue 15); no thresholds.
import { startBenchPages } from './lib/bench-page.mjs';

const query = process.argv[2] ?? 'scenario=form';
const selfRows = Number(process.argv[3] ?? 30);
const inclusiveRows = Number(process.argv[4] ?? 40);
const phase = process.argv[5];
const pages = await startBenchPages();

/**
 * @typedef {{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }} ProfileNode
 * @typedef {{ nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }} Profile
 */

/**
 * One load of the page; profiled when `profile`.
 * @param {boolean} profile
 * @returns {Promise<{ result: unknown; error: unknown; recorded: Profile | undefined }>}
 */
async function once(profile) {
  /** @type {Profile | undefined} */
  let recorded;
  const loaded = await pages.load(query, async (page, cdp) => {
    if (!profile) return;
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    if (!phase) {
      await cdp.send('Profiler.start');
      return;
    }
    await page.exposeFunction('benchPhase', async (/** @type {string} */ name, /** @type {boolean} */ starting) => {
      if (name !== phase) return;
      if (starting) await cdp.send('Profiler.start');
      else recorded = /** @type {Profile} */ ((await cdp.send('Profiler.stop')).profile);
    });
  });
  const result = await loaded.page.evaluate('window.benchResult');
  const error = await loaded.page.evaluate('window.benchError');
  if (profile && !phase) recorded = /** @type {Profile} */ ((await loaded.cdp.send('Profiler.stop')).profile);
  await loaded.close();
  return { result, error, recorded };
}

try {
  await once(false);
  const { result, error, recorded } = await once(true);
  console.log(error ?? '', JSON.stringify(result));
  if (!recorded) throw new Error('no profile');
  const byId = new Map(recorded.nodes.map((n) => [n.id, n]));
  /** @type {Map<number, number>} */
  const parent = new Map();
  for (const n of recorded.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  /** @type {Map<number, number>} µs per node */
  const spent = new Map();
  recorded.samples.forEach((id, i) => spent.set(id, (spent.get(id) ?? 0) + (recorded.timeDeltas[i] ?? 0)));
  /** @param {ProfileNode['callFrame']} f */
  const name = (f) => `${f.functionName || '(anon)'} ${f.url.replace(/^https?:\/\/[^/]+\//, '').replace(/\?.*$/, '')}:${f.lineNumber + 1}`;
  /** @type {Map<string, number>} */
  const self = new Map();
  /** @type {Map<string, number>} */
  const inclusive = new Map();
  for (const [id, us] of spent) {
    const node = byId.get(id);
    if (!node) continue;
    self.set(name(node.callFrame), (self.get(name(node.callFrame)) ?? 0) + us);
    const seen = new Set();
    for (let cur = /** @type {number | undefined} */ (id); cur !== undefined; cur = parent.get(cur)) {
      const frame = byId.get(cur)?.callFrame;
      if (!frame || !frame.url.includes('/src/')) continue;
      const key = name(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  const top = (/** @type {Map<string, number>} */ m, /** @type {number} */ n) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`).join('\n');
  console.log(`\nself time (line numbers of the served modules):\n${top(self, selfRows)}`);
  console.log(`\ninclusive time, src/ only:\n${top(inclusive, inclusiveRows)}`);
} finally {
  await pages.close();
}
