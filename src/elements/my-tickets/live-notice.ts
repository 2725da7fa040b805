/**
 * What a change from `watch()` is worth telling the customer, and its words: one polite
 * sentence per change ("New reply from support on case 10000005"). A change the customer
 * made here (their own comment coming back) says nothing.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { TicketChange } from '../../adapters/backend.js';
import { sameEmail } from '../../core/access.js';
import type { Status, Ticket } from '../../core/ticket.js';
import { statusLabel } from '../shared/messages.js';

export interface LiveNotice {
  readonly number: string;
  /** A support expert's comment the customer has not seen. */
  readonly reply: boolean;
  /** The new state, when it changed. */
  readonly status: Status | undefined;
  /** Someone else's comment (a watcher, an email reply). */
  readonly comment: boolean;
  readonly files: boolean;
  readonly watchers: boolean;
  /** A case that someone else opened. */
  readonly created: boolean;
}

/** What the customer sees so far of the case: the whole case (case view) or its state only (list). */
export type Shown = Pick<Ticket, 'status'> & Partial<Pick<Ticket, 'comments' | 'attachments' | 'watchers'>>;

/** The notice of `change` against what is shown (undefined when the case was not shown); undefined: nothing to say. */
export function liveNotice(change: TicketChange, me: string | undefined, shown: Shown | undefined): LiveNotice | undefined {
  const after = change.ticket;
  const has = (kind: TicketChange['kinds'][number]) => change.kinds.includes(kind);
  const known = shown?.comments ? new Set(shown.comments.map((c) => c.id)) : undefined;
  const fresh = known ? after.comments.filter((c) => !known.has(c.id)) : has('comment') ? after.comments.slice(-1) : [];
  const notice: LiveNotice = {
    number: after.number,
    reply: fresh.some((c) => c.authorRole === 'agent'),
    status: shown ? (shown.status !== after.status ? after.status : undefined) : has('status') ? after.status : undefined,
    comment: fresh.some((c) => c.authorRole === 'user' && !(me !== undefined && sameEmail(c.author.email, me))),
    files: shown?.attachments ? after.attachments.some((a) => !shown.attachments?.some((s) => s.id === a.id)) : false,
    watchers: shown?.watchers ? shown.watchers.map((w) => w.email).join() !== after.watchers.map((w) => w.email).join() : false,
    created: has('created') && !(me !== undefined && sameEmail(after.requester.email, me)),
  };
  const worth = notice.reply || notice.status !== undefined || notice.comment || notice.files || notice.watchers || notice.created;
  return worth ? notice : undefined;
}

/** The one sentence of a notice, in the active language. Call from `render()`. */
export function liveNoticeText(notice: LiveNotice): string {
  const number = notice.number;
  const label = notice.status === undefined ? '' : statusLabel(notice.status);
  if (notice.reply && notice.status !== undefined) {
    return msg(str`New reply from support on case ${number}. The case is now ${label}.`, {
      id: 'live.reply_state',
      desc: 'Announced to screen readers when a support expert answered and changed the state at once. ${number} is the case number, ${label} the new state name (e.g. Action required).',
    });
  }
  if (notice.reply) {
    return msg(str`New reply from support on case ${number}.`, { id: 'live.reply', desc: 'Announced to screen readers when a support expert answered a case. ${number} is the case number.' });
  }
  if (notice.status !== undefined) {
    return msg(str`Case ${number} is now ${label}.`, {
      id: 'live.state',
      desc: 'Announced to screen readers when support changed the state of a case. ${number} is the case number, ${label} the new state name (e.g. Pending).',
    });
  }
  if (notice.comment) {
    return msg(str`New comment on case ${number}.`, { id: 'live.comment', desc: 'Announced to screen readers when someone else (a watcher, an email reply) commented on a case. ${number} is the case number.' });
  }
  if (notice.files) {
    return msg(str`New files on case ${number}.`, { id: 'live.files', desc: 'Announced to screen readers when files were attached to a case from elsewhere. ${number} is the case number.' });
  }
  if (notice.watchers) {
    return msg(str`The people following case ${number} have changed.`, {
      id: 'live.watchers',
      desc: 'Announced to screen readers when watchers of a case were added or removed from elsewhere. ${number} is the case number.',
    });
  }
  return msg(str`Case ${number} was added to your list.`, { id: 'live.created', desc: 'Announced to screen readers when a case someone else opened appeared in the list. ${number} is the case number.' });
}

/**
 * While the live connection is lost (`LiveController.interrupted`), a visible line in the
 * status region (so it is said once, politely): what is shown may be missing replies until it
 * is back. A span, so that it fits in a paragraph too; it goes when the connection is back.
 */
export function renderInterruption(interrupted: boolean): TemplateResult | typeof nothing {
  if (!interrupted) return nothing;
  return html`<span class="notice live-lost">${msg('Connection lost. New replies show when the connection returns.', {
    id: 'live.interrupted',
    desc: 'Shown above a case or the list of cases while the live connection to support is lost (offline, server unreachable). It goes away by itself once the connection is back.',
  })}</span>`;
}
