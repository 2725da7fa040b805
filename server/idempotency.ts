/**
 * Idempotency as one middleware (draft httpapi-idempotency-key-header), for the routes whose
 * table line says `idempotent`: the first use of a key claims it, a finished one replays its
 * answer, a running one conflicts, and the same key with another request is refused.
 */
import type { IncomingMessage } from 'node:http';
import type { Db } from './store.js';
import { HttpError, type Reply } from './http.js';
import { claimIdempotencyKey, recordIdempotentAnswer, releaseIdempotencyKey } from './store.js';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** The request's Idempotency-Key; 400 when it has none (the body is drained first). */
export function idempotencyKey(req: IncomingMessage): string {
  const key = req.headers['idempotency-key'];
  if (typeof key === 'string' && key.length >= 1 && key.length <= 255) return key;
  req.resume();
  throw new HttpError(400, 'validation', 'Every POST needs an Idempotency-Key header.', { errors: [{ field: 'Idempotency-Key', code: 'required' }] });
}

/** An answer recorded for a key, sent again as it was. */
export interface Replayed {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: string | undefined;
}

export interface KeyUse {
  /** Whose keys these are: the session's, or the client address's without one. */
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
  db: Db,
  nowMs: number,
  use: KeyUse,
  handle: () => Promise<Reply>,
): Promise<{ readonly reply: Reply } | { readonly replayed: Replayed }> {
  const row = claimIdempotencyKey(db, use.scope, use.key, use.fingerprint, nowMs, nowMs - IDEMPOTENCY_TTL_MS);
  if (row) {
    if (row.fingerprint !== use.fingerprint) {
      throw new HttpError(422, 'conflict', 'This Idempotency-Key was already used with another request.', { conflict: 'idempotency_mismatch' });
    }
    if (row.state === 'running') {
      throw new HttpError(409, 'conflict', 'A request with this Idempotency-Key is still being processed.', { conflict: 'idempotency_in_progress' });
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
      recordIdempotentAnswer(db, use.scope, use.key, {
        status: reply.status,
        contentType: hasBody ? contentType : null,
        body: hasBody ? JSON.stringify(reply.body) : null,
      });
    } else {
      releaseIdempotencyKey(db, use.scope, use.key);
    }
  }
}
