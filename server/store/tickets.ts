/**
 * Cases in SQLite: reading, listing and writing them (with their comments, watchers and
 * call-me requests), and turning rows into the domain's `Ticket`.
 */
import { randomUUID } from 'node:crypto';
import type { CaseParticipants, CaseSearch } from '../../src/core/access.js';
import type { TicketSort } from '../../src/adapters/backend.js';
import type { Attachment, CallbackRequest, Comment, ContactMethod, Status, Ticket, Watcher } from '../../src/core/ticket.js';
import { customFieldsPart } from './custom-fields.js';
import { prepared, type Db } from './db.js';

export interface TicketRow {
  readonly number: number;
  readonly id: string;
  readonly subject: string;
  readonly description: string;
  readonly area_id: string;
  readonly product_id: string;
  readonly category_id: string | null;
  readonly subcategory_id: string | null;
  readonly status: Status;
  readonly contact_method: ContactMethod;
  readonly account_id: string;
  readonly requester_name: string;
  readonly requester_email: string;
  readonly created_at: string;
  readonly updated_at: string;
  readonly activity_at: string;
  readonly follow_up_of: string | null;
  readonly locale: string;
}

interface CommentRow {
  readonly id: string;
  readonly author_name: string;
  readonly author_email: string;
  readonly author_role: 'user' | 'agent';
  readonly body: string;
  readonly via: 'web' | 'email';
  readonly created_at: string;
}

export interface AttachmentRow {
  readonly id: string;
  readonly token: string;
  readonly owner_user_id: string;
  readonly ticket_number: number | null;
  readonly name: string;
  readonly size: number;
  readonly content_type: string;
  readonly file: string;
  readonly created_at: string;
}

export const FIRST_NUMBER = 10000001;

export function formatNumber(n: number): string {
  return String(n).padStart(8, '0');
}

/** The case number as stored, or undefined when `text` is not an 8-digit case number. */
export function parseNumber(text: string): number | undefined {
  return /^\d{8}$/.test(text) ? Number(text) : undefined;
}

export function getTicketRow(db: Db, number: number): TicketRow | undefined {
  return db.prepare('SELECT * FROM tickets WHERE number = ?').get(number) as TicketRow | undefined;
}

/** The people on the case, for `maySeeCase` / `mayFollowUp` of src/core/access.ts. */
export function participantsOf(db: Db, row: TicketRow): CaseParticipants {
  const watchers = db.prepare('SELECT email FROM watchers WHERE ticket_number = ?').all(row.number) as { email: string }[];
  return { requesterEmail: row.requester_email, watcherEmails: watchers.map((w) => w.email) };
}

export function pendingTickets(db: Db): TicketRow[] {
  return db.prepare("SELECT * FROM tickets WHERE status = 'pending'").all() as TicketRow[];
}

/** Where a page of the list starts: after the case with this `updated_at` and number. */
export interface ListCursor {
  readonly u: string;
  readonly n: number;
}

export interface ListQuery {
  /** The cases this person opened or watches (the SQL form of `maySeeCase`). */
  readonly email: string;
  readonly status: Status | undefined;
  readonly search: CaseSearch | undefined;
  readonly sort: TicketSort;
  readonly limit: number;
  readonly cursor: ListCursor | undefined;
}

/** Trigram index lookups need at least 3 characters (code points). */
const TRIGRAM = 3;

/** A word of a search as an FTS5 string: quoted, so that it is a phrase, `"` doubled. */
const ftsPhrase = (word: string): string => `"${word.replace(/"/g, '""')}"`;

/**
 * The search of a list query as SQL on `p` (a row of `participants`).
 *
 * It is `matchesCaseSearch` of src/core/access.ts: the digits anywhere in the zero-padded
 * 8-digit number, or every word in `subject_folded` (= `foldCase(subject)`). `instr` decides;
 * the trigram index only narrows the candidates first (`@ids`, the numbers it found, read
 * once per request by `listTickets`), for the words of 3 characters or more. Trigrams cannot
 * find shorter words: a search whose words are all shorter checks `instr` on each of the
 * person's cases (their cases only: still an index range, not the table).
 */
function searchOf(search: CaseSearch, bind: Record<string, string | number>, walk: boolean): { sql: string; fts: string | undefined } {
  const subject = search.words.map((word, i) => {
    bind[`w${i}`] = word;
    return `instr(p.subject_folded, @w${i}) > 0`;
  });
  const indexed = search.words.filter((word) => [...word].length >= TRIGRAM);
  const fts = indexed.length > 0 ? indexed.map(ftsPhrase).join(' AND ') : undefined;
  if (fts !== undefined) {
    bind['ids'] = '[]';
    // `+` keeps the planner from looking each hit up (then sorting them) when `walk` says the
    // hits are too many for that: it then reads the person's index range in order instead.
    subject.unshift(`${walk ? '+' : ''}p.number IN (SELECT value FROM json_each(@ids))`);
  }
  const all = subject.join(' AND ') || '1';
  if (search.digits === undefined) return { sql: all, fts };
  bind['digits'] = search.digits;
  return { sql: `(instr(printf('%08d', p.number), @digits) > 0 OR (${all}))`, fts };
}

const FTS_SQL = 'SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ?';
const CASES_SQL = 'SELECT coalesce(SUM(n), 0) AS n FROM participant_counts WHERE email = ?';
/** About how many index entries in a range cost as much as looking up one trigram hit. */
const HIT_COST = 4;

/**
 * The SQL of `listTickets`. The page is one range of a `participants` index (by person, then
 * the sort keys; the cursor is where the range starts), joined to `tickets` for its rows.
 * `total` without a search is the sum of the person's `participant_counts` (at most one row
 * per status); with a search it counts the matches over the same index range.
 */
export function listSql(query: ListQuery, walk = false): {
  page: string;
  count: string;
  bind: Record<string, string | number>;
  /** The FTS5 query whose rowids `@ids` (a JSON array) must hold, when the search can use the index. */
  fts: string | undefined;
} {
  const bind: Record<string, string | number> = { email: query.email, limit: query.limit };
  const filters = ['p.email = @email'];
  if (query.status) {
    filters.push('p.status = @status');
    bind['status'] = query.status;
  }
  const search = query.search ? searchOf(query.search, bind, walk) : undefined;
  if (search) filters.push(search.sql);
  const desc = query.sort.endsWith('_desc');
  const cmp = desc ? '<' : '>';
  const dir = desc ? 'DESC' : 'ASC';
  const byUpdated = query.sort.startsWith('updated');
  const range = [...filters];
  if (query.cursor) {
    bind['cn'] = query.cursor.n;
    if (byUpdated) {
      bind['cu'] = query.cursor.u;
      range.push(`(p.updated_at, p.number) ${cmp} (@cu, @cn)`);
    } else {
      range.push(`p.number ${cmp} @cn`);
    }
  }
  const order = (table: string): string =>
    byUpdated ? `${table}.updated_at ${dir}, ${table}.number ${dir}` : `${table}.number ${dir}`;
  const keys = `SELECT p.number, p.updated_at FROM participants p WHERE ${range.join(' AND ')} ORDER BY ${order('p')} LIMIT @limit`;
  const count = query.search
    ? `SELECT COUNT(*) AS n FROM participants p WHERE ${filters.join(' AND ')}`
    : `SELECT coalesce(SUM(n), 0) AS n FROM participant_counts p WHERE ${filters.join(' AND ')}`;
  return {
    page: `WITH page AS (${keys}) SELECT ${SUMMARY_COLUMNS} FROM page JOIN tickets t ON t.number = page.number ORDER BY ${order('page')}`,
    count,
    bind,
    fts: search?.fts,
  };
}

/** The columns of a list row, in the order of `SummaryTuple`: what `summaryOf` reads, no description. */
const SUMMARY_COLUMNS = [
  'number', 'id', 'subject', 'area_id', 'product_id', 'category_id', 'subcategory_id', 'status', 'contact_method',
  'account_id', 'requester_name', 'requester_email', 'created_at', 'updated_at', 'activity_at', 'follow_up_of',
].map((column) => `t.${column}`).join(', ');

type SummaryTuple = readonly [
  number, string, string, string, string, string | null, string | null, Status, ContactMethod,
  string, string, string, string, string, string, string | null,
];

export type TicketSummary = ReturnType<typeof summaryOf>;

/** A list row (SUMMARY_COLUMNS, read as an array: a page of objects costs about twice as much). */
function summaryOfTuple(r: SummaryTuple): TicketSummary {
  return {
    id: r[1],
    number: formatNumber(r[0]),
    subject: r[2],
    areaId: r[3],
    productId: r[4],
    ...(r[5] !== null ? { categoryId: r[5] } : {}),
    ...(r[6] !== null ? { subcategoryId: r[6] } : {}),
    status: r[7],
    contactMethod: r[8],
    accountId: r[9],
    requester: { name: r[10], email: r[11] },
    createdAt: r[12],
    updatedAt: r[13],
    activityAt: r[14],
    ...(r[15] !== null ? { followUpOf: r[15] } : {}),
  };
}

/**
 * One page of the cases `query.email` may see (the SQL form of `maySeeCase`), as summaries,
 * plus how many match in all. `cursorOf` gives where the page after a summary starts.
 */
export function listTickets(db: Db, query: ListQuery): { items: TicketSummary[]; total: number } {
  let sql = listSql(query);
  if (sql.fts !== undefined) {
    const ids = prepared(db, FTS_SQL).pluck(true).all(sql.fts);
    // Looking up each hit costs more per row than reading the next entry of an index range.
    const cases = (prepared(db, CASES_SQL).get(query.email) as { n: number }).n;
    if (ids.length * HIT_COST > cases) sql = listSql(query, true);
    sql.bind['ids'] = JSON.stringify(ids);
  }
  const { page, count, bind } = sql;
  const rows = prepared(db, page).raw(true).all(bind) as SummaryTuple[];
  const total = (prepared(db, count).get(bind) as { n: number }).n;
  return { items: rows.map(summaryOfTuple), total };
}

/** The cursor of the page after `item` (the keys the list sorts on). */
export function cursorOf(item: TicketSummary): ListCursor {
  return { u: item.updatedAt, n: Number(item.number) };
}

export function summaryOf(row: TicketRow): Omit<Ticket, 'comments' | 'attachments' | 'watchers' | 'callbacks' | 'description'> {
  return {
    id: row.id,
    number: formatNumber(row.number),
    subject: row.subject,
    areaId: row.area_id,
    productId: row.product_id,
    ...(row.category_id !== null ? { categoryId: row.category_id } : {}),
    ...(row.subcategory_id !== null ? { subcategoryId: row.subcategory_id } : {}),
    status: row.status,
    contactMethod: row.contact_method,
    accountId: row.account_id,
    requester: { name: row.requester_name, email: row.requester_email },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    activityAt: row.activity_at,
    ...(row.follow_up_of !== null ? { followUpOf: row.follow_up_of } : {}),
  };
}

/** Builds the download address of an attachment (absolute, signed). */
export type AttachmentUrl = (attachmentId: string) => string;

export function ticketOf(db: Db, row: TicketRow, urlOf: AttachmentUrl): Ticket {
  const comments = (
    db.prepare('SELECT * FROM comments WHERE ticket_number = ? ORDER BY seq').all(row.number) as CommentRow[]
  ).map(
    (c): Comment => ({
      id: c.id,
      author: { name: c.author_name, email: c.author_email },
      authorRole: c.author_role,
      body: c.body,
      via: c.via,
      createdAt: c.created_at,
    }),
  );
  const attachments = (
    db.prepare('SELECT * FROM attachments WHERE ticket_number = ? ORDER BY seq').all(row.number) as AttachmentRow[]
  ).map(
    (a): Attachment => ({
      id: a.id,
      name: a.name,
      size: a.size,
      contentType: a.content_type,
      url: urlOf(a.id),
      createdAt: a.created_at,
    }),
  );
  const watchers = (
    db.prepare('SELECT email, added_at FROM watchers WHERE ticket_number = ? ORDER BY added_at, email').all(row.number) as {
      email: string;
      added_at: string;
    }[]
  ).map((w): Watcher => ({ email: w.email, addedAt: w.added_at }));
  const callbacks = (
    db.prepare('SELECT id, phone, requested_at FROM callbacks WHERE ticket_number = ? ORDER BY seq').all(row.number) as {
      id: string;
      phone: string;
      requested_at: string;
    }[]
  ).map((c): CallbackRequest => ({ id: c.id, phone: c.phone, requestedAt: c.requested_at }));
  return { ...summaryOf(row), description: row.description, comments, attachments, watchers, callbacks, ...customFieldsPart(db, row.number) };
}

export function nextNumber(db: Db): number {
  const row = db.prepare('SELECT MAX(number) AS n FROM tickets').get() as { n: number | null };
  return row.n === null ? FIRST_NUMBER : row.n + 1;
}

/** A new case row: the ticket's own fields, plus when and in which language it was opened. */
export interface InsertTicket
  extends Pick<
    Ticket,
    | 'subject'
    | 'description'
    | 'areaId'
    | 'productId'
    | 'categoryId'
    | 'subcategoryId'
    | 'status'
    | 'contactMethod'
    | 'accountId'
    | 'requester'
    | 'followUpOf'
  > {
  readonly at: string;
  readonly locale: string;
}

export function insertTicket(db: Db, t: InsertTicket): number {
  const number = nextNumber(db);
  db.prepare(
    `INSERT INTO tickets (number, id, subject, description, area_id, product_id, category_id, subcategory_id, status,
      contact_method, account_id, requester_name, requester_email, created_at, updated_at, activity_at, follow_up_of, locale)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    number,
    randomUUID(),
    t.subject,
    t.description,
    t.areaId,
    t.productId,
    t.categoryId ?? null,
    t.subcategoryId ?? null,
    t.status,
    t.contactMethod,
    t.accountId,
    t.requester.name,
    t.requester.email,
    t.at,
    t.at,
    t.at,
    t.followUpOf ?? null,
    t.locale,
  );
  return number;
}

export function insertComment(
  db: Db,
  number: number,
  c: { author: { name: string; email: string }; role: 'user' | 'agent'; body: string; via: 'web' | 'email'; at: string },
): void {
  db.prepare(
    'INSERT INTO comments (id, ticket_number, author_name, author_email, author_role, body, via, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(randomUUID(), number, c.author.name, c.author.email, c.role, c.body, c.via, c.at);
}

/** Records the outcome of a `status.ts` action on the case. */
export function touchTicket(db: Db, number: number, status: Status, at: string, countsAsActivity: boolean): void {
  if (countsAsActivity) {
    db.prepare('UPDATE tickets SET status = ?, updated_at = ?, activity_at = ? WHERE number = ?').run(status, at, at, number);
  } else {
    db.prepare('UPDATE tickets SET status = ?, updated_at = ? WHERE number = ?').run(status, at, number);
  }
}

/** Adds a watcher; false when they already watch the case. */
export function insertWatcher(db: Db, number: number, email: string, at: string): boolean {
  return db.prepare('INSERT OR IGNORE INTO watchers (ticket_number, email, added_at) VALUES (?, ?, ?)').run(number, email, at).changes > 0;
}

/** Removes a watcher; false when they did not watch the case. */
export function deleteWatcher(db: Db, number: number, email: string): boolean {
  return db.prepare('DELETE FROM watchers WHERE ticket_number = ? AND email = ?').run(number, email).changes > 0;
}

export function insertCallback(db: Db, number: number, phone: string, at: string): void {
  db.prepare('INSERT INTO callbacks (id, ticket_number, phone, requested_at) VALUES (?, ?, ?, ?)').run(randomUUID(), number, phone, at);
}
