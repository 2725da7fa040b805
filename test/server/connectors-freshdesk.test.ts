// The reference server with `--connector freshdesk` against the mock Freshdesk of
// test/support/freshdesk-mock.mjs (written from Freshdesk's API reference): status mapping both
// ways, authorization by requester/CC whatever id the browser sends, paging past the 30-day
// window and 100 per page, 429 Retry-After, and the API key never in an answer or a log line.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { FRESHDESK_TO_STATUS, STATUS_TO_FRESHDESK } from '../../src/core/helpdesk-status.js';
import { STATUSES } from '../../src/core/ticket.js';
import { startFreshdeskMock } from '../support/freshdesk-mock.mjs';
import { newCase, openCase, startWithConnector, type Started } from './helpers.js';

const KEY = 'fd-secret-key-5f1e2d';

interface CaseBody {
  number: string;
  status: string;
  subject: string;
  accountId: string;
  followUpOf?: string;
  comments: { body: string; authorRole: string }[];
  watchers: { email: string }[];
  callbacks: { phone: string }[];
  attachments: { name: string; size: number }[];
}

interface MockRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
}

let mock: Awaited<ReturnType<typeof startFreshdeskMock>>;
let s: Started;
const logs: string[] = [];
const waits: number[] = [];

async function control(path: string, body: unknown = {}): Promise<unknown> {
  const res = await fetch(`${mock.url}${path}`, { method: 'POST', body: JSON.stringify(body) });
  return res.json();
}

/** An agent's write straight to the mock's API (the agent side of Freshdesk). */
async function agent(method: string, path: string, json: unknown): Promise<unknown> {
  const res = await fetch(`${mock.url}${path}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from(`${KEY}:X`).toString('base64')}`, 'content-type': 'application/json' },
    body: JSON.stringify(json),
  });
  return res.json();
}

before(async () => {
  mock = await startFreshdeskMock({ apiKey: KEY });
  s = await startWithConnector({ name: 'freshdesk', baseUrl: mock.url, apiKey: KEY }, waits, logs);
});
after(async () => {
  await s.close();
  await mock.close();
});
beforeEach(async () => {
  await control('/__reset');
  waits.length = 0;
});

const open = (token: string, extra: Record<string, unknown> = {}): Promise<CaseBody> => openCase<CaseBody>(s, token, extra);

describe('Freshdesk connector', () => {
  test('status tables: Freshdesk 2/3/4/5 ↔ open, action required, pending, closed, both ways', () => {
    assert.deepEqual(FRESHDESK_TO_STATUS, { 2: 'open', 3: 'action_required', 4: 'pending', 5: 'closed' });
    for (const status of STATUSES) assert.equal(FRESHDESK_TO_STATUS[STATUS_TO_FRESHDESK[status]], status);
  });

  test('a case opened through the server is a Freshdesk ticket of the session user; an agent status reads back mapped', async () => {
    const token = await s.api.signIn('alex@example.com');
    const created = await open(token, { subject: 'Envelope stuck <b>bold</b>' });
    assert.equal(created.status, 'open');
    assert.equal(created.subject, 'Envelope stuck <b>bold</b>');
    assert.equal(created.accountId, 'acc-alex');
    const requests = (await (await fetch(`${mock.url}/__requests`, { method: 'POST' })).json()) as MockRequest[];
    assert.ok(requests.some((r) => r.method === 'POST' && r.path === '/api/v2/tickets'));

    for (const [code, status] of [[3, 'action_required'], [4, 'pending'], [5, 'closed'], [2, 'open']] as const) {
      await agent('PUT', `/api/v2/tickets/${Number(created.number)}`, { status: code });
      const read = await s.api.call<CaseBody>('GET', `/api/tickets/${created.number}`, { token });
      assert.equal(read.body.status, status, `Freshdesk status ${code}`);
    }
  });

  test('a comment on a pending case is the customer’s public note and sets the ticket back to open (2)', async () => {
    const token = await s.api.signIn('alex@example.com');
    const created = await open(token);
    await agent('PUT', `/api/v2/tickets/${Number(created.number)}`, { status: 4 });
    const res = await s.api.call<CaseBody>('POST', `/api/tickets/${created.number}/comments`, { token, json: { body: 'Still <broken> & odd' } });
    assert.equal(res.status, 201);
    assert.equal(res.body.status, 'open');
    assert.deepEqual(res.body.comments.map((c) => [c.body, c.authorRole]), [['Still <broken> & odd', 'user']]);
    const ticket = (await agent('GET', `/api/v2/tickets/${Number(created.number)}`, undefined)) as { status: number };
    assert.equal(ticket.status, 2);
  });

  test("another requester's ticket answers 404 to every case route, whatever id the browser sends", async () => {
    const alex = await s.api.signIn('alex@example.com');
    const mine = await open(alex);
    const sam = await s.api.signIn('sam@example.com');
    for (const [method, path, json] of [
      ['GET', `/api/tickets/${mine.number}`, undefined],
      ['POST', `/api/tickets/${mine.number}/comments`, { body: 'hi' }],
      ['POST', `/api/tickets/${mine.number}/callbacks`, { phone: '+1 415 555 0100' }],
      ['POST', `/api/tickets/${mine.number}/watchers`, { email: 'x@example.com' }],
      ['GET', '/api/tickets/00000099', undefined],
    ] as const) {
      const res = await s.api.call(method, path, { token: sam, json });
      assert.equal(res.status, 404, `${method} ${path}`);
    }
    assert.equal((await s.api.call<{ total: number }>('GET', '/api/tickets', { token: sam })).body.total, 0);
    const follow = await s.api.call<{ errors: { field: string }[] }>('POST', '/api/tickets', { token: sam, json: newCase({ followUpOf: mine.number }) });
    assert.equal(follow.status, 422);
  });

  test('a CC (watcher) reads the case by its number; cc_emails show as watchers; Freshdesk cannot change CCs, so changes answer 403', async () => {
    const alex = await s.api.signIn('alex@example.com');
    const created = (await agent('POST', '/api/v2/tickets', {
      email: 'alex@example.com', subject: 'Shared case', description: 'x', status: 2, priority: 1, cc_emails: ['sam@example.com'],
    })) as { id: number };
    const number = String(created.id).padStart(8, '0');
    const sam = await s.api.signIn('sam@example.com');
    const read = await s.api.call<CaseBody>('GET', `/api/tickets/${number}`, { token: sam });
    assert.equal(read.status, 200);
    assert.deepEqual(read.body.watchers.map((w) => w.email), ['sam@example.com']);
    const add = await s.api.call('POST', `/api/tickets/${number}/watchers`, { token: alex, json: { email: 'pat@example.com' } });
    assert.equal(add.status, 403);
  });

  test('lists every ticket of the requester: past the 30-day window (updated_since) and across pages of 100', async () => {
    const token = await s.api.signIn('alex@example.com');
    for (let i = 0; i < 103; i++) {
      await agent('POST', '/api/v2/tickets', { email: 'alex@example.com', subject: `Bulk ${i}`, description: 'x', status: 2, priority: 1 });
    }
    await agent('POST', '/api/v2/tickets', { email: 'sam@example.com', subject: 'Bulk of sam', description: 'x', status: 2, priority: 1 });
    await control('/__age', { id: 1, updated_at: '2020-01-01T00:00:00Z' });
    const page = await s.api.call<{ total: number; items: { number: string }[]; nextCursor?: string }>('GET', '/api/tickets?sort=number_asc&limit=100', { token });
    assert.equal(page.body.total, 103);
    assert.equal(page.body.items[0]?.number, '00000001', 'the ticket last updated in 2020 is listed');
    const next = await s.api.call<{ items: { number: string }[] }>('GET', `/api/tickets?sort=number_asc&limit=100&cursor=${page.body.nextCursor ?? ''}`, { token });
    assert.deepEqual(next.body.items.map((i) => i.number), ['00000101', '00000102', '00000103']);
    const search = await s.api.call<{ total: number }>('GET', '/api/tickets?search=bulk%2042', { token });
    assert.equal(search.body.total, 1);
    const requests = (await (await fetch(`${mock.url}/__requests`, { method: 'POST' })).json()) as MockRequest[];
    const lists = requests.filter((r) => r.method === 'GET' && r.path === '/api/v2/tickets');
    assert.ok(lists.every((r) => new URLSearchParams(r.query).get('per_page') === '100' && new URLSearchParams(r.query).has('updated_since')));
  });

  test('a 429 is waited out for its Retry-After and retried once; a second 429 answers 503 with Retry-After', async () => {
    const token = await s.api.signIn('alex@example.com');
    await control('/__fail', { retryAfter: 1, times: 1 });
    const ok = await s.api.call('GET', '/api/tickets', { token });
    assert.equal(ok.status, 200);
    assert.deepEqual(waits, [1000]);
    await control('/__fail', { retryAfter: 1, times: 2 });
    const busy = await s.api.call<{ kind: string }>('GET', '/api/tickets', { token });
    assert.equal(busy.status, 503);
    assert.equal(busy.body.kind, 'rate_limited');
    assert.equal(busy.headers.get('retry-after'), '1');
    await control('/__fail', { retryAfter: 60, times: 1 });
    const long = await s.api.call('GET', '/api/tickets', { token });
    assert.equal(long.status, 503, 'a minute is not waited out in a request');
    assert.equal(long.headers.get('retry-after'), '60');
  });

  test('a create whose read-back fails still answers 201 (recorded for replay): a retry never opens a second ticket', async () => {
    const token = await s.api.signIn('alex@example.com');
    // The POST goes through; the two reads after it (and the read's one retry) get 429 for a minute.
    await control('/__fail', { after: 1, retryAfter: 60, times: 1 });
    const key = crypto.randomUUID();
    const first = await s.api.call<CaseBody>('POST', '/api/tickets', { token, key, json: newCase({ subject: 'Read back fails' }) });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.subject, 'Read back fails');
    const again = await s.api.call<CaseBody>('POST', '/api/tickets', { token, key, json: newCase({ subject: 'Read back fails' }) });
    assert.equal(again.body.number, first.body.number);
    assert.equal((await s.api.call<{ total: number }>('GET', '/api/tickets', { token })).body.total, 1);
  });

  test('Call me is a private note; attachments go multipart; follow-ups keep the number; sign-in help is a ticket without a session', async () => {
    const token = await s.api.signIn('alex@example.com');
    const created = await open(token);
    const called = await s.api.call<CaseBody>('POST', `/api/tickets/${created.number}/callbacks`, { token, lang: 'en', json: { phone: '+1 415 555 0100' } });
    assert.equal(called.status, 201, JSON.stringify(called.body));
    assert.deepEqual(called.body.callbacks.map((c) => c.phone), ['+1 415 555 0100']);
    assert.deepEqual(called.body.comments, [], 'the note is private: not a comment');

    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const up = await s.api.call<{ token: string }>('POST', '/api/uploads', { token, raw: png, headers: { 'Content-Type': 'image/png', 'X-File-Name': 'shot.png' } });
    assert.equal(up.status, 201);
    const attached = await s.api.call<CaseBody>('POST', `/api/tickets/${created.number}/attachments`, { token, json: { tokens: [up.body.token] } });
    assert.equal(attached.status, 201, JSON.stringify(attached.body));
    assert.deepEqual(attached.body.attachments.map((a) => [a.name, a.size]), [['shot.png', png.length]]);

    await agent('PUT', `/api/v2/tickets/${Number(created.number)}`, { status: 5 });
    const follow = await open(token, { followUpOf: created.number });
    assert.equal(follow.followUpOf, created.number);

    const help = await s.api.call<{ reference: string }>('POST', '/api/sign-in-help', {
      json: { name: 'Robin', email: 'robin@example.com', areaId: 'esign', description: 'The reset email never arrives.' },
    });
    assert.equal(help.status, 201);
    const ticket = (await agent('GET', `/api/v2/tickets/${Number(help.body.reference)}?include=requester`, undefined)) as { requester: { email: string } };
    assert.equal(ticket.requester.email, 'robin@example.com');
  });

  test('the API key is sent as basic auth and never appears in an answer or a log line', async () => {
    const token = await s.api.signIn('alex@example.com');
    const created = await open(token);
    await control('/__fail', { retryAfter: 90, times: 1 });
    const answers = [
      await s.api.call('GET', `/api/tickets/${created.number}`, { token }),
      await s.api.call('GET', '/api/tickets', { token }),
      await s.api.call('POST', `/api/tickets/${created.number}/watchers`, { token, json: { email: 'x@example.com' } }),
    ];
    for (const answer of answers) {
      assert.ok(!answer.bytes.toString('utf8').includes(KEY));
      assert.ok(![...answer.headers.values()].some((v) => v.includes(KEY)));
    }
    assert.ok(logs.length > 0);
    assert.ok(!logs.join('\n').includes(KEY));
    const requests = (await (await fetch(`${mock.url}/__requests`, { method: 'POST' })).json()) as MockRequest[];
    assert.ok(requests.every((r) => r.headers['authorization'] === `Basic ${Buffer.from(`${KEY}:X`).toString('base64')}`));
  });
});
