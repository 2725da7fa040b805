/**
 * Host-managed sign-in for the HTTP adapters (fetch, Zendesk): the host hands a token through
 * `getToken` and renews it through `refreshToken`. On a 401 the adapter asks for a new token
 * once, sends the call once more with it, and only then reports the 401 (`unauthorized`).
 *
 * - Concurrent 401s share one refresh: every call that failed with the same token waits for
 *   the same `refreshToken()` promise, and a call whose 401 arrives after that refresh ended
 *   reuses its token instead of asking again.
 * - A refresh that throws, or returns undefined or '', means "cannot renew": the first 401
 *   stands. A failed refresh is not remembered, so the next 401 asks again.
 * - The caller's abort rejects at once with an AbortError, also while the refresh runs (the
 *   refresh itself goes on for the other calls that wait for it).
 * - The retried call is the same call: the same request builder, so the same Idempotency-Key.
 *
 * Not part of the public API: adapters build on it, elements never see it.
 */
import { abortError, throwIfAborted, type RawResponse } from './http.js';

/** Where the host's token comes from (also what `refreshToken` is): undefined means none. */
export type TokenSource = () => string | undefined | Promise<string | undefined>;

/** The host-managed sign-in options both adapters accept. */
export interface HostTokenOptions {
  /** The host's bearer token for the signed-in user, asked before every call. */
  readonly getToken?: TokenSource | undefined;
  /**
   * Renews the host's token after a 401 and returns the new one (undefined: cannot renew).
   * Called once for all the calls that failed with the same token.
   */
  readonly refreshToken?: TokenSource | undefined;
}

/** The token a call is first sent with, and whether a 401 on it may be refreshed. */
export interface TokenUse {
  readonly token: string | undefined;
  readonly refreshable: boolean;
}

/** Resolves with `promise`, or rejects with an AbortError as soon as `signal` fires. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(abortError());
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

export interface TokenRefresh {
  /**
   * Sends a call with `first.token`; on a 401 that may be refreshed, gets a new token (shared
   * with concurrent calls) and sends it once more. Returns the last response, whatever its
   * status: the adapter maps it (a second 401, or a refresh that failed, stays a 401).
   */
  send(first: TokenUse, attempt: (token: string | undefined) => Promise<RawResponse>, signal: AbortSignal | undefined): Promise<RawResponse>;
}

/** One per adapter: the refresh shared by its calls. Without `refreshToken`, a 401 is final. */
export function createTokenRefresh(refreshToken: TokenSource | undefined): TokenRefresh {
  /** The latest refresh: the token it replaces and the new token (undefined: failed). */
  let latest: { readonly from: string | undefined; readonly result: Promise<string | undefined> } | undefined;

  function refreshed(stale: string | undefined, refresh: TokenSource): Promise<string | undefined> {
    if (latest && latest.from === stale) return latest.result;
    const result = Promise.resolve()
      .then(refresh)
      .then(
        (token) => (token ? token : undefined),
        () => undefined,
      );
    const entry = { from: stale, result };
    latest = entry;
    // A failed refresh is not kept: the next 401 may try again.
    void result.then((token) => {
      if (token === undefined && latest === entry) latest = undefined;
    });
    return result;
  }

  return {
    async send(first, attempt, signal) {
      const raw = await attempt(first.token);
      if (raw.status !== 401 || !first.refreshable || !refreshToken) return raw;
      const fresh = await untilAborted(refreshed(first.token, refreshToken), signal);
      if (fresh === undefined) return raw;
      throwIfAborted(signal);
      return attempt(fresh);
    },
  };
}
