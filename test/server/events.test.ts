/**
 * `GET /api/events`: the session's live updates as Server-Sent Events, and the generic
 * conditional GETs (ETag / 304). One server for the file, heartbeats every 30 ms.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TicketChange } from '../../src/adapters/backend.js';
import { createSseParser, type SseEvent } from '../../src/adapters/sse.js';
import { clock, DAY, newCase, sql, start, type Started } from './helpers.js';

let s: Started;
let alex: string;
let sam: string;

before(async () => {
  s = await start({ events: { heartbeatMs: 30, retryMs: 40 } });
  alex = await s.api.signIn('alex@example.com');
  sam = await s.api.signIn('sam@example.com');
});
after(() => s.close());

interface Opened {
  readonly status: number;
  readonly events: SseEvent[];
  readonly changes: () => TicketChange[];
  /** Raw text received, comments and `retry:` included. */
  readonly text: () => string;
  /** Resolves when `predicate` holds for what arrived (rejects after 5 s, naming what did). */
  until(predicate: () => boolean): Promise<void>;
  readonly ended: Promise<void>;
  close(): void;
}

async function openStream(token: string | undefined, lastEventId?: string, url = s.url): Promise<Opened> {
  const controller = new AbortController();
  const headers: Record<string, string> = { Accept: 'text/event-stream' };
  if (token) headers['Authorization'] = `Bearer ${token}`;
  if (lastEventId !== undefined) headers['Last-Event-ID'] = lastEventId;
  const res = await fetch(`${url}/api/events`, { headers, signal: controller.signal });
  const events: SseEvent[] = [];
  let raw = '';
  const waiters = new Set<() => void>();
  const parser = createSseParser({ onEvent: (event) => events.push(event) });
  const ended = (async () => {
    if (!res.body) return;
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body) {
        const text = decoder.decode(chunk as Uint8Array, { stream: true });
        raw += text;
        parser.feed(text);
        for (const wake of waiters) wake();
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    status: res.status,
    events,
    changes: () => events.filter((e) => e.type === 'change').map((e) => JSON.parse(e.data) as TicketChange),
    text: () => raw,
    until(predicate) {
      return new Promise((resolve, reject) => {
        if (predicate()) return resolve();
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out; received: ${raw.slice(-2000)}`));
        }, 5000);
        const check = (): void => {
          if (!predicate()) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
      });
    },
    ended,
    close: () => controller.abort(),
  };
}

const agentReply = (number: string, body: string, status?: string, on: Started = s) =>
  on.api.call('POST', `/api/_dev/tickets/${number}/agent-comment`, { json: { body, ...(status ? { status } : {}) } });

async function alexCases(): Promise<string[]> {
  const page = await s.api.call<{ items: { number: string }[] }>('GET', '/api/tickets', { token: alex });
  return page.body.items.map((t) => t.number);
}

const counts = async (): Promise<{ open: number; opened: number }> => (await s.api.call<{ open: number; opened: number }>('GET', '/api/_dev/streams')).body;
const openCount = async (): Promise<number> => (await counts()).open;

test('401 without a session, as problem+json', async () => {
  const res = await fetch(`${s.url}/api/events`);
  assert.equal(res.status, 401);
  assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
  const bad = await fetch(`${s.url}/api/events`, { headers: { Authorization: 'Bearer nope' } });
  assert.equal(bad.status, 401);
});

test('a reply with a state change, posted through the dev endpoint, arrives as one event with the case as GET shows it', async () => {
  const [number] = await alexCases();
  assert.ok(number);
  const stream = await openStream(alex);
  try {
    assert.equal(stream.status, 200);
    await stream.until(() => stream.text().includes('retry: 40'));
    await agentReply(number, 'We found it.', 'action_required');
    await stream.until(() => stream.changes().length > 0);
    const [change] = stream.changes();
    assert.ok(change);
    assert.deepEqual([...change.kinds].sort(), ['comment', 'status']);
    assert.equal(change.ticket.status, 'action_required');
    assert.equal(change.ticket.comments.at(-1)?.body, 'We found it.');
    const got = await s.api.call('GET', `/api/tickets/${number}`, { token: alex });
    assert.deepEqual(change.ticket, got.body, 'the same JSON as GET /api/tickets/{number}');
    assert.equal(stream.events[0]?.lastEventId, change.id, 'the SSE id is the change id');
  } finally {
    stream.close();
  }
});

test("only the user's own and watched cases: another user's case reaches them once they watch it, and no more once removed", async () => {
  const [number] = await alexCases();
  assert.ok(number);
  const samStream = await openStream(sam);
  try {
    await agentReply(number, 'Not for Sam.');
    await s.api.call('POST', `/api/tickets/${number}/watchers`, { token: alex, json: { email: 'sam@example.com' } });
    await agentReply(number, 'Sam watches now.');
    await samStream.until(() => samStream.changes().some((c) => c.ticket.comments.at(-1)?.body === 'Sam watches now.'));
    const bodies = samStream.changes().map((c) => c.ticket.comments.at(-1)?.body);
    assert.ok(!samStream.changes().some((c) => c.kinds.includes('comment') && c.ticket.comments.at(-1)?.body === 'Not for Sam.'));
    assert.ok(samStream.changes()[0]?.kinds.includes('watcher'), `first event is Sam being added: ${JSON.stringify(bodies)}`);
    await s.api.call('DELETE', `/api/tickets/${number}/watchers/sam%40example.com`, { token: alex });
    const before = samStream.changes().length;
    const alexStream = await openStream(alex);
    await agentReply(number, 'Sam is gone.');
    // Both streams get each write in the same pump: once Alex has it, Sam would have it too.
    await alexStream.until(() => alexStream.changes().some((c) => c.ticket.comments.at(-1)?.body === 'Sam is gone.'));
    alexStream.close();
    const beats = samStream.text().length;
    await samStream.until(() => samStream.text().length > beats);
    assert.equal(samStream.changes().length, before);
  } finally {
    samStream.close();
  }
});

test('Last-Event-ID resumes with exactly the missed events, then live ones', async () => {
  const [a, b] = await alexCases();
  assert.ok(a && b);
  const first = await openStream(alex);
  await agentReply(a, 'One.');
  await first.until(() => first.changes().length === 1);
  const lastId = first.changes()[0]?.id ?? '';
  first.close();
  await agentReply(a, 'Two.');
  await agentReply(b, 'Three.');
  await agentReply(a, 'Four.');
  const resumed = await openStream(alex, lastId);
  try {
    await resumed.until(() => resumed.changes().length >= 3);
    await agentReply(b, 'Five.');
    await resumed.until(() => resumed.changes().length >= 4);
    const seen = resumed.changes().map((c) => [c.ticket.number, c.ticket.comments.filter((m) => m.authorRole === 'agent').length] as const);
    assert.equal(seen.length, 4);
    assert.deepEqual(seen.map(([n]) => n), [a, b, a, b]);
    const ids = resumed.changes().map((c) => Number(c.id));
    assert.ok(ids.every((id, i) => id > Number(lastId) && (i === 0 || id > (ids[i - 1] ?? 0))), `ids increase: ${ids.join(',')}`);
  } finally {
    resumed.close();
  }
});

test('heartbeats keep an idle stream alive; the stream ends when the server stops; after a restart Last-Event-ID resumes', async () => {
  const own = await start({ events: { heartbeatMs: 20, retryMs: 40 } });
  const token = await own.api.signIn('alex@example.com');
  const [number] = (await own.api.call<{ items: { number: string }[] }>('GET', '/api/tickets', { token })).body.items.map((t) => t.number);
  assert.ok(number);
  const stream = await openStream(token, undefined, own.url);
  await stream.until(() => (stream.text().match(/^:\n\n/gm) ?? []).length >= 2);
  assert.equal(stream.events.length, 0, 'comments dispatch nothing');
  await agentReply(number, 'Before the restart.', undefined, own);
  await stream.until(() => stream.changes().length === 1);
  const lastId = stream.changes()[0]?.id ?? '';
  await own.close(true);
  await stream.ended;
  const again = await start({ dataDir: own.dataDir, events: { heartbeatMs: 20, retryMs: 40 } });
  try {
    await agentReply(number, 'After the restart.', undefined, again);
    const resumed = await openStream(token, lastId, again.url);
    await resumed.until(() => resumed.changes().length === 1);
    assert.equal(resumed.changes()[0]?.ticket.comments.at(-1)?.body, 'After the restart.');
    assert.ok(Number(resumed.changes()[0]?.id) > Number(lastId));
    resumed.close();
  } finally {
    await again.close();
  }
});

test('the dev endpoint counts open streams; a closed one is gone', async () => {
  const { open: base, opened } = await counts();
  const stream = await openStream(alex);
  await stream.until(() => stream.text().includes('retry:'));
  assert.deepEqual(await counts(), { open: base + 1, opened: opened + 1 });
  stream.close();
  await stream.ended;
  for (let i = 0; i < 50 && (await openCount()) !== base; i += 1) await new Promise((r) => setTimeout(r, 10));
  assert.equal(await openCount(), base);
});

test('JSON GETs carry an ETag; If-None-Match answers 304 until the case changes', async () => {
  const [number] = await alexCases();
  assert.ok(number);
  const one = await s.api.call('GET', `/api/tickets/${number}`, { token: alex });
  const etag = one.headers.get('etag');
  assert.ok(etag);
  const same = await s.api.call('GET', `/api/tickets/${number}`, { token: alex, headers: { 'If-None-Match': etag } });
  assert.equal(same.status, 304);
  assert.equal(same.bytes.length, 0);
  assert.equal(same.headers.get('etag'), etag);
  const list = await s.api.call('GET', '/api/tickets', { token: alex });
  const listTag = list.headers.get('etag') ?? '';
  assert.equal((await s.api.call('GET', '/api/tickets', { token: alex, headers: { 'If-None-Match': `W/${listTag}, "other"` } })).status, 304);
  await agentReply(number, 'Changed.');
  const changed = await s.api.call('GET', `/api/tickets/${number}`, { token: alex, headers: { 'If-None-Match': etag } });
  assert.equal(changed.status, 200);
  assert.notEqual(changed.headers.get('etag'), etag);
  assert.equal((await s.api.call('GET', '/api/tickets', { token: alex, headers: { 'If-None-Match': listTag } })).status, 200);
});

test('a stream ends at the first heartbeat after its session is signed out', async () => {
  const token = await s.api.signIn('alex@example.com');
  const stream = await openStream(token);
  await stream.until(() => stream.text().includes('retry:'));
  assert.equal((await s.api.call('DELETE', '/api/session', { token })).status, 204);
  await stream.ended;
  assert.equal((await fetch(`${s.url}/api/events`, { headers: { Authorization: `Bearer ${token}` } })).status, 401);
});

test('the event log keeps the newest `keep` events (trimmed by the auto-close job); resuming from a kept id still works', async () => {
  const own = await start({ events: { heartbeatMs: 1000, retryMs: 40, keep: 3 } });
  try {
    const token = await own.api.signIn('alex@example.com');
    const [number] = (await own.api.call<{ items: { number: string }[] }>('GET', '/api/tickets', { token })).body.items.map((t) => t.number);
    assert.ok(number);
    for (let i = 0; i < 5; i += 1) await agentReply(number, `Reply ${i}`, undefined, own);
    await own.server.runAutoClose();
    const rows = await sql<{ seq: number }>(own, 'SELECT seq FROM events ORDER BY seq');
    assert.equal(rows.length, 3);
    const stream = await openStream(token, String((rows[0]?.seq ?? 0) - 1), own.url);
    await stream.until(() => stream.changes().length === 1);
    assert.equal(stream.changes()[0]?.id, String(rows[2]?.seq), 'the kept events of the case, as one change');
    stream.close();
  } finally {
    await own.close();
  }
});

test('every kind of write is an event: created, customer comment, email reply, attachment, watcher, call-me, auto-close', async () => {
  const time = clock();
  const own = await start({ now: time.now, events: { heartbeatMs: 1000, retryMs: 40 } });
  try {
    const token = await own.api.signIn('alex@example.com');
    const stream = await openStream(token, undefined, own.url);
    await stream.until(() => stream.text().includes('retry:'));
    const kindsAfter = async (write: () => Promise<{ status: number }>, expected: number): Promise<string[]> => {
      const before = stream.changes().length;
      const res = await write();
      assert.equal(res.status, expected);
      await stream.until(() => stream.changes().length > before);
      return [...(stream.changes().at(-1)?.kinds ?? [])].sort();
    };
    const created = await own.api.call<{ number: string }>('POST', '/api/tickets', { token, json: newCase() });
    assert.equal(created.status, 201);
    await stream.until(() => stream.changes().length === 1);
    assert.deepEqual(stream.changes()[0]?.kinds, ['created']);
    const n = created.body.number;
    assert.deepEqual(await kindsAfter(() => own.api.call('POST', `/api/tickets/${n}/comments`, { token, json: { body: 'More detail.' } }), 201), ['comment']);
    assert.deepEqual(await kindsAfter(() => agentReply(n, 'Try this.', 'pending', own), 201), ['comment', 'status']);
    assert.deepEqual(await kindsAfter(() => own.api.call('POST', `/api/_dev/tickets/${n}/email-reply`, { json: { body: 'By email.' } }), 201), ['comment', 'status']);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100, 0x20), Buffer.from('\n%%EOF\n')]);
    const upload = await own.api.call<{ token: string }>('POST', '/api/uploads', {
      token,
      raw: pdf,
      headers: { 'Content-Type': 'application/pdf', 'X-File-Name': 'log.pdf' },
    });
    assert.equal(upload.status, 201);
    assert.deepEqual(await kindsAfter(() => own.api.call('POST', `/api/tickets/${n}/attachments`, { token, json: { tokens: [upload.body.token] } }), 201), ['attachment']);
    assert.deepEqual(await kindsAfter(() => own.api.call('POST', `/api/tickets/${n}/watchers`, { token, json: { email: 'kim@example.com' } }), 201), ['watcher']);
    const callMe = () => own.api.call('POST', `/api/tickets/${n}/callbacks`, { token, json: { phone: '+1 415 555 0100' }, lang: 'en-US' });
    assert.deepEqual(await kindsAfter(callMe, 201), ['callback']);
    assert.deepEqual(await kindsAfter(() => agentReply(n, 'Waiting for you.', 'pending', own), 201), ['comment', 'status']);
    time.advance(30 * DAY);
    assert.deepEqual(await kindsAfter(() => own.api.call('POST', '/api/_dev/auto-close'), 200), ['status']);
    assert.equal(stream.changes().at(-1)?.ticket.status, 'closed');
    stream.close();
  } finally {
    await own.close();
  }
});
