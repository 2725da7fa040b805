#!/usr/bin/env node
// `npm run bench:server` runs this too when SUPPORT_TEST_DATABASE_URL (or DATABASE_URL) is set:
// the reference server (`server/main.ts`) with 10,000 cases, on SQLite (one process), on
// PostgreSQL with one process and with two processes on one database (requests alternate
// between them), in the same run. For each: CONCURRENCY clients on keep-alive sockets,
//   list:   GET /api/tickets?limit=50 as the person with the 10,000 cases, for SECONDS;
//   create: POST /api/tickets, CREATES cases by 200 host-JWT users (5 each: under the rate limit);
// prints requests/s and p99 latency. The URL is a superuser's: a database is created and dropped.
// Options: --seconds S (default 3), --concurrency C (default 10), --creates N (default 1000).
// Run as `node --import tsx scripts/bench-postgres.mjs`. No thresholds: figures for people, not a test.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';

const { values: options } = parseArgs({
  options: { seconds: { type: 'string', default: '3' }, concurrency: { type: 'string', default: '10' }, creates: { type: 'string', default: '1000' } },
  strict: true,
});
const SECONDS = Number(options.seconds);
const CONCURRENCY = Number(options.concurrency);
const CREATES = Number(options.creates);
const CASES = 10_000;
const USERS = 200;
const SECRET = randomBytes(32).toString('hex');
const MAIN = fileURLToPath(new URL('../server/main.ts', import.meta.url));
const adminUrl = process.env.SUPPORT_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!adminUrl) {
  console.log('bench-postgres: not run: no PostgreSQL (set SUPPORT_TEST_DATABASE_URL or DATABASE_URL)');
  process.exit(0);
}
const { mintHostJwt } = await import('../server/host-jwt.ts');
const { registerFunctions } = await import('../server/store.ts');

const work = mkdtempSync(join(tmpdir(), 'bench-postgres-'));
const secretFile = join(work, 'secret.txt');
writeFileSync(secretFile, SECRET);

/** @param {string[]} flags @returns {Promise<{ url: string, stop: () => Promise<void> }>} */
function serve(flags) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--port', '0', '--jwt-secret-file', secretFile, '--auto-close-interval-ms', '0', ...flags], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (\S+)/.exec(out);
      if (match?.[1]) resolve({ url: match[1], stop: () => new Promise((done) => (child.once('exit', () => done(undefined)), child.kill('SIGTERM'))) });
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

/** @param {string} url @param {RequestInit} init */
async function timed(url, init) {
  const start = performance.now();
  const res = await fetch(url, init);
  await res.arrayBuffer();
  return { ms: performance.now() - start, status: res.status };
}

const p99 = (/** @type {number[]} */ ms) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length * 0.99)] ?? 0;

/** @param {string} base @param {string} email @returns {Promise<string>} */
async function signIn(base, email) {
  const res = await fetch(`${base}/api/session/jwt`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
    body: JSON.stringify({ jwt: mintHostJwt({ email, name: email, realm: 'product' }, SECRET) }),
  });
  if (res.status !== 201) throw new Error(`host JWT sign-in: ${res.status} ${await res.text()}`);
  return /** @type {{ token: string }} */ (await res.json()).token;
}

/** The list for SECONDS, then CREATES cases, alternating over `urls`. @param {string} label @param {string[]} urls */
async function measure(label, urls) {
  const heavy = await signIn(urls[0] ?? '', 'heavy@example.com');
  /** @type {number[]} */
  const list = [];
  /** @type {Record<string, number>} */
  const errors = {};
  const fail = (/** @type {string} */ what, /** @type {number} */ status) => (errors[`${what} ${status}`] = (errors[`${what} ${status}`] ?? 0) + 1);
  const until = performance.now() + SECONDS * 1000;
  let turn = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const r = await timed(`${urls[turn++ % urls.length]}/api/tickets?limit=50`, { headers: { Authorization: `Bearer ${heavy}` } });
        if (r.status !== 200) fail('list', r.status);
        list.push(r.ms);
      }
    }),
  );
  const tokens = await Promise.all(Array.from({ length: USERS }, (_, i) => signIn(urls[i % urls.length] ?? '', `bench${i}@example.com`)));
  /** @type {number[]} */
  const create = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < CREATES) {
        const i = next++;
        const r = await timed(`${urls[i % urls.length]}/api/tickets`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${tokens[i % USERS]}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
          body: JSON.stringify({ areaId: 'esign', productId: 'esignature', subject: `Bench ${i}`, description: 'Clicking Send does nothing.', contactMethod: 'portal' }),
        });
        if (r.status !== 201) fail('create', r.status);
        create.push(r.ms);
      }
    }),
  );
  const createS = (performance.now() - start) / 1000;
  const row = { store: label, 'list req/s': Math.round(list.length / SECONDS), 'list p99 ms': +p99(list).toFixed(1), 'create req/s': Math.round(create.length / createS), 'create p99 ms': +p99(create).toFixed(1), 'non-2xx': JSON.stringify(errors) };
  console.log(JSON.stringify(row));
  return row;
}

const seedSql = () => `INSERT INTO tickets (number, id, subject, subject_folded, description, area_id, product_id, status, contact_method, account_id,
  requester_name, requester_email, created_at, updated_at, activity_at, locale) VALUES `;

const rows = [];
// SQLite: one process; 10,000 cases written into its file before it starts.
{
  const data = join(work, 'sqlite');
  const first = await serve(['--data', data]);
  await first.stop();
  const db = new Database(join(data, 'support.sqlite'));
  registerFunctions(db);
  const insert = db.prepare(`${seedSql()} (?, ?, ?, ?, 'd', 'esign', 'esignature', 'open', 'portal', 'acc-heavy', 'Heavy', 'heavy@example.com', ?, ?, ?, 'en')`);
  db.transaction(() => {
    for (let i = 1; i <= CASES; i++) {
      const at = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
      insert.run(20_000_000 + i, `id-${i}`, `Envelope ${i} does not send`, `envelope ${i} does not send`, at, at, at);
    }
  })();
  db.close();
  const server = await serve(['--data', data]);
  rows.push(await measure('sqlite, 1 process', [server.url]));
  await server.stop();
}
// PostgreSQL: one process, then two on one database.
const name = `bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
try {
  const flags = (/** @type {string} */ dir) => ['--store', 'postgres', '--database-url', url.toString(), '--data', join(work, dir)];
  const a = await serve(flags('a'));
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(
    `INSERT INTO tickets (number, id, subject, subject_folded, description, area_id, product_id, status, contact_method, account_id,
       requester_name, requester_email, created_at, updated_at, activity_at, locale)
     SELECT 20000000 + i, 'id-' || i, 'Envelope ' || i || ' does not send', 'envelope ' || i || ' does not send', 'd', 'esign', 'esignature',
       'open', 'portal', 'acc-heavy', 'Heavy', 'heavy@example.com', t, t, t, 'en'
     FROM generate_series(1, $1::int) AS i,
       LATERAL (SELECT to_char(timestamp '2025-01-01' + i * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"') AS t) AS times`,
    [CASES],
  );
  await client.query("SELECT setval('ticket_numbers', 30000000)");
  await client.query('VACUUM ANALYZE');
  await client.end();
  rows.push(await measure('postgres, 1 process', [a.url]));
  const b = await serve(flags('b'));
  rows.push(await measure('postgres, 2 processes', [a.url, b.url]));
  await Promise.all([a.stop(), b.stop()]);
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  rmSync(work, { recursive: true, force: true });
}
console.table(rows);
