// The fetch adapter takes the capabilities the server declares in its session envelopes
// (issue 13): checked field by field at the boundary, a bad value keeps the defaults; and
// against a helpdesk connector, which has no event stream, watch() polls without asking for one.
import { expect } from '@open-wc/testing';
import type { BackendCapabilities, TicketChange, WatchState } from '../../src/adapters/backend.js';
import { createFetchAdapter, type FetchAdapter } from '../../src/adapters/fetch-adapter.js';
import { DEMO_PASSWORD } from '../../src/adapters/memory-adapter.js';
import { connectorServer } from './servers.js';

const SESSION = { user: { name: 'Alex Martin', email: 'alex@example.com' }, realm: 'product', accounts: [{ id: 'a1', name: 'Acme', plan: 'paid' }], activeAccountId: 'a1' };
const DEFAULTS: BackendCapabilities = { addWatcher: true, removeWatcher: true, callMe: 'request', live: 'push' };
const FRESHDESK: BackendCapabilities = { addWatcher: false, removeWatcher: false, callMe: 'request', live: 'poll' };

/** An adapter whose server answers each call with the next of `bodies` (JSON, 200 or 201 for POST). */
function answering(...bodies: unknown[]): FetchAdapter {
  const queue = [...bodies];
  return createFetchAdapter({
    baseUrl: 'https://support.invalid/api',
    fetch: (input) => {
      const method = input instanceof Request ? input.method : 'GET';
      return Promise.resolve(
        new Response(JSON.stringify(queue.shift()), { status: method === 'POST' ? 201 : 200, headers: { 'Content-Type': 'application/json' } }),
      );
    },
  });
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function until(predicate: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = performance.now() + ms;
  while (!predicate()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await wait(5);
  }
}

describe('createFetchAdapter: capabilities from the server', () => {
  it('offers everything, pushed, until the server says otherwise', () => {
    expect({ ...answering().capabilities }).to.deep.equal(DEFAULTS);
  });

  it('adopts what GET /session declares before getSession() resolves, also without a session, in the same object', async () => {
    const adapter = answering({ session: null, capabilities: FRESHDESK });
    const held = adapter.capabilities;
    const session = adapter.getSession();
    expect(held.addWatcher).to.equal(true);
    expect(await session).to.equal(null);
    expect(adapter.capabilities).to.equal(held);
    expect({ ...held }).to.deep.equal(FRESHDESK);
  });

  it('adopts what signIn(), signInWithJwt() and selectAccount() answer', async () => {
    const adapter = answering(
      { session: SESSION, token: 't1', capabilities: { ...DEFAULTS, addWatcher: false } },
      { session: SESSION, token: 't2', capabilities: { ...DEFAULTS, removeWatcher: false } },
      { session: SESSION, capabilities: { ...DEFAULTS, callMe: 'comment' } },
    );
    await adapter.signIn({ email: 'alex@example.com', password: 'x', realm: 'product' });
    expect(adapter.capabilities.addWatcher).to.equal(false);
    await adapter.signInWithJwt('a.b.c');
    expect([adapter.capabilities.addWatcher, adapter.capabilities.removeWatcher]).to.deep.equal([true, false]);
    await adapter.selectAccount('a1');
    expect({ ...adapter.capabilities }).to.deep.equal({ ...DEFAULTS, callMe: 'comment' });
  });

  it('keeps what it had for a field that is missing, of the wrong type or unknown, and for no capabilities at all', async () => {
    const adapter = answering(
      { session: null, capabilities: { addWatcher: 'no', removeWatcher: null, callMe: 'fax', live: 42 } },
      { session: null, capabilities: 'none' },
      { session: null, capabilities: { live: 'poll', addWatcher: 0 } },
      { session: null },
      { session: null, capabilities: { live: 'carrier pigeon', removeWatcher: false } },
    );
    await adapter.getSession();
    expect({ ...adapter.capabilities }).to.deep.equal(DEFAULTS);
    await adapter.getSession();
    expect({ ...adapter.capabilities }).to.deep.equal(DEFAULTS);
    await adapter.getSession();
    expect({ ...adapter.capabilities }).to.deep.equal({ ...DEFAULTS, live: 'poll' });
    await adapter.getSession();
    await adapter.getSession();
    expect({ ...adapter.capabilities }).to.deep.equal({ ...DEFAULTS, live: 'poll', removeWatcher: false });
  });

  it('against the Freshdesk connector: declares no watcher changes, and polls a case without asking for the stream', async () => {
    const baseUrl = await connectorServer('freshdesk');
    const asked: string[] = [];
    const recording: typeof fetch = (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      asked.push(new URL(request.url).pathname);
      return fetch(request);
    };
    const watcher = createFetchAdapter({ baseUrl, fetch: recording, live: { pollMs: 40, retryMs: 20 } });
    await watcher.signIn({ email: 'alex@example.com', password: DEMO_PASSWORD, realm: 'product' });
    expect({ ...watcher.capabilities }).to.deep.equal(FRESHDESK);

    const writer = createFetchAdapter({ baseUrl });
    await writer.signIn({ email: 'alex@example.com', password: DEMO_PASSWORD, realm: 'product' });
    const created = await writer.createTicket(
      { areaId: 'esign', productId: 'esignature', subject: `Polled ${crypto.randomUUID()}`, description: 'Watched by polling.', contactMethod: 'portal' },
      { idempotencyKey: crypto.randomUUID() },
    );

    const changes: TicketChange[] = [];
    const states: WatchState[] = [];
    const controller = new AbortController();
    watcher.watch({ kind: 'case', number: created.number }, (change) => changes.push(change), { signal: controller.signal, onState: (s) => states.push(s) });
    try {
      await until(() => states.includes('live'), 'the first poll');
      await writer.addComment(created.number, 'Written in another tab.', { idempotencyKey: crypto.randomUUID() });
      await until(() => changes.some((c) => c.kinds.includes('comment')), 'the polled comment');
      expect(changes.at(-1)?.ticket.comments.at(-1)?.body).to.equal('Written in another tab.');
    } finally {
      controller.abort();
    }
    expect(asked.filter((p) => p.endsWith('/events'))).to.deep.equal([]);
    expect(asked.filter((p) => p.endsWith(`/tickets/${created.number}`)).length).to.be.greaterThan(1);
  });
});
