/**
 * Notification emails. The reference server does not send mail: it writes each message to the
 * `outbox` table, so the seed's email parts (the link after opening a case, "reply to this
 * email" versus "no-reply", the closing email) are visible and testable. Each message is in the
 * case's language (the locale stored with the ticket); the words are the `email.*` messages
 * (src/localization/email-messages.ts), rendered in that language by email-templates.ts.
 */
import type { EmailTexts } from '../src/localization/email-messages.js';
import type { TicketLink } from './case-url.js';
import { emailTextsFor } from './email-templates.js';
import { formatNumber, insertOutboxRow, outboxRows, type Db, type OutboxKind, type OutboxRow, type TicketRow } from './store.js';

export type { OutboxKind } from './store.js';

export const SUPPORT_ADDRESS = 'support@support.example.com';
export const NO_REPLY_ADDRESS = 'no-reply@support.example.com';


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

/** C0 and C1 controls (CR and LF among them), DEL, and the Unicode line and paragraph separators. */
const isControl = (ch: string): boolean => {
  const code = ch.codePointAt(0) ?? 0;
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
};

/**
 * A value for an email header line (Subject, To, From, a display name): every control
 * character becomes a space (runs of spaces collapse), so a customer's text can never end the
 * line and start another header (`Hello\r\nBcc: victim@example.com` → `Hello Bcc: victim@example.com`).
 */
export function headerValue(value: string): string {
  return Array.from(value, (ch) => (isControl(ch) ? ' ' : ch))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** An address for To or From: refused (an error, not an email) when it holds a control character. */
function headerAddress(value: string): string {
  if (Array.from(value).some(isControl)) throw new Error('An email address with a control character reached the outbox.');
  return value.trim();
}

/** Where emails go: the SQLite outbox, or a function that takes the rows (the PostgreSQL store writes them in its transaction). */
export type EmailSink = Db | ((row: Omit<OutboxRow, 'id'>) => void);

/** The one place an email is written: every header-bound value goes through `headerValue` / `headerAddress`. */
export function writeEmail(
  db: EmailSink,
  email: { to: string; from: string; subject: string; body: string; ticketNumber?: string; kind: OutboxKind; at: string },
): void {
  const row = {
    to_addr: headerAddress(email.to),
    from_addr: headerAddress(email.from),
    subject: headerValue(email.subject),
    body: email.body,
    ticket_number: email.ticketNumber ?? null,
    kind: email.kind,
    created_at: email.at,
  };
  if (typeof db === 'function') db(row);
  else insertOutboxRow(db, row);
}

/** The outbox's rows (`SupportStore.outboxRows`, or those of a SQLite database) as emails, filtered. */
export function readOutbox(source: Db | readonly OutboxRow[], filter: { to?: string | undefined; ticket?: string | undefined } = {}): OutboxEmail[] {
  const rows: readonly OutboxRow[] = Array.isArray(source) ? source : outboxRows(source as Db);
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

/** Link to a case in the support center (the page that embeds the widget); `undefined`: none configured, the emails carry no link. */
export type { TicketLink } from './case-url.js';

/** How to answer, by the case's contact method (seed: email → reply; portal → no-reply, comment in the portal). */
function howToAnswer(row: TicketRow, text: EmailTexts, url: string | undefined): { from: string; text: string } {
  if (row.contact_method === 'email') return { from: SUPPORT_ADDRESS, text: text.replyByEmail() };
  return { from: NO_REPLY_ADDRESS, text: url === undefined ? text.noReplyNoLink() : text.noReply(url) };
}

/** A line that shows the link, left out (never a dead link) when there is none. */
const linkLine = (url: string | undefined, line: (url: string) => string): string[] => (url === undefined ? [] : [line(url)]);

/** The case's number, link and texts in the case's language (the locale stored with it). */
function context(row: TicketRow, link: TicketLink): { number: string; url: string | undefined; text: EmailTexts } {
  const number = formatNumber(row.number);
  return { number, url: link(number, row.locale), text: emailTextsFor(row.locale) };
}

export function notifyCreated(db: EmailSink, row: TicketRow, link: TicketLink, at: string): void {
  const { number, url, text } = context(row, link);
  const answer = howToAnswer(row, text, url);
  writeEmail(db, {
    to: row.requester_email,
    from: answer.from,
    subject: text.createdSubject(number, row.subject),
    body: [
      text.greeting(row.requester_name),
      '',
      text.createdIntro(number, text.state('open')),
      ...linkLine(url, text.createdFollow),
      '',
      answer.text,
    ].join('\n'),
    ticketNumber: number,
    kind: 'ticket_created',
    at,
  });
}

/** An expert's comment; `row` is the case after the comment (and any state change it came with). */
export function notifyAgentComment(db: EmailSink, row: TicketRow, body: string, link: TicketLink, at: string): void {
  const { number, url, text } = context(row, link);
  const answer = howToAnswer(row, text, url);
  writeEmail(db, {
    to: row.requester_email,
    from: answer.from,
    subject: text.commentSubject(number, row.subject),
    body: [
      text.greeting(row.requester_name),
      '',
      text.commentIntro(),
      '',
      body,
      '',
      text.commentState(text.state(row.status)),
      ...linkLine(url, text.caseLink),
      '',
      answer.text,
    ].join('\n'),
    ticketNumber: number,
    kind: 'agent_comment',
    at,
  });
}

/** The closing email; `autoCloseDays` is the configured period when `automatic`. */
export function notifyClosed(db: EmailSink, row: TicketRow, link: TicketLink, at: string, automatic: boolean, autoCloseDays = 5): void {
  const { number, url, text } = context(row, link);
  const closed = text.state('closed');
  writeEmail(db, {
    to: row.requester_email,
    from: NO_REPLY_ADDRESS,
    subject: text.closedSubject(number, closed, row.subject),
    body: [
      text.greeting(row.requester_name),
      '',
      automatic ? text.closedAuto(number, closed, text.state('pending'), autoCloseDays) : text.closedManual(number, closed),
      text.closedReadOnly(),
      text.closedPersists(number),
      text.closedMyTickets(),
      ...linkLine(url, text.caseLink),
    ].join('\n'),
    ticketNumber: number,
    kind: 'ticket_closed',
    at,
  });
}

/** To the new watcher, in the case's language (the best guess: the watcher has no locale of their own). */
export function notifyWatcherAdded(db: EmailSink, row: TicketRow, watcher: string, addedBy: string, link: TicketLink, at: string): void {
  const { number, url, text } = context(row, link);
  writeEmail(db, {
    to: watcher,
    from: NO_REPLY_ADDRESS,
    subject: text.watcherSubject(number, row.subject),
    body: [text.watcherAdded(addedBy, number), url === undefined ? text.watcherSignInNoLink() : text.watcherSignIn(url)].join('\n'),
    ticketNumber: number,
    kind: 'watcher_added',
    at,
  });
}

/** The receipt of a can't-sign-in request, in the language of the request (`locale`: its matched Accept-Language). */
export function notifySignInHelp(db: EmailSink, request: { to: string; name: string; reference: string; locale: string }, at: string): void {
  const text = emailTextsFor(request.locale);
  writeEmail(db, {
    to: request.to,
    from: NO_REPLY_ADDRESS,
    subject: text.signInHelpSubject(request.reference),
    body: [text.greeting(request.name), '', text.signInHelpReceived(request.reference), text.signInHelpContact()].join('\n'),
    kind: 'sign_in_help',
    at,
  });
}
