/**
 * HTTP to a helpdesk's API, for the connectors: the credentials go in the Authorization header
 * only (never in a log line, an error or an answer to the browser), a 429 is waited out once
 * when its Retry-After is short, and every other failure becomes a problem the browser can act
 * on (502: the helpdesk failed; 503 + Retry-After: it is busy).
 */
import { HttpError } from '../http.js';

export interface HelpdeskHttpOptions {
  /** `https://acme.freshdesk.com`, or a test server's origin. */
  readonly baseUrl: string;
  /** The whole Authorization header value. */
  readonly authorization: string;
  /** Which helpdesk, for log lines and messages. */
  readonly label: string;
  /** The longest Retry-After waited out before retrying once; longer ones answer 503. Default 5 s. */
  readonly maxRetryWaitMs?: number | undefined;
  readonly log?: ((line: string) => void) | undefined;
  /** Waits (tests make it instant). */
  readonly sleep?: ((ms: number) => Promise<void>) | undefined;
}

export interface HelpdeskRequest {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly json?: unknown;
  readonly form?: FormData;
  /** A body sent as it is (Zendesk's Upload Files takes the file's bytes). */
  readonly raw?: { readonly bytes: Buffer; readonly contentType: string };
}

export interface HelpdeskAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
}

export interface HelpdeskHttp {
  /** The answer, 2xx or 404 (the connector decides what a missing thing means); anything else throws an HttpError. */
  call(path: string, request?: HelpdeskRequest): Promise<HelpdeskAnswer>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Retry-After as seconds (a number of seconds or an HTTP date); 1 when absent or unreadable. */
export function retryAfterSeconds(value: string | null, nowMs = Date.now()): number {
  if (value === null) return 1;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? 1 : Math.max(0, Math.ceil((date - nowMs) / 1000));
}

export function helpdeskHttp(options: HelpdeskHttpOptions): HelpdeskHttp {
  const log = options.log ?? ((): void => undefined);
  const sleep = options.sleep ?? defaultSleep;
  const maxWait = options.maxRetryWaitMs ?? 5000;
  const base = options.baseUrl.replace(/\/+$/, '');

  async function once(path: string, request: HelpdeskRequest): Promise<Response> {
    const url = new URL(`${base}${path}`);
    for (const [name, value] of Object.entries(request.query ?? {})) if (value !== undefined) url.searchParams.set(name, String(value));
    const headers: Record<string, string> = { authorization: options.authorization, accept: 'application/json' };
    let body: string | FormData | Uint8Array | null = null;
    if (request.form) body = request.form;
    else if (request.raw) {
      headers['content-type'] = request.raw.contentType;
      body = new Uint8Array(request.raw.bytes);
    }
    else if (request.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.json);
    }
    try {
      return await fetch(url, { method: request.method ?? 'GET', headers, body });
    } catch {
      // The cause may quote the request; only the path is safe to say.
      throw new HttpError(502, 'server', `${options.label} could not be reached.`);
    }
  }

  return {
    async call(path, request = {}) {
      let response = await once(path, request);
      if (response.status === 429) {
        const wait = retryAfterSeconds(response.headers.get('retry-after'));
        log(`${options.label} ${request.method ?? 'GET'} ${path}: 429, Retry-After ${wait} s`);
        await response.body?.cancel();
        if (wait * 1000 > maxWait) throw busy(options.label, wait);
        await sleep(wait * 1000);
        response = await once(path, request);
        if (response.status === 429) {
          const again = retryAfterSeconds(response.headers.get('retry-after'));
          await response.body?.cancel();
          throw busy(options.label, again);
        }
      }
      const text = await response.text();
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      if (response.ok || response.status === 404) return { status: response.status, body, headers: response.headers };
      log(`${options.label} ${request.method ?? 'GET'} ${path}: ${response.status}`);
      if (response.status === 401 || response.status === 403) {
        throw new HttpError(502, 'server', `${options.label} refused the server's credentials or permissions.`);
      }
      throw new HttpError(502, 'server', `${options.label} answered ${response.status}.`);
    },
  };
}

function busy(label: string, seconds: number): HttpError {
  return new HttpError(503, 'rate_limited', `${label} is busy; try again later.`, { headers: { 'Retry-After': String(Math.max(1, seconds)) } });
}

/**
 * The case as the helpdesk shows it after a write, or `fallback` when reading it back fails:
 * the write happened, so the answer must be a success (the idempotency record keeps it); a
 * failure here would make the browser retry, and the helpdesk, which has no idempotency keys,
 * would get the write twice.
 */
export async function readBack<T>(read: () => Promise<T | undefined>, fallback: T, log: (line: string) => void): Promise<T> {
  try {
    return (await read()) ?? fallback;
  } catch (error) {
    log(`read after write failed (${error instanceof HttpError ? error.message : 'unexpected error'}); answering what was written`);
    return fallback;
  }
}
