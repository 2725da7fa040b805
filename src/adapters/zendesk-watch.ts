/**
 * `watch()` for Zendesk by polling (`capabilities.live: 'poll'`): Zendesk has no push channel an
 * end user may open, so the adapter asks again every `intervalMs` and compares `updated_at`.
 *
 * - Scope `cases`: the first page of List Requests sorted by `updated_at` desc; a request whose
 *   `updated_at` moved (or that is new) is read in full and reported.
 * - Scope `case`: Show Request; when its `updated_at` moved, the request and every page of its
 *   comments are read, and what differs from the last version is reported.
 * - Change ids are `${number}:${updated_at}`: the same change seen twice has the same id.
 * - Rate limits are account-wide (every end user's widget shares them), so the default interval
 *   is a conservative 60 s; a 429 waits at least its `Retry-After`, other failures back off
 *   (doubling up to `maxIntervalMs`) and report `reconnecting`; a success reports `live`.
 * - An answer that fails the shape guards is dropped (the poll goes on), never thrown.
 * - The browser's `online` event polls at once, unless Zendesk asked to wait (`Retry-After`).
 * - Aborting the signal stops the timer and the request in flight, at any moment.
 *
 * Rate limits: https://developer.zendesk.com/api-reference/introduction/rate-limits/
 * Not part of the public API.
 */
import { changeKinds } from '../core/changes.js';
import { isAbort, isSupportError } from '../core/errors.js';
import type { Ticket, TicketSummary } from '../core/ticket.js';
import type { TicketChange, WatchOptions, WatchScope, WatchState } from './backend.js';
import { sleep, sleepUntilOnline } from './http.js';

export interface ZendeskPollOptions {
  /** Between two polls when all is well (default 60 000 ms). */
  readonly intervalMs?: number;
  /** The longest wait after repeated failures (default 300 000 ms). */
  readonly maxIntervalMs?: number;
}

/** What the poller needs from the adapter: its own reads, already guarded and mapped. */
export interface PollReads {
  /** The most recently updated requests (one page). */
  recent(signal: AbortSignal): Promise<readonly TicketSummary[]>;
  /** One request without its comments (cheap). */
  summary(number: string, signal: AbortSignal): Promise<TicketSummary>;
  /** One request with every page of its comments. */
  ticket(number: string, signal: AbortSignal): Promise<Ticket>;
}

/** What changed between two versions of a case; a summary knows only the status. */
export function pollZendesk(reads: PollReads, scope: WatchScope, onChange: (change: TicketChange) => void, options: WatchOptions, poll: ZendeskPollOptions = {}): void {
  const interval = Math.max(0, poll.intervalMs ?? 60_000);
  const maxInterval = Math.max(interval, poll.maxIntervalMs ?? 300_000);
  const { signal } = options;
  let state: WatchState | undefined;
  const report = (next: WatchState) => {
    if (state === next) return;
    state = next;
    options.onState?.(next);
  };
  /** Last version seen per case: `updated_at`, and the full case once read. */
  const seen = new Map<string, { readonly updatedAt: string; readonly known: Ticket | TicketSummary }>();
  let baseline = false;
  /** The newest `updated_at` of the first poll: a case created after it is new. */
  let since = '';

  async function emit(row: TicketSummary): Promise<void> {
    const previous = seen.get(row.number)?.known;
    const ticket = await reads.ticket(row.number, signal);
    seen.set(row.number, { updatedAt: row.updatedAt, known: ticket });
    // A case not seen before but older than the first poll was further down the list: not new.
    const isNew = since === '' || Date.parse(row.createdAt) > Date.parse(since);
    const before = previous ?? (isNew ? undefined : { ...row, status: ticket.status });
    const kinds = changeKinds(before, ticket);
    if (kinds.length) onChange({ id: `${row.number}:${row.updatedAt}`, kinds, ticket });
  }

  async function once(): Promise<void> {
    const rows = scope.kind === 'cases' ? await reads.recent(signal) : [await reads.summary(scope.number, signal)];
    for (const row of rows) {
      if (!baseline) {
        // One case: its full version, so that the first change names exactly what changed.
        const known = scope.kind === 'case' ? await reads.ticket(row.number, signal) : row;
        seen.set(row.number, { updatedAt: row.updatedAt, known });
        if (row.updatedAt > since) since = row.updatedAt;
        continue;
      }
      if (seen.get(row.number)?.updatedAt === row.updatedAt) continue;
      try {
        await emit(row);
      } catch (error) {
        // A case that cannot be read or does not pass the guards is dropped; the next poll tries again.
        if (isAbort(error) || !isSupportError(error) || error.kind !== 'bad_response') throw error;
      }
    }
    baseline = true;
  }

  void (async () => {
    let delay = interval;
    while (!signal.aborted) {
      let toldToWait = false;
      try {
        await once();
        report('live');
        delay = interval;
      } catch (error) {
        if (signal.aborted || isAbort(error)) return;
        report('reconnecting');
        const retryAfter = isSupportError(error) && error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : undefined;
        toldToWait = retryAfter !== undefined;
        delay = retryAfter !== undefined ? Math.max(interval, retryAfter) : Math.min(maxInterval, Math.max(delay, 1) * 2);
      }
      try {
        // Rate limits are the account's: a Retry-After is waited out whatever the network does.
        await (toldToWait ? sleep(delay, signal) : sleepUntilOnline(delay, signal));
      } catch {
        return;
      }
    }
  })();
}
