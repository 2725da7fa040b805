/**
 * Notification emails. The reference server does not send mail: it writes each message to the
 * `outbox` table, so the seed's email parts (the link after opening a case, "reply to this
 * email" versus "no-reply", the closing email) are visible and testable.
 */
import type { Db } from './db.js';
import { formatNumber, type TicketRow } from './store.js';

export const SUPPORT_ADDRESS = 'support@support.example.com';
export const NO_REPLY_ADDRESS = 'no-reply@support.example.com';

export type OutboxKind = 'ticket_created' | 'agent_comment' | 'ticket_closed' | 'watcher_added' | 'sign_in_help';

export interface OutboxEmail {
  readonly id: number;
  readonly to: string;
  readonly from: string;
  readonly subject: string;
  readonly body: string;
  readonly ticketNumber?: string;
  readonly kind: OutboxKind;
  readonly createdAt: string;
}

interface OutboxRow {
  readonly id: number;
  readonly to_addr: string;
  readonly from_addr: string;
  readonly subject: string;
  readonly body: string;
  readonly ticket_number: string | null;
  readonly kind: OutboxKind;
  readonly created_at: string;
}

export function writeEmail(
  db: Db,
  email: { to: string; from: string; subject: string; body: string; ticketNumber?: string; kind: OutboxKind; at: string },
): void {
  db.prepare(
    'INSERT INTO outbox (to_addr, from_addr, subject, body, ticket_number, kind, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(email.to, email.from, email.subject, email.body, email.ticketNumber ?? null, email.kind, email.at);
}

export function readOutbox(db: Db, filter: { to?: string | undefined; ticket?: string | undefined } = {}): OutboxEmail[] {
  const rows = db.prepare('SELECT * FROM outbox ORDER BY id').all() as OutboxRow[];
  return rows
    .filter((r) => (filter.to === undefined || r.to_addr === filter.to) && (filter.ticket === undefined || r.ticket_number === filter.ticket))
    .map((r) => ({
      id: r.id,
      to: r.to_addr,
      from: r.from_addr,
      subject: r.subject,
      body: r.body,
      ...(r.ticket_number !== null ? { ticketNumber: r.ticket_number } : {}),
      kind: r.kind,
      createdAt: r.created_at,
    }));
}

/** Link to a case in the support center (the page that embeds the widget). */
export type TicketLink = (number: string) => string;

/** How to answer, by the case's contact method (seed: email → reply; portal → no-reply, comment in the portal). */
function howToAnswer(row: TicketRow, link: string): { from: string; text: string } {
  return row.contact_method === 'email'
    ? {
        from: SUPPORT_ADDRESS,
        text: 'You can reply to this email to add a comment to your case; your reply goes to the support expert.',
      }
    : {
        from: NO_REPLY_ADDRESS,
        text: `This message comes from a no-reply address: do not reply to this email. To add a comment, sign in to the support center and open your case: ${link}`,
      };
}

export function notifyCreated(db: Db, row: TicketRow, link: TicketLink, at: string): void {
  const number = formatNumber(row.number);
  const url = link(number);
  const answer = howToAnswer(row, url);
  writeEmail(db, {
    to: row.requester_email,
    from: answer.from,
    subject: `[Case ${number}] ${row.subject}`,
    body: [
      `Hello ${row.requester_name},`,
      '',
      `Your support case ${number} is open. A support expert will review it.`,
      `Follow your case here: ${url}`,
      '',
      answer.text,
    ].join('\n'),
    ticketNumber: number,
    kind: 'ticket_created',
    at,
  });
}

export function notifyAgentComment(db: Db, row: TicketRow, body: string, link: TicketLink, at: string): void {
  const number = formatNumber(row.number);
  const url = link(number);
  const answer = howToAnswer(row, url);
  writeEmail(db, {
    to: row.requester_email,
    from: answer.from,
    subject: `[Case ${number}] New reply from support: ${row.subject}`,
    body: [`Hello ${row.requester_name},`, '', 'A support expert replied to your case:', '', body, '', `Your case: ${url}`, '', answer.text].join(
      '\n',
    ),
    ticketNumber: number,
    kind: 'agent_comment',
    at,
  });
}

export function notifyClosed(db: Db, row: TicketRow, link: TicketLink, at: string, automatic: boolean): void {
  const number = formatNumber(row.number);
  writeEmail(db, {
    to: row.requester_email,
    from: NO_REPLY_ADDRESS,
    subject: `[Case ${number}] Your case is closed: ${row.subject}`,
    body: [
      `Hello ${row.requester_name},`,
      '',
      automatic
        ? `Your case ${number} was closed automatically because it had no update while pending.`
        : `Your case ${number} is closed.`,
      'A closed case can no longer be updated.',
      `If the problem persists, open a new case and add this case's number (${number}) to it.`,
      `Your case: ${link(number)}`,
    ].join('\n'),
    ticketNumber: number,
    kind: 'ticket_closed',
    at,
  });
}

export function notifyWatcherAdded(db: Db, row: TicketRow, watcher: string, addedBy: string, link: TicketLink, at: string): void {
  const number = formatNumber(row.number);
  writeEmail(db, {
    to: watcher,
    from: NO_REPLY_ADDRESS,
    subject: `[Case ${number}] You were added as a watcher: ${row.subject}`,
    body: [
      `${addedBy} added you as a watcher of support case ${number}.`,
      `Sign in to the support center with this email address to follow it: ${link(number)}`,
    ].join('\n'),
    ticketNumber: number,
    kind: 'watcher_added',
    at,
  });
}
