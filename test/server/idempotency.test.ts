import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clock, DAY, newCase, start } from './helpers.js';

interface T {
  number: string;
}
interface Problem {
  kind: string;
  conflict?: string;
  errors?: { field: string; code: string }[];
}

test('Idempotency-Key: replay, mismatch 422, in progress 409, missing 400, scoped per session, expires after 24 h', async () => {
  const c = clock();
  let gate: Promise<void> | undefined;
  let entered: (() => void) | undefined;
  const s = await start({
    now: c.now,
    seedDemo: false,
    hooks: {
      beforeHandle: async ({ path }) => {
        if (path === '/api/tickets' && gate) {
          entered?.();
          await gate;
        }
      },
    },
  });
  try {
    const sam = await s.api.signIn('sam@example.com');
    const alex = await s.api.signIn('alex@example.com');
    const count = (): number => (s.server.db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;

    // In progress: the first request is held inside its handler.
    let release: () => void = () => undefined;
    gate = new Promise<void>((r) => {
      release = r;
    });
    const inside = new Promise<void>((r) => {
      entered = r;
    });
    const first = s.api.call<T>('POST', '/api/tickets', { token: sam, key: 'key-1', json: newCase() });
    await inside;
    const concurrent = await s.api.call<Problem>('POST', '/api/tickets', { token: sam, key: 'key-1', json: newCase() });
    assert.equal(concurrent.status, 409);
    assert.equal(concurrent.body.kind, 'conflict');
    assert.equal(concurrent.body.conflict, 'idempotency_in_progress');
    gate = undefined;
    release();
    const created = await first;
    assert.equal(created.status, 201);
    assert.equal(count(), 1);

    // Same key, same body: the first answer again, nothing new.
    const replay = await s.api.call<T>('POST', '/api/tickets', { token: sam, key: 'key-1', json: newCase() });
    assert.equal(replay.status, 201);
    assert.deepEqual(replay.body, created.body);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(count(), 1);

    // Same key, another body (or another route): 422.
    const mismatch = await s.api.call<Problem>('POST', '/api/tickets', { token: sam, key: 'key-1', json: newCase({ subject: 'Other' }) });
    assert.equal(mismatch.status, 422);
    assert.equal(mismatch.body.conflict, 'idempotency_mismatch');
    const otherRoute = await s.api.call<Problem>('POST', `/api/tickets/${created.body.number}/comments`, { token: sam, key: 'key-1', json: newCase() });
    assert.equal(otherRoute.status, 422);

    // Another session has its own keys.
    assert.equal((await s.api.call('POST', '/api/tickets', { token: alex, key: 'key-1', json: newCase() })).status, 201);
    assert.equal(count(), 2);

    // A validation failure is replayed too (the request was the same).
    const bad1 = await s.api.call<Problem>('POST', '/api/tickets', { token: sam, key: 'key-bad', json: {} });
    const bad2 = await s.api.call<Problem>('POST', '/api/tickets', { token: sam, key: 'key-bad', json: {} });
    assert.equal(bad1.status, 422);
    assert.deepEqual(bad2.body, bad1.body);
    assert.equal(bad2.headers.get('idempotent-replayed'), 'true');

    // Missing key: 400.
    const missing = await s.api.call<Problem>('POST', '/api/tickets', { token: sam, key: null, json: newCase() });
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body.errors, [{ field: 'Idempotency-Key', code: 'required' }]);
    for (const path of ['/api/session', '/api/sign-in-help', '/api/uploads', `/api/tickets/${created.body.number}/comments`]) {
      assert.equal((await s.api.call('POST', path, { token: sam, key: null, json: {} })).status, 400, path);
    }

    // Unauthenticated POSTs are scoped per client: sign-in help replays.
    const help = { name: 'Lee', email: 'lee@example.com', areaId: 'esign', description: 'Locked out' };
    const h1 = await s.api.call<{ reference: string }>('POST', '/api/sign-in-help', { key: 'help-1', json: help });
    const h2 = await s.api.call<{ reference: string }>('POST', '/api/sign-in-help', { key: 'help-1', json: help });
    assert.equal(h2.body.reference, h1.body.reference);

    // After 24 hours the key is forgotten.
    c.advance(DAY + 1);
    const later = await s.api.call<T>('POST', '/api/tickets', { token: sam, key: 'key-1', json: newCase({ subject: 'Other' }) });
    assert.equal(later.status, 201);
    assert.notEqual(later.body.number, created.body.number);
  } finally {
    await s.close();
  }
});
