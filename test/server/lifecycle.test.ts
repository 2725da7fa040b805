import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clock, countRows, DAY, newCase, sql, start, startSqlite } from './helpers.js';
import { SCHEMA_VERSION } from '../../server/store.js';
import { PG_SCHEMA_VERSION } from '../../server/store/postgres-schema.js';

interface T {
  number: string;
  status: string;
  activityAt: string;
  updatedAt: string;
}

test('auto-close: pending 5 days − 1 ms stays pending, at 5 days it closes, and the close email is written', async () => {
  const c = clock();
  const s = await start({ now: c.now, seedDemo: false });
  try {
    const token = await s.api.signIn('sam@example.com');
    const created = await s.api.call<T>('POST', '/api/tickets', { token, json: newCase({ contactMethod: 'email' }) });
    const number = created.body.number;
    c.advance(DAY);
    const pending = await s.api.call<T>('POST', `/api/_dev/tickets/${number}/agent-comment`, { json: { body: 'Solved?', status: 'pending' } });
    assert.equal(pending.body.activityAt, c.now().toISOString());
    const pendingAt = c.now().getTime();

    // A change that does not count as activity must not restart the clock.
    c.advance(2 * DAY);
    await s.api.call('POST', `/api/tickets/${number}/watchers`, { token, json: { email: 'kim@example.com' } });

    c.set(new Date(pendingAt + 5 * DAY - 1).toISOString());
    assert.deepEqual(await s.server.runAutoClose(), []);
    assert.equal((await s.api.call<T>('GET', `/api/tickets/${number}`, { token })).body.status, 'pending');

    c.set(new Date(pendingAt + 5 * DAY).toISOString());
    assert.deepEqual(await s.server.runAutoClose(), [number]);
    const closed = await s.api.call<T>('GET', `/api/tickets/${number}`, { token });
    assert.equal(closed.body.status, 'closed');
    assert.equal(closed.body.updatedAt, c.now().toISOString());
    const mails = await s.api.call<{ items: { kind: string; to: string; body: string }[] }>('GET', `/api/_dev/outbox?ticket=${number}`);
    const last = mails.body.items.at(-1);
    assert.equal(last?.kind, 'ticket_closed');
    assert.equal(last?.to, 'sam@example.com');
    assert.match(last?.body ?? '', /closed automatically/);
    assert.deepEqual(await s.server.runAutoClose(), [], 'runs once per case');

    // A comment restarts the clock: pending again, then a customer comment reopens it.
    const other = await s.api.call<T>('POST', '/api/tickets', { token, json: newCase() });
    await s.api.call('POST', `/api/_dev/tickets/${other.body.number}/agent-comment`, { json: { status: 'pending' } });
    c.advance(4 * DAY);
    const reopened = await s.api.call<T>('POST', `/api/tickets/${other.body.number}/comments`, { token, json: { body: 'Not yet.' } });
    assert.equal(reopened.body.status, 'open');
    c.advance(10 * DAY);
    assert.deepEqual(await s.server.runAutoClose(), []);
  } finally {
    await s.close();
  }
});

test('the periodic job closes due cases by itself', async () => {
  const c = clock();
  const s = await start({ now: c.now, autoCloseIntervalMs: 20 });
  try {
    const token = await s.api.signIn('sam@example.com');
    const created = await s.api.call<T>('POST', '/api/tickets', { token, json: newCase() });
    await s.api.call('POST', `/api/_dev/tickets/${created.body.number}/agent-comment`, { json: { body: 'Done', status: 'pending' } });
    c.advance(5 * DAY);
    let status = 'pending';
    for (let i = 0; i < 50 && status !== 'closed'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      status = (await s.api.call<T>('GET', `/api/tickets/${created.body.number}`, { token })).body.status;
    }
    assert.equal(status, 'closed');
  } finally {
    await s.close();
  }
});

test('data survives a restart on the same folder (and the migration runs once)', async () => {
  const first = await start();
  const token = await first.api.signIn('sam@example.com');
  const created = await first.api.call<T>('POST', '/api/tickets', { token, json: newCase({ subject: 'Persisted case' }) });
  await first.close(true);

  const second = await start({ dataDir: first.dataDir });
  try {
    const version = await sql(second, 'SELECT version FROM schema_version');
    assert.deepEqual(version, [{ version: second.storeName === 'postgres' ? PG_SCHEMA_VERSION : SCHEMA_VERSION }], 'the migrations ran once each');
    assert.equal(await countRows(second, 'users'), 3, 'demo users seeded once');
    // The old session token still works, the case is still there, and numbering goes on.
    const got = await second.api.call<{ subject: string }>('GET', `/api/tickets/${created.body.number}`, { token });
    assert.equal(got.status, 200);
    assert.equal(got.body.subject, 'Persisted case');
    const next = await second.api.call<T>('POST', '/api/tickets', { token, json: newCase() });
    assert.equal(Number(next.body.number), Number(created.body.number) + 1);
  } finally {
    await second.close();
  }
});

test('paging with a cursor over 120 cases: no duplicates, none missing, total right; filters and search', async () => {
  // Written straight into the SQLite tables (its triggers keep participants and the search).
  const s = await startSqlite();
  try {
    const token = await s.api.signIn('sam@example.com');
    const db = s.server.db;
    // 120 cases written straight into the store, with distinct and colliding update times.
    const insert = db.prepare(
      `INSERT INTO tickets (number, id, subject, description, area_id, product_id, status, contact_method, account_id,
        requester_name, requester_email, created_at, updated_at, activity_at, locale)
       VALUES (?, ?, ?, 'd', 'esign', 'esignature', ?, 'portal', 'acc-northwind', 'Sam Sample', 'sam@example.com', ?, ?, ?, 'en')`,
    );
    const statuses = ['open', 'action_required', 'pending', 'closed'];
    db.transaction(() => {
      for (let i = 0; i < 120; i++) {
        const at = new Date(Date.UTC(2025, 0, 1) + Math.floor(i / 3) * 60_000).toISOString();
        insert.run(20000001 + i, `id-${i}`, i % 10 === 0 ? `Printer jam number ${i}` : `Case ${i} about envelopes`, statuses[i % 4], at, at, at);
      }
    })();

    for (const sort of ['updated_desc', 'updated_asc', 'number_desc', 'number_asc']) {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const res = await s.api.call<{ items: { number: string; updatedAt: string }[]; nextCursor?: string; total: number }>(
          'GET', `/api/tickets?sort=${sort}&limit=25${cursor ? `&cursor=${cursor}` : ''}`, { token },
        );
        assert.equal(res.status, 200);
        assert.equal(res.body.total, 120);
        seen.push(...res.body.items.map((t) => t.number));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor);
      assert.equal(pages, 5, sort);
      assert.equal(seen.length, 120, sort);
      assert.equal(new Set(seen).size, 120, sort);
      const numbers = seen.map(Number);
      if (sort === 'number_asc') assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b));
      if (sort === 'number_desc') assert.deepEqual(numbers, [...numbers].sort((a, b) => b - a));
      if (sort === 'updated_desc') assert.equal(seen[0], '20000120');
      if (sort === 'updated_asc') assert.equal(seen[0], '20000001');
    }

    const first = await s.api.call<{ items: unknown[]; nextCursor?: string }>('GET', '/api/tickets', { token });
    assert.equal(first.body.items.length, 50, 'default limit 50');
    const big = await s.api.call<{ items: unknown[] }>('GET', '/api/tickets?limit=1000', { token });
    assert.equal(big.body.items.length, 120);

    const pending = await s.api.call<{ items: { status: string }[]; total: number }>('GET', '/api/tickets?status=pending&limit=200', { token });
    assert.equal(pending.body.total, 30);
    assert.ok(pending.body.items.every((t) => t.status === 'pending'));

    const byNumber = await s.api.call<{ items: { number: string }[]; total: number }>('GET', '/api/tickets?search=20000042', { token });
    assert.deepEqual(byNumber.body.items.map((t) => t.number), ['20000042']);
    const hash = await s.api.call<{ total: number }>('GET', '/api/tickets?search=%2320000042', { token });
    assert.equal(hash.body.total, 1);
    const byText = await s.api.call<{ total: number }>('GET', '/api/tickets?search=PRINTER%20jam', { token });
    assert.equal(byText.body.total, 12);
    const combined = await s.api.call<{ total: number }>('GET', '/api/tickets?search=printer&status=open', { token });
    assert.equal(combined.body.total, 6);

    assert.equal((await s.api.call('GET', '/api/tickets?status=bogus', { token })).status, 400);
    assert.equal((await s.api.call('GET', '/api/tickets?sort=bogus', { token })).status, 400);
    assert.equal((await s.api.call('GET', '/api/tickets?cursor=garbage', { token })).status, 400);
    const numberCursor = (await s.api.call<{ nextCursor?: string }>('GET', '/api/tickets?sort=number_asc&limit=2', { token })).body.nextCursor;
    assert.equal((await s.api.call('GET', `/api/tickets?sort=updated_desc&cursor=${numberCursor ?? ''}`, { token })).status, 400, 'cursor of another sort');
  } finally {
    await s.close();
  }
});
