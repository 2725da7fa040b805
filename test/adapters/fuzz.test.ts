// Issue 11, "No bad answer hangs the widget": every endpoint of the fetch and Zendesk adapters
// fed fuzzed 2xx bodies (fuzz-bodies.ts). Each call ends, within the test's time, in either a
// result whose every date the elements' formatters accept, or a `bad_response` SupportError:
// never a TypeError or RangeError out of the adapter, never a hang.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { SupportBackend } from '../../src/adapters/backend.js';
import { createFetchAdapter } from '../../src/adapters/fetch-adapter.js';
import { createZendeskAdapter } from '../../src/adapters/zendesk-adapter.js';
import { isSupportError } from '../../src/core/errors.js';
import { ARTICLES, badBodies, CATALOG, formatEveryDate, PAGE, RECEIPT, SESSION, TICKET, UPLOADED, type BadBody, type Json } from './fuzz-bodies.js';
import { faultServer, testServers } from './servers.js';
import { ZENDESK_FIELDS } from './zendesk-fields.js';

const RUNS = 25;
const KEY = { idempotencyKey: 'fuzz-key' };
const NEW_TICKET = { areaId: 'esign', productId: 'esignature', subject: 'Subject', description: 'Description', contactMethod: 'portal' as const };

/** Whether `run` ended as the issue asks; `label` says which body when it did not. */
async function endsUsable(run: () => Promise<unknown>, label: string): Promise<void> {
  let outcome: unknown;
  try {
    outcome = await run();
  } catch (error) {
    if (isSupportError(error) && error.kind === 'bad_response') return;
    throw new Error(`${label}: rejected with ${String(error)}`);
  }
  try {
    formatEveryDate(outcome);
  } catch (error) {
    throw new Error(`${label}: resolved with a date the formatters reject (${String(error)})`);
  }
}

function stubFetch(body: BadBody): typeof fetch {
  return () => Promise.resolve(new Response(body.text, { status: 200, headers: { 'Content-Type': 'application/json' } }));
}

interface Endpoint {
  readonly name: string;
  readonly valid: Json;
  readonly call: (backend: SupportBackend) => Promise<unknown>;
}

const fetchEndpoints: readonly Endpoint[] = [
  { name: 'GET /session', valid: { session: SESSION }, call: (b) => b.getSession() },
  { name: 'POST /session (sign-in)', valid: { session: SESSION, token: 'tok' }, call: (b) => b.signIn({ email: 'alex@example.com', password: 'pw', realm: 'product' }) },
  { name: 'PUT /session/account', valid: { session: SESSION }, call: (b) => b.selectAccount('acc-1') },
  { name: 'GET /catalog', valid: CATALOG, call: (b) => b.getCatalog() },
  { name: 'GET /articles', valid: ARTICLES, call: (b) => b.suggestArticles({ query: 'void envelope', areaId: 'esign' }) },
  { name: 'GET /tickets', valid: PAGE, call: (b) => b.listTickets({}) },
  { name: 'GET /tickets/{n}', valid: TICKET, call: (b) => b.getTicket('00001234') },
  { name: 'POST /tickets', valid: TICKET, call: (b) => b.createTicket(NEW_TICKET, KEY) },
  { name: 'POST /tickets/{n}/comments', valid: TICKET, call: (b) => b.addComment('00001234', 'Hello', KEY) },
  { name: 'POST /tickets/{n}/attachments', valid: TICKET, call: (b) => b.addAttachments('00001234', ['up-1'], KEY) },
  { name: 'POST /tickets/{n}/watchers', valid: TICKET, call: (b) => b.addWatcher('00001234', 'kim@example.com') },
  { name: 'DELETE /tickets/{n}/watchers/{email}', valid: TICKET, call: (b) => b.removeWatcher('00001234', 'kim@example.com') },
  { name: 'POST /tickets/{n}/callbacks', valid: TICKET, call: (b) => b.requestCallback('00001234', '+1 555 010 0199', KEY) },
  {
    name: 'POST /sign-in-help',
    valid: RECEIPT,
    call: (b) => b.submitSignInHelp({ name: 'Alex', email: 'alex@example.com', areaId: 'esign', description: 'Locked out' }, KEY),
  },
];

describe('fuzzed 2xx bodies: the fetch adapter', () => {
  for (const endpoint of fetchEndpoints) {
    it(`${endpoint.name}: a result the elements can format, or bad_response`, async () => {
      await fc.assert(
        fc.asyncProperty(badBodies(endpoint.valid), async (body) => {
          const backend = createFetchAdapter({ baseUrl: 'https://api.example.test', fetch: stubFetch(body), getToken: () => 'tok', retry: { retries: 0 } });
          await endsUsable(() => endpoint.call(backend), body.label);
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('a valid body of every endpoint still resolves (the guards are not too strict)', async () => {
    for (const endpoint of fetchEndpoints) {
      const backend = createFetchAdapter({ baseUrl: 'https://api.example.test', fetch: stubFetch({ label: 'valid', text: JSON.stringify(endpoint.valid) }), getToken: () => 'tok' });
      const result = await endpoint.call(backend);
      expect(result, endpoint.name).to.not.equal(undefined);
    }
  });

  it('POST /uploads (XMLHttpRequest): fuzzed bodies from the fault server end in bad_response or a file', async () => {
    const fault = (await faultServer('fuzz')).origin;
    await fetch(`${fault}/__reset`, { method: 'POST' });
    const file = new File(['hello'], 'hello.txt', { type: 'text/plain' });
    const samples = fc.sample(badBodies(UPLOADED), 12);
    for (const body of samples) {
      await fetch(`${fault}/__script`, { method: 'POST', body: JSON.stringify({ steps: [{ type: 'raw', status: 200, contentType: 'application/json', text: body.text }] }) });
      const backend = createFetchAdapter({ baseUrl: `${fault}/api`, getToken: () => 'tok', retry: { retries: 0 } });
      await endsUsable(() => backend.uploadFile(file), body.label);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Zendesk: the recorded fixture server answers everything but the one path under test.

const fields = ZENDESK_FIELDS;

const ZAT = '2024-05-03T09:00:00Z';
const Z_REQUEST: Json = {
  request: {
    id: 104,
    subject: 'Envelope will not void',
    description: 'The void button does nothing.',
    status: 'open',
    requester_id: 1,
    organization_id: 10,
    collaborator_ids: [2],
    custom_fields: [{ id: 360004, value: 'esign' }],
    via: { channel: 'web' },
    created_at: ZAT,
    updated_at: ZAT,
  },
  users: [{ id: 1, name: 'Alex', email: 'alex@example.com' }, { id: 2, name: 'Kim', email: 'kim@example.com' }],
};
const Z_COMMENTS: Json = {
  comments: [{ id: 1, body: 'Hi', plain_body: 'Hi', public: true, author_id: 1, created_at: ZAT, attachments: [{ id: 5, file_name: 'a.png', content_url: 'https://x.zendesk.com/a', content_type: 'image/png', size: 10 }] }],
  users: [{ id: 1, name: 'Alex', email: 'alex@example.com' }],
};
const Z_LIST: Json = { requests: [(Z_REQUEST as { request: Json }).request], users: [], meta: { has_more: false, after_cursor: null } };
const Z_ME: Json = { user: { id: 1, name: 'Alex', email: 'alex@example.com', organization_id: 10 }, organizations: [{ id: 10, name: 'Acme', tags: [] }] };
const Z_ARTICLES: Json = { results: [{ id: 1, title: 'Void', html_url: 'https://x.zendesk.com/hc/1' }] };

interface ZendeskEndpoint {
  readonly name: string;
  /** Which request gets the fuzzed body (method and path). */
  readonly target: RegExp;
  readonly valid: Json;
  readonly call: (backend: SupportBackend) => Promise<unknown>;
}

const zendeskEndpoints: readonly ZendeskEndpoint[] = [
  { name: 'GET users/me (session)', target: /^GET \/api\/v2\/users\/me/, valid: Z_ME, call: (b) => b.getSession() },
  { name: 'GET requests (list)', target: /^GET \/api\/v2\/requests(\?|$)/, valid: Z_LIST, call: (b) => b.listTickets({}) },
  { name: 'GET requests/{id} (case)', target: /^GET \/api\/v2\/requests\/104(\?|$)/, valid: Z_REQUEST, call: (b) => b.getTicket('104') },
  { name: 'GET requests/{id}/comments (case)', target: /^GET \/api\/v2\/requests\/104\/comments/, valid: Z_COMMENTS, call: (b) => b.getTicket('104') },
  { name: 'POST requests (create)', target: /^POST \/api\/v2\/requests(\?|$)/, valid: Z_REQUEST, call: (b) => b.createTicket(NEW_TICKET, KEY) },
  { name: 'PUT requests/{id} (comment)', target: /^PUT \/api\/v2\/requests\/104/, valid: Z_REQUEST, call: (b) => b.addComment('104', 'Hello', KEY) },
  { name: 'PUT requests/{id} (add watcher)', target: /^PUT \/api\/v2\/requests\/104/, valid: Z_REQUEST, call: (b) => b.addWatcher('104', 'kim@example.com') },
  { name: 'GET help_center/articles/search', target: /^GET \/api\/v2\/help_center\/articles\/search/, valid: Z_ARTICLES, call: (b) => b.suggestArticles({ query: 'void envelope', areaId: 'esign' }) },
];

describe('fuzzed 2xx bodies: the Zendesk adapter', () => {
  let origin: string;

  before(async () => {
    origin = (await testServers()).zendesk;
  });

  for (const endpoint of zendeskEndpoints) {
    it(`${endpoint.name}: a result the elements can format, or bad_response`, async () => {
      await fc.assert(
        fc.asyncProperty(badBodies(endpoint.valid), async (body) => {
          const fuzzed: typeof fetch = (input, init) => {
            const request = new Request(input, init);
            const url = new URL(request.url);
            if (endpoint.target.test(`${request.method} ${url.pathname}${url.search}`)) {
              return Promise.resolve(new Response(body.text, { status: 200, headers: { 'Content-Type': 'application/json' } }));
            }
            return fetch(request);
          };
          const backend = createZendeskAdapter({ subdomainUrl: origin, fetch: fuzzed, getToken: () => 'tok', fields, retry: { retries: 0 } });
          await endsUsable(() => endpoint.call(backend), body.label);
        }),
        { numRuns: 10 },
      );
    });
  }
});
