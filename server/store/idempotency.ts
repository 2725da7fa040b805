/**
 * Idempotency keys in SQLite (draft httpapi-idempotency-key-header): a key is claimed while
 * its request runs, then holds the recorded answer for replays.
 */
import type { Db } from './db.js';

export interface IdempotencyRow {
  readonly fingerprint: string;
  readonly state: 'running' | 'done';
  readonly status: number | null;
  readonly content_type: string | null;
  readonly body: string | null;
}

/**
 * In one transaction: forgets the key when it is older than `expiredBeforeMs`, then returns
 * the row that holds it, or claims it (state `running`) and returns undefined.
 */
export function claimIdempotencyKey(db: Db, scope: string, key: string, fingerprint: string, nowMs: number, expiredBeforeMs: number): IdempotencyRow | undefined {
  return db.transaction(() => {
    db.prepare('DELETE FROM idempotency WHERE scope = ? AND key = ? AND created_at < ?').run(scope, key, expiredBeforeMs);
    const row = db.prepare('SELECT fingerprint, state, status, content_type, body FROM idempotency WHERE scope = ? AND key = ?').get(scope, key) as
      | IdempotencyRow
      | undefined;
    if (!row) {
      db.prepare("INSERT INTO idempotency (scope, key, fingerprint, state, created_at) VALUES (?, ?, ?, 'running', ?)").run(scope, key, fingerprint, nowMs);
    }
    return row;
  })();
}

export function recordIdempotentAnswer(db: Db, scope: string, key: string, answer: { status: number; contentType: string | null; body: string | null }): void {
  db.prepare("UPDATE idempotency SET state = 'done', status = ?, content_type = ?, body = ? WHERE scope = ? AND key = ?").run(
    answer.status,
    answer.contentType,
    answer.body,
    scope,
    key,
  );
}

export function releaseIdempotencyKey(db: Db, scope: string, key: string): void {
  db.prepare('DELETE FROM idempotency WHERE scope = ? AND key = ?').run(scope, key);
}

/** A request that was running when the process stopped will never finish: frees its key. */
export function releaseRunningKeys(db: Db): void {
  db.prepare("DELETE FROM idempotency WHERE state = 'running'").run();
}

export function purgeIdempotency(db: Db, beforeMs: number): void {
  db.prepare('DELETE FROM idempotency WHERE created_at < ?').run(beforeMs);
}
