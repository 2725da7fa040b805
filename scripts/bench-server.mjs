#!/usr/bin/env node
// `npm run bench:server` (also the last part of `npm run bench`): the reference server against a
// bare node:http server that returns the same bytes, with 10,000 cases seeded through the store.
//
//   1. starts the reference server in a child process (`node --import tsx` this file `--serve`),
//      in a temp folder, on a free port of 127.0.0.1, and seeds it through server/store: Sam
//      requests 9,000 cases and watches 500 of Alex's 1,000 (10,000 in all);
//   2. asks it once for each request below and starts a second child (`--bare`), a node:http
//      server that answers each of those requests with the body the reference server gave;
//      (`GET /api/session` shows what any signed-in request costs: the pipeline's floor);
//   3. for each request, RUNS times: CONCURRENCY clients on keep-alive sockets send it for
//      SECONDS to the reference server, then to the bare one; prints req/s and p99 latency
//      (median of the runs, min–max), and the ratio bare ÷ reference; and, as wall time is
//      noisy on a shared machine, each server's CPU time per request (asked over IPC) and
//      the ratio of those.
//
// Options: --runs N (default 5), --seconds S (default 2), --concurrency C (default 10),
// --only TEXT (load only the requests whose label contains TEXT, such as `list` or `floor`),
// --cpu-prof DIR (each reference server, cached and not, writes a V8 CPU profile into DIR when
// it stops).
// The list and search rows run twice: against the server as it ships (repeating a request
// answers from its list cache, server/list-cache.ts) and against a second reference server
// with that cache off (`--uncached`), which shows what a list or search costs the first time.
// No thresholds: figures for people, not a test.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const self = fileURLToPath(import.meta.url);
const { values: options } = parseArgs({
  options: {
    serve: { type: 'boolean', default: false },
    bare: { type: 'boolean', default: false },
    uncached: { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '10' },
    only: { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
  strict: true,
});

const PASSWORD = 'correct horse battery';
const SAM_CASES = 9000;
const ALEX_CASES = 1000;

// Subjects: 20 Latin and 10 Japanese, so each searched word is in about 1 case of 30.
const LATIN = [
  'Envelope does not send',
  'Printer jam in room 4',
  'Invoice missing for March',
  'Login fails after reset',
  'Signature field not shown',
  'Template error on save',
  'Upload is very slow',
  'Recipient did not get the email',
  'Cannot change billing address',
  'Reminder sent twice',
  'Document preview is blank',
  'Bulk send stops halfway',
  'Audit trail incomplete',
  'Mobile app crashes on open',
  'Two-factor code never arrives',
  'Wrong time zone on certificate',
  'Custom branding lost',
  'Webhook returns 500',
  'Seats count is wrong',
  'Export to PDF fails',
];
const JAPANESE = [
  '請求書が届かない',
  '印刷できません',
  'ログインできない',
  '署名欄が表示されない',
  'テンプレートの保存エラー',
  'アップロードが遅い',
  '通知メールが二重に届く',
  '証明書のタイムゾーンが違う',
  'モバイルアプリが落ちる',
  'ＰＤＦの書き出しに失敗',
];
const SUBJECTS = [...LATIN, ...JAPANESE];
const STATUSES = ['open', 'pending', 'action_required', 'closed'];

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** @param {number[]} values @param {number} p */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Child: the reference server, seeded.

async function serveReference() {
  const dataDir = mkdtempSync(join(tmpdir(), 'support-bench-'));
  const { createSupportServer } = await import('../server/app.ts');
  const store = await import('../server/store.ts');
  // Throughput, not abuse limits: the per-user case limit (10 a minute) would answer the
  // create benchmark's second second with 429s.
  const unlimited = { casesPerMinute: Number.MAX_SAFE_INTEGER, caseBurst: Number.MAX_SAFE_INTEGER };
  const listCache = options.uncached ? { listCache: { maxEntries: 0, maxBytes: 0 } } : {};
  const server = createSupportServer({ dataDir, autoCloseIntervalMs: 0, seedDemo: false, scryptCost: 1024, limits: unlimited, ...listCache });
  const { db } = server;
  const sam = { name: 'Sam Sample', email: 'sam@example.com' };
  const alex = { name: 'Alex Example', email: 'alex@example.com' };
  const start = Date.parse('2026-01-01T00:00:00.000Z');
  db.transaction(() => {
    for (let i = 0; i < SAM_CASES + ALEX_CASES; i++) {
      const mine = i % 10 !== 0; // 9 in 10 are Sam's, interleaved in time with Alex's
      const at = new Date(start + i * 60_000).toISOString();
      const number = store.insertTicket(db, {
        subject: `${SUBJECTS[i % SUBJECTS.length]} (${i})`,
        description: 'Seeded for the benchmark.',
        areaId: 'esign',
        productId: 'esignature',
        categoryId: undefined,
        subcategoryId: undefined,
        status: /** @type {import('../src/core/ticket.ts').Status} */ (STATUSES[i % STATUSES.length]),
        contactMethod: 'portal',
        accountId: mine ? 'acc-northwind' : 'acc-alex',
        requester: mine ? sam : alex,
        followUpOf: undefined,
        at,
        locale: i % 3 === 0 ? 'ja' : 'en',
      });
      if (!mine && i % 20 === 0) store.insertWatcher(db, number, sam.email, at); // half of Alex's: 500
    }
  })();
  const { url } = await server.listen(0, '127.0.0.1');
  console.log(JSON.stringify({ url, dataDir }));
  const stop = () => {
    void server.close().then(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  };
  process.stdin.on('end', stop).resume();
  process.once('SIGTERM', stop);
  answerCpu();
}

/** Both children tell the parent their CPU time when asked: wall time is noisy on a shared machine. */
function answerCpu() {
  process.on('message', () => process.send?.(process.cpuUsage()));
}

// ---------------------------------------------------------------------------------------------
// Child: the bare baseline, one canned response per request line read on stdin.

function serveBare() {
  answerCpu();
  /** @type {Map<string, { status: number; contentType: string; body: Buffer }>} */
  const answers = new Map();
  const lines = createInterface({ input: process.stdin });
  /** @type {import('node:http').Server | undefined} */
  let server;
  lines.on('line', (line) => {
    const { key, status, contentType, body } = /** @type {{ key: string; status: number; contentType: string; body: string }} */ (JSON.parse(line));
    answers.set(key, { status, contentType, body: Buffer.from(body, 'base64') });
    if (server) return;
    server = createServer((req, res) => {
      const answer = answers.get(`${req.method} ${req.url}`);
      req.resume();
      req.on('end', () => {
        if (!answer) {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(answer.status, { 'Content-Type': answer.contentType, 'Content-Length': answer.body.length });
        res.end(answer.body);
      });
    });
    server.listen(0, '127.0.0.1', () => {
      const address = server?.address();
      console.log(JSON.stringify({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` }));
    });
  });
  lines.on('close', () => {
    server?.close();
    server?.closeAllConnections();
    process.disconnect?.();
  });
}

// ---------------------------------------------------------------------------------------------
// Parent: the load.

/**
 * @typedef {{ method: 'GET' | 'POST'; path: string; token: string; body?: string; fresh?: boolean }} Req
 * @typedef {{ status: number; contentType: string; body: Buffer }} Res
 */

/**
 * @param {Agent} agent @param {string} base @param {Req} r
 * @returns {Promise<Res>}
 */
function send(agent, base, r) {
  return new Promise((resolve, reject) => {
    /** @type {Record<string, string | number>} */
    const headers = { Authorization: `Bearer ${r.token}` };
    if (r.method === 'POST') headers['Idempotency-Key'] = randomUUID();
    if (r.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = Buffer.byteLength(r.body);
    }
    const req = request(new URL(r.path, base), { method: r.method, agent, headers }, (res) => {
      /** @type {Buffer[]} */
      const chunks = [];
      res.on('data', (chunk) => chunks.push(/** @type {Buffer} */ (chunk)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(r.body);
  });
}

/**
 * The child's CPU time so far, in ms.
 * @param {import('node:child_process').ChildProcess} child
 * @returns {Promise<number>}
 */
function cpuOf(child) {
  return new Promise((resolve) => {
    child.once('message', (usage) => {
      const { user, system } = /** @type {NodeJS.CpuUsage} */ (usage);
      resolve((user + system) / 1000);
    });
    child.send('cpu');
  });
}

/**
 * CONCURRENCY loops sending `r` for `seconds`; req/s, p99 latency and the server's CPU ms per request.
 * @param {{ url: string; child: import('node:child_process').ChildProcess }} server
 * @param {Req} r @param {number} seconds @param {number} concurrency @param {number} expected
 */
async function load(server, r, seconds, concurrency, expected) {
  const base = server.url;
  const cpuBefore = await cpuOf(server.child);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  /** @type {number[]} */
  const latencies = [];
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  const loop = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const res = await send(agent, base, r);
      if (res.status !== expected) throw new Error(`${r.method} ${r.path}: ${res.status} ${res.body.toString('utf8').slice(0, 200)}`);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsed = (performance.now() - started) / 1000;
  const cpu = ((await cpuOf(server.child)) - cpuBefore) / latencies.length;
  agent.destroy();
  return { rps: latencies.length / elapsed, p99: percentile(latencies, 99), cpu };
}

/**
 * @param {string[]} args
 * @param {string | undefined} [input]
 * @returns {Promise<{ url: string; child: import('node:child_process').ChildProcess }>}
 */
function startChild(args, input) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit', 'ipc'] });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited (${code})`)));
    if (input !== undefined) child.stdin?.write(input);
    const out = child.stdout;
    if (!out) throw new Error('no stdout');
    createInterface({ input: out }).once('line', (line) => {
      const { url } = /** @type {{ url: string }} */ (JSON.parse(line));
      child.removeAllListeners('exit');
      resolve({ url, child });
    });
  });
}

/** @param {number} n */
const fmt = (n) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

async function main() {
  const runs = Number(options.runs);
  const seconds = Number(options.seconds);
  const concurrency = Number(options.concurrency);
  /** @type {import('node:child_process').ChildProcess[]} */
  const children = [];
  process.once('SIGINT', () => {
    for (const child of children) child.kill('SIGTERM');
    process.exit(130);
  });
  try {
    const seededAt = performance.now();
    const profile = options['cpu-prof'] === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', options['cpu-prof']];
    const reference = await startChild([...profile, '--import', 'tsx', self, '--serve']);
    children.push(reference.child);
    const uncached = await startChild([...profile, '--import', 'tsx', self, '--serve', '--uncached']);
    children.push(uncached.child);
    console.log(`seeded ${SAM_CASES + ALEX_CASES} cases in ${((performance.now() - seededAt) / 1000).toFixed(1)} s`);
    const agent = new Agent({ keepAlive: true });
    /** @param {string} email @param {string} [base] */
    const signIn = async (email, base = reference.url) => {
      const body = JSON.stringify({ email, password: PASSWORD, realm: 'product' });
      const res = await send(agent, base, { method: 'POST', path: '/api/session', token: '', body });
      if (res.status !== 201) throw new Error(`sign-in ${email}: ${res.status}`);
      return /** @type {{ token: string }} */ (JSON.parse(res.body.toString('utf8'))).token;
    };
    const sam = await signIn('sam@example.com');
    const alex = await signIn('alex@example.com');
    const samUncached = await signIn('sam@example.com', uncached.url);

    // The cursor of the page that starts 5,000 cases down.
    let cursor = '';
    for (let seen = 0; seen < 5000; seen += 200) {
      const res = await send(agent, reference.url, { method: 'GET', path: `/api/tickets?limit=200${cursor ? `&cursor=${cursor}` : ''}`, token: sam });
      cursor = /** @type {{ nextCursor: string }} */ (JSON.parse(res.body.toString('utf8'))).nextCursor;
    }
    const newCase = JSON.stringify({ areaId: 'esign', productId: 'esignature', subject: 'Printer jam again', description: 'Benchmark.', contactMethod: 'portal' });
    /** @type {{ label: string; req: Req; status: number; uncached?: true }[]} */
    const scenarios = [
      { label: 'GET /api/session (floor)', req: { method: 'GET', path: '/api/session', token: sam }, status: 200 },
      { label: 'list, first page of 50', req: { method: 'GET', path: '/api/tickets', token: sam }, status: 200 },
      { label: 'list, keyset page at 5,000', req: { method: 'GET', path: `/api/tickets?cursor=${cursor}`, token: sam }, status: 200 },
      { label: 'list, status=pending', req: { method: 'GET', path: '/api/tickets?status=pending', token: sam }, status: 200 },
      { label: 'search "printer"', req: { method: 'GET', path: '/api/tickets?search=printer', token: sam }, status: 200 },
      { label: 'search "請求書" (3 chars)', req: { method: 'GET', path: `/api/tickets?search=${encodeURIComponent('請求書')}`, token: sam }, status: 200 },
      { label: 'search "印刷" (2 chars)', req: { method: 'GET', path: `/api/tickets?search=${encodeURIComponent('印刷')}`, token: sam }, status: 200 },
      { label: 'search "#1000" (digits)', req: { method: 'GET', path: '/api/tickets?search=%231000', token: sam }, status: 200 },
      { label: 'list, first page, cache off', req: { method: 'GET', path: '/api/tickets', token: samUncached }, status: 200, uncached: true },
      { label: 'search "printer", cache off', req: { method: 'GET', path: '/api/tickets?search=printer', token: samUncached }, status: 200, uncached: true },
      { label: 'search "印刷", cache off', req: { method: 'GET', path: `/api/tickets?search=${encodeURIComponent('印刷')}`, token: samUncached }, status: 200, uncached: true },
      { label: 'create a case', req: { method: 'POST', path: '/api/tickets', token: alex, body: newCase }, status: 201 },
    ];
    let canned = '';
    for (const s of scenarios) {
      const res = await send(agent, s.uncached ? uncached.url : reference.url, s.req);
      if (res.status !== s.status) throw new Error(`${s.label}: ${res.status} ${res.body.toString('utf8').slice(0, 200)}`);
      canned += `${JSON.stringify({ key: `${s.req.method} ${s.req.path}`, status: res.status, contentType: res.contentType, body: res.body.toString('base64') })}\n`;
      const total = s.req.method === 'GET' ? /** @type {{ total: number }} */ (JSON.parse(res.body.toString('utf8'))).total : undefined;
      console.log(`  ${s.label}: ${res.body.length} bytes${total !== undefined ? `, total ${total}` : ''}`);
    }
    agent.destroy();
    const bare = await startChild([self, '--bare'], canned);
    children.push(bare.child);

    console.log(
      `\nreference server vs bare node:http, ${concurrency} concurrent keep-alive clients, ${seconds} s per run, median of ${runs} runs [min–max]`,
    );
    console.log(`(load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores)`);
    /** @type {Map<string, { rps: number[]; ratios: number[] }>} */
    const results = new Map();
    for (const s of scenarios) {
      if (options.only !== undefined && !s.label.includes(options.only)) continue;
      /** @type {{ rps: number[]; p99: number[]; cpu: number[] }} */
      const ref = { rps: [], p99: [], cpu: [] };
      /** @type {{ rps: number[]; p99: number[]; cpu: number[] }} */
      const base = { rps: [], p99: [], cpu: [] };
      const tested = s.uncached ? uncached : reference;
      await load(tested, s.req, 0.3, concurrency, s.status); // warm-up
      await load(bare, s.req, 0.3, concurrency, s.status);
      for (let run = 0; run < runs; run++) {
        for (const [server, into] of /** @type {const} */ ([[tested, ref], [bare, base]])) {
          const result = await load(server, s.req, seconds, concurrency, s.status);
          into.rps.push(result.rps);
          into.p99.push(result.p99);
          into.cpu.push(result.cpu);
        }
      }
      const range = (/** @type {number[]} */ v) => `[${fmt(Math.min(...v))}–${fmt(Math.max(...v))}]`;
      const ratios = ref.rps.map((r, i) => (base.rps[i] ?? 0) / r);
      const cpuRatios = ref.cpu.map((c, i) => c / (base.cpu[i] ?? 1));
      const ms = (/** @type {number} */ v) => v.toFixed(3);
      results.set(s.label, { rps: ref.rps, ratios });
      console.log(
        `  ${s.label.padEnd(28)} ${fmt(median(ref.rps)).padStart(6)} req/s ${range(ref.rps).padEnd(13)} p99 ${fmt(median(ref.p99)).padStart(5)} ms` +
          ` | bare ${fmt(median(base.rps)).padStart(6)} req/s ${range(base.rps).padEnd(13)} p99 ${fmt(median(base.p99)).padStart(5)} ms` +
          ` | ${median(ratios).toFixed(1)}× slower ${range(ratios)}` +
          `\n  ${''.padEnd(28)} server CPU ${ms(median(ref.cpu))} ms/req [${ms(Math.min(...ref.cpu))}–${ms(Math.max(...ref.cpu))}]` +
          ` | bare ${ms(median(base.cpu))} ms/req | ${median(cpuRatios).toFixed(1)}× the CPU ${range(cpuRatios)}`,
      );
    }
    // Issue 15's server rows beside their goals (the search goal: 10× the 38 req/s it was filed with).
    const list = results.get('list, first page of 50');
    const search = results.get('search "printer"');
    const listCold = results.get('list, first page, cache off');
    const searchCold = results.get('search "printer", cache off');
    const span = (/** @type {number[]} */ v, /** @type {(v: number) => string} */ u) => `${u(median(v))} (${u(Math.min(...v))}–${u(Math.max(...v))})`;
    console.log("\nIssue 15's server rows (median, min–max) and their goals:");
    if (list) {
      const m = median(list.ratios);
      console.log(`  list page of 50 at 10,000 cases: ${span(list.ratios, (v) => `${v.toFixed(1)}× bare`)}, ${span(list.rps, fmt)} req/s; goal ≤ 5× bare: ${m <= 5 ? 'met' : 'NOT met'}`);
    }
    if (listCold) {
      const m = median(listCold.ratios);
      console.log(`    with the list cache off: ${span(listCold.ratios, (v) => `${v.toFixed(1)}× bare`)}, ${span(listCold.rps, fmt)} req/s: ${m <= 5 ? 'met' : 'NOT met'}`);
    }
    if (search) {
      const m = median(search.rps);
      console.log(`  search "printer": ${span(search.rps, fmt)} req/s; goal ≥ 380 req/s (10× 38): ${m >= 380 ? 'met' : 'NOT met'}`);
    }
    if (searchCold) {
      const m = median(searchCold.rps);
      console.log(`    with the list cache off: ${span(searchCold.rps, fmt)} req/s: ${m >= 380 ? 'met' : 'NOT met'}`);
    }
  } finally {
    for (const child of children) child.stdin?.end();
  }
}

if (options.serve) await serveReference();
else if (options.bare) serveBare();
else
  await main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
