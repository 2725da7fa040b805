/**
 * `watch()` of the fetch adapter: the server's `GET /events` stream (Server-Sent Events read
 * through `fetch`, so the bearer token travels in a header, never in the URL), or polling
 * with `If-None-Match` where the server has no stream (404 or 405 on `/events`, or
 * `capabilities.live: 'poll'` declared).
 *
 * - Stream: reconnects after any drop or failure, with `Last-Event-ID` (the server resends
 *   exactly what came after it) and an exponential backoff with jitter that starts at the
 *   server's `retry:` hint; an event whose id is not after the last one applied is dropped, so
 *   a reconnect never delivers a change twice.
 * - Every event is checked like `getTicket()`'s answer; a bad one is dropped (never thrown
 *   into the element, never stops the stream), and so is an exception thrown by `onChange`.
 * - Poll: the case (scope `case`) or the first list page (scope `cases`) every `pollMs`, with
 *   the previous ETag; a changed list row is read whole and diffed (live-diff.ts).
 * - The browser's `offline` event drops the connection at once (a lost network leaves it silent
 *   until the idle timeout, 45 s), and `online` ends the wait before the next try (the backoff
 *   may be at 30 s by then): replies show as soon as the network is back.
 * - `signal` ends it all at any moment: the connection, the backoff timer, the poll timer, the
 *   `online`/`offline` listeners.
 *
 * Not part of the public API: the fetch adapter builds on it.
 */
import type { Ticket, TicketSummary } from '../core/ticket.js';
import type { TicketChange, TicketChangeKind, WatchOptions, WatchScope, WatchState } from './backend.js';
import { isArrayOf, isOneOf, isRecord, isString } from './guards.js';
import { backoffDelay, sleepUntilOnline } from './http.js';
import { polledChange, type SeenBefore } from './live-diff.js';
import { createSseParser } from './sse.js';

/** A conditional GET's outcome: `undefined` when the server answered 304. */
export type Polled<T> = { readonly etag: string | undefined; readonly value: T } | undefined;

/** What `watchLive` needs from the adapter: its requests, with its token, headers and guards. */
export interface LiveTransport {
  /** False once the server declared it has no stream (`capabilities.live: 'poll'`): poll without asking. */
  streams(): boolean;
  /** `GET /events` (any status; through the token refresh on 401). */
  openStream(lastEventId: string | undefined, signal: AbortSignal): Promise<Response>;
  pollCase(number: string, etag: string | undefined, signal: AbortSignal): Promise<Polled<Ticket>>;
  pollCases(etag: string | undefined, signal: AbortSignal): Promise<Polled<readonly TicketSummary[]>>;
  getTicket(number: string, signal: AbortSignal): Promise<Ticket>;
  /** A ticket of an event as it came: the checked case, or undefined when it is not one. */
  checkTicket(value: unknown): Ticket | undefined;
}

export interface LiveTiming {
  /** Wait before the first reconnect until the server's `retry:` says otherwise (default 1000). */
  readonly retryMs?: number | undefined;
  /** Longest wait between reconnects (default 30000). */
  readonly maxRetryMs?: number | undefined;
  /** Poll interval without a stream (default 30000: modest, one request per element). */
  readonly pollMs?: number | undefined;
  /**
   * Longest wait for the stream's headers, and longest silence on an open stream, before it
   * counts as dead and is opened again (default 45000: three of the reference server's
   * heartbeats). A connection a sleeping laptop or a network change left half-open never
   * ends by itself.
   */
  readonly idleTimeoutMs?: number | undefined;
  readonly random?: (() => number) | undefined;
}

const isKind = isOneOf<TicketChangeKind>(['created', 'comment', 'status', 'attachment', 'watcher', 'callback']);

/** Whether id `a` may come after `b`: not when both are numbers (as the contract's are) and `a` is not greater. */
const after = (a: string, b: string | undefined): boolean => !(Number(a) <= Number(b));

export function watchLive(
  transport: LiveTransport,
  scope: WatchScope,
  onChange: (change: TicketChange) => void,
  options: WatchOptions,
  timing: LiveTiming = {},
): void {
  const { signal } = options;
  const random = timing.random ?? Math.random;
  const maxRetryMs = timing.maxRetryMs ?? 30_000;
  const pollMs = timing.pollMs ?? 30_000;
  let retryMs = timing.retryMs ?? 1_000;
  let state: WatchState | undefined;

  const report = (next: WatchState): void => {
    if (state === next || signal.aborted) return;
    state = next;
    options.onState?.(next);
  };
  const inScope = (ticket: Ticket): boolean => scope.kind === 'cases' || ticket.number === scope.number;
  const deliver = (change: TicketChange): void => {
    if (signal.aborted || !inScope(change.ticket)) return;
    try {
      onChange(change);
    } catch {
      // The element's own failure: the subscription goes on for the next change.
    }
  };
  /** Backoff for the `failures`-th failure in a row: full jitter under `retryMs` (the server's hint), doubling. */
  const backoff = (failures: number): number =>
    backoffDelay({ retries: 0, maxRetryAfterMs: 0, baseDelayMs: retryMs, maxDelayMs: maxRetryMs }, failures - 1, random);

  let lastEventId: string | undefined;
  /** Ends the connection under way, if any. */
  let dropConnection: (() => void) | undefined;
  const onOffline = (): void => dropConnection?.();
  globalThis.addEventListener?.('offline', onOffline);
  signal.addEventListener('abort', () => globalThis.removeEventListener?.('offline', onOffline), { once: true });

  function onEvent(type: string, data: string, id: string): void {
    if (type !== 'change') return;
    let value: unknown;
    try {
      value = JSON.parse(data);
    } catch {
      return;
    }
    if (!isRecord(value) || !isString(value.id) || !isArrayOf(value.kinds, isKind) || value.kinds.length === 0) return;
    const ticket = transport.checkTicket(value.ticket);
    const changeId = id || value.id;
    if (!ticket || !after(changeId, lastEventId)) return;
    lastEventId = changeId;
    deliver({ id: value.id, kinds: value.kinds, ticket });
  }

  /** One connection: `'done'` when it ran and ended, `'failed'` when it never opened, `'absent'` without a stream. */
  async function connect(): Promise<'done' | 'failed' | 'absent'> {
    const connection = new AbortController();
    let reader: ReadableStreamDefaultReader<string> | undefined;
    // Cancelling the reader too ends a read that an abort alone would not (a fetch that ignores its signal).
    const stop = (): void => {
      connection.abort();
      void reader?.cancel().catch(() => undefined);
    };
    signal.addEventListener('abort', stop, { once: true });
    dropConnection = stop;
    const idleMs = timing.idleTimeoutMs ?? 45_000;
    let timer = setTimeout(stop, idleMs);
    let opened = false;
    try {
      const response = await transport.openStream(lastEventId, connection.signal);
      clearTimeout(timer);
      const type = response.headers.get('Content-Type') ?? '';
      if (response.status === 404 || response.status === 405) {
        await response.body?.cancel().catch(() => undefined);
        return 'absent';
      }
      if (response.status !== 200 || !response.body || !/^text\/event-stream/i.test(type)) {
        await response.body?.cancel().catch(() => undefined);
        return 'failed';
      }
      report('live');
      opened = true;
      const parser = createSseParser({
        onEvent: (event) => onEvent(event.type, event.data, event.lastEventId),
        onRetry: (ms) => {
          retryMs = ms;
        },
        onId: (id) => {
          if (id !== '' && after(id, lastEventId)) lastEventId = id;
        },
      });
      reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      try {
        for (;;) {
          timer = setTimeout(stop, idleMs);
          const { done, value } = await reader.read();
          clearTimeout(timer);
          if (done) break;
          parser.feed(value);
        }
      } finally {
        void reader.cancel().catch(() => undefined);
      }
      return 'done';
    } catch {
      // A stream that was open and broke (or went silent) starts the backoff over, as one that ended.
      return opened ? 'done' : 'failed';
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
      dropConnection = undefined;
      connection.abort();
    }
  }

  async function stream(): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      if (!transport.streams()) return poll();
      const outcome = await connect();
      if (signal.aborted) return;
      if (outcome === 'absent') return poll();
      // A stream that ran and ended starts the backoff over; a failure to open doubles it.
      failures = outcome === 'done' ? 1 : failures + 1;
      report('reconnecting');
      await sleepUntilOnline(backoff(failures), signal);
    }
  }

  async function poll(): Promise<void> {
    let etag: string | undefined;
    const seen = new Map<string, SeenBefore>();
    let first = true;
    let failures = 0;
    while (!signal.aborted) {
      try {
        const polled = scope.kind === 'case' ? await transport.pollCase(scope.number, etag, signal) : await transport.pollCases(etag, signal);
        if (polled) {
          for (const row of Array.isArray(polled.value) ? polled.value : [polled.value]) {
            const before = seen.get(row.number);
            if (first || (before && before.updatedAt === row.updatedAt && before.status === row.status)) {
              if (!before) seen.set(row.number, row);
              continue;
            }
            // Recorded once read: a case that failed to load is read again at the next poll.
            const ticket = 'comments' in row ? row : await transport.getTicket(row.number, signal);
            seen.set(row.number, ticket);
            const change = polledChange(before, ticket);
            if (change) deliver(change);
          }
          // Only now: a page whose cases did not all load is asked for again in full.
          etag = polled.etag;
        }
        first = false;
        failures = 0;
        report('live');
      } catch {
        if (signal.aborted) return;
        failures += 1;
        report('reconnecting');
      }
      await sleepUntilOnline(failures === 0 ? pollMs : Math.max(pollMs, backoff(failures)), signal);
    }
  }

  if (signal.aborted) return;
  // The loop's only rejection is the AbortError of `sleepUntilOnline` once `signal` fires: nothing to report.
  stream().catch(() => undefined);
}
