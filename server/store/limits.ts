/**
 * What the per-user limits read and write (server/limits.ts): the case-rate mark of each user,
 * and the unattached uploads ("orphans") with their sweep.
 */
import type { Db } from './db.js';

export function caseRateMark(db: Db, userId: string): number | undefined {
  return (db.prepare('SELECT mark_ms FROM case_rate WHERE user_id = ?').get(userId) as { mark_ms: number } | undefined)?.mark_ms;
}

export function setCaseRateMark(db: Db, userId: string, markMs: number): void {
  db.prepare('INSERT INTO case_rate (user_id, mark_ms) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET mark_ms = excluded.mark_ms').run(userId, markMs);
}

/** The owner's uploads attached to no case and newer than `sinceIso`: how many, their bytes, the oldest one's time. */
export function pendingUploadsOf(db: Db, ownerUserId: string, sinceIso: string): { count: number; bytes: number; oldestAt: string | null } {
  return db
    .prepare(
      'SELECT COUNT(*) AS count, COALESCE(SUM(size), 0) AS bytes, MIN(created_at) AS oldestAt FROM attachments WHERE owner_user_id = ? AND ticket_number IS NULL AND created_at > ?',
    )
    .get(ownerUserId, sinceIso) as { count: number; bytes: number; oldestAt: string | null };
}

/** Forgets the uploads attached to no case since before `beforeIso`; returns their files (to delete). */
export function sweepOrphanUploads(db: Db, beforeIso: string): string[] {
  return db.transaction(() => {
    const rows = db.prepare('SELECT file FROM attachments WHERE ticket_number IS NULL AND created_at <= ?').all(beforeIso) as { file: string }[];
    db.prepare('DELETE FROM attachments WHERE ticket_number IS NULL AND created_at <= ?').run(beforeIso);
    return rows.map((r) => r.file);
  })();
}
