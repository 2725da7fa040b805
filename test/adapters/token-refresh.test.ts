// Host-managed sign-in (getToken/refreshToken) in both HTTP adapters: a 401 makes the adapter
// call refreshToken() once (shared by concurrent 401s) and send the call once more.
// JSON calls go through a fake fetch that answers 401 for a stale token (and forwards the rest
// to the Zendesk fixture server for the Zendesk adapter); uploads and idempotent creates go to
// test/support/fault-server.mjs over real HTTP (XMLHttpRequest cannot be faked with fetch).
import { expect } from '@open-wc/testing';
import type { SupportBackend } from '../../src/adapters/backend.js';
import { createFetchAdapter, type FetchAdapterOptions } from '../../src/adapters/fetch-adapter.js';
import { createZendeskAdapter } from '../../src/adapters/zendesk-adapter.js';
import type { NewTicket } from '../../src/core/ticket.js';
import { rejection, supportError } from '../support/dom.js';
import { faultServer, testServers, type FaultServer } from './servers.js';
import { ZENDESK_FIELDS } from './zendesk-fields.js';

const unauthorized = () =>
  new Response(JSON.stringify({ type: 'about:blank', title: 'Token expired', status: 401 }), {
    status: 401,
    headers: { 'Content-Type': 'application/problem+json' },
  });

/** The host: a current token, a refresh that counts its calls and hands out the next token. */
class Host {
  token = 'stale';
  refreshes = 0;
  constructor(private readonly next: () => string | undefined | Promise<string | undefined> = () => 'fresh') {}
  readonly getToken = () => this.token;
  readonly refreshToken = async () => {
    this.refreshes++;
    const token = await this.next();
    if (token) this.token = token;
    return token;
  };
}

/**
 * A fetch that answers 401 to `Bearer stale` (to every token in `rejected`) and otherwise
 * `ok()`. With `gate` > 0, the first `gate` 401s are held until that many arrived, so the
 * calls that get them certainly ran in parallel.
 */
function fakeFetch(ok: (request: Request) => Response | Promise<Response>, options: { rejected?: readonly string[]; gate?: number } = {}) {
  const rejected = options.rejected ?? ['stale'];
  const seen: string[] = [];
  const held: (() => void)[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const auth = request.headers.get('Authorization') ?? '';
    seen.push(auth);
    if (rejected.some((token) => auth === `Bearer ${token}`)) {
      if (options.gate && held.length < options.gate) {
        await new Promise<void>((resolve) => {
          held.push(resolve);
          if (held.length === options.gate) held.forEach((release) => release());
        });
      }
      return unauthorized();
    }
    return ok(request);
  };
  return { fetch, seen };
}

const noSession = () => new Response(JSON.stringify({ session: null }), { status: 200, headers: { 'Content-Type': 'application/json' } });

describe('host-managed sign-in: getToken/refreshToken', () => {
  describe('createFetchAdapter', () => {
    function adapter(host: Host, fetch: typeof globalThis.fetch, overrides: Partial<FetchAdapterOptions> = {}): SupportBackend {
      return createFetchAdapter({
        baseUrl: 'https://support.test/api',
        fetch,
        getToken: host.getToken,
        refreshToken: host.refreshToken,
        retry: { retries: 0 },
        ...overrides,
      });
    }

    it('refreshes on a 401 and retries once with the new token', async () => {
      const host = new Host();
      const { fetch, seen } = fakeFetch(noSession);
      expect(await adapter(host, fetch).getSession()).to.equal(null);
      expect(host.refreshes).to.equal(1);
      expect(seen).to.deep.equal(['Bearer stale', 'Bearer fresh']);
    });

    it('shares one refresh between 5 concurrent 401s', async () => {
      const host = new Host();
      const { fetch, seen } = fakeFetch(noSession, { gate: 5 });
      const backend = adapter(host, fetch);
      const sessions = await Promise.all(Array.from({ length: 5 }, () => backend.getSession()));
      expect(sessions).to.deep.equal([null, null, null, null, null]);
      expect(host.refreshes).to.equal(1);
      expect(seen.filter((auth) => auth === 'Bearer stale')).to.have.length(5);
      expect(seen.filter((auth) => auth === 'Bearer fresh')).to.have.length(5);
    });

    it('fails with unauthorized when the retried call is refused again, after one refresh', async () => {
      const host = new Host();
      const { fetch, seen } = fakeFetch(noSession, { rejected: ['stale', 'fresh'] });
      const error = await supportError(adapter(host, fetch).getSession());
      expect(error.kind).to.equal('unauthorized');
      expect(host.refreshes).to.equal(1);
      expect(seen).to.deep.equal(['Bearer stale', 'Bearer fresh']);
    });

    it('fails with unauthorized when the refresh throws, and asks again on the next 401', async () => {
      const host = new Host(() => {
        throw new Error('refresh token revoked');
      });
      const { fetch, seen } = fakeFetch(noSession);
      const backend = adapter(host, fetch);
      expect((await supportError(backend.getSession())).kind).to.equal('unauthorized');
      expect((await supportError(backend.getSession())).kind).to.equal('unauthorized');
      expect(host.refreshes).to.equal(2);
      expect(seen).to.deep.equal(['Bearer stale', 'Bearer stale']);
    });

    it('fails with unauthorized when the refresh returns undefined', async () => {
      const host = new Host(() => undefined);
      const { fetch, seen } = fakeFetch(noSession);
      expect((await supportError(adapter(host, fetch).getSession())).kind).to.equal('unauthorized');
      expect(host.refreshes).to.equal(1);
      expect(seen).to.have.length(1);
    });

    it('rejects with an AbortError when the caller aborts during the refresh', async () => {
      const controller = new AbortController();
      let finish: (token: string) => void = () => undefined;
      const host = new Host(
        () =>
          new Promise<string>((resolve) => {
            finish = resolve;
            controller.abort();
          }),
      );
      const { fetch, seen } = fakeFetch(noSession);
      const error = await rejection(adapter(host, fetch).getSession({ signal: controller.signal }));
      expect(error).to.be.instanceOf(DOMException).and.have.property('name', 'AbortError');
      finish('fresh');
      expect(seen).to.deep.equal(['Bearer stale']);
    });

    it('does not refresh the token signIn received: a 401 on it forgets it', async () => {
      const host = new Host();
      let signedIn = false;
      const { fetch, seen } = fakeFetch(
        (request) => {
          if (request.method === 'POST') {
            signedIn = true;
            const session = { user: { name: 'A', email: 'a@example.com' }, realm: 'product', accounts: [{ id: 'a1', name: 'A', plan: 'free' }], activeAccountId: 'a1' };
            return new Response(JSON.stringify({ session, token: 'held' }), { status: 200, headers: { 'Content-Type': 'application/json' } });
          }
          return noSession();
        },
        { rejected: ['held'] },
      );
      const backend = adapter(host, fetch, { getToken: () => undefined });
      await backend.signIn({ email: 'a@example.com', password: 'pw', realm: 'product' });
      expect(signedIn).to.equal(true);
      expect((await supportError(backend.getSession())).kind).to.equal('unauthorized');
      expect(host.refreshes).to.equal(0);
      // The held token is gone: the next call goes without one.
      await backend.getSession();
      expect(seen).to.deep.equal(['', 'Bearer held', '']);
    });
  });

  describe('createFetchAdapter over HTTP (fault server)', () => {
    let server: FaultServer;
    const newTicket: NewTicket = { areaId: 'esign', productId: 'esignature', subject: 'Envelope stuck', description: 'It stays in sending.', contactMethod: 'portal' };

    before(async () => {
      server = await faultServer('token-refresh');
    });

    beforeEach(async () => {
      await server.reset();
    });

    const adapter = (host: Host) =>
      createFetchAdapter({ baseUrl: server.api, getToken: host.getToken, refreshToken: host.refreshToken, retry: { retries: 0 } });
    const expired = { type: 'status', status: 401, body: { type: 'about:blank', title: 'Token expired', status: 401 } } as const;

    it('keeps the idempotency key of a create across the retry', async () => {
      await server.script(expired);
      const host = new Host();
      const created = await adapter(host).createTicket(newTicket, { idempotencyKey: 'k-refresh' });
      expect(created.subject).to.equal('Envelope stuck');
      const requests = (await server.record()).requests.filter((r) => r.path === '/api/tickets');
      expect(requests.map((r) => r.headers.authorization)).to.deep.equal(['Bearer stale', 'Bearer fresh']);
      expect(requests.map((r) => r.headers['idempotency-key'])).to.deep.equal(['k-refresh', 'k-refresh']);
      expect(host.refreshes).to.equal(1);
    });

    it('refreshes an upload (XMLHttpRequest) and retries it with the same key', async () => {
      await server.script(expired);
      const host = new Host();
      const progress: number[] = [];
      const file = new File([new Uint8Array(2048).fill(65)], 'log.txt', { type: 'text/plain' });
      const uploaded = await adapter(host).uploadFile(file, { onProgress: (loaded) => progress.push(loaded) });
      expect(uploaded.size).to.equal(2048);
      const requests = (await server.record()).requests;
      expect(requests.map((r) => r.headers.authorization)).to.deep.equal(['Bearer stale', 'Bearer fresh']);
      expect(requests[0]?.headers['idempotency-key']).to.be.a('string').and.equal(requests[1]?.headers['idempotency-key']);
      expect(host.refreshes).to.equal(1);
      expect(progress.at(-1)).to.equal(2048);
    });

    it('fails an upload with unauthorized when the retry is refused too', async () => {
      await server.script(expired, expired);
      const host = new Host();
      const file = new File(['x'], 'log.txt', { type: 'text/plain' });
      expect((await supportError(adapter(host).uploadFile(file))).kind).to.equal('unauthorized');
      expect((await server.record()).requests).to.have.length(2);
      expect(host.refreshes).to.equal(1);
    });
  });

  describe('createZendeskAdapter', () => {
    let origin: string;
    const fields = ZENDESK_FIELDS;

    before(async () => {
      origin = (await testServers()).zendesk;
    });

    // No __reset here: zendesk-adapter.test.ts reads the server's record at the same time.
    /** The recorded Zendesk answers (served by the test runner, not the shared fixture server, whose record another file reads). */
    const fixture = async (request: Request): Promise<Response> => {
      const path = new URL(request.url).pathname;
      const file = path === '/api/v2/users/me' ? 'users-me' : path === '/api/v2/requests/102' ? 'request-102' : path === '/api/v2/requests/102/comments' ? 'request-102-comments' : undefined;
      if (!file) return new Response(JSON.stringify({ error: 'InvalidEndpoint' }), { status: 404 });
      return new Response(await (await fetch(`/test/fixtures/zendesk/${file}.json`)).text(), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    /** The Zendesk fixture server behind a fetch that refuses the rejected tokens. */
    function adapter(host: Host, options: { rejected?: readonly string[]; gate?: number } = {}) {
      const fake = fakeFetch(fixture, options);
      const backend = createZendeskAdapter({ subdomainUrl: origin, fetch: fake.fetch, getToken: host.getToken, refreshToken: host.refreshToken, fields, retry: { retries: 0 } });
      return { backend, seen: fake.seen };
    }

    it('refreshes on a 401 and reads the session with the new token', async () => {
      const host = new Host();
      const { backend, seen } = adapter(host);
      expect((await backend.getSession())?.user.email).to.equal('alex@example.com');
      expect(host.refreshes).to.equal(1);
      expect(seen).to.deep.equal(['Bearer stale', 'Bearer fresh']);
    });

    it('shares one refresh between 5 concurrent 401s', async () => {
      const host = new Host();
      const { backend, seen } = adapter(host, { gate: 5 });
      const sessions = await Promise.all(Array.from({ length: 5 }, () => backend.getSession()));
      expect(sessions.every((session) => session?.user.email === 'alex@example.com')).to.equal(true);
      expect(host.refreshes).to.equal(1);
      expect(seen.filter((auth) => auth === 'Bearer fresh')).to.have.length(5);
    });

    it('sends a write once more after the refresh (Zendesk did not act on the 401)', async () => {
      const host = new Host();
      const { backend, seen } = adapter(host, { rejected: ['stale', 'expired'] });
      await backend.getSession();
      host.token = 'expired';
      seen.length = 0;
      await backend.addComment('102', 'Still failing', { idempotencyKey: 'c-refresh' });
      expect(seen.slice(0, 2)).to.deep.equal(['Bearer expired', 'Bearer fresh']);
      expect(host.refreshes).to.equal(2);
    });

    it('fails with unauthorized after a second 401, having refreshed once', async () => {
      const host = new Host();
      const { backend, seen } = adapter(host, { rejected: ['stale', 'fresh'] });
      expect((await supportError(backend.getSession())).kind).to.equal('unauthorized');
      expect(host.refreshes).to.equal(1);
      expect(seen).to.deep.equal(['Bearer stale', 'Bearer fresh']);
    });

    it('fails with unauthorized when the refresh throws', async () => {
      const host = new Host(() => Promise.reject(new Error('invalid_grant')));
      const { backend, seen } = adapter(host);
      expect((await supportError(backend.getSession())).kind).to.equal('unauthorized');
      expect(host.refreshes).to.equal(1);
      expect(seen).to.deep.equal(['Bearer stale']);
    });
  });
});
