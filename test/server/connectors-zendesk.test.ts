// The reference server with `--connector zendesk` against the mock Zendesk Ticketing API of
// test/support/zendesk-tickets-mock.mjs (written from Zendesk's reference): status mapping both
// ways, authorization by requester/CC whatever id the browser sends, every page of a cursor list,
// comments on behalf of the requester, Call me as an internal note, 429 Retry-After, and the API
// token never in an answer or a log line.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { STATUS_TO_ZENDESK, ZENDESK_TO_STATUS } from '../../src/core/helpdesk-status.js';
import { STATUSES } from '../../src/core/ticket.js';
import { ZENDESK_WRITE_STATUS } from '../../server/connectors/zendesk.js';
import { startZendeskTicketsMock } from '../support/zendesk-tickets-mock.mjs';
import { openCase, startWithConnector, type Started } from './helpers.js';

const AGENT = 'agent@acme.example';
const TOKEN = 'zd-secret-token-93a1c7';
const AUTH = `Basic ${Buffer.from(`${AGENT}/token:${TOKEN}`).toString('base64')}`;

interface CaseBody {
  number: string;
  status: string;
  subject: string;
  accountId: string;
  description: string;
  followUpOf?: string;
  comments: { body: string; authorRole: string; author: { email: string } }[];
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

let mock: Awaited<ReturnType<typeof startZendeskTicketsMock>>;
let s: Started;
const logs: string[] = [];
const waits: number[] = [];

const control = async (path: string, body: unknown = {}): Promise<unknown> =>
  (await fetch(`${mock.url}${path}`, { method: 'POST', body: JSON.stringify(body) })).json();

const requests = async (): Promise<MockRequest[]> => (await control('/__requests')) as MockRequest[];

/** An agent's call straight to the mock's API (the agent side of Zendesk). */
async function agent(method: string, path: string, json?: unknown): Promise<{ ticket: { id: number; status: string; comments?: unknown } }> {
  const res = await fetch(`${mock.url}${path}`, {
    method,
    headers: { authorization: AUTH, 'content-type': 'application/json' },
    body: json === undefined ? null : JSON.stringify(json),
  });
  return (await res.json()) as { ticket: { id: number; status: string } };
}

before(async () => {
  mock = await startZendeskTicketsMock({ email: AGENT, token: TOKEN });
  s = await startWithConnector({ name: 'zendesk', baseUrl: mock.url, email: AGENT, token: TOKEN }, waits, logs);
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

describe('Zendesk connector', () => {
  test('status tables: new/open/hold → open, pending → action required, solved → pending, closed; each of ours maps back', () => {
    assert.deepEqual(ZENDESK_TO_STATUS, { new: 'open', open: 'open', hold: 'open', pending: 'action_required', solved: 'pending', closed: 'closed' });
    for (const status of STATUSES) {
      for (const zendesk of STATUS_TO_ZENDESK[status]) assert.equal(ZENDESK_TO_STATUS[zendesk], status);
      assert.ok(STATUS_TO_ZENDESK[status].includes(ZENDESK_WRITE_STATUS[status]), `writes ${status} as one of its Zendesk states`);
    }
  });

  test('a case is a ticket requested by the session user; agent statuses read back mapped', async () => {
    const token = await s.api.signIn('alex@example.com');
    const created = await open(token);
    assert.equal(created.status, 'open');
    assert.equal(created.accountId, 'acc-alex');
    assert.equal(created.description, 'Clicking Send does nothing.');
    assert.deepEqual(created.comments, [], 'the first comment is the description');
    for (const [zendesk, status] of [['hold', 'open'], ['pending', 'action_required'], ['solved', 'pending'], ['new', 'open']] as const) {
      await agent('PUT', `/api/v2/tickets/${Number(created.number)}`, { ticket: { status: zendesk } });
      assert.equal((await s.api.call<CaseBody>('GET', `/api/tickets/${created.number}`, { token })).body.status, status, zendesk);
    }
  });

  test('a comment is public, authored by the requester (author_id), and sets a solved ticket back to open', async () => {
    const token = await s.api.signIn('alex@example.com');
    const created = await open(token);
    await agent('PUT', `/api/v2/tickets/${Number(created.number)}`, { ticket: { status: 'solved', comment: { body: 'Fixed on our side.', public: true } } });
    const res = await s.api.call<CaseBody>('POST', `/api/tickets/${created.number}/comments`, { token, json: { body: 'Not for me.' } });
    assert.equal(res.status, 201);
    assert.equal(res.body.status, 'open');
    assert.deepEqual(res.body.comments.map((c) => [c.body, c.authorRole, c.author.email]), [
      ['Fixed on our side.', 'agent', AGENT],
      ['Not for me.', 'user', 'alex@example.com'],
    ]);
    assert.equal((await agent('GET', `/api/v2/tickets/${Number(created.number)}`)).ticket.status, 'open');
  });

  test("another requester's ticket answers 404 to every case route, whatever id the browser sends", async () => {
    const alex = await s.api.signIn('alex@example.com');
    const mine = await open(alex);
    const sam = await s.api.signIn('sam@example.com');
    await open(sam, { subject: 'Sam has a Zendesk user now' });
    for (const [method, path, json] of [
      ['GET', `/api/tickets/${mine.number}`, undefined],
      ['POST', `/api/tickets/${mine.number}/comments`, { body: 'hi' }],
      ['POST', `/api/tickets/${mine.number}/watchers`, { email: 'x@example.com' }],
      ['POST', `/api/tickets/${mine.number}/callbacks`, { phone: '+1 415 555 0100' }],
      ['GET', '/api/tickets/00000777', undefined],
    ] as const) {
      assert.equal((await s.api.call(method, path, { token: sam, json })).status, 404, `${method} ${path}`);
    }
    assert.equal((await s.api.call<{ total: number }>('GET', '/api/tickets', { token: sam })).body.total, 1);
  });

  test('watchers are email CCs: added and removed with email_ccs; a CC sees the case in their list and by number', async () => {
    const alex = await s.api.signIn('alex@example.com');
    const created = await open(alex);
    const added = await s.api.call<CaseBody>('POST', `/api/tickets/${created.number}/watchers`, { token: alex, json: { email: 'Sam@Example.com' } });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assert.deepEqual(added.body.watchers.map((w) => w.email), ['sam@example.com']);
    assert.equal(added.body.status, 'open');
    const sam = await s.api.signIn('sam@example.com');
    const list = await s.api.call<{ items: { number: string }[] }>('GET', '/api/tickets', { token: sam });
    assert.deepEqual(list.body.items.map((i) => i.number), [created.number]);
    const removed = await s.api.call<CaseBody>('DELETE', `/api/tickets/${created.number}/watchers/sam%40example.com`, { token: alex });
    assert.equal(removed.status, 200);
    assert.deepEqual(removed.body.watchers, []);
    assert.equal((await s.api.call('GET', `/api/tickets/${created.number}`, { token: sam })).status, 404);
  });

  test('every page of comments and of the requested list is read (page[size] 100, links.next)', async () => {
    const token = await s.api.signIn('alex@example.com');
    const created = await open(token);
    for (let i = 0; i < 104; i++) await agent('PUT', `/api/v2/tickets/${Number(created.number)}`, { ticket: { comment: { body: `Agent note ${i}`, public: true } } });
    for (let i = 0; i < 101; i++) await agent('POST', '/api/v2/tickets', { ticket: { subject: `Bulk ${i}`, comment: { body: 'x' }, requester: { email: 'alex@example.com' } } });
    const read = await s.api.call<CaseBody>('GET', `/api/tickets/${created.number}`, { token });
    assert.equal(read.body.comments.length, 104);
    assert.equal(read.body.comments.at(-1)?.body, 'Agent note 103');
    assert.equal((await s.api.call<{ total: number }>('GET', '/api/tickets?limit=10', { token })).body.total, 102);
    const pages = (await requests()).filter((r) => r.path.endsWith('/comments') || r.path.endsWith('/tickets/requested'));
    assert.ok(pages.every((r) => new URLSearchParams(r.query).get('page[size]') === '100'));
  });

  test('Call me is an internal note; attachments are uploads on a comment; follow-ups use via_followup_source_id; sign-in help has no session', async () => {
    const token = await s.api.signIn('alex@example.com');
    const created = await open(token);
    const called = await s.api.call<CaseBody>('POST', `/api/tickets/${created.number}/callbacks`, { token, lang: 'en', json: { phone: '+1 415 555 0100' } });
    assert.equal(called.status, 201, JSON.stringify(called.body));
    assert.deepEqual(called.body.callbacks.map((c) => c.phone), ['+1 415 555 0100']);
    assert.deepEqual(called.body.comments, []);

    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const up = await s.api.call<{ token: string }>('POST', '/api/uploads', { token, raw: png, headers: { 'Content-Type': 'image/png', 'X-File-Name': 'shot.png' } });
    const attached = await s.api.call<CaseBody>('POST', `/api/tickets/${created.number}/attachments`, { token, json: { tokens: [up.body.token] } });
    assert.equal(attached.status, 201, JSON.stringify(attached.body));
    assert.deepEqual(attached.body.attachments.map((a) => [a.name, a.size]), [['shot.png', png.length]]);
    assert.deepEqual(attached.body.comments, [], 'the comment carrying the file is not something the customer said');

    await agent('PUT', `/api/v2/tickets/${Number(created.number)}`, { ticket: { status: 'closed' } });
    const follow = await open(token, { followUpOf: created.number });
    assert.equal(follow.followUpOf, created.number);
    const posted = (await requests()).filter((r) => r.method === 'POST' && r.path === '/api/v2/tickets');
    assert.equal(posted.length, 2);

    const help = await s.api.call<{ reference: string }>('POST', '/api/sign-in-help', {
      json: { name: 'Robin', email: 'robin@example.com', areaId: 'esign', description: 'The reset email never arrives.' },
    });
    assert.equal(help.status, 201);
    assert.equal((await agent('GET', `/api/v2/tickets/${Number(help.body.reference)}`)).ticket.id, Number(help.body.reference));
  });

  test('429: waited out once for its Retry-After; again, or too long, answers 503 with Retry-After; the token is never shown or logged', async () => {
    const token = await s.api.signIn('alex@example.com');
    await control('/__fail', { retryAfter: 2, times: 1 });
    assert.equal((await s.api.call('GET', '/api/tickets', { token })).status, 200);
    assert.deepEqual(waits, [2000]);
    await control('/__fail', { retryAfter: 30, times: 1 });
    const busy = await s.api.call<{ kind: string }>('GET', '/api/tickets', { token });
    assert.equal(busy.status, 503);
    assert.equal(busy.headers.get('retry-after'), '30');
    assert.ok(!busy.bytes.toString('utf8').includes(TOKEN));
    assert.ok(logs.some((line) => line.includes('429')));
    assert.ok(!logs.join('\n').includes(TOKEN));
    assert.ok((await requests()).every((r) => r.headers['authorization'] === AUTH));
  });
});
