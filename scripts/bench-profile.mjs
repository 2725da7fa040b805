// `node scripts/bench-profile.mjs scenario=form [self N] [inclusive N]`: one load of a test/bench page under the
// DevTools CPU profiler (after a warm-up load); prints the top self-time functions and the
// inclusive time of src/ functions. Whole page, not only the timed phases.
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';
const query = process.argv[2] ?? 'scenario=form';
const root = '/work/wt-render/test/bench/';
const server = await createServer({ root, configFile: false, logLevel: 'warn', server: { host: '127.0.0.1', port: 0, hmr: false, fs: { allow: ['/work/wt-render'] } } });
await server.listen();
const port = server.httpServer.address().port;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
async function once(profile) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('console', (m) => console.log('console:', m.text()));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.exposeFunction('benchCpu', async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  });
  if (profile) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); await cdp.send('Profiler.start'); }
  await page.goto(`http://127.0.0.1:${port}/?${query}`);
  await page.waitForFunction('window.benchDone === true', undefined, { timeout: 300000 });
  const res = await page.evaluate('window.benchResult');
  const err = await page.evaluate('window.benchError');
  let out;
  if (profile) out = (await cdp.send('Profiler.stop')).profile;
  await context.close();
  return { res, err, out };
}
await once(false);
const { res, err, out } = await once(true);
console.log(err, JSON.stringify(res));
const self = new Map();
const dt = out.timeDeltas; const byId = new Map(out.nodes.map((n) => [n.id, n]));
const counts = new Map();
out.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
for (const [id, us] of counts) {
  const n = byId.get(id); const f = n.callFrame;
  const key = `${f.functionName || '(anon)'} ${f.url.replace(/^.*\/wt-render\//, '').replace(/^http:\/\/[^/]+\//, '')}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + us);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log('total sampled ms', (total / 1000).toFixed(1));
for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[3] ?? 40))) console.log((us / 1000).toFixed(1).padStart(8), k);
// Inclusive time of the project's own functions (each sample counted once per function).
const parent = new Map();
for (const n of out.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map();
for (const [id, us] of counts) {
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const f = byId.get(cur).callFrame;
    if (!f.url.includes('/src/')) continue;
    const key = `${f.functionName || '(anon)'} ${f.url.replace(/^.*\/src\//, 'src/').replace(/\?.*$/, '')}:${f.lineNumber + 1}`;
    if (seen.has(key)) continue;
    seen.add(key);
    incl.set(key, (incl.get(key) ?? 0) + us);
  }
}
console.log('\ninclusive, src/ only');
for (const [k, us] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[4] ?? 40))) console.log((us / 1000).toFixed(1).padStart(8), k);
await browser.close(); await server.close();
