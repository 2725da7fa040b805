/**
 * Two server processes (`server/main.ts --store postgres`) on one PostgreSQL database answer
 * as one (issue 17): concurrent creates with repeated Idempotency-Keys spread over both make
 * one case per key and no 5xx; a change written through one reaches an event stream opened on
 * the other; one process killed (SIGKILL) mid-load leaves the other answering, with every case
 * that got a 201 stored. Needs SUPPORT_TEST_DATABASE_URL (fails without it).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { mintHostJwt } from '../../server/host-jwt.js';
import { PG_SCHEMA_VERSION } from '../../server/store/postgres-schema.js';
import { newCase } from './helpers.js';
import { createTestDatabase, query, type TestDatabase } from './postgres.js';

const MAIN = fileURLToPath(new URL('../../server/main.ts', import.meta.url));
const SECRET = 'a-shared-secret-of-at-least-32-bytes-for-tests';
const USERS = 20;

interface Proc {
  readonly child: ChildProcess;
  readonly url: string;
}

function startProcess(databaseUrl: string, dir: string, secretFile: string): Promise<Proc> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', MAIN, '--port', '0', '--store', 'postgres', '--database-url', databaseUrl, '--data', dir, '--jwt-secret-file', secretFile, '--events-heartbeat-ms', '500'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (\S+)/.exec(out);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${String(code)}): ${err}`)));
  });
}

const stop = (p: Proc): Promise<void> =>
  new Promise((resolve) => {
    if (p.child.exitCode !== null || p.child.signalCode !== null) return resolve();
    p.child.once('exit', () => resolve());
    p.child.kill('SIGTERM');
  });

async function signIn(base: string, i: number): Promise<string> {
  const jwt = mintHostJwt({ email: `user${i}@example.com`, name: `User ${i}`, realm: 'product' }, SECRET);
  const res = await fetch(`${base}/api/session/jwt`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `jwt-${i}-${Math.random()}` },
    body: JSON.stringify({ jwt }),
  });
  assert.equal(res.status, 201);
  return ((await res.json()) as { token: string }).token;
}

async function create(base: string, token: string, key: string, subject: string): Promise<{ status: number; number?: string }> {
  const res = await fetch(`${base}/api/tickets`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify(newCase({ subject })),
  });
  const body = (await res.json()) as { number?: string };
  return { status: res.status, ...(body.number ? { number: body.number } : {}) };
}

describe('two server processes on one PostgreSQL database', () => {
  let db: TestDatabase;
  let dir: string;
  let a: Proc;
  let b: Proc;
  const tokens: string[] = [];

  before(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'support-two-'));
    const secretFile = join(dir, 'secret.txt');
    writeFileSync(secretFile, SECRET);
    // Started together: the migrations and the seed run once, under the advisory lock.
    [a, b] = await Promise.all([startProcess(db.url, join(dir, 'a'), secretFile), startProcess(db.url, join(dir, 'b'), secretFile)]);
    for (let i = 0; i < USERS; i += 1) tokens.push(await signIn(i % 2 === 0 ? a.url : b.url, i));
  });

  after(async () => {
    await Promise.all([a, b].filter(Boolean).map(stop));
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('migrated once and seeded the demo users once', async () => {
    assert.deepEqual(await query(db.url, 'SELECT version FROM schema_version'), [{ version: PG_SCHEMA_VERSION }]);
    const demo = await query<{ n: number }>(db.url, "SELECT count(*)::int AS n FROM users WHERE email LIKE '%@example.com' AND email NOT LIKE 'user%'");
    assert.equal(demo[0]?.n, 3);
  });

  it('200 concurrent creates over both, each key used twice: one case per key, no 5xx', async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => {
        const pair = Math.floor(i / 2);
        const user = pair % USERS;
        // The two uses of a key go to different processes.
        return create(i % 2 === 0 ? a.url : b.url, tokens[user] ?? '', `race-${pair}`, `Race ${pair}`);
      }),
    );
    const statuses = results.map((r) => r.status);
    assert.deepEqual(statuses.filter((s) => s >= 500), [], 'no 5xx');
    assert.ok(statuses.every((s) => s === 201 || s === 409), `201 or 409 (in flight) only: ${[...new Set(statuses)].join(', ')}`);
    const rows = await query<{ subject: string; n: number }>(db.url, "SELECT subject, count(*)::int AS n FROM tickets WHERE subject LIKE 'Race %' GROUP BY subject");
    assert.equal(rows.filter((r) => r.n > 1).length, 0, 'no duplicates');
    assert.equal(rows.length, 100, 'every key made its case');
    const numbers = new Set(results.flatMap((r) => (r.number ? [r.number] : [])));
    assert.equal(numbers.size, 100, 'both answers of a key name the same case');
  });

  it('a case created through A reaches an event stream opened on B within 2 s', async () => {
    const token = tokens[0] ?? '';
    const abort = new AbortController();
    const res = await fetch(`${b.url}/api/events`, { headers: { Authorization: `Bearer ${token}` }, signal: abort.signal });
    assert.equal(res.status, 200);
    const reader = res.body?.getReader();
    assert.ok(reader);
    const decoder = new TextDecoder();
    let text = '';
    // The stream's first block (its start id) says it is open.
    while (!text.includes('\n\n')) text += decoder.decode((await reader.read()).value ?? new Uint8Array(), { stream: true });
    const created = await create(a.url, token, `live-${Date.now()}`, 'Live across processes');
    assert.equal(created.status, 201);
    const deadline = setTimeout(() => abort.abort(), 2000);
    try {
      while (!text.includes(`"number":"${created.number ?? ''}"`)) {
        const chunk = await reader.read();
        if (chunk.done) break;
        text += decoder.decode(chunk.value, { stream: true });
      }
    } catch {
      // aborted: the deadline passed
    } finally {
      clearTimeout(deadline);
      abort.abort();
    }
    assert.ok(text.includes(`"number":"${created.number ?? ''}"`), 'the change reached the stream on the other process within 2 s');
  });

  it("a write through A shows in B's next list (B's list cache is not stale)", async () => {
    const token = tokens[2] ?? '';
    const listOn = async (base: string): Promise<{ items: { number: string }[]; total: number }> => {
      const res = await fetch(`${base}/api/tickets?limit=5`, { headers: { Authorization: `Bearer ${token}` } });
      assert.equal(res.status, 200);
      return (await res.json()) as { items: { number: string }[]; total: number };
    };
    const older = await create(a.url, token, `list-older-${Date.now()}`, 'Listed across processes');
    const newer = await create(a.url, token, `list-newer-${Date.now()}`, 'Listed across processes too');
    const before = await listOn(b.url);
    assert.deepEqual(await listOn(b.url), before, 'the same list twice on B (the second from its cache)');
    assert.equal(before.items[0]?.number, newer.number);
    const created = await create(a.url, token, `list-${Date.now()}`, 'Created on A, listed on B');
    const afterCreate = await listOn(b.url);
    assert.equal(afterCreate.items[0]?.number, created.number);
    assert.equal(afterCreate.total, before.total + 1);
    const commented = await fetch(`${a.url}/api/tickets/${older.number ?? ''}/comments`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': `comment-${Date.now()}` },
      body: JSON.stringify({ body: 'Commented on A.' }),
    });
    assert.equal(commented.status, 201);
    assert.equal((await listOn(b.url)).items[0]?.number, older.number, 'the case commented on A is first in B');
  });

  it('A killed mid-load: B keeps answering and every case that got a 201 is stored', async () => {
    const load = Array.from({ length: 60 }, (_, i) =>
      create(i % 2 === 0 ? a.url : b.url, tokens[i % USERS] ?? '', `kill-${i}`, `Kill ${i}`).catch(() => ({ status: 0 }) as { status: number; number?: string }),
    );
    // Killed once the first answers are back: requests are still arriving and running.
    await Promise.race(load);
    a.child.kill('SIGKILL');
    const results = await Promise.all(load);
    const fromB = results.filter((_, i) => i % 2 === 1);
    assert.ok(fromB.every((r) => r.status === 201), `B answered every create: ${fromB.map((r) => r.status).join(', ')}`);
    const list = await fetch(`${b.url}/api/tickets?limit=5`, { headers: { Authorization: `Bearer ${tokens[1] ?? ''}` } });
    assert.equal(list.status, 200);
    const answered = results.flatMap((r) => (r.status === 201 && r.number ? [Number(r.number)] : []));
    const stored = await query<{ number: number }>(db.url, 'SELECT number FROM tickets WHERE number = ANY($1)', [answered]);
    assert.equal(stored.length, answered.length, 'every 201 is in the database');
  });
});
