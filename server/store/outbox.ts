/**
 * The outbox: every email the reference server would send, as rows (it sends no mail).
 */
import type { Db } from './db.js';

export type OutboxKind = 'ticket_created' | 'agent_comment' | 'ticket_closed' | 'watcher_added' | 'sign_in_help';

export interface OutboxRow {
  readonly id: number;
  readonly to_addr: string;
  readonly from_addr: string;
  readonly subject: string;
  readonly body: string;
  readonly ticket_number: string | null;
  readonly kind: OutboxKind;
  readonly created_at: string;
}

export function insertOutboxRow(db: Db, row: Omit<OutboxRow, 'id'>): void {
  db.prepare(
    'INSERT INTO outbox (to_addr, from_addr, subject, body, ticket_number, kind, created_at) VALUES (@to_addr, @from_addr, @subject, @body, @ticket_number, @kind, @created_at)',
  ).run(row);
}

export function outboxRows(db: Db): OutboxRow[] {
  return db.prepare('SELECT * FROM outbox ORDER BY id').all() as OutboxRow[];
}
