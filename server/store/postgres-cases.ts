/**
 * Cases in PostgreSQL: rows to the domain's `Ticket`, the list (keyset pages over
 * `participants`, the trigram search), and the writes the `postgres` connector and the
 * periodic job make. Every function takes a `Queryable`: the pool, or a client in a transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { foldCase, type CaseParticipants, type CaseSearch } from '../../src/core/access.js';
import { isCustomFieldValues, type CustomFieldValues } from '../../src/core/custom-field-values.js';
import type { Attachment, CallbackRequest, Comment, Status, Ticket, Watcher } from '../../src/core/ticket.js';
import type { ListQuery, TicketSummary } from './tickets.js';
import { summaryOf, type AttachmentRow, type AttachmentUrl, type InsertTicket, type TicketRow } from './tickets.js';

export type Queryable = Pool | PoolClient;

/** PostgreSQL text cannot hold U+0000 (SQLite can): the customer's text is written with a space there. */
export const pgText = (value: string): string => value.replace(/\0/g, ' ');

export async function pgTicketRow(q: Queryable, number: number, lock = false): Promise<TicketRow | undefined> {
  const { rows } = await q.query<TicketRow>(`SELECT * FROM tickets WHERE number = $1${lock ? ' FOR UPDATE' : ''}`, [number]);
  return rows[0];
}

export async function pgParticipants(q: Queryable, row: TicketRow): Promise<CaseParticipants> {
  const { rows } = await q.query<{ email: string }>('SELECT email FROM watchers WHERE ticket_number = $1', [row.number]);
  return { requesterEmail: row.requester_email, watcherEmails: rows.map((w) => w.email) };
}

export async function pgTicketOf(q: Queryable, row: TicketRow, urlOf: AttachmentUrl): Promise<Ticket> {
  const [comments, attachments, watchers, callbacks, custom] = await Promise.all([
    q.query<{ id: string; author_name: string; author_email: string; author_role: 'user' | 'agent'; body: string; via: 'web' | 'email'; created_at: string }>(
      'SELECT id, author_name, author_email, author_role, body, via, created_at FROM comments WHERE ticket_number = $1 ORDER BY seq',
      [row.number],
    ),
    q.query<Omit<AttachmentRow, 'bytes'>>(
      'SELECT id, name, size, content_type, created_at FROM attachments WHERE ticket_number = $1 ORDER BY seq',
      [row.number],
    ),
    q.query<{ email: string; added_at: string }>('SELECT email, added_at FROM watchers WHERE ticket_number = $1 ORDER BY added_at, email', [row.number]),
    q.query<{ id: string; phone: string; requested_at: string }>('SELECT id, phone, requested_at FROM callbacks WHERE ticket_number = $1 ORDER BY seq', [row.number]),
    q.query<{ values_json: unknown }>('SELECT values_json FROM ticket_custom_fields WHERE ticket_number = $1', [row.number]),
  ]);
  const answers = custom.rows[0]?.values_json;
  return {
    ...summaryOf(row),
    description: row.description,
    comments: comments.rows.map(
      (c): Comment => ({ id: c.id, author: { name: c.author_name, email: c.author_email }, authorRole: c.author_role, body: c.body, via: c.via, createdAt: c.created_at }),
    ),
    attachments: attachments.rows.map(
      (a): Attachment => ({ id: a.id, name: a.name, size: a.size, contentType: a.content_type, url: urlOf(a.id), createdAt: a.created_at }),
    ),
    watchers: watchers.rows.map((w): Watcher => ({ email: w.email, addedAt: w.added_at })),
    callbacks: callbacks.rows.map((c): CallbackRequest => ({ id: c.id, phone: c.phone, requestedAt: c.requested_at })),
    ...(isCustomFieldValues(answers) ? { customFields: answers } : {}),
  };
}

/** The case's answers to the config's custom fields, written with the case (none: no row). */
export async function pgSaveCustomFields(q: Queryable, number: number, values: CustomFieldValues | undefined): Promise<void> {
  if (!values || Object.keys(values).length === 0) return;
  const text = Object.fromEntries(Object.entries(values).map(([id, v]) => [id, typeof v === 'string' ? pgText(v) : v]));
  await q.query('INSERT INTO ticket_custom_fields (ticket_number, values_json) VALUES ($1, $2)', [number, JSON.stringify(text)]);
}

/** A word of a search as a LIKE pattern that finds it anywhere (`\` escapes `%`, `_` and itself). */
const containing = (word: string): string => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The SQL of a list page and of its total: `matchesCaseSearch` of src/core/access.ts (the
 * digits anywhere in the 8-digit number, or every word in `subject_folded`) over the person's
 * `participants` rows. `LIKE '%word%'` on `tickets.subject_folded` can use the trigram index
 * `tickets_subject_trgm` (words of 3 characters or more); the page is one range of
 * `participants_updated` / `participants_status` from the cursor on.
 */
export function pgListSql(query: ListQuery): { page: string; count: string; params: unknown[]; countParams: number } {
  const params: unknown[] = [query.email];
  const p = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const filters = ['p.email = $1'];
  if (query.status) filters.push(`p.status = ${p(query.status)}`);
  if (query.search) filters.push(searchSql(query.search, p));
  const desc = query.sort.endsWith('_desc');
  const cmp = desc ? '<' : '>';
  const dir = desc ? 'DESC' : 'ASC';
  const byUpdated = query.sort.startsWith('updated');
  // Without a search the total reads the person's participants range alone (an index-only scan).
  const count = `SELECT count(*)::int AS n FROM participants p${query.search ? ' JOIN tickets t ON t.number = p.number' : ''} WHERE ${filters.join(' AND ')}`;
  const countParams = params.length;
  const range = [...filters];
  if (query.cursor) {
    range.push(byUpdated ? `(p.updated_at, p.number) ${cmp} (${p(query.cursor.u)}, ${p(query.cursor.n)})` : `p.number ${cmp} ${p(query.cursor.n)}`);
  }
  const order = byUpdated ? `p.updated_at ${dir}, p.number ${dir}` : `p.number ${dir}`;
  const page = `SELECT t.* FROM participants p JOIN tickets t ON t.number = p.number WHERE ${range.join(' AND ')} ORDER BY ${order} LIMIT ${p(query.limit)}`;
  // The count takes the first `countParams` parameters (the filters'): the same numbering, fewer of them.
  return { page, count, params, countParams };
}

function searchSql(search: CaseSearch, p: (value: unknown) => string): string {
  const words = search.words.map((word) => `t.subject_folded LIKE ${p(containing(word))}`);
  const all = words.join(' AND ') || 'true';
  if (search.digits === undefined) return `(${all})`;
  return `(lpad(p.number::text, 8, '0') LIKE ${p(containing(search.digits))} OR (${all}))`;
}

export async function pgListTickets(q: Queryable, query: ListQuery): Promise<{ items: TicketSummary[]; total: number }> {
  const sql = pgListSql(query);
  const [page, count] = await Promise.all([
    q.query<TicketRow>(sql.page, sql.params),
    q.query<{ n: number }>(sql.count, sql.params.slice(0, sql.countParams)),
  ]);
  return { items: page.rows.map((row) => summaryOf(row)), total: count.rows[0]?.n ?? 0 };
}

export async function pgInsertTicket(q: Queryable, t: InsertTicket): Promise<number> {
  const { rows } = await q.query<{ number: number }>(
    `INSERT INTO tickets (number, id, subject, subject_folded, description, area_id, product_id, category_id, subcategory_id, status,
      contact_method, account_id, requester_name, requester_email, created_at, updated_at, activity_at, follow_up_of, locale)
     VALUES (nextval('ticket_numbers'), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $14, $15, $16) RETURNING number`,
    [
      randomUUID(), pgText(t.subject), foldCase(pgText(t.subject)), pgText(t.description), t.areaId, t.productId, t.categoryId ?? null, t.subcategoryId ?? null, t.status,
      t.contactMethod, t.accountId, t.requester.name, t.requester.email, t.at, t.followUpOf ?? null, t.locale,
    ],
  );
  const number = rows[0]?.number;
  if (number === undefined) throw new Error('INSERT INTO tickets returned no number');
  return number;
}

export async function pgInsertComment(
  q: Queryable,
  number: number,
  c: { author: { name: string; email: string }; role: 'user' | 'agent'; body: string; via: 'web' | 'email'; at: string },
): Promise<void> {
  await q.query(
    'INSERT INTO comments (id, ticket_number, author_name, author_email, author_role, body, via, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [randomUUID(), number, c.author.name, c.author.email, c.role, pgText(c.body), c.via, c.at],
  );
}

export async function pgTouchTicket(q: Queryable, number: number, status: Status, at: string, countsAsActivity: boolean): Promise<void> {
  await q.query(
    `UPDATE tickets SET status = $1, updated_at = $2${countsAsActivity ? ', activity_at = $2' : ''} WHERE number = $3`,
    [status, at, number],
  );
}

export async function pgInsertWatcher(q: Queryable, number: number, email: string, at: string): Promise<boolean> {
  const res = await q.query('INSERT INTO watchers (ticket_number, email, added_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [number, email, at]);
  return (res.rowCount ?? 0) > 0;
}

export async function pgAttach(q: Queryable, attachmentId: string, number: number): Promise<void> {
  await q.query('UPDATE attachments SET ticket_number = $1 WHERE id = $2', [number, attachmentId]);
}

export async function pgInsertAttachment(
  q: Queryable,
  a: { id: string; token: string; ownerUserId: string; ticketNumber: number | null; name: string; size: number; contentType: string; bytes: Buffer; at: string },
): Promise<void> {
  await q.query(
    'INSERT INTO attachments (id, token, owner_user_id, ticket_number, name, size, content_type, file, bytes, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $1, $8, $9)',
    [a.id, a.token, a.ownerUserId, a.ticketNumber, a.name, a.size, a.contentType, a.bytes, a.at],
  );
}
