// Custom fields through the adapters: the fetch adapter sends `customFields` and checks them on
// the way back (a case whose answers are not strings and booleans is a bad response); the memory
// adapter applies the core rules of its config and keeps them.
import { expect } from '@open-wc/testing';
import { createFetchAdapter } from '../../src/adapters/fetch-adapter.js';
import { createMemoryBackend } from '../../src/adapters/memory-adapter.js';
import { memoryStore } from '../../src/controllers/file-store.js';
import { drainOutbox, Outbox, ownerOf } from '../../src/controllers/outbox.js';
import type { NewTicket } from '../../src/core/ticket.js';
import { customConfig, VALID_VALUES } from '../fixtures/custom-fields.js';
import { supportError } from '../support/dom.js';
import { createZendeskAdapter } from '../../src/adapters/zendesk-adapter.js';
import { faultServer, type FaultServer } from './servers.js';
import { ZENDESK_FIELDS } from './zendesk-fields.js';

const { invoice: _invoice, ...flowOne } = VALID_VALUES;
const input: NewTicket = {
  areaId: 'esign',
  productId: 'esignature',
  subject: 'Envelope stuck',
  description: 'It stays in sending.',
  contactMethod: 'portal',
  customFields: flowOne,
};

describe('custom fields through the adapters', () => {
  let server: FaultServer;
  before(async () => {
    server = await faultServer('custom-fields');
  });
  beforeEach(async () => {
    await server.reset();
    localStorage.clear();
  });

  const fetchAdapter = () => createFetchAdapter({ baseUrl: server.api, getToken: () => 't', retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 } });

  it('fetch adapter: the create request carries customFields, the case comes back with them', async () => {
    const created = await fetchAdapter().createTicket(input, { idempotencyKey: 'cf-1' });
    expect(created.customFields).to.deep.equal(flowOne);
    const sent = (await server.record()).requests.find((r) => r.method === 'POST' && r.path === '/api/tickets');
    expect((JSON.parse(sent?.body ?? '{}') as { customFields?: unknown }).customFields).to.deep.equal(flowOne);
  });

  it('fetch adapter: answers that are not strings or booleans are a bad response', async () => {
    const at = new Date().toISOString();
    const person = { name: 'A', email: 'a@example.com' };
    const ticket = { id: 't', number: '1', subject: 's', description: 'd', areaId: 'esign', productId: 'esignature', status: 'open', contactMethod: 'portal', accountId: 'a', requester: person, createdAt: at, updatedAt: at, activityAt: at, comments: [], attachments: [], watchers: [], callbacks: [] };
    await server.script({ type: 'status', status: 201, body: { ...ticket, customFields: { order: 12 } }, contentType: 'application/json' });
    expect((await supportError(fetchAdapter().createTicket(input, { idempotencyKey: 'cf-2' }))).kind).to.equal('bad_response');
    await server.script({ type: 'status', status: 201, body: { ...ticket, customFields: { order: 'ORD-1', urgent: true } }, contentType: 'application/json' });
    expect((await fetchAdapter().createTicket(input, { idempotencyKey: 'cf-3' })).customFields).to.deep.equal({ order: 'ORD-1', urgent: true });
  });

  it('memory adapter: refuses bad values with the core codes, keeps good ones', async () => {
    const memory = createMemoryBackend({ config: customConfig, signedInAs: 'alex@example.com' });
    const error = await supportError(memory.createTicket({ ...input, customFields: { order: 'nope', browser: 'chrome' } }, { idempotencyKey: 'm-1' }));
    expect(error.kind).to.equal('validation');
    expect(error.fieldErrors).to.deep.equal([{ field: 'customFields.order', code: 'pattern_mismatch' }]);
    const created = await memory.createTicket(input, { idempotencyKey: 'm-2' });
    expect((await memory.getTicket(created.number, {})).customFields).to.deep.equal(flowOne);
    // Lists carry summaries: the answers are on the case itself.
    const listed = (await memory.listTickets({})).items.find((t) => t.number === created.number);
    expect(listed && 'customFields' in listed).to.equal(false);
  });

  it('the offline outbox keeps a case’s answers and sends them', async () => {
    const memory = createMemoryBackend({ config: customConfig, signedInAs: 'alex@example.com' });
    const outbox = new Outbox(memoryStore());
    await outbox.add(ownerOf('alex@example.com'), { kind: 'case', ticket: input, files: [] }, 'ob-1', Date.now());
    expect((await outbox.list(ownerOf('alex@example.com')))[0]?.payload).to.deep.include({ ticket: input });
    expect(await drainOutbox(outbox, memory, { signal: new AbortController().signal, force: true })).to.equal('done');
    const sent = (await memory.listTickets({ search: 'Envelope stuck' })).items[0];
    expect(sent && (await memory.getTicket(sent.number, {})).customFields).to.deep.equal(flowOne);
  });

  it('Zendesk adapter: the answers go in custom_fields [{id, value}] with the config’s ids, checked first', async () => {
    const config = { ...customConfig, customFields: (customConfig.customFields ?? []).map((f, i) => ({ ...f, helpdesk: { zendesk: 9001 + i } })) };
    // Zendesk's recorded answers (test/fixtures/zendesk), served here: what the adapter sends is seen here,
    // and the fixture server shared with the files running alongside is left alone.
    const FILES: Readonly<Record<string, string>> = {
      'GET /api/v2/users/me': 'users-me.json',
      'POST /api/v2/requests': 'request-created.json',
      'GET /api/v2/requests/104': 'request-104.json',
      'GET /api/v2/requests/104/comments': 'request-104-comments.json',
    };
    const posts: unknown[] = [];
    const recording: typeof fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
      const sent = typeof init?.body === 'string' ? init.body : input instanceof Request ? await input.clone().text() : '';
      if (method === 'POST') posts.push(JSON.parse(sent));
      const file = FILES[`${method} ${url.pathname}`];
      let body = file ? await (await fetch(`/test/fixtures/zendesk/${file}`)).text() : '{"error":"RecordNotFound"}';
      // The created request, as Zendesk answers it: with the answers the create sent.
      if (file === 'request-104.json' && posts.length > 0) {
        const json = JSON.parse(body) as { request: { custom_fields: unknown[] } };
        const sentFields = (posts[0] as { request: { custom_fields: unknown[] } }).request.custom_fields;
        body = JSON.stringify({ request: { ...json.request, custom_fields: [...json.request.custom_fields, ...sentFields.slice(5)] } });
      }
      return new Response(body, { status: file ? (method === 'POST' ? 201 : 200) : 404, headers: { 'Content-Type': 'application/json' } });
    };
    const zendesk = createZendeskAdapter({ subdomainUrl: 'https://acme.zendesk.test', fetch: recording, getToken: () => 'oauth-token', fields: ZENDESK_FIELDS, config, retry: { retries: 0 } });
    const ticket: NewTicket = {
      areaId: 'esign',
      productId: 'rooms',
      categoryId: 'account',
      subcategoryId: 'users',
      subject: 'Room permissions for a new agent',
      description: 'A new agent cannot see the room.',
      contactMethod: 'portal',
      customFields: VALID_VALUES,
    };
    const refused = await supportError(zendesk.createTicket({ ...ticket, customFields: { ...VALID_VALUES, since: 'soon' } }, { idempotencyKey: 'z-0' }));
    expect(refused.fieldErrors).to.deep.equal([{ field: 'customFields.since', code: 'invalid_date' }]);
    const made = await zendesk.createTicket(ticket, { idempotencyKey: 'z-1' });
    // Read back from the request's fields (the fixture's category is `account`, so the invoice number counts).
    expect(made.customFields).to.deep.equal(VALID_VALUES);
    expect(posts).to.have.length(1);
    const sent = (posts[0] as { request?: { custom_fields?: { id: number }[] } }).request?.custom_fields ?? [];
    expect(sent.filter((f) => f.id > 9000 && f.id < 10_000)).to.deep.equal([
      { id: 9001, value: 'ORD-1234' },
      { id: 9003, value: 'firefox' },
      { id: 9004, value: true },
      { id: 9005, value: '2026-11-30' },
      { id: 9006, value: 'INV-9' },
    ]);
  });
});
