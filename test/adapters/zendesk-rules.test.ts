// createZendeskAdapter against test/support/zendesk-mock.mjs, a mock Zendesk written from
// Zendesk's documentation: one `it` per documented rule (docs/ZENDESK.md lists them), and the
// polling of watch().
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { SupportBackend, TicketChange, WatchState } from '../../src/adapters/backend.js';
import { hasNumbers, hasStrings, isArrayOf, isRecord } from '../../src/adapters/guards.js';
import { createZendeskAdapter, type ZendeskAdapterOptions } from '../../src/adapters/zendesk-adapter.js';
import { supportError } from '../support/dom.js';
import { ZENDESK_FIELDS } from './zendesk-fields.js';

interface Logged {
  readonly method: string;
  readonly url: string;
  readonly body: unknown;
  readonly at: number;
}

const isLogged = (v: unknown): v is Logged => hasStrings(v, ['method', 'url']) && hasNumbers(v, ['at']);
const fields = ZENDESK_FIELDS;
const MINUTE = 60_000;

describe('createZendeskAdapter follows Zendesk’s documented rules (mock Zendesk)', () => {
  let origin: string;
  let clock: number;

  before(async () => {
    const answer = await executeServerCommand<{ url?: string }, undefined>('zendesk-mock');
    if (!answer?.url) throw new Error('zendesk-mock is not running (test/support/wtr-servers.mjs)');
    origin = answer.url;
  });

  beforeEach(async () => {
    clock = Date.now();
    await control('reset');
  });

  async function control(command: string, body?: unknown): Promise<void> {
    const response = await fetch(`${origin}/__mock/${command}`, { method: 'POST', body: JSON.stringify(body ?? {}) });
    if (!response.ok) throw new Error(`mock ${command}: HTTP ${response.status}`);
  }

  async function log(): Promise<Logged[]> {
    const record: unknown = await (await fetch(`${origin}/__mock/log`)).json();
    if (!isRecord(record) || !isArrayOf(record.requests, isLogged)) throw new Error('unexpected mock log');
    return record.requests;
  }

  const urls = async (method: string, path: string) =>
    (await log()).filter((r) => r.method === method && new URL(r.url, origin).pathname === path).map((r) => new URL(r.url, origin));

  function adapter(extra: Partial<ZendeskAdapterOptions> = {}): SupportBackend {
    return createZendeskAdapter({ subdomainUrl: origin, getToken: () => 'alex-token', fields, retry: { retries: 0 }, now: () => clock, ...extra });
  }

  it('sends only comment, solved and additional_collaborators in PUT /requests/{id} (the mock refuses anything else)', async () => {
    const backend = adapter();
    const file = await backend.uploadFile(new File(['log'], 'crash.log', { type: 'text/plain' }));
    await backend.addComment('101', 'Please call me at +1 415 555 0100.', { idempotencyKey: 'c1' });
    await backend.addWatcher('101', 'Colleague@Example.com');
    await backend.addAttachments('101', [file.token], { idempotencyKey: 'a1' });
    expect((await supportError(backend.removeWatcher('101', 'colleague@example.com'))).kind).to.equal('forbidden');
    expect((await supportError(backend.requestCallback('101', '+1 415 555 0100', { idempotencyKey: 'cb' }))).kind).to.equal('forbidden');
    const puts = (await log()).filter((r) => r.method === 'PUT');
    expect(puts).to.have.length(3);
    for (const put of puts) {
      const request = isRecord(put.body) && isRecord(put.body.request) ? put.body.request : {};
      expect(Object.keys(request).every((key) => ['comment', 'solved', 'additional_collaborators'].includes(key)), JSON.stringify(request)).to.equal(true);
    }
    const ticket = await backend.getTicket('101');
    expect(ticket.comments.map((c) => c.body)).to.include('Please call me at +1 415 555 0100.');
    expect(ticket.attachments.map((a) => a.name)).to.deep.equal(['crash.log']);
    // The rule is real in the mock: a status written by an end user is refused, in Zendesk's error shape.
    const refused = await fetch(`${origin}/api/v2/requests/101`, {
      method: 'PUT',
      headers: { Authorization: 'Bearer alex-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({ request: { status: 'solved' } }),
    });
    const error: unknown = await refused.json();
    expect(refused.status).to.equal(422);
    expect(isRecord(error) && error.error === 'RecordInvalid' && isRecord(error.details) && 'status' in error.details).to.equal(true);
  });

  it('creates a request with writable properties only (no read-only organization_id)', async () => {
    const created = await adapter().createTicket(
      { areaId: 'esign', productId: 'rooms', subject: 'Rooms', description: 'A new agent cannot see the room.', contactMethod: 'portal' },
      { idempotencyKey: 'k1' },
    );
    expect(created).to.include({ status: 'open', productId: 'rooms', accountId: '501' });
    const [post] = (await log()).filter((r) => r.method === 'POST' && r.url === '/api/v2/requests');
    const request = isRecord(post?.body) && isRecord(post.body.request) ? post.body.request : {};
    expect(Object.keys(request).sort()).to.deep.equal(['comment', 'custom_fields', 'subject']);
  });

  it('filters by state on the list itself: no status parameter (List Requests has none), every page read, exact total', async () => {
    await control('seed', { requests: 150 });
    const backend = adapter();
    const pending = await backend.listTickets({ status: 'pending' });
    expect(pending.items.map((t) => t.number)).to.deep.equal(['102']);
    expect(pending.total).to.equal(1);
    const first = await backend.listTickets({ status: 'open', limit: 100 });
    expect(first.total).to.equal(151);
    expect(first.items).to.have.length(100);
    const second = await backend.listTickets({ status: 'open', limit: 100, cursor: first.nextCursor });
    expect(second.items).to.have.length(51);
    expect(second.nextCursor).to.equal(undefined);
    expect(new Set([...first.items, ...second.items].map((t) => t.number)).size).to.equal(151);
    const lists = await urls('GET', '/api/v2/requests');
    expect(lists.every((u) => !u.searchParams.has('status') && Number(u.searchParams.get('per_page')) <= 100)).to.equal(true);
    expect(lists.map((u) => u.searchParams.get('page'))).to.include('2');
  });

  it('sorts with offset pagination, where Zendesk honours sort_by/sort_order (cursor pagination does not)', async () => {
    const backend = adapter();
    const order = async (sort: 'updated_desc' | 'updated_asc' | 'number_desc' | 'number_asc') => (await backend.listTickets({ sort })).items.map((t) => t.number);
    expect(await order('updated_desc')).to.deep.equal(['101', '104', '102', '103']);
    expect(await order('updated_asc')).to.deep.equal(['103', '102', '104', '101']);
    expect(await order('number_desc')).to.deep.equal(['104', '103', '102', '101']);
    expect(await order('number_asc')).to.deep.equal(['101', '102', '103', '104']);
    const lists = await urls('GET', '/api/v2/requests');
    expect(lists.map((u) => [u.searchParams.get('sort_by'), u.searchParams.get('sort_order'), u.searchParams.has('page[size]')])).to.deep.equal([
      ['updated_at', 'desc', false],
      ['updated_at', 'asc', false],
      ['created_at', 'desc', false],
      ['created_at', 'asc', false],
    ]);
    expect((await backend.listTickets({})).total).to.equal(4);
  });

  it('stops a search at Zendesk’s 1,000 results with a too_large failure that names the limit', async () => {
    await control('seed', { requests: 1010 });
    const backend = adapter();
    let page = await backend.listTickets({ search: 'bulk', limit: 100, status: 'open' });
    expect(page.total).to.equal(1010);
    for (let i = 1; i < 10; i++) page = await backend.listTickets({ search: 'bulk', limit: 100, status: 'open', cursor: page.nextCursor });
    const past = await supportError(backend.listTickets({ search: 'bulk', limit: 100, status: 'open', cursor: page.nextCursor }));
    expect([past.kind, past.resultLimit]).to.deep.equal(['too_large', 1000]);
    const searches = await urls('GET', '/api/v2/requests/search');
    expect(searches).to.have.length(10);
    expect(searches[0]?.searchParams.get('status')).to.equal('new,open,hold');
    // Zendesk's own 422 past the limit reads the same way.
    await control('fail', { status: 422, path: '/api/v2/requests/search' });
    const refused = await supportError(backend.listTickets({ search: 'bulk' }));
    expect([refused.kind, refused.resultLimit]).to.deep.equal(['too_large', 1000]);
  });

  it('a create whose read-back fails still resolves with the case: the request exists, and a retry would open a second one', async () => {
    await control('fail', { status: 503, path: '/api/v2/requests/106', times: 10 }); // the mock's next request
    const backend = adapter();
    const input = { areaId: 'esign', productId: 'rooms', subject: 'Rooms', description: 'Details', contactMethod: 'portal' } as const;
    const created = await backend.createTicket(input, { idempotencyKey: 'read-back' });
    expect(created).to.include({ number: '106', subject: 'Rooms', description: 'Details', status: 'open' });
    expect((await backend.createTicket(input, { idempotencyKey: 'read-back' })).number).to.equal('106');
    expect((await log()).filter((r) => r.method === 'POST' && new URL(r.url, origin).pathname === '/api/v2/requests')).to.have.length(1);
  });

  it('reads every page of comments (cursor pagination, page[size] at most 100)', async () => {
    await control('seed', { comments: 250 });
    const ticket = await adapter().getTicket('101');
    // The first of the 251 comments is the description: shown as such, not among the comments.
    expect(ticket.description).to.equal('The signer gets an error when opening the link.');
    expect(ticket.comments).to.have.length(250);
    expect(ticket.comments[0]?.body).to.equal('Reply 0');
    expect(ticket.comments.at(-1)?.body).to.equal('Reply 249');
    const pages = await urls('GET', '/api/v2/requests/101/comments');
    expect(pages.map((u) => u.searchParams.get('page[size]'))).to.deep.equal(['100', '100', '100']);
  });

  it('asks the Help Center in its own locale (pt-BR → pt-br, en → en-us) and narrows to the product’s label', async () => {
    const backend = adapter();
    const pt = await backend.suggestArticles({ query: 'senha', areaId: 'esign', productId: 'esignature' }, { locale: 'pt-BR' });
    expect(pt.map((a) => a.title)).to.deep.equal(['Redefinir sua senha']);
    const en = await backend.suggestArticles({ query: 'reset password', areaId: 'esign', productId: 'rooms' }, { locale: 'en' });
    expect(en.map((a) => a.title)).to.deep.equal(['Reset a Rooms password']);
    const searches = await urls('GET', '/api/v2/help_center/articles/search');
    expect(searches.map((u) => [u.searchParams.get('locale'), u.searchParams.get('label_names')])).to.deep.equal([
      ['pt-br', 'esignature'],
      ['en-us', 'rooms'],
    ]);
  });

  it('uploads a file again when its token is older than Zendesk keeps it (60 minutes), before attaching or creating', async () => {
    const backend = adapter();
    const old = await backend.uploadFile(new File(['a'], 'old.log', { type: 'text/plain' }));
    clock += 61 * MINUTE;
    await control('advance', { ms: 61 * MINUTE });
    const recent = await backend.uploadFile(new File(['b'], 'recent.log', { type: 'text/plain' }));
    const ticket = await backend.addAttachments('101', [old.token, recent.token], { idempotencyKey: 'a1' });
    expect(ticket.attachments.map((a) => a.name).sort()).to.deep.equal(['old.log', 'recent.log']);
    const put = (await log()).find((r) => r.method === 'PUT');
    const sent = JSON.stringify(put?.body);
    expect(sent).to.include(recent.token);
    expect(sent).not.to.include(old.token);
    expect(await urls('POST', '/api/v2/uploads')).to.have.length(3);

    const stale = await backend.uploadFile(new File(['c'], 'form.log', { type: 'text/plain' }));
    clock += 61 * MINUTE;
    await control('advance', { ms: 61 * MINUTE });
    const created = await backend.createTicket(
      { areaId: 'esign', productId: 'rooms', subject: 'Files', description: 'See the log.', contactMethod: 'portal', attachmentTokens: [stale.token] },
      { idempotencyKey: 'k2' },
    );
    expect(created.attachments.map((a) => a.name)).to.deep.equal(['form.log']);
  });

  it('respects 429 Retry-After: a read waits and retries, a write fails with the delay and is never sent twice', async () => {
    const backend = adapter({ retry: { retries: 2, maxRetryAfterMs: 5000 } });
    await control('fail', { status: 429, retryAfter: 1, path: '/api/v2/requests/102' });
    expect((await backend.getTicket('102')).number).to.equal('102');
    const reads = (await log()).filter((r) => r.url.startsWith('/api/v2/requests/102?'));
    expect(reads).to.have.length(2);
    expect((reads[1]?.at ?? 0) - (reads[0]?.at ?? 0)).to.be.at.least(1000);

    await control('fail', { status: 429, retryAfter: 30, path: '/api/v2/requests/102' });
    const failed = await supportError(backend.addComment('102', 'Still stuck', { idempotencyKey: 'c1' }));
    expect([failed.kind, failed.retryAfterSeconds]).to.deep.equal(['rate_limited', 30]);
    expect((await log()).filter((r) => r.method === 'PUT')).to.have.length(1);
  });

  describe('watch() by polling', () => {
    function watching(scope: Parameters<SupportBackend['watch']>[0]) {
      const backend = adapter({ poll: { intervalMs: 20, maxIntervalMs: 80 } });
      const changes: TicketChange[] = [];
      const states: WatchState[] = [];
      const controller = new AbortController();
      backend.watch(scope, (change) => changes.push(change), { signal: controller.signal, onState: (s) => states.push(s) });
      return { backend, changes, states, controller };
    }

    it('declares live: poll and reports a change made in Zendesk to the list, with a stable id', async () => {
      const { backend, changes, states, controller } = watching({ kind: 'cases' });
      expect(backend.capabilities.live).to.equal('poll');
      await waitUntil(() => states.includes('live'), 'first poll');
      await control('agent-reply', { id: 101, body: 'Can you send a screenshot?', status: 'pending' });
      await waitUntil(() => changes.length > 0, 'change reported');
      const [change] = changes;
      expect(change?.kinds).to.deep.equal(['status']);
      expect(change?.ticket.status).to.equal('action_required');
      expect(change?.ticket.comments.at(-1)?.body).to.equal('Can you send a screenshot?');
      expect(change?.id).to.equal(`101:${change?.ticket.updatedAt}`);
      const polls = (await urls('GET', '/api/v2/requests')).length;
      await waitUntil(async () => (await urls('GET', '/api/v2/requests')).length >= polls + 2, 'two more polls');
      expect(changes).to.have.length(1);
      controller.abort();
    });

    it('follows one case through its comments and names what changed', async () => {
      const { changes, states, controller } = watching({ kind: 'case', number: '102' });
      await waitUntil(() => states.includes('live'), 'first poll');
      await control('agent-reply', { id: 102, body: 'One more detail.' });
      await waitUntil(() => changes.length > 0, 'change reported');
      expect(changes[0]?.kinds).to.deep.equal(['comment']);
      expect(changes[0]?.ticket.comments.at(-1)?.body).to.equal('One more detail.');
      controller.abort();
    });

    it('stops every timer and request on abort: the mock sees no further request', async () => {
      const { controller, states } = watching({ kind: 'cases' });
      await waitUntil(() => states.includes('live'), 'first poll');
      controller.abort();
      const seen = (await log()).length;
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect((await log()).length).to.equal(seen);

      // Aborted before its first answer: nothing more is sent either.
      const early = watching({ kind: 'cases' });
      early.controller.abort();
      const after = (await log()).length;
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect((await log()).length).to.be.at.most(after + 1);
      expect(early.changes).to.deep.equal([]);
    });

    it('polls at once when the browser is back online, but never cuts a Retry-After short', async () => {
      const backend = adapter({ poll: { intervalMs: 60_000, maxIntervalMs: 60_000 } });
      const states: WatchState[] = [];
      const controller = new AbortController();
      backend.watch({ kind: 'cases' }, () => undefined, { signal: controller.signal, onState: (s) => states.push(s) });
      const polls = async () => (await urls('GET', '/api/v2/requests')).length;
      try {
        await waitUntil(() => states.includes('live'), 'first poll');
        const before = await polls();
        await control('fail', { status: 429, retryAfter: 60, path: '/api/v2/requests', times: 1 });
        window.dispatchEvent(new Event('online'));
        await waitUntil(() => states.at(-1) === 'reconnecting', 'the poll of the online event, answered 429');
        expect(await polls(), 'one poll, not a minute later').to.equal(before + 1);
        window.dispatchEvent(new Event('online'));
        await new Promise((resolve) => setTimeout(resolve, 150));
        expect(await polls(), 'the 60 s of Retry-After are waited out').to.equal(before + 1);
      } finally {
        controller.abort();
      }
    });

    it('reports reconnecting on a 429 or a bad answer, drops it, and goes on polling', async () => {
      await control('fail', { status: 200, path: '/api/v2/requests', times: 1 });
      const { changes, states, controller } = watching({ kind: 'cases' });
      await waitUntil(() => states.includes('live'), 'live after the bad answer', { timeout: 3000 });
      expect(states[0]).to.equal('reconnecting');
      await control('fail', { status: 429, retryAfter: 0, path: '/api/v2/requests', times: 1 });
      await waitUntil(() => states.filter((s) => s === 'reconnecting').length === 2, 'reconnecting on 429');
      await waitUntil(() => states.at(-1) === 'live', 'live again');
      expect(changes).to.deep.equal([]);
      controller.abort();
    });
  });
});
