/**
 * Live updates: the open `GET /api/events` streams (Server-Sent Events) and what feeds them.
 *
 * Writes never call in here: SQLite triggers append each change to the `events` table
 * (server/store/db.ts), and `pump()` (after every request, after the auto-close job, on each
 * heartbeat) sends what is new to every stream whose user may see the case (`maySeeCase`,
 * checked when the event is sent, so a removed watcher gets nothing more). Events of one case
 * that follow each other in the log (one write: a reply that also sets "Action required")
 * become one SSE event whose `id:` is the last of their seqs: a client that resumes with
 * `Last-Event-ID` gets exactly what comes after it.
 */
import type { ServerResponse } from 'node:http';
import { maySeeCase } from '../src/core/access.js';
import type { TicketChange, TicketChangeKind } from '../src/adapters/backend.js';
import { CORS_HEADERS } from './http.js';
import type { AttachmentUrl, EventRow, SessionInfo } from './store.js';
import type { SupportStore } from './store/port.js';

export interface EventHubOptions {
  readonly store: SupportStore;
  readonly now: () => Date;
  readonly attachmentUrl: (origin: string) => AttachmentUrl;
  /** Comment lines that keep proxies from closing an idle stream (and notice a session that ended). */
  readonly heartbeatMs: number;
  /** The `retry:` hint: how long a client waits before it reconnects. */
  readonly retryMs: number;
  readonly log: (line: string) => void;
}

export interface EventHub {
  /** Takes over `res` for a stream of the session's changes after `lastEventId` (from now when undefined). */
  open(res: ServerResponse, session: SessionInfo, origin: string, lastEventId: number | undefined): void;
  /** Sends every stream what was logged since it last looked (in the background: pumps run one after the other). */
  pump(): void;
  /** Resolves when the pumps asked for so far have run. */
  settled(): Promise<void>;
  /** How many streams are open, and how many were opened since the start (for `GET /api/_dev/streams`). */
  counts(): { open: number; opened: number };
  /**
   * Ends every stream and stops the heartbeat (the server is stopping): each gets a last
   * `retry:` hint first, so that its client reconnects (through the proxy, to another process);
   * a stream opened after this ends at once the same way.
   */
  close(): void;
}

/** Streams per user beyond which the oldest is ended (tabs that never closed theirs). */
export const MAX_STREAMS_PER_USER = 8;
/** A client this far behind (bytes not yet sent) is cut off; it resumes with Last-Event-ID. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
const BATCH = 500;

interface Stream {
  readonly res: ServerResponse;
  readonly session: SessionInfo;
  readonly origin: string;
  /** The last seq this stream has looked at (sent or not visible to its user). */
  cursor: number;
}

/** `Last-Event-ID` as a seq: a non-negative integer, else undefined (start from now). */
export function parseLastEventId(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || !/^\d{1,15}$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

/** Consecutive events of one case, as the one change they are: `[lastSeq, number, kinds]`. */
function groups(rows: readonly EventRow[]): { seq: number; number: number; kinds: TicketChangeKind[] }[] {
  const out: { seq: number; number: number; kinds: TicketChangeKind[] }[] = [];
  for (const row of rows) {
    const last = out[out.length - 1];
    if (last && last.number === row.ticket_number) {
      last.seq = row.seq;
      if (!last.kinds.includes(row.kind)) last.kinds.push(row.kind);
    } else {
      out.push({ seq: row.seq, number: row.ticket_number, kinds: [row.kind] });
    }
  }
  return out;
}

export function createEventHub(options: EventHubOptions): EventHub {
  const { store } = options;
  const streams = new Set<Stream>();
  let heartbeat: NodeJS.Timeout | undefined;
  let closed = false;
  let opened = 0;

  function end(stream: Stream): void {
    streams.delete(stream);
    if (!stream.res.destroyed) stream.res.end();
    if (streams.size === 0 && heartbeat) {
      clearInterval(heartbeat);
      heartbeat = undefined;
    }
  }

  function write(stream: Stream, chunk: string): void {
    if (stream.res.destroyed || stream.res.writableEnded) return end(stream);
    stream.res.write(chunk);
    if (stream.res.writableLength > MAX_BUFFERED_BYTES) {
      stream.res.destroy();
      end(stream);
    }
  }

  /** Sends `rows` (seq order) that this stream has not looked at and its user may see. */
  async function deliver(stream: Stream, rows: readonly EventRow[]): Promise<void> {
    const fresh = rows.filter((row) => row.seq > stream.cursor);
    const last = fresh[fresh.length - 1];
    if (!last) return;
    const urlOf = options.attachmentUrl(stream.origin);
    const views = new Map<number, TicketChange['ticket'] | null>();
    for (const row of fresh) {
      if (views.has(row.ticket_number)) continue;
      const view = await store.caseView(row.ticket_number, urlOf);
      views.set(row.ticket_number, view && maySeeCase(view.participants, stream.session.email) ? view.ticket : null);
    }
    for (const group of groups(fresh.filter((row) => views.get(row.ticket_number)))) {
      const ticket = views.get(group.number);
      if (!ticket) continue;
      const change: TicketChange = { id: String(group.seq), kinds: group.kinds, ticket };
      write(stream, `id: ${group.seq}\nevent: change\ndata: ${JSON.stringify(change)}\n\n`);
    }
    stream.cursor = last.seq;
  }

  /** Every row after the lowest cursor, batch by batch, to every stream. */
  async function pumpAll(targets: readonly Stream[]): Promise<void> {
    if (closed || targets.length === 0) return;
    let from = Math.min(...targets.map((s) => s.cursor));
    for (;;) {
      const rows = await store.eventsAfter(from, BATCH);
      for (const stream of targets) if (streams.has(stream)) await deliver(stream, rows);
      const last = rows[rows.length - 1];
      if (!last || rows.length < BATCH) return;
      from = last.seq;
    }
  }

  /** One pump at a time, in order: a stream's cursor moves only forward. */
  let queue: Promise<void> = Promise.resolve();
  let waiting = false;
  function schedule(targets: () => readonly Stream[]): void {
    queue = queue.then(async () => {
      try {
        await pumpAll(targets());
      } catch (error) {
        // The streams catch up at the next pump (their cursors did not move); the request that triggered it is answered already.
        options.log(`events: ${String(error)}`);
      }
    });
  }
  function pumpEvery(): void {
    // Pumps asked for while one waits to run are that one: it reads everything new when it runs.
    if (waiting) return;
    waiting = true;
    schedule(() => {
      waiting = false;
      return [...streams];
    });
  }

  async function beat(): Promise<void> {
    const at = options.now().toISOString();
    for (const stream of [...streams]) {
      // A stream lives no longer than its session: signed out or expired, it ends (the client's reconnect gets its 401).
      if (!(await store.findSession(stream.session.tokenHash, at))) end(stream);
      else write(stream, ':\n\n');
    }
    hub.pump();
  }

  // Changes written by other processes (postgres: LISTEN/NOTIFY) pump as this process's own do.
  const unwatch = store.watchEvents(() => pumpEvery()).catch((error: unknown) => {
    options.log(`events: cannot watch the store: ${String(error)}`);
    return () => Promise.resolve();
  });

  const hub: EventHub = {
    open(res, session, origin, lastEventId) {
      if (closed) {
        endWithRetry(res);
        return;
      }
      void store
        .lastEventSeq()
        .then((latest) => {
          if (res.destroyed) return;
          // The server began stopping while the seq was read: this stream ends at once too.
          if (closed) endWithRetry(res);
          else start(res, session, origin, lastEventId === undefined ? latest : Math.min(lastEventId, latest));
        })
        .catch((error: unknown) => {
          options.log(`events: ${String(error)}`);
          res.destroy();
        });
    },
    pump: pumpEvery,
    settled: () => queue,
    counts: () => ({ open: streams.size, opened }),
    close() {
      closed = true;
      for (const stream of [...streams]) {
        write(stream, `retry: ${options.retryMs}\n\n`);
        end(stream);
      }
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = undefined;
      void unwatch.then((stop) => stop());
    },
  };

  function endWithRetry(res: ServerResponse): void {
    res.writeHead(200, { ...CORS_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(`retry: ${options.retryMs}\n\n`);
  }

  function start(res: ServerResponse, session: SessionInfo, origin: string, cursor: number): void {
    const stream: Stream = { res, session, origin, cursor };
    const mine = [...streams].filter((s) => s.session.userId === session.userId);
    for (const old of mine.slice(0, Math.max(0, mine.length - MAX_STREAMS_PER_USER + 1))) end(old);
    streams.add(stream);
    opened += 1;
    res.once('close', () => end(stream));
    res.writeHead(200, {
      ...CORS_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    });
    // The id says where this stream starts: a client that gets no event before it reconnects resumes from here.
    res.write(`retry: ${options.retryMs}\nid: ${stream.cursor}\n\n`);
    heartbeat ??= setInterval(() => void beat(), options.heartbeatMs);
    heartbeat.unref();
    schedule(() => [stream]);
  }
  return hub;
}
