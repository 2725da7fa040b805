/**
 * Idempotency as one middleware (draft httpapi-idempotency-key-header), for the routes whose
 * table line says `idempotent`: the first use of a key claims it, a finished one replays its
 * answer, a running one conflicts, and the same key with another request is refused.
 */
import type { IncomingMessage } from 'node:http';
import { HttpError, type Reply } from './http.js';
import type { SupportStore } from './store/port.js';

/**
 * How long a key's answer is kept: 7 days. At least 24 h (a reload the next day still
 * replays), and longer than the 72 h the client's outbox keeps an unsent request, so a request
 * the outbox sends late is still recognised. Swept by the periodic job (auto-close.ts).
 */
export const IDEMPOTENCY_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** The request's Idempotency-Key; 400 when it has none (undefined when `optional`), or a bad one. */
export function idempotencyKey(req: IncomingMessage, optional = false): string | undefined {
  const key = req.headers['idempotency-key'];
  if (typeof key === 'string' && key.length >= 1 && key.length <= 255) return key;
  if (optional && key === undefined) return undefined;
  throw new HttpError(400, 'validation', 'Every POST needs an Idempotency-Key header.', { errors: [{ field: 'Idempotency-Key', code: 'required' }] });
}

/** Whose keys a request uses: the signed-in user (not the session), else the client address. */
export function keyScope(userId: string | undefined, ip: string): string {
  return userId !== undefined ? `user:${userId}` : `client:${ip}`;
}

/**
 * The keys whose request is being received or handled in this process, from the moment its
 * headers arrive until its response is written: a second use meanwhile answers 409, even
 * while the first one's body is still arriving (the stored claim needs the body's hash).
 */
export class KeysInFlight {
  readonly #keys = new Set<string>();

  /** Claims `scope`+`key` until `release` is called; false when it is already claimed. */
  claim(scope: string, key: string): (() => void) | undefined {
    const id = `${scope}\n${key}`;
    if (this.#keys.has(id)) return undefined;
    this.#keys.add(id);
    return () => this.#keys.delete(id);
  }
}

export const inProgress = (): HttpError =>
  new HttpError(409, 'conflict', 'A request with this Idempotency-Key is still being processed.', { conflict: 'idempotency_in_progress' });

/** An answer recorded for a key, sent again as it was. */
export interface Replayed {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: string | undefined;
}

export interface KeyUse {
  /**
   * Whose keys these are: the user's (`user:<id>`, every session of theirs shares them), or
   * the client address's for calls without a session.
   */
  readonly scope: string;
  readonly key: string;
  /** Method, path and body hash: what "the same request" means. */
  readonly fingerprint: string;
}

/**
 * Runs `handle` once per key: a retry of the same request gets the recorded answer (`replayed`),
 * another request with the key 422, a retry while the first runs 409. Answers 5xx, 401 and 429
 * are not recorded, so the key may be used again after them. `handle` turns its errors into replies.
 */
export async function idempotently(
  store: SupportStore,
  nowMs: number,
  use: KeyUse,
  handle: () => Promise<Reply>,
): Promise<{ readonly reply: Reply } | { readonly replayed: Replayed }> {
  const row = await store.claimIdempotencyKey(use.scope, use.key, use.fingerprint, nowMs, nowMs - IDEMPOTENCY_TTL_MS);
  if (row) {
    if (row.fingerprint !== use.fingerprint) {
      throw new HttpError(422, 'conflict', 'This Idempotency-Key was already used with another request.', { conflict: 'idempotency_mismatch' });
    }
    if (row.state === 'running') {
      throw inProgress();
    }
    return { replayed: { status: row.status ?? 200, contentType: row.content_type ?? undefined, body: row.body ?? undefined } };
  }
  let reply: Reply | undefined;
  try {
    reply = await handle();
    return { reply };
  } finally {
    if (reply && reply.status < 500 && reply.status !== 401 && reply.status !== 429) {
      const contentType = reply.status >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8';
      const hasBody = reply.body !== undefined;
      await store.recordIdempotentAnswer(use.scope, use.key, {
        status: reply.status,
        contentType: hasBody ? contentType : null,
        body: hasBody ? JSON.stringify(reply.body) : null,
      });
    } else {
      await store.releaseIdempotencyKey(use.scope, use.key);
    }
  }
}
