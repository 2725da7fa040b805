import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clock, countRows, DAY, newCase, start } from './helpers.js';

interface T {
  number: string;
}
interface Problem {
  kind: string;
  conflict?: string;
  errors?: { field: string; code: string }[];
}

test('Idempotency-Key: replay, mismatch 422, in progress 409, missing 400, scoped per user, kept 7 days', async () => {
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
    const count = (): Promise<number> => countRows(s, 'tickets');

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
    assert.equal(await count(), 1);

    // Same key, same body: the first answer again, nothing new.
    const replay = await s.api.call<T>('POST', '/api/tickets', { token: sam, key: 'key-1', json: newCase() });
    assert.equal(replay.status, 201);
    assert.deepEqual(replay.body, created.body);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(await count(), 1);

    // Same key, another body (or another route): 422.
    const mismatch = await s.api.call<Problem>('POST', '/api/tickets', { token: sam, key: 'key-1', json: newCase({ subject: 'Other' }) });
    assert.equal(mismatch.status, 422);
    assert.equal(mismatch.body.conflict, 'idempotency_mismatch');
    const otherRoute = await s.api.call<Problem>('POST', `/api/tickets/${created.body.number}/comments`, { token: sam, key: 'key-1', json: newCase() });
    assert.equal(otherRoute.status, 422);

    // Another user has their own keys.
    assert.equal((await s.api.call('POST', '/api/tickets', { token: alex, key: 'key-1', json: newCase() })).status, 201);
    assert.equal(await count(), 2);

    // The same user from a second session (a reload and a new sign-in): the first answer again.
    const samAgain = await s.api.signIn('sam@example.com');
    const fromNewSession = await s.api.call<T>('POST', '/api/tickets', { token: samAgain, key: 'key-1', json: newCase() });
    assert.equal(fromNewSession.status, 201);
    assert.equal(fromNewSession.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(fromNewSession.body, created.body);
    assert.equal(await count(), 2);

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

    // Kept 7 days (at least 24 h, and longer than the client outbox's 72 h), then forgotten.
    c.advance(3 * DAY + 1);
    const afterThreeDays = await s.api.call<T>('POST', '/api/tickets', { token: samAgain, key: 'key-1', json: newCase() });
    assert.equal(afterThreeDays.headers.get('idempotent-replayed'), 'true');
    assert.equal(afterThreeDays.body.number, created.body.number);
    c.advance(4 * DAY);
    const later = await s.api.call<T>('POST', '/api/tickets', { token: sam, key: 'key-1', json: newCase({ subject: 'Other' }) });
    assert.equal(later.status, 201);
    assert.notEqual(later.body.number, created.body.number);
    // The periodic job sweeps every record older than 7 days (here: all but the last one).
    const records = (): Promise<number> => countRows(s, 'idempotency');
    assert.ok((await records()) > 1);
    await s.server.runAutoClose();
    assert.equal(await records(), 1);
  } finally {
    await s.close();
  }
});

test('20 concurrent uses of a fresh key from two sessions of one user: 1 × 201, 19 × 409, one case', async () => {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  let entered: () => void = () => undefined;
  const inside = new Promise<void>((r) => {
    entered = r;
  });
  const s = await start({
    seedDemo: false,
    hooks: {
      beforeHandle: async ({ path }) => {
        if (path !== '/api/tickets') return;
        entered();
        await gate;
      },
    },
  });
  try {
    const first = await s.api.signIn('sam@example.com');
    const second = await s.api.signIn('sam@example.com');
    // The first request is held inside its handler: still in flight while the 19 others arrive.
    const holder = s.api.call<T>('POST', '/api/tickets', { token: first, key: 'fresh', json: newCase() });
    await inside;
    const others = await Promise.all(
      Array.from({ length: 19 }, (_, i) => s.api.call<Problem>('POST', '/api/tickets', { token: i % 2 ? first : second, key: 'fresh', json: newCase() })),
    );
    release();
    const created = await holder;
    assert.equal(created.status, 201);
    assert.deepEqual(
      others.map((o) => [o.status, o.body.conflict]),
      Array.from({ length: 19 }, () => [409, 'idempotency_in_progress']),
    );
    assert.equal(await countRows(s, 'tickets'), 1);
    // Once answered, the same request replays.
    const replay = await s.api.call<T>('POST', '/api/tickets', { token: second, key: 'fresh', json: newCase() });
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(replay.body.number, created.body.number);
  } finally {
    await s.close();
  }
});

test('20 concurrent uses of a fresh key, nothing held: 1 × 201, every other a 409 or the replay, one case', async () => {
  const s = await start({ seedDemo: false });
  try {
    const sam = await s.api.signIn('sam@example.com');
    const answers = await Promise.all(Array.from({ length: 20 }, () => s.api.call<T>('POST', '/api/tickets', { token: sam, key: 'burst', json: newCase() })));
    const fresh = answers.filter((a) => a.status === 201 && a.headers.get('idempotent-replayed') === null);
    assert.equal(fresh.length, 1);
    for (const a of answers) assert.ok(a.status === 409 || (a.status === 201 && a.body.number === fresh[0]?.body.number), String(a.status));
    assert.equal(await countRows(s, 'tickets'), 1);
    console.log(`ungated burst: ${answers.filter((a) => a.status === 409).length} × 409, ${answers.filter((a) => a.headers.get('idempotent-replayed')).length} × replay`);
  } finally {
    await s.close();
  }
});
