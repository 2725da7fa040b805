// Fault tests of createFetchAdapter against test/support/fault-server.mjs over real HTTP.
// Nothing here mocks fetch: the server is told how to misbehave for each request and records
// what it received; assertions count requests, never time.
import { expect } from '@open-wc/testing';
import { createFetchAdapter, type FetchAdapterOptions } from '../../src/adapters/fetch-adapter.js';
import type { SupportBackend } from '../../src/adapters/backend.js';
import type { NewTicket } from '../../src/core/ticket.js';
import { faultServer, type FaultServer } from './servers.js';
import { rejection, supportError } from '../support/dom.js';

const newTicket: NewTicket = {
  areaId: 'esign',
  productId: 'esignature',
  subject: 'Envelope stuck',
  description: 'It stays in sending.',
  contactMethod: 'portal',
};

describe('createFetchAdapter against a faulty server', () => {
  let server: FaultServer;

  before(async () => {
    server = await faultServer('fetch-adapter');
  });

  beforeEach(async () => {
    await server.reset();
    localStorage.clear();
    sessionStorage.clear();
  });

  /** Fast retries: the policy is what is under test, not the clock. */
  function adapter(overrides: Partial<FetchAdapterOptions> = {}): SupportBackend {
    return createFetchAdapter({
      baseUrl: server.api,
      getToken: () => 'test-token',
      timeoutMs: 5000,
      retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 5 },
      ...overrides,
    });
  }

  describe('retries', () => {
    it('retries a GET whose connection was dropped', async () => {
      await server.script({ type: 'drop' });
      const catalog = await adapter().getCatalog({ locale: 'en' });
      expect(catalog.categories[0]?.label).to.equal('Account');
      expect((await server.record()).requests.filter((r) => r.path === '/api/catalog')).to.have.length(2);
    });

    it('retries a 503 and then succeeds', async () => {
      await server.script({ type: 'status', status: 503 });
      await adapter().getCatalog();
      const { requests } = await server.record();
      expect(requests).to.have.length(2);
    });

    it('waits as a 429 Retry-After says, then retries', async () => {
      await server.script({ type: 'status', status: 429, headers: { 'Retry-After': '1' }, body: { type: 'about:blank', title: 'Slow down', status: 429, kind: 'rate_limited' } });
      const created = await adapter().createTicket(newTicket, { idempotencyKey: 'k-429' });
      expect(created.subject).to.equal('Envelope stuck');
      const { requests, tickets } = await server.record();
      expect(requests.map((r) => r.headers['idempotency-key'])).to.deep.equal(['k-429', 'k-429']);
      expect(tickets).to.have.length(1);
    });

    it('gives up at once with rate_limited when Retry-After is longer than it will wait', async () => {
      await server.script({ type: 'status', status: 429, headers: { 'Retry-After': '3600' }, body: { type: 'about:blank', title: 'Slow down', status: 429 } });
      const error = await supportError(adapter().getCatalog());
      expect(error.kind).to.equal('rate_limited');
      expect(error.retryAfterSeconds).to.equal(3600);
      expect((await server.record()).requests).to.have.length(1);
    });

    it('gives up after the configured retries with a typed error', async () => {
      const unavailable = { type: 'status', status: 503 } as const;
      await server.script(unavailable, unavailable, unavailable);
      const error = await supportError(adapter({ retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 2 } }).getCatalog());
      expect(error.kind).to.equal('server');
      expect(error.status).to.equal(503);
      expect((await server.record()).requests).to.have.length(3);
    });

    it('never retries a 500', async () => {
      await server.script({ type: 'status', status: 500 });
      const error = await supportError(adapter().getCatalog());
      expect(error.kind).to.equal('server');
      expect((await server.record()).requests).to.have.length(1);
    });

    it('never retries a POST that carries no idempotency key of the caller (sign-in)', async () => {
      await server.script({ type: 'drop' });
      const error = await supportError(adapter().signIn({ email: 'a@example.com', password: 'x', realm: 'product' }));
      expect(error.kind).to.equal('network');
      expect((await server.record()).requests).to.have.length(1);
    });

    it('never retries the host JWT exchange either (the JWT is single-use), and posts it with a key', async () => {
      await server.script({ type: 'drop' });
      const error = await supportError(createFetchAdapter({ baseUrl: server.api, retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 5 } }).signInWithJwt('a.b.c'));
      expect(error.kind).to.equal('network');
      const requests = (await server.record()).requests;
      expect(requests.map((r) => [r.method, r.path, r.body])).to.deep.equal([['POST', '/api/session/jwt', '{"jwt":"a.b.c"}']]);
      expect(requests[0]?.headers['idempotency-key']).to.match(/^[0-9a-f-]{36}$/);
    });

    it('reports network when every attempt is dropped', async () => {
      await server.script({ type: 'drop' }, { type: 'drop' });
      const error = await supportError(adapter({ retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 1 } }).getCatalog());
      expect(error.kind).to.equal('network');
      expect((await server.record()).requests).to.have.length(2);
    });

    it('does not duplicate a case whose response was lost after the server committed it', async () => {
      await server.script({ type: 'commit-drop' });
      const created = await adapter().createTicket(newTicket, { idempotencyKey: 'k-lost' });
      const { requests, tickets } = await server.record();
      expect(requests.map((r) => [r.method, r.path, r.headers['idempotency-key']])).to.deep.equal([
        ['POST', '/api/tickets', 'k-lost'],
        ['POST', '/api/tickets', 'k-lost'],
      ]);
      expect(requests[0]?.body).to.equal(requests[1]?.body);
      expect(tickets).to.have.length(1);
      expect(created.number).to.equal(tickets[0]?.number);
      expect(created.subject).to.equal(newTicket.subject);
    });
  });

  describe('removing a watcher (idempotent DELETE)', () => {
    const notFound = { type: 'status', status: 404, body: { type: 'about:blank', title: 'Not found', status: 404, kind: 'not_found', detail: 'The watcher was not found.' } } as const;

    it('succeeds when the first answer is lost and the retry finds nothing to delete', async () => {
      const backend = adapter();
      const created = await backend.createTicket(newTicket, { idempotencyKey: 'k-watch' });
      await server.script({ type: 'drop' }, notFound);
      const after = await backend.removeWatcher(created.number, 'gone@example.com');
      expect(after.number).to.equal(created.number);
      expect(after.watchers).to.deep.equal([]);
      const calls = (await server.record()).requests.slice(1).map((r) => `${r.method} ${r.path}`);
      const removal = `DELETE /api/tickets/${created.number}/watchers/gone%40example.com`;
      expect(calls).to.deep.equal([removal, removal, `GET /api/tickets/${created.number}`]);
      const keys = (await server.record()).requests.filter((r) => r.method === 'DELETE').map((r) => r.headers['idempotency-key']);
      expect(keys[0]).to.match(/^[0-9a-f-]{36}$/);
      expect(keys[1]).to.equal(keys[0], 'the retry carries the same Idempotency-Key');
    });

    it('still reports not_found when the case itself is gone', async () => {
      await server.script(notFound);
      const error = await supportError(adapter().removeWatcher('4999', 'gone@example.com'));
      expect(error.kind).to.equal('not_found');
    });
  });

  describe('timeouts and aborts', () => {
    it('times out a request the server never answers', async () => {
      await server.script({ type: 'hang' }, { type: 'hang' });
      const error = await supportError(adapter({ timeoutMs: 150, retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 1 } }).getCatalog());
      expect(error.kind).to.equal('timeout');
      expect((await server.record()).requests).to.have.length(2);
    });

    it("rejects with an AbortError (not a SupportError) when the caller aborts", async () => {
      await server.script({ type: 'hang' });
      const controller = new AbortController();
      const call = adapter().getTicket('1', { signal: controller.signal });
      // Abort once the server holds the request.
      while ((await server.record()).requests.length === 0) await new Promise((r) => setTimeout(r, 10));
      controller.abort();
      const error = await rejection(call);
      expect(error).to.be.instanceOf(DOMException).and.have.property('name', 'AbortError');
      expect((await server.record()).requests).to.have.length(1);
    });

    it('rejects at once when the signal has already fired', async () => {
      const controller = new AbortController();
      controller.abort();
      const error = await rejection(adapter().getCatalog({ signal: controller.signal }));
      expect(error).to.be.instanceOf(DOMException).and.have.property('name', 'AbortError');
      expect((await server.record()).requests).to.have.length(0);
    });
  });

  describe('status and problem+json mapping', () => {
    const problem = (status: number, extra: Record<string, unknown> = {}) => ({
      type: 'status',
      status,
      body: { type: 'about:blank', title: `HTTP ${status}`, status, ...extra },
    }) as const;

    it('401 → unauthorized', async () => {
      await server.script(problem(401, { kind: 'unauthorized' }));
      expect((await supportError(adapter().getTicket('1'))).kind).to.equal('unauthorized');
    });

    it("409 → conflict with the server's reason", async () => {
      await server.script(problem(409, { kind: 'conflict', conflict: 'closed' }));
      const error = await supportError(adapter().addComment('1', 'Hello', { idempotencyKey: 'k' }));
      expect(error.kind).to.equal('conflict');
      expect(error.conflict).to.equal('closed');
      expect((await server.record()).requests).to.have.length(1);
    });

    it('422 idempotency mismatch → conflict idempotency_mismatch', async () => {
      await server.script(problem(422, { kind: 'conflict', conflict: 'idempotency_mismatch' }));
      const error = await supportError(adapter().createTicket(newTicket, { idempotencyKey: 'k' }));
      expect(error.kind).to.equal('conflict');
      expect(error.conflict).to.equal('idempotency_mismatch');
    });

    it('413 → too_large, without a problem body', async () => {
      await server.script({ type: 'raw', status: 413, contentType: 'text/html', text: '<h1>Too big</h1>' });
      const error = await supportError(adapter().addAttachments('1', ['t'], { idempotencyKey: 'k' }));
      expect(error.kind).to.equal('too_large');
      expect(error.status).to.equal(413);
    });

    it('422 → validation with its field errors', async () => {
      await server.script(
        problem(422, {
          kind: 'validation',
          errors: [
            { field: 'subject', code: 'required' },
            { field: 'description', code: 'too_long' },
            { field: 'extra', code: 'something_new' },
          ],
        }),
      );
      const error = await supportError(adapter().createTicket(newTicket, { idempotencyKey: 'k' }));
      expect(error.kind).to.equal('validation');
      expect(error.fieldErrors).to.deep.equal([
        { field: 'subject', code: 'required' },
        { field: 'description', code: 'too_long' },
        { field: 'extra', code: 'invalid_choice' },
      ]);
    });

    it('malformed JSON in a success → bad_response', async () => {
      await server.script({ type: 'raw', status: 200, text: '{"categories": [' });
      expect((await supportError(adapter().getCatalog())).kind).to.equal('bad_response');
    });

    it('JSON of the wrong shape → bad_response', async () => {
      await server.script({ type: 'raw', status: 200, text: JSON.stringify({ number: 1, status: 'weird' }) });
      expect((await supportError(adapter().getTicket('1'))).kind).to.equal('bad_response');
    });

    it('an unknown ticket → not_found', async () => {
      expect((await supportError(adapter().getTicket('nope'))).kind).to.equal('not_found');
    });
  });

  describe('headers and tokens', () => {
    it('sends Accept-Language from the call locale', async () => {
      const catalog = await adapter().getCatalog({ locale: 'fr' });
      expect(catalog.categories[0]?.label).to.equal('Compte');
      expect((await server.record()).requests[0]?.headers['accept-language']).to.equal('fr');
    });

    it("uses the host's getToken and runs interceptors", async () => {
      await adapter({
        getToken: async () => 'host-token',
        onRequest: (request) => {
          const headers = new Headers(request.headers);
          headers.set('X-Test', 'intercepted');
          return new Request(request, { headers });
        },
      }).getCatalog();
      const [request] = (await server.record()).requests;
      expect(request?.headers.authorization).to.equal('Bearer host-token');
      expect(request?.headers['x-test']).to.equal('intercepted');
    });

    it('keeps the sign-in token in memory only, and forgets it on 401', async () => {
      const backend = adapter({ getToken: undefined });
      const session = await backend.signIn({ email: 'fault@example.com', password: 'pw', realm: 'product' });
      expect(session.user.email).to.equal('fault@example.com');
      await backend.listTickets({});
      expect(localStorage.length).to.equal(0);
      expect(sessionStorage.length).to.equal(0);
      expect(document.cookie).to.equal('');

      await server.script({ type: 'status', status: 401, body: { type: 'about:blank', title: 'Expired', status: 401, kind: 'unauthorized' } });
      expect((await supportError(backend.listTickets({}))).kind).to.equal('unauthorized');
      expect(await backend.getSession()).to.equal(null);

      const requests = (await server.record()).requests;
      const signInBody: unknown = JSON.parse(requests[0]?.body ?? '{}');
      expect(signInBody).to.deep.equal({ email: 'fault@example.com', password: 'pw', realm: 'product' });
      expect(requests.map((r) => r.headers.authorization)).to.deep.equal([undefined, 'Bearer tok-1', 'Bearer tok-1', undefined]);
    });

    it('knows the session of its own sign-in token without a call, and forgets it on 401 and on sign-out', async () => {
      const backend = adapter({ getToken: undefined });
      expect(backend.knownSession?.()).to.equal(undefined);
      const session = await backend.signIn({ email: 'fault@example.com', password: 'pw', realm: 'product' });
      expect(backend.knownSession?.()).to.deep.equal(session);

      await server.script({ type: 'status', status: 401, body: { type: 'about:blank', title: 'Expired', status: 401, kind: 'unauthorized' } });
      await rejection(backend.listTickets({}));
      expect(backend.knownSession?.()).to.equal(undefined);

      await backend.signIn({ email: 'fault@example.com', password: 'pw', realm: 'product' });
      await backend.signOut();
      expect(backend.knownSession?.()).to.equal(undefined);
    });

    it("never claims to know the session behind the host's tokens: the host may switch users", async () => {
      const backend = adapter();
      await backend.signIn({ email: 'fault@example.com', password: 'pw', realm: 'product' });
      await backend.getSession();
      expect(backend.knownSession?.()).to.equal(undefined);
    });

    it('sends a fresh Idempotency-Key on every POST it makes on its own (sign-in, watchers)', async () => {
      const backend = adapter();
      await backend.signIn({ email: 'fault@example.com', password: 'pw', realm: 'product' });
      await rejection(backend.addWatcher('1', 'w@example.com'));
      await rejection(backend.addWatcher('1', 'w@example.com'));
      const keys = (await server.record()).requests.map((r) => r.headers['idempotency-key']);
      expect(keys).to.have.length(3);
      expect(new Set(keys).size).to.equal(3);
      for (const key of keys) expect(key).to.match(/^[0-9a-f-]{36}$/);
    });
  });

  describe('uploads', () => {
    const file = (bytes: number) => new File([new Uint8Array(bytes).fill(65)], 'log file.txt', { type: 'text/plain' });

    it('reports progress and returns the upload token', async () => {
      const progress: [number, number][] = [];
      const uploaded = await adapter().uploadFile(file(256 * 1024), { onProgress: (loaded, total) => progress.push([loaded, total]) });
      expect(uploaded.name).to.equal('log file.txt');
      expect(uploaded.size).to.equal(256 * 1024);
      expect(progress.length).to.be.greaterThan(0);
      expect(progress.at(-1)).to.deep.equal([256 * 1024, 256 * 1024]);
      const [request] = (await server.record()).requests;
      expect(request?.headers['x-file-name']).to.equal('log%20file.txt');
      expect(request?.headers['content-type']).to.equal('text/plain');
      expect(request?.headers['idempotency-key']).to.match(/^[0-9a-f-]{36}$/);
    });

    it('can be cancelled while it runs', async () => {
      await server.script({ type: 'hang' });
      const controller = new AbortController();
      const error = await rejection(
        adapter().uploadFile(file(64 * 1024), { signal: controller.signal, onProgress: () => controller.abort() }),
      );
      expect(error).to.be.instanceOf(DOMException).and.have.property('name', 'AbortError');
      expect((await server.record()).requests).to.have.length(1);
    });

    it('retries an upload whose connection dropped, with the same key', async () => {
      await server.script({ type: 'drop' });
      await adapter().uploadFile(file(1024));
      const keys = (await server.record()).requests.map((r) => r.headers['idempotency-key']);
      expect(keys).to.have.length(2);
      expect(keys[0]).to.equal(keys[1]);
    });
  });
});
