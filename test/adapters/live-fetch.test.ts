// The fetch adapter's watch() against the reference server over real HTTP: a named instance
// of this file's own (test/support/wtr-servers.mjs), restarted on the same data and port for
// the reconnect test, and one without GET /api/events for the polling fallback.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { SupportBackend, TicketChange, WatchScope, WatchState } from '../../src/adapters/backend.js';
import { createFetchAdapter } from '../../src/adapters/fetch-adapter.js';
import { isRecord, isString } from '../../src/adapters/guards.js';
import type { Ticket } from '../../src/core/ticket.js';

type Named = { name: string; fresh?: boolean; restart?: boolean; eventsRetryMs?: number; noEvents?: boolean };

async function server(payload: Named): Promise<string> {
  const result = await executeServerCommand<{ url?: string; error?: string }, Named>('reference-server', payload);
  if (!result?.url) throw new Error(`reference server '${payload.name}' did not start: ${result?.error ?? 'no answer'}`);
  return result.url.replace(/\/+$/, '');
}

const LIVE = 'live-fetch';
const POLL = 'live-fetch-poll';
const TIMING = { retryMs: 20, maxRetryMs: 200, pollMs: 40 };

/** Posts a support reply through the dev endpoint; resolves with the new comment's id. */
async function agentReply(origin: string, number: string, body: string, status?: string): Promise<string> {
  const res = await fetch(`${origin}/api/_dev/tickets/${number}/agent-comment`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ body, ...(status ? { status } : {}) }),
  });
  expect(res.status).to.equal(201);
  const ticket = (await res.json()) as Ticket;
  const id = ticket.comments.at(-1)?.id;
  if (!id) throw new Error('no comment in the answer');
  return id;
}

async function streams(origin: string): Promise<{ open: number; opened: number }> {
  const body: unknown = await (await fetch(`${origin}/api/_dev/streams`)).json();
  if (!isRecord(body) || typeof body.open !== 'number' || typeof body.opened !== 'number') throw new Error('bad /_dev/streams answer');
  return { open: body.open, opened: body.opened };
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves once `predicate` holds, checking every 5 ms; fails after `ms`, saying `what`. */
async function until(predicate: () => boolean | Promise<boolean>, what: string, ms = 5000): Promise<void> {
  const end = performance.now() + ms;
  while (!(await predicate())) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await wait(5);
  }
}

interface Watching {
  readonly changes: TicketChange[];
  readonly states: WatchState[];
  readonly controller: AbortController;
}

function watch(backend: SupportBackend, scope: WatchScope): Watching {
  const watching: Watching = { changes: [], states: [], controller: new AbortController() };
  backend.watch(scope, (change) => watching.changes.push(change), {
    signal: watching.controller.signal,
    onState: (state) => watching.states.push(state),
  });
  return watching;
}

async function signedIn(origin: string): Promise<{ backend: SupportBackend; number: string }> {
  const backend = createFetchAdapter({ baseUrl: `${origin}/api`, live: TIMING, retry: { retries: 0 } });
  await backend.signIn({ email: 'alex@example.com', password: 'correct horse battery', realm: 'product' });
  const page = await backend.listTickets({ status: 'open' });
  const number = page.items[0]?.number;
  if (!number) throw new Error('the seed has no open case for Alex');
  return { backend, number };
}

describe('fetch adapter watch() against the reference server', function () {
  this.timeout(60_000);
  let origin: string;
  let backend: SupportBackend;
  let number: string;

  before(async () => {
    origin = await server({ name: LIVE, fresh: true, eventsRetryMs: 20 });
    ({ backend, number } = await signedIn(origin));
  });

  it('declares push, and a reply posted on the server reaches onChange (20 timed)', async () => {
    expect(backend.capabilities.live).to.equal('push');
    const w = watch(backend, { kind: 'case', number });
    try {
      await until(() => w.states.includes('live'), 'live');
      const delays: number[] = [];
      for (let i = 0; i < 20; i += 1) {
        const before = w.changes.length;
        const start = performance.now();
        const posted = agentReply(origin, number, `Timed reply ${i}`, i === 0 ? 'action_required' : undefined);
        await until(() => w.changes.length > before, `reply ${i}`);
        delays.push(performance.now() - start);
        const id = await posted;
        const change = w.changes[before];
        expect(change?.ticket.comments.at(-1)?.id).to.equal(id);
        expect(change?.kinds).to.include('comment');
        if (i === 0) {
          expect(change?.kinds).to.include('status');
          expect(change?.ticket.status).to.equal('action_required');
        }
      }
      const sorted = [...delays].sort((a, b) => a - b);
      const median = ((sorted[9] ?? 0) + (sorted[10] ?? 0)) / 2;
      console.log(`[live-fetch] server write → onChange, 20 replies: median ${median.toFixed(1)} ms, min ${sorted[0]?.toFixed(1)} ms, max ${sorted[19]?.toFixed(1)} ms`);
    } finally {
      w.controller.abort();
    }
  });

  it('20 server restarts: reconnects each time and resumes with Last-Event-ID, 0 duplicate and 0 missed comments', async () => {
    const w = watch(backend, { kind: 'cases' });
    const posted: string[] = [];
    try {
      await until(() => w.states.includes('live'), 'live');
      for (let i = 0; i < 20; i += 1) {
        await server({ name: LIVE, restart: true });
        // Posted at once: the adapter is still waiting to reconnect, so this one comes through the resume.
        posted.push(await agentReply(origin, number, `After restart ${i}`));
        const id = posted[i] ?? '';
        await until(() => w.changes.some((c) => c.ticket.comments.some((m) => m.id === id)), `comment after restart ${i}`);
      }
      await until(async () => (await streams(origin)).open === 1, 'the stream open again');
      const seen = new Set<string>();
      let duplicates = 0;
      for (const change of w.changes) {
        const fresh = change.ticket.comments.filter((m) => !seen.has(m.id));
        if (change.kinds.includes('comment') && fresh.length === 0) duplicates += 1;
        for (const m of change.ticket.comments) seen.add(m.id);
      }
      const missed = posted.filter((id) => !seen.has(id));
      expect({ duplicates, missed: missed.length, changes: w.changes.length }).to.deep.equal({ duplicates: 0, missed: 0, changes: 20 });
      expect(w.states.filter((s) => s === 'reconnecting').length).to.equal(20);
      expect(w.states.at(-1)).to.equal('live');
      expect(new Set(w.changes.map((c) => c.id)).size).to.equal(20);
    } finally {
      w.controller.abort();
    }
  });

  it('abort closes the stream on the server and no request follows, also during connect and during backoff', async () => {
    await until(async () => (await streams(origin)).open === 0, 'no stream left by the tests before');
    const w = watch(backend, { kind: 'cases' });
    await until(() => w.states.includes('live'), 'live');
    expect((await streams(origin)).open).to.equal(1);
    w.controller.abort();
    await until(async () => (await streams(origin)).open === 0, 'the server to see the stream closed');
    const { opened } = await streams(origin);

    const atConnect = watch(backend, { kind: 'case', number });
    atConnect.controller.abort();

    const inBackoff = watch(backend, { kind: 'cases' });
    await until(() => inBackoff.states.includes('live'), 'live');
    expect(await streams(origin)).to.deep.equal({ open: 1, opened: opened + 1 }, 'the watch aborted at once never connected');
    // The restart drops the stream; the adapter is then waiting to reconnect (10–40 ms).
    const restarted = server({ name: LIVE, restart: true });
    await until(() => inBackoff.states.includes('reconnecting'), 'reconnecting');
    inBackoff.controller.abort();
    await restarted;
    await wait(300); // several times the longest backoff of these options
    expect(await streams(origin)).to.deep.equal({ open: 0, opened: 0 }, 'nothing reached the restarted server');
    expect(atConnect.changes.length + inBackoff.changes.length + w.changes.length).to.equal(0);
  });

  it('drops a bad event and goes on with the next one; an onChange that throws stops nothing', async () => {
    const good = await backend.getTicket(number);
    const events = [
      'retry: 10\n\n',
      `id: 1\nevent: change\ndata: ${JSON.stringify({ id: '1', kinds: ['comment'], ticket: { ...good, status: 'nonsense' } })}\n\n`,
      'id: 2\nevent: change\ndata: {not json\n\n',
      `id: 3\nevent: change\ndata: ${JSON.stringify({ id: '3', kinds: ['comment'], ticket: good })}\n\n`,
      `id: 4\nevent: change\ndata: ${JSON.stringify({ id: '4', kinds: ['status'], ticket: good })}\n\n`,
    ];
    const fake = createFetchAdapter({
      baseUrl: 'http://127.0.0.1:9/api',
      getToken: () => 'host-token',
      live: TIMING,
      fetch: (input) => {
        const url = input instanceof Request ? input.url : String(input);
        const auth = input instanceof Request ? input.headers.get('Authorization') : null;
        expect(url).to.equal('http://127.0.0.1:9/api/events');
        expect(auth).to.equal('Bearer host-token');
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            for (const e of events) controller.enqueue(new TextEncoder().encode(e));
          },
        });
        return Promise.resolve(new Response(body, { headers: { 'Content-Type': 'text/event-stream' } }));
      },
    });
    const seen: string[] = [];
    const controller = new AbortController();
    fake.watch(
      { kind: 'case', number },
      (change) => {
        seen.push(change.id);
        throw new Error('the element failed');
      },
      { signal: controller.signal },
    );
    await until(() => seen.length >= 2, 'the good events');
    controller.abort();
    expect(seen).to.deep.equal(['3', '4']);
  });
});

describe('fetch adapter watch(): the stream and the host token', () => {
  it('sends the bearer in a header, refreshes it on 401, and resumes with Last-Event-ID after a drop', async () => {
    const ticket = await (async () => {
      const { backend } = await signedIn(await server({ name: POLL, fresh: true, noEvents: true }));
      return backend.getTicket((await backend.listTickets({})).items[0]?.number ?? '');
    })();
    const requests: { url: string; auth: string | null; lastEventId: string | null }[] = [];
    let token = 'stale';
    const adapter = createFetchAdapter({
      baseUrl: 'http://127.0.0.1:9/api',
      getToken: () => token,
      refreshToken: () => {
        token = 'fresh';
        return token;
      },
      live: TIMING,
      fetch: (input) => {
        const request = input instanceof Request ? input : new Request(input);
        requests.push({ url: request.url, auth: request.headers.get('Authorization'), lastEventId: request.headers.get('Last-Event-ID') });
        if (request.headers.get('Authorization') !== 'Bearer fresh') return Promise.resolve(new Response('{}', { status: 401 }));
        const first = requests.filter((r) => r.auth === 'Bearer fresh').length === 1;
        const text = first
          ? `retry: 5\nid: 10\n\nid: 11\nevent: change\ndata: ${JSON.stringify({ id: '11', kinds: ['comment'], ticket })}\n\n`
          : `retry: 5\nid: 11\n\n`;
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(text));
            // The first stream drops after its event; the second stays open.
            if (first) controller.close();
          },
        });
        return Promise.resolve(new Response(body, { headers: { 'Content-Type': 'text/event-stream' } }));
      },
    });
    const w = watch(adapter, { kind: 'cases' });
    try {
      await until(() => requests.length >= 3 && w.states.at(-1) === 'live', 'the reconnect');
      expect(requests.map((r) => [new URL(r.url).pathname, r.auth, r.lastEventId])).to.deep.equal([
        ['/api/events', 'Bearer stale', null],
        ['/api/events', 'Bearer fresh', null],
        ['/api/events', 'Bearer fresh', '11'],
      ]);
      expect(requests.every((r) => !r.url.includes('fresh') && !r.url.includes('stale')), 'never in the URL').to.equal(true);
      expect(w.changes.map((c) => c.id)).to.deep.equal(['11']);
      expect(w.states).to.deep.equal(['live', 'reconnecting', 'live']);
    } finally {
      w.controller.abort();
    }
  });
});

describe('fetch adapter watch(): a silent stream', () => {
  it('counts a stream that stays silent past idleTimeoutMs as dead and opens it again', async () => {
    let opened = 0;
    const adapter = createFetchAdapter({
      baseUrl: 'http://127.0.0.1:9/api',
      getToken: () => 'host-token',
      live: { ...TIMING, idleTimeoutMs: 60 },
      fetch: () => {
        opened += 1;
        // Headers and the retry hint, then nothing: a half-open connection.
        const body = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new TextEncoder().encode('retry: 5\n\n')) });
        return Promise.resolve(new Response(body, { headers: { 'Content-Type': 'text/event-stream' } }));
      },
    });
    const w = watch(adapter, { kind: 'cases' });
    try {
      await until(() => opened >= 2, 'a second connection');
      expect(w.states.slice(0, 3)).to.deep.equal(['live', 'reconnecting', 'live']);
    } finally {
      w.controller.abort();
    }
    const after = opened;
    await wait(150);
    expect(opened).to.equal(after, 'nothing after the abort');
  });
});

describe('fetch adapter watch() without a stream: polling with If-None-Match', function () {
  this.timeout(30_000);

  it('falls back to polling on 404, sends the ETag back, and derives the change from a reply', async () => {
    const origin = await server({ name: POLL, fresh: true, noEvents: true });
    /** As a server that declares no capabilities answers (this one declares `live: 'poll'`, and would never be asked for /events). */
    const undeclared = async (response: Response): Promise<Response> => {
      const { capabilities: _declared, ...body } = (await response.json()) as Record<string, unknown>;
      return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
    };
    const seenRequests: { url: string; ifNoneMatch: string | null; status: number }[] = [];
    const backend = createFetchAdapter({
      baseUrl: `${origin}/api`,
      live: TIMING,
      retry: { retries: 0 },
      fetch: async (input, init) => {
        const request = input instanceof Request ? input : new Request(input, init);
        const response = await fetch(request, init);
        seenRequests.push({ url: request.url, ifNoneMatch: request.headers.get('If-None-Match'), status: response.status });
        return request.url.endsWith('/session') ? undeclared(response) : response;
      },
    });
    await backend.signIn({ email: 'alex@example.com', password: 'correct horse battery', realm: 'product' });
    const number = (await backend.listTickets({ status: 'open' })).items[0]?.number ?? '';
    const one = watch(backend, { kind: 'case', number });
    const all = watch(backend, { kind: 'cases' });
    try {
      await until(() => one.states.includes('live') && all.states.includes('live'), 'both polling');
      await until(() => seenRequests.some((r) => r.status === 304 && r.ifNoneMatch !== null), 'a 304 to an If-None-Match');
      expect(seenRequests.filter((r) => r.url.endsWith('/events')).map((r) => r.status)).to.deep.equal([404, 404]);
      const id = await agentReply(origin, number, 'Polled reply', 'action_required');
      await until(() => one.changes.length > 0 && all.changes.length > 0, 'the polled change in both scopes');
      for (const w of [one, all]) {
        const change = w.changes[0];
        expect(change?.ticket.number).to.equal(number);
        expect(change?.ticket.comments.at(-1)?.id).to.equal(id);
        expect(change?.kinds).to.include.members(['comment', 'status']);
        expect(isString(change?.id)).to.equal(true);
      }
      await wait(200); // a few more polls: the same state is not reported again
      expect([one.changes.length, all.changes.length]).to.deep.equal([1, 1]);
    } finally {
      one.controller.abort();
      all.controller.abort();
    }
  });
});
