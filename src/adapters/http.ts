/**
 * What the HTTP adapters (fetch, Zendesk) share: one request loop with timeouts, caller aborts,
 * a retry policy (exponential backoff with full jitter, `Retry-After`), the mapping of HTTP
 * statuses and `application/problem+json` to `SupportError`, and `send`, one call by fetch (JSON)
 * or XMLHttpRequest (a file, for upload progress). Shape guards are in guards.ts.
 *
 * Not part of the public API: adapters build on it, elements never see it.
 */
import {
  SupportError,
  VALIDATION_CODES,
  ERROR_KINDS,
  type ConflictReason,
  type ErrorKind,
  type FieldError,
  type ValidationCode,
} from '../core/errors.js';
import { isNumber, isOneOf, isRecord, type Guard } from './guards.js';

// ---------------------------------------------------------------------------------------------
// Aborts and timeouts.

export function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

/** Rejects with an AbortError when `signal` has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

/** One signal that fires when any of `signals` fires (AbortSignal.any where the browser has it). */
export function anySignal(signals: readonly AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([...signals]);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}

/**
 * Waits `ms`, or rejects with an AbortError as soon as `signal` fires. No wait (0 or less)
 * settles without a timer, so a backend without latency answers within the same task.
 */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return wait(ms, signal, false);
}

/**
 * `sleep`, cut short when the browser says the network is back (`online`): a retry waiting out a
 * backoff (often many seconds by then) goes at once. Leaves no timer or listener behind.
 */
export function sleepUntilOnline(ms: number, signal: AbortSignal): Promise<void> {
  return wait(ms, signal, true);
}

function wait(ms: number, signal: AbortSignal | undefined, untilOnline: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    if (ms <= 0) return resolve();
    const end = (then: () => void) => () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', aborted);
      if (untilOnline) globalThis.removeEventListener?.('online', done);
      then();
    };
    const aborted = end(() => reject(abortError()));
    const done = end(resolve);
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', aborted, { once: true });
    if (untilOnline) globalThis.addEventListener?.('online', done);
  });
}

/** A random idempotency key (UUID v4), also where `crypto.randomUUID` is missing (non-secure pages). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ---------------------------------------------------------------------------------------------
// Retry policy.

export interface RetryPolicy {
  /** Retries after the first attempt (default 3). 0 turns retries off. */
  readonly retries?: number;
  /** First backoff ceiling in ms (default 300); doubles on every retry. */
  readonly baseDelayMs?: number;
  /** Largest backoff ceiling in ms (default 5000). */
  readonly maxDelayMs?: number;
  /**
   * Longest `Retry-After` the adapter waits for, in ms (default 10000). A server asking for
   * longer makes the call fail at once with `rate_limited` (or `server`) and `retryAfterSeconds`,
   * so the element can tell the user when to try again instead of spinning.
   */
  readonly maxRetryAfterMs?: number;
}

export interface ResolvedRetryPolicy {
  readonly retries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxRetryAfterMs: number;
}

export function resolveRetryPolicy(policy: RetryPolicy | undefined): ResolvedRetryPolicy {
  return {
    retries: Math.max(0, Math.floor(policy?.retries ?? 3)),
    baseDelayMs: Math.max(0, policy?.baseDelayMs ?? 300),
    maxDelayMs: Math.max(0, policy?.maxDelayMs ?? 5000),
    maxRetryAfterMs: Math.max(0, policy?.maxRetryAfterMs ?? 10_000),
  };
}

/** Statuses worth another attempt of a safe request: the server did not (or may not) act. */
export const RETRYABLE_STATUSES: readonly number[] = [408, 429, 502, 503, 504];

/** Full jitter: a random delay between 0 and min(max, base * 2^attempt). */
export function backoffDelay(policy: ResolvedRetryPolicy, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/** Seconds to wait from a `Retry-After` header (delta-seconds or an HTTP date), or undefined. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

// ---------------------------------------------------------------------------------------------
// Error mapping.

/** The adapter-level view of a response: enough to map it, whatever transport produced it. */
export interface RawResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly text: string;
}

const isErrorKind = isOneOf<ErrorKind>(ERROR_KINDS);
const isValidationCode = isOneOf<ValidationCode>(VALIDATION_CODES);
const CONFLICT_REASONS: readonly ConflictReason[] = ['closed', 'idempotency_in_progress', 'idempotency_mismatch', 'other'];
const isConflictReason = isOneOf<ConflictReason>(CONFLICT_REASONS);

/** Longest server `detail` kept for display. */
export const MAX_DETAIL_CHARS = 300;

export function kindForStatus(status: number): ErrorKind {
  if (status === 400 || status === 422) return 'validation';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 408) return 'timeout';
  if (status === 409) return 'conflict';
  if (status === 413) return 'too_large';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'bad_response';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The SupportError for a non-2xx response. The problem+json `kind`, `errors` and `conflict`
 * win when present and well-formed; otherwise the status decides. A body that is not JSON
 * (a proxy's HTML error page) is fine: the status alone is enough.
 */
export function errorFromResponse(response: RawResponse): SupportError {
  const { status } = response;
  const body = parseJson(response.text);
  const problem = isRecord(body) ? body : {};
  const kind = isErrorKind(problem.kind) ? problem.kind : kindForStatus(status);
  const fieldErrors: FieldError[] = Array.isArray(problem.errors)
    ? problem.errors.flatMap((entry): FieldError[] => {
        if (!isRecord(entry) || typeof entry.field !== 'string') return [];
        // An unknown code still marks the field; `invalid_choice` is the vaguest message we have.
        return [{ field: entry.field, code: isValidationCode(entry.code) ? entry.code : 'invalid_choice' }];
      })
    : [];
  const conflict: ConflictReason | undefined = isConflictReason(problem.conflict)
    ? problem.conflict
    : kind === 'conflict'
      ? 'other'
      : undefined;
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
  const title = typeof problem.detail === 'string' ? problem.detail : typeof problem.title === 'string' ? problem.title : `HTTP ${status}`;
  // Bounded: a 5 MB `detail` is not a message anyone reads.
  const detail = typeof problem.detail === 'string' && problem.detail.trim() !== '' ? problem.detail.trim().slice(0, MAX_DETAIL_CHARS) : undefined;
  const limitBytes = isNumber(problem.limitBytes) && problem.limitBytes > 0 ? problem.limitBytes : undefined;
  return new SupportError(kind, title, {
    status,
    fieldErrors,
    ...(detail !== undefined ? { detail } : {}),
    ...(limitBytes !== undefined ? { limitBytes } : {}),
    ...(conflict ? { conflict } : {}),
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  });
}

/** A 2xx response as it is; any other status becomes its SupportError (`toError` maps it). */
export function successOrThrow(raw: RawResponse, toError: (raw: RawResponse) => SupportError = errorFromResponse): RawResponse {
  if (raw.status < 200 || raw.status > 299) throw toError(raw);
  return raw;
}

/** Parses a 2xx body (`prepare` may normalize it first) and checks its shape; anything else is a `bad_response`. */
export function parseBody<T>(response: RawResponse, guard: Guard<T>, prepare: (body: unknown) => unknown = (body) => body): T {
  const parsed = parseJson(response.text);
  const body = parsed === undefined ? undefined : prepare(parsed);
  if (body === undefined || !guard(body)) {
    throw new SupportError('bad_response', `Unexpected response body (HTTP ${response.status})`, { status: response.status });
  }
  return body;
}

// ---------------------------------------------------------------------------------------------
// The request loop.

export interface AttemptContext {
  /** Fires on the caller's abort or this attempt's timeout. */
  readonly signal: AbortSignal;
  /** 0 for the first attempt. */
  readonly attempt: number;
}

export interface LoopOptions {
  /** Whether the request may be sent again (GET, PUT, DELETE, POST with an idempotency key). */
  readonly retryable: boolean;
  readonly policy: ResolvedRetryPolicy;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
  readonly random?: () => number;
}

class AttemptTimeout extends Error {}

/**
 * Runs `send` until it yields a response that is not worth retrying, then returns it (2xx or
 * not: the caller maps it). Network failures and timeouts that outlast the retries reject
 * with `network` / `timeout`; a caller abort rejects with an AbortError DOMException.
 */
export async function requestWithRetry(
  send: (context: AttemptContext) => Promise<RawResponse>,
  options: LoopOptions,
): Promise<RawResponse> {
  const { policy, signal: callerSignal } = options;
  const maxAttempts = options.retryable ? policy.retries + 1 : 1;
  for (let attempt = 0; ; attempt++) {
    throwIfAborted(callerSignal);
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new AttemptTimeout('timeout')), options.timeoutMs);
    const signal = callerSignal ? anySignal([callerSignal, timeout.signal]) : timeout.signal;
    let waitMs: number | undefined;
    try {
      const response = await send({ signal, attempt });
      const isLast = attempt + 1 >= maxAttempts;
      if (!RETRYABLE_STATUSES.includes(response.status) || isLast) return response;
      const retryAfter = response.status === 429 || response.status === 503 ? parseRetryAfter(response.headers.get('Retry-After')) : undefined;
      if (retryAfter !== undefined) {
        // Asked to wait longer than we are willing to: report it now with the server's delay.
        if (retryAfter * 1000 > policy.maxRetryAfterMs) return response;
        waitMs = retryAfter * 1000;
      }
    } catch (error) {
      if (callerSignal?.aborted) throw abortError();
      let failure: SupportError;
      if (timeout.signal.aborted) {
        failure = new SupportError('timeout', `No response within ${options.timeoutMs} ms`, { cause: error });
      } else if (error instanceof SupportError) {
        throw error;
      } else {
        failure = new SupportError('network', 'The server could not be reached', { cause: error });
      }
      if (attempt + 1 >= maxAttempts) throw failure;
    } finally {
      clearTimeout(timer);
    }
    await sleep(waitMs ?? backoffDelay(policy, attempt, options.random), callerSignal);
  }
}

/** Joins a base URL and a path, with query parameters that are set (undefined and '' skipped). */
export function buildUrl(
  baseUrl: string,
  path: string,
  query?: Readonly<Record<string, string | number | undefined>>,
): string {
  const url = `${baseUrl.replace(/\/+$/, '')}${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${url}${url.includes('?') ? '&' : '?'}${search}` : url;
}

/** One upload attempt with XMLHttpRequest: progress events out, abort in. */
export function sendWithXhr(
  request: Request,
  file: Blob,
  signal: AbortSignal,
  onProgress: ((loaded: number, total: number) => void) | undefined,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError());
    const xhr = new XMLHttpRequest();
    xhr.open(request.method, request.url);
    request.headers.forEach((value, name) => xhr.setRequestHeader(name, value));
    const onAbort = () => xhr.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    if (onProgress) {
      xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    }
    xhr.onload = () =>
      resolve({ status: xhr.status, headers: { get: (name) => xhr.getResponseHeader(name) }, text: xhr.responseText });
    xhr.onerror = () => reject(new TypeError('Network error during upload'));
    xhr.onabort = () => reject(abortError());
    xhr.onloadend = () => signal.removeEventListener('abort', onAbort);
    xhr.send(file);
  });
}

// ---------------------------------------------------------------------------------------------
// One call.

/** What an adapter sets once for all its calls: how it fetches and how it backs off. */
export interface Sender {
  readonly fetch: typeof globalThis.fetch;
  readonly policy: ResolvedRetryPolicy;
  readonly random?: (() => number) | undefined;
}

export interface OutgoingCall {
  /** The request of one attempt, made again for each (an interceptor may replace it). */
  readonly request: (signal: AbortSignal) => Request | Promise<Request>;
  /** A file to send as the body with XMLHttpRequest (fetch has no upload progress); the request's own body is not sent. */
  readonly file?: File | undefined;
  readonly onProgress?: ((loaded: number, total: number) => void) | undefined;
  readonly retryable: boolean;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
}

/** Sends `call` with the retry loop and returns the final response, whatever its status. */
export function send(sender: Sender, call: OutgoingCall): Promise<RawResponse> {
  const attempt = async ({ signal }: AttemptContext): Promise<RawResponse> => {
    const request = await call.request(signal);
    if (call.file) return sendWithXhr(request, call.file, signal, call.onProgress);
    const response = await sender.fetch(request, { signal });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  return requestWithRetry(attempt, {
    retryable: call.retryable,
    policy: sender.policy,
    timeoutMs: call.timeoutMs,
    signal: call.signal,
    ...(sender.random ? { random: sender.random } : {}),
  });
}
