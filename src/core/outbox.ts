/**
 * The rules of the offline outbox, shared by every element that queues a send: which failures
 * queue it, which ones a later attempt waits out, how long an item is sent without asking, and
 * how long to wait between attempts. Pure: no DOM, no storage.
 *
 * The numbers, and why they fit together:
 * - an item is sent by itself for `OUTBOX_SEND_WITHOUT_ASKING_MS` (72 h) after it was saved;
 *   older, the user is asked (send anyway / discard), because the server may have forgotten its
 *   idempotency key and would then create the case or comment a second time;
 * - the reference server keeps idempotency keys for 7 days (server/idempotency.ts
 *   `IDEMPOTENCY_TTL_MS`), more than twice as long, which leaves room for a wrong clock.
 */
import type { ErrorKind, SupportError } from './errors.js';

export const OUTBOX_SEND_WITHOUT_ASKING_MS = 72 * 60 * 60 * 1000;

/** Failures that say the request never got an answer: the send goes to the outbox. */
const OFFLINE_KINDS: readonly ErrorKind[] = ['network', 'timeout'];

/**
 * Failures a later attempt of a queued item waits out (the item stays, in its place): the
 * network is gone, the server is busy or down, the session ended (the item waits for its
 * user to sign in again), or the first attempt is still being handled.
 */
const WAIT_KINDS: readonly ErrorKind[] = ['network', 'timeout', 'rate_limited', 'server', 'unauthorized'];

/**
 * Whether a send that failed with `error` goes to the outbox. Only a missing connection does:
 * a refusal (400/403/404/409/413/422) is shown as today and the input stays in the form.
 * `online` is `navigator.onLine`: when the browser knows it is offline, any failure without
 * an HTTP answer counts.
 */
export function goesToOutbox(error: SupportError, online: boolean): boolean {
  if (OFFLINE_KINDS.includes(error.kind)) return true;
  return !online && error.status === undefined && error.kind !== 'validation';
}

/** Whether a queued item that failed with `error` waits for another attempt (else the user decides). */
export function waitsForRetry(error: SupportError): boolean {
  return WAIT_KINDS.includes(error.kind) || error.conflict === 'idempotency_in_progress';
}

/** Whether an item saved at `savedAt` is sent without asking at `now` (both epoch ms). */
export function sendsWithoutAsking(savedAt: number, now: number, limitMs = OUTBOX_SEND_WITHOUT_ASKING_MS): boolean {
  return now - savedAt <= limitMs;
}

export interface OutboxBackoff {
  /** First wait after a failed attempt, in ms. */
  readonly baseMs: number;
  /** Longest wait, in ms. */
  readonly maxMs: number;
}

/** 5 s, doubling up to 5 minutes: a train's tunnel is short, a dead router is not. */
export const OUTBOX_BACKOFF: OutboxBackoff = { baseMs: 5000, maxMs: 300_000 };

/**
 * Whether an item saved at `savedAt` may be tried again at `now` without a reason to think the
 * network is back (`online`): not in its first `baseMs`, so the outbox does not race the
 * form's own "Try again" for a send that has just failed.
 */
export function dueForRetry(savedAt: number, now: number, backoff: OutboxBackoff = OUTBOX_BACKOFF): boolean {
  return now - savedAt >= backoff.baseMs;
}

/** The wait before attempt `failures + 1` (no jitter: one tab drains at a time). */
export function outboxDelay(failures: number, backoff: OutboxBackoff = OUTBOX_BACKOFF): number {
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, failures - 1));
}
