/**
 * The change log of live updates: rows appended by the triggers of store/db.ts (migration 4),
 * read by server/events.ts, trimmed to the newest `keep` rows by the auto-close job.
 */
import type { TicketChangeKind } from '../../src/adapters/backend.js';
import type { Db } from './db.js';

export interface EventRow {
  readonly seq: number;
  readonly ticket_number: number;
  readonly kind: TicketChangeKind;
}

/** The newest event's seq, 0 when there is none. */
export function lastEventSeq(db: Db): number {
  return (db.prepare("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0) AS n").get() as { n: number }).n;
}

/** The oldest event still kept, undefined when the log is empty. */
export function firstEventSeq(db: Db): number | undefined {
  return (db.prepare('SELECT MIN(seq) AS n FROM events').get() as { n: number | null }).n ?? undefined;
}

/** Events after `seq`, oldest first, at most `limit`. */
export function eventsAfter(db: Db, seq: number, limit: number): EventRow[] {
  return db.prepare('SELECT seq, ticket_number, kind FROM events WHERE seq > ? ORDER BY seq LIMIT ?').all(seq, limit) as EventRow[];
}

/** Keeps the newest `keep` events; returns how many were removed. */
export function purgeEvents(db: Db, keep: number): number {
  return db.prepare('DELETE FROM events WHERE seq <= (SELECT MAX(seq) FROM events) - ?').run(keep).changes;
}
