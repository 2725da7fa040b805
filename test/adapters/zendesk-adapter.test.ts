// createZendeskAdapter against recorded Zendesk responses (test/fixtures/zendesk/*.json) served
// over real HTTP by test/support/zendesk-server.mjs, which also records what the adapter sent.
import { expect } from '@open-wc/testing';
import type { SupportBackend } from '../../src/adapters/backend.js';
import { createZendeskAdapter, statusFromZendesk } from '../../src/adapters/zendesk-adapter.js';
import { hasStrings, isArrayOf, isRecord } from '../../src/adapters/guards.js';
import { isHeaders, testServers } from './servers.js';
import { supportError } from '../support/dom.js';
import { ZENDESK_FIELDS } from './zendesk-fields.js';

interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: unknown;
}

const isRecorded = (v: unknown): v is Recorded => hasStrings(v, ['method', 'url']) && isHeaders(v.headers);

const fields = ZENDESK_FIELDS;

describe('createZendeskAdapter against recorded Zendesk responses', () => {
  let origin: string;

  before(async () => {
    origin = (await testServers()).zendesk;
  });

  beforeEach(async () => {
    await fetch(`${origin}/__reset`, { method: 'POST' });
  });

  async function recorded(): Promise<Recorded[]> {
    const response = await fetch(`${origin}/__record`);
    const record: unknown = await response.json();
    if (!isRecord(record) || !isArrayOf(record.requests, isRecorded)) throw new Error(`unexpected record: ${JSON.stringify(record)}`);
    return record.requests;
  }

  /** `null`: no token, as for an anonymous visitor. */
  function adapter(token: string | null = 'oauth-token'): SupportBackend {
    return createZendeskAdapter({ subdomainUrl: origin, getToken: () => token ?? undefined, fields, retry: { retries: 0 } });
  }

  it('maps every Zendesk status', () => {
    expect(['new', 'open', 'hold', 'pending', 'solved', 'closed'].map(statusFromZendesk)).to.deep.equal([
      'open',
      'open',
      'open',
      'action_required',
      'pending',
      'closed',
    ]);
  });

  describe('session', () => {
    it('builds the session from users/me and its organizations', async () => {
      const session = await adapter().getSession();
      expect(session).to.deep.equal({
        user: { name: 'Alex Martin', email: 'alex@example.com' },
        realm: 'support_center',
        accounts: [
          { id: '501', name: 'Alex Example Inc.', plan: 'paid' },
          { id: '502', name: 'Contoso', plan: 'free' },
        ],
        activeAccountId: '501',
      });
      const [request] = await recorded();
      expect(request?.url).to.equal('/api/v2/users/me?include=organizations');
      expect(request?.headers.authorization).to.equal('Bearer oauth-token');
    });

    it('has no session for the anonymous user', async () => {
      expect(await adapter(null).getSession()).to.equal(null);
    });

    it('refuses password sign-in as forbidden', async () => {
      const error = await supportError(adapter().signIn({ email: 'alex@example.com', password: 'x', realm: 'product' }));
      expect(error.kind).to.equal('forbidden');
      expect(await recorded()).to.have.length(0);
    });

    it('switches organization, and refuses one the user is not in', async () => {
      const backend = adapter();
      expect((await backend.selectAccount('502')).activeAccountId).to.equal('502');
      expect((await supportError(backend.selectAccount('999'))).kind).to.equal('forbidden');
    });

    it('maps 401 to unauthorized', async () => {
      expect((await supportError(adapter(null).listTickets({}))).kind).to.equal('unauthorized');
    });
  });

  describe('reading cases', () => {
    // Listing, state filters and sorting follow what Zendesk documents, which recorded answers
    // cannot check: test/adapters/zendesk-rules.test.ts runs them against the mock Zendesk.

    it('reads a search as every backend does: a leading # dropped, words lowercased and single-spaced', async () => {
      await adapter().listTickets({ search: ' #104 ' });
      await adapter().listTickets({ search: 'Envelope  stuck' });
      const queries = (await recorded()).map((r) => new URL(r.url, origin).searchParams.get('query'));
      expect(queries).to.deep.equal(['104', 'envelope stuck']);
    });

    it('searches through requests/search', async () => {
      const page = await adapter().listTickets({ search: 'envelope', sort: 'number_asc' });
      expect(page.total).to.equal(1);
      const url = new URL((await recorded())[0]?.url ?? '', origin);
      expect(url.pathname).to.equal('/api/v2/requests/search');
      expect(url.searchParams.get('query')).to.equal('envelope');
      expect(url.searchParams.get('sort_by')).to.equal('created_at');
      expect(url.searchParams.get('sort_order')).to.equal('asc');
    });

    it('reads a case with its custom fields, comments, attachments and CCs', async () => {
      const ticket = await adapter().getTicket('101');
      expect(ticket).to.include({
        number: '101',
        status: 'open',
        areaId: 'esign',
        productId: 'esignature',
        categoryId: 'signing',
        subcategoryId: 'signing',
        contactMethod: 'portal',
        accountId: '501',
      });
      expect(ticket.requester).to.deep.equal({ name: 'Alex Martin', email: 'alex@example.com' });
      // Zendesk's first comment is the description: shown once, as the description (its file stays).
      expect(ticket.description).to.equal('The signer gets an error when opening the link.');
      expect(ticket.comments.map((c) => [c.authorRole, c.body])).to.deep.equal([['agent', 'Which browser does the signer use?']]);
      expect(ticket.attachments.map((a) => [a.name, a.size, a.contentType])).to.deep.equal([['error.png', 48213, 'image/png']]);
      expect(ticket.watchers.map((w) => w.email)).to.deep.equal(['manager@example.com']);
      expect(ticket.callbacks).to.deep.equal([]);
    });

    it('reads the contact method, a description sent by email (not repeated as a comment) and a Call-me phone', async () => {
      const ticket = await adapter().getTicket('102');
      expect(ticket.status).to.equal('pending');
      expect(ticket.contactMethod).to.equal('email');
      expect(ticket.description).to.equal('The envelope stays in sending.');
      expect(ticket.comments.map((c) => [c.via, c.body])).to.deep.equal([['web', 'We cleared the queue; does it work now?']]);
      expect(ticket.callbacks.map((c) => c.phone)).to.deep.equal(['+1 415 555 0100']);
    });

    it('maps RecordNotFound to not_found', async () => {
      expect((await supportError(adapter().getTicket('999'))).kind).to.equal('not_found');
    });

    it('suggests Help Center articles', async () => {
      const articles = await adapter().suggestArticles({ query: 'reset password', areaId: 'esign' }, { locale: 'en' });
      expect(articles).to.deep.equal([
        { id: '35467', title: 'Reset your password', url: 'https://acme.zendesk.com/hc/en-us/articles/35467-Reset-your-password' },
      ]);
    });
  });

  describe('changing cases', () => {
    it('creates a request with custom fields and follow-up source, without the read-only organization_id', async () => {
      const created = await adapter().createTicket(
        {
          areaId: 'esign',
          productId: 'rooms',
          categoryId: 'account',
          subcategoryId: 'users',
          subject: 'Room permissions for a new agent',
          description: 'A new agent cannot see the room.',
          contactMethod: 'portal',
          attachmentTokens: ['6bk3gql82em5nmf'],
          followUpOf: '103',
        },
        { idempotencyKey: 'k1' },
      );
      expect(created).to.include({ number: '104', status: 'open', followUpOf: '103', productId: 'rooms' });
      const post = (await recorded()).find((r) => r.method === 'POST');
      expect(post?.body).to.deep.equal({
        request: {
          subject: 'Room permissions for a new agent',
          comment: { body: 'A new agent cannot see the room.', uploads: ['6bk3gql82em5nmf'] },
          custom_fields: [
            { id: 360001, value: 'account' },
            { id: 360002, value: 'users' },
            { id: 360003, value: 'rooms' },
            { id: 360004, value: 'esign' },
            { id: 360005, value: 'portal' },
          ],
          via_followup_source_id: 103,
        },
      });
    });

    it('sends a create once for a repeated idempotency key, and checks input first', async () => {
      const backend = adapter();
      const input = { areaId: 'esign', productId: 'rooms', subject: 'Rooms', description: 'Details', contactMethod: 'portal' } as const;
      const [a, b] = await Promise.all([backend.createTicket(input, { idempotencyKey: 'same' }), backend.createTicket(input, { idempotencyKey: 'same' })]);
      expect(a.number).to.equal(b.number);
      expect((await supportError(backend.createTicket({ ...input, subject: 'Other' }, { idempotencyKey: 'same' }))).conflict).to.equal(
        'idempotency_mismatch',
      );
      const invalid = await supportError(backend.createTicket({ ...input, subject: '' }, { idempotencyKey: 'other' }));
      expect(invalid.fieldErrors).to.deep.include({ field: 'subject', code: 'required' });
      expect((await recorded()).filter((r) => r.method === 'POST')).to.have.length(1);
    });

    it('comments with PUT requests/{id}', async () => {
      await adapter().addComment('102', ' Still failing ', { idempotencyKey: 'c1' });
      const put = (await recorded()).find((r) => r.method === 'PUT');
      expect(put?.url).to.equal('/api/v2/requests/102');
      expect(put?.body).to.deep.equal({ request: { comment: { body: 'Still failing' } } });
    });

    it('maps "closed prevents ticket update" to conflict closed', async () => {
      const error = await supportError(adapter().addComment('103', 'Still broken', { idempotencyKey: 'c2' }));
      expect(error.kind).to.equal('conflict');
      expect(error.conflict).to.equal('closed');
    });

    it('adds a watcher as additional collaborator, and declares that it cannot remove one', async () => {
      const backend = adapter();
      await backend.addWatcher('101', 'Colleague@Example.com');
      expect(backend.capabilities.removeWatcher).to.equal(false);
      const refused = await supportError(backend.removeWatcher('101', 'manager@example.com'));
      expect(refused.kind).to.equal('forbidden');
      // Nothing Zendesk would reject is sent: one PUT, the addition.
      const bodies = (await recorded()).filter((r) => r.method === 'PUT').map((r) => r.body);
      expect(bodies).to.deep.equal([{ request: { additional_collaborators: ['colleague@example.com'] } }]);
    });

    it('uploads with progress, then attaches the tokens in a comment', async () => {
      const backend = adapter();
      const progress: number[] = [];
      const file = new File([new Uint8Array(2532).fill(65)], 'crash.log', { type: 'text/plain' });
      const uploaded = await backend.uploadFile(file, { onProgress: (loaded) => progress.push(loaded) });
      expect(uploaded).to.deep.equal({ token: '6bk3gql82em5nmf', name: 'crash.log', size: 2532, contentType: 'text/plain' });
      expect(progress.at(-1)).to.equal(2532);
      await backend.addAttachments('101', [uploaded.token], { idempotencyKey: 'a1' });
      const requests = await recorded();
      const upload = requests.find((r) => r.url.startsWith('/api/v2/uploads'));
      expect(upload?.url).to.equal('/api/v2/uploads?filename=crash.log');
      expect(upload?.headers['content-type']).to.equal('text/plain');
      expect(requests.find((r) => r.method === 'PUT')?.body).to.deep.equal({
        request: { comment: { body: 'Attached files.', uploads: ['6bk3gql82em5nmf'] } },
      });
    });

    it('declares Call me as a comment and never writes a custom field after creation', async () => {
      const backend = adapter();
      expect(backend.capabilities.callMe).to.equal('comment');
      const refused = await supportError(backend.requestCallback('101', '+1 415 555 0100', { idempotencyKey: 'cb1', locale: 'en' }));
      expect(refused.kind).to.equal('forbidden');
      expect((await recorded()).filter((r) => r.method === 'PUT')).to.deep.equal([]);
    });

    it('sends the sign-in help form as an anonymous request', async () => {
      const receipt = await adapter().submitSignInHelp(
        { name: 'Robin', email: 'robin@example.com', areaId: 'esign', description: 'I cannot sign in.' },
        { idempotencyKey: 'h1' },
      );
      expect(receipt.reference).to.equal('106');
      const [post] = await recorded();
      expect(post?.headers.authorization).to.equal(undefined);
      expect(post?.body).to.deep.equal({
        request: {
          requester: { name: 'Robin', email: 'robin@example.com' },
          subject: 'Sign-in help',
          comment: { body: 'I cannot sign in.' },
          custom_fields: [{ id: 360004, value: 'esign' }],
        },
      });
    });
  });
});
