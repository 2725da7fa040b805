/**
 * Uploaded files in SQLite (the bytes are files under `DIR/attachments/`): an upload belongs
 * to its owner until it is attached to a case.
 */
import type { Db } from './db.js';
import type { AttachmentRow } from './tickets.js';

export function insertAttachment(
  db: Db,
  a: { id: string; token: string; ownerUserId: string; ticketNumber: number | null; name: string; size: number; contentType: string; file: string; at: string },
): void {
  db.prepare(
    'INSERT INTO attachments (id, token, owner_user_id, ticket_number, name, size, content_type, file, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(a.id, a.token, a.ownerUserId, a.ticketNumber, a.name, a.size, a.contentType, a.file, a.at);
}

export function getAttachment(db: Db, id: string): AttachmentRow | undefined {
  return db.prepare('SELECT * FROM attachments WHERE id = ?').get(id) as AttachmentRow | undefined;
}

/** The owner's upload with this token, while it is attached to no case. */
export function unattachedUpload(db: Db, token: string, ownerUserId: string): AttachmentRow | undefined {
  return db.prepare('SELECT * FROM attachments WHERE token = ? AND owner_user_id = ? AND ticket_number IS NULL').get(token, ownerUserId) as
    | AttachmentRow
    | undefined;
}

export function countAttachments(db: Db, number: number): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM attachments WHERE ticket_number = ?').get(number) as { n: number }).n;
}

export function attachToTicket(db: Db, attachmentId: string, number: number): void {
  db.prepare('UPDATE attachments SET ticket_number = ? WHERE id = ?').run(number, attachmentId);
}

/** Forgets a staged upload once a helpdesk holds its bytes (the file under `attachments/` goes with it). */
export function deleteUpload(db: Db, attachmentId: string): void {
  db.prepare('DELETE FROM attachments WHERE id = ? AND ticket_number IS NULL').run(attachmentId);
}
