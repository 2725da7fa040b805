/**
 * `GET /healthz` and `GET /readyz` (server/health.ts, routes/health.ts): alive is 200 whatever
 * the database does; ready is 200 when the database answers and 503 with Retry-After when it
 * does not, when another check fails (without the driver's words in the answer), and for a
 * probe that arrives as the server starts shutting down. Every answer is checked against
 * docs/openapi.yaml.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { READINESS_RETRY_AFTER_S } from '../../server/health.js';
import { checked, start, type Problem } from './helpers.js';

test('/healthz and /readyz answer 200 {status: "ok"} without a session', async () => {
  const s = await start();
  try {
    for (const path of ['/healthz', '/readyz']) {
      const res = await s.api.call<{ status: string }>('GET', path);
      assert.equal(res.status, 200, path);
      assert.deepEqual(res.body, { status: 'ok' }, path);
    }
  } finally {
    await s.close();
  }
});

test('/readyz is 503 with Retry-After when the database does not answer; /healthz stays 200', async () => {
  const logs: string[] = [];
  const s = await start({ log: (line) => logs.push(line) });
  try {
    await s.server.store.close(); // as if the database became unreachable (either store)
    const ready = await s.api.call<Problem>('GET', '/readyz');
    assert.equal(ready.status, 503);
    assert.equal(ready.headers.get('retry-after'), String(READINESS_RETRY_AFTER_S));
    assert.equal(ready.body.detail, 'The database does not answer.');
    assert.ok(logs.some((line) => line.startsWith('readiness: ')), 'the cause is logged');
    const alive = await s.api.call<{ status: string }>('GET', '/healthz');
    assert.equal(alive.status, 200);
  } finally {
    await s.close();
  }
});

test('a failing extra check makes /readyz 503; its error text stays in the log, out of the answer', async () => {
  const logs: string[] = [];
  let up = false;
  const s = await start({
    log: (line) => logs.push(line),
    readinessChecks: [
      () => (up ? Promise.resolve() : Promise.reject(new Error('connect ECONNREFUSED db.internal:5432 user=support'))),
    ],
  });
  try {
    const down = await s.api.call<Problem>('GET', '/readyz');
    assert.equal(down.status, 503);
    assert.doesNotMatch(down.bytes.toString('utf8'), /db\.internal|ECONNREFUSED|user=/);
    assert.ok(logs.some((line) => line.includes('ECONNREFUSED db.internal:5432')));
    up = true;
    assert.equal((await s.api.call('GET', '/readyz')).status, 200, 'ready again once the check passes');
  } finally {
    await s.close();
  }
});

test('a readiness probe in flight when the server starts shutting down answers 503 "shutting down", then the server is gone', async () => {
  let entered!: () => void;
  const inHandler = new Promise<void>((resolve) => (entered = resolve));
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const s = await start({
    hooks: {
      beforeHandle: async ({ path }) => {
        if (path !== '/readyz') return;
        entered();
        await gate;
      },
    },
  });
  const url = new URL('/readyz', s.url);
  const probe = fetch(url);
  await inHandler;
  const closed = s.server.close({ timeoutMs: 30_000 });
  release();
  const res = await checked<Problem>('GET', url, await probe);
  assert.equal(res.status, 503);
  assert.equal(res.body.detail, 'The server is shutting down.');
  assert.equal(res.headers.get('retry-after'), String(READINESS_RETRY_AFTER_S));
  assert.equal(res.headers.get('connection'), 'close');
  await closed;
  await assert.rejects(fetch(new URL('/healthz', s.url)), 'nothing listens any more');
  await s.close(); // the same close: removes the data folder
});

test('close({timeoutMs}) cuts a request that does not finish by the deadline', async () => {
  let entered!: () => void;
  const inHandler = new Promise<void>((resolve) => (entered = resolve));
  let release!: () => void;
  const never = new Promise<void>((resolve) => (release = resolve));
  const s = await start({
    hooks: {
      beforeHandle: async ({ path }) => {
        if (path !== '/healthz') return;
        entered();
        await never;
      },
    },
  });
  const stuck = fetch(new URL('/healthz', s.url));
  await inHandler;
  await s.server.close({ timeoutMs: 50 });
  await assert.rejects(stuck, 'the connection was cut');
  release();
  await s.close();
});
