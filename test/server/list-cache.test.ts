/**
 * The list cache (server/list-cache.ts, issue 15): a list answered from the cache is the list
 * as it is now. After each kind of write (a new case, a comment, a status change, a watcher
 * added or removed) the next list shows it; one person never gets another's cached page; and
 * the cache stays within its bounds. Runs on either store (`SUPPORT_TEST_STORE`);
 * two-processes.test.ts checks a write through one process shows in the other's list.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ListCache } from '../../server/list-cache.js';
import { newCase, start, type Started } from './helpers.js';

interface Summary {
  readonly number: string;
  readonly subject: string;
  readonly status: string;
}
interface Page {
  readonly items: Summary[];
  readonly total: number;
}

describe('list cache', () => {
  let s: Started;
  let alex: string;
  let sam: string;
  before(async () => {
    s = await start({ limits: { casesPerMinute: 1000, caseBurst: 1000 } });
    alex = await s.api.signIn('alex@example.com');
    sam = await s.api.signIn('sam@example.com');
  });
  after(() => s.close());

  const list = async (token: string, query = ''): Promise<Page> => {
    const res = await s.api.call<Page>('GET', `/api/tickets${query}`, { token });
    assert.equal(res.status, 200);
    return res.body;
  };
  const create = async (token: string, subject: string): Promise<Summary> => {
    const res = await s.api.call<Summary>('POST', '/api/tickets', { token, json: newCase({ subject }) });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };

  test('a new case shows in the next list, and in its total', async () => {
    const before = await list(alex);
    assert.deepEqual(await list(alex), before, 'the same list twice (the second from the cache)');
    const t = await create(alex, 'Cache: new case');
    const afterCreate = await list(alex);
    assert.equal(afterCreate.items[0]?.number, t.number);
    assert.equal(afterCreate.total, before.total + 1);
  });

  test('a comment moves the case to the top of the list', async () => {
    const older = await create(alex, 'Cache: older');
    await create(alex, 'Cache: newer');
    assert.notEqual((await list(alex)).items[0]?.number, older.number);
    const res = await s.api.call('POST', `/api/tickets/${older.number}/comments`, { token: alex, json: { body: 'Any news?' } });
    assert.equal(res.status, 201);
    assert.equal((await list(alex)).items[0]?.number, older.number);
  });

  test('a status change shows in the list and in its status filter', async () => {
    const t = await create(alex, 'Cache: status');
    const pendingBefore = await list(alex, '?status=pending');
    assert.equal((await list(alex)).items.find((i) => i.number === t.number)?.status, 'open');
    const res = await s.api.call('POST', `/api/_dev/tickets/${t.number}/agent-comment`, { json: { body: 'Try this.', status: 'pending' } });
    assert.equal(res.status, 201);
    assert.equal((await list(alex)).items.find((i) => i.number === t.number)?.status, 'pending');
    const pendingAfter = await list(alex, '?status=pending');
    assert.equal(pendingAfter.total, pendingBefore.total + 1);
    assert.ok(pendingAfter.items.some((i) => i.number === t.number));
  });

  test('a watcher added sees the case in their next list; removed, no longer', async () => {
    const t = await create(alex, 'Cache: watched by Sam');
    const samBefore = await list(sam);
    assert.ok(!samBefore.items.some((i) => i.number === t.number));
    const added = await s.api.call('POST', `/api/tickets/${t.number}/watchers`, { token: alex, json: { email: 'sam@example.com' } });
    assert.equal(added.status, 201);
    const samWatching = await list(sam);
    assert.ok(samWatching.items.some((i) => i.number === t.number));
    assert.equal(samWatching.total, samBefore.total + 1);
    const removed = await s.api.call('DELETE', `/api/tickets/${t.number}/watchers/sam%40example.com`, { token: alex });
    assert.equal(removed.status, 200);
    const samAfter = await list(sam);
    assert.ok(!samAfter.items.some((i) => i.number === t.number));
    assert.equal(samAfter.total, samBefore.total);
  });

  test("one person never gets another's cached page of the same query", async () => {
    const secret = await create(alex, 'Cache: only for Alex');
    const query = '?limit=7&sort=number_desc';
    const alexPage = await list(alex, query);
    assert.equal(alexPage.items[0]?.number, secret.number);
    for (let i = 0; i < 2; i++) {
      const samPage = await list(sam, query);
      assert.ok(!samPage.items.some((item) => item.number === secret.number || item.subject === 'Cache: only for Alex'));
    }
    assert.deepEqual(await list(alex, query), alexPage);
  });

  test('an unchanged list answers 304 to its own ETag, then 200 with the new page after a write', async () => {
    const first = await s.api.call<Page>('GET', '/api/tickets?limit=3', { token: alex });
    const etag = first.headers.get('etag');
    assert.ok(etag);
    const again = await s.api.call('GET', '/api/tickets?limit=3', { token: alex, headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    const t = await create(alex, 'Cache: after the ETag');
    const changed = await s.api.call<Page>('GET', '/api/tickets?limit=3', { token: alex, headers: { 'If-None-Match': etag } });
    assert.equal(changed.status, 200);
    assert.equal(changed.body.items[0]?.number, t.number);
    assert.notEqual(changed.headers.get('etag'), etag);
  });
});

describe('ListCache bounds', () => {
  const page = (bytes: number): { json: Buffer; etag: string } => ({ json: Buffer.alloc(bytes, 32), etag: '"x"' });

  test('keeps at most maxEntries, dropping the least recently used', () => {
    const cache = new ListCache({ maxEntries: 2, maxBytes: 1_000_000 });
    cache.set('a', 1, page(10));
    cache.set('b', 1, page(10));
    assert.ok(cache.get('a', 1), 'a used: b is now the oldest');
    cache.set('c', 1, page(10));
    assert.equal(cache.size, 2);
    assert.ok(cache.get('a', 1));
    assert.equal(cache.get('b', 1), undefined);
    assert.ok(cache.get('c', 1));
  });

  test('keeps at most maxBytes, and never a page larger than that', () => {
    const cache = new ListCache({ maxEntries: 100, maxBytes: 100 });
    cache.set('a', 1, page(60));
    cache.set('b', 1, page(60));
    assert.equal(cache.size, 1);
    assert.ok(cache.bytes <= 100);
    cache.set('huge', 1, page(101));
    assert.equal(cache.get('huge', 1), undefined);
    assert.ok(cache.get('b', 1));
  });

  test('an entry of another version is not answered, and is dropped', () => {
    const cache = new ListCache({ maxEntries: 10, maxBytes: 1000 });
    cache.set('a', 1, page(10));
    assert.equal(cache.get('a', 2), undefined);
    assert.equal(cache.size, 0);
    assert.equal(cache.bytes, 0);
  });
});
