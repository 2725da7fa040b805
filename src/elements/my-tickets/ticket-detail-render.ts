/**
 * Render helpers of the case view that depend on data only (no handlers, no state): the
 * facts of a case, one comment, the words of an announcement, a load error. They call
 * `msg()`, so call them from `render()`.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import type { Session } from '../../adapters/backend.js';
import type { LocaleCode, SupportConfig } from '../../core/config.js';
import type { ErrorKind } from '../../core/errors.js';
import { findProduct } from '../../core/flows.js';
import { autoCloseAt } from '../../core/status.js';
import type { Comment, Ticket } from '../../core/ticket.js';
import { formatBytes, formatDate, formatDateTime, formatRelative } from '../../localization/format.js';
import { failureMessage, statusLabel, statusMeaning, type FailureContext, type FailureDetails } from '../shared/messages.js';
import { isSafeHref } from '../shared/safe-url.js';
import { liveNoticeText, renderInterruption } from './live-notice.js';
import type { Announcement } from './ticket-detail.machine.js';

export function time(value: string, locale: LocaleCode): TemplateResult {
  const text = formatDateTime(value, locale);
  return html`<time datetime=${value} title=${text}>${text}</time>`;
}

/**
 * The status region's content: the outcome of the customer's action as a visible notice; a
 * change from elsewhere for screen readers only (the case shows it), a new node each time;
 * and while the live connection is lost (`interrupted`), that it is.
 */
export function renderAnnouncement(announcement: Announcement | undefined, interrupted: boolean): TemplateResult {
  return html`${announcement ? announcementPart(announcement) : nothing}${renderInterruption(interrupted)}`;
}

function announcementPart(announcement: Announcement): TemplateResult {
  if (announcement.kind === 'live') return html`${keyed(announcement.seq, html`<p class="visually-hidden">${liveNoticeText(announcement.notice)}</p>`)}`;
  return html`<p class="notice notice--success">${announcementText(announcement)}</p>`;
}

/** The words of an announcement, in the active language. */
export function announcementText(announcement: Announcement): string {
  switch (announcement.kind) {
    case 'comment-added': {
      if (announcement.status === undefined) {
        return msg('Your comment was added.', { id: 'my-tickets.comment.added', desc: 'Announced after a comment was saved.' });
      }
      const label = statusLabel(announcement.status);
      return msg(str`Your comment was added. The case is now ${label}.`, {
        id: 'my-tickets.comment.added_state',
        desc: 'Announced after a comment was saved and the case changed state. ${label} is the new state name (e.g. Open).',
      });
    }
    case 'attachments-added': {
      const label = statusLabel(announcement.status);
      return msg(str`Files attached. The case is still ${label}.`, {
        id: 'my-tickets.attachments.added',
        desc: 'Announced after files were attached to a case. ${label} is the unchanged state name (e.g. Pending).',
      });
    }
    case 'watcher-added': {
      const email = announcement.email;
      return msg(str`${email} can now follow this case.`, {
        id: 'my-tickets.watcher.added',
        desc: 'Announced after a watcher was added. ${email} is their email address.',
      });
    }
    case 'watcher-removed': {
      const email = announcement.email;
      return msg(str`${email} no longer follows this case.`, {
        id: 'my-tickets.watcher.removed',
        desc: 'Announced after a watcher was removed. ${email} is their email address.',
      });
    }
    case 'callback-requested': {
      const phone = announcement.phone;
      return msg(str`Call requested. A support expert will call you at ${phone}.`, {
        id: 'my-tickets.callback.requested',
        desc: 'Announced after a "Call me" request was sent. ${phone} is the number the customer gave.',
      });
    }
    case 'closed-meanwhile':
      return msg('This case was closed in the meantime, so it can no longer be changed.', {
        id: 'my-tickets.closed_meanwhile',
        desc: 'Announced when the customer tried to change a case that support closed in the meantime.',
      });
    case 'live':
      return liveNoticeText(announcement.notice);
  }
}

/** The case could not be loaded: what went wrong, and Try again (none when signing in is the way on). */
export function renderLoadError(failure: ErrorKind | FailureDetails, retry: (() => void) | undefined, context: FailureContext): TemplateResult {
  return html`<div class="notice notice--error" role="alert">
    <p>${failureMessage(failure, context)}</p>
    ${retry
      ? html`<button type="button" class="secondary" @click=${retry}>
          ${msg('Try again', { id: 'my-tickets.retry', desc: 'Button that retries loading cases or a case after an error.' })}
        </button>`
      : nothing}
  </div>`;
}

/**
 * An action failed (comment, attachments, watchers, Call me): why, what to do, and its own
 * "Try again" (same intent, same key). A session that ended gets the sign-in form instead
 * (`signIn`), since retrying without one fails again.
 */
export function renderActionFailure(
  failure: FailureDetails,
  context: FailureContext,
  retry: () => void,
  signIn: () => TemplateResult | typeof nothing,
): TemplateResult {
  return html`<div class="notice notice--error failure" role="alert" tabindex="-1">
      <p>${failureMessage(failure, context)}</p>
      ${failure.kind === 'unauthorized'
        ? nothing
        : html`<button type="button" class="secondary retry" @click=${retry}>
            ${msg('Try again', { id: 'my-tickets.action.retry', desc: 'Button in the error notice of an action on a case (comment, files, watchers, Call me) that sends the same request again.' })}
          </button>`}
    </div>
    ${failure.kind === 'unauthorized' ? signIn() : nothing}`;
}

export function renderFacts(ticket: Ticket, config: SupportConfig, locale: LocaleCode): TemplateResult {
  const product = findProduct(config, ticket.productId)?.name ?? ticket.productId;
  const closesAt = autoCloseAt(ticket, config.autoCloseDays);
  let meaning = statusMeaning(ticket.status);
  if (closesAt) {
    const date = formatDate(closesAt, locale);
    const relative = formatRelative(closesAt, new Date(), locale);
    meaning = msg(str`A solution was given. The case closes by itself on ${date} (${relative}) unless you reply.`, {
      id: 'my-tickets.pending_meaning_full',
      desc: 'Meaning of the Pending state on a case page. ${date} is the auto-close date (e.g. "3 December 2026"), ${relative} the same as relative time (e.g. "in 2 days").',
    });
  }
  return html`<dl class="facts">
    <div>
      <dt>${msg('State', { id: 'my-tickets.state', desc: 'Label of the state of a case (Open, Pending, ...).' })}</dt>
      <dd><strong part="state" class="state state--${ticket.status}">${statusLabel(ticket.status)}</strong> — <span class="meaning">${meaning}</span></dd>
    </div>
    <div>
      <dt>${msg('Product', { id: 'my-tickets.product', desc: 'Label of the product a case is about.' })}</dt>
      <dd>${product}</dd>
    </div>
    <div>
      <dt>${msg('Opened', { id: 'my-tickets.opened', desc: 'Label of the date a case was opened.' })}</dt>
      <dd>${time(ticket.createdAt, locale)}</dd>
    </div>
    <div>
      <dt>${msg('Last update', { id: 'my-tickets.updated', desc: 'Label of the date a case last changed.' })}</dt>
      <dd>${time(ticket.updatedAt, locale)}</dd>
    </div>
    ${ticket.followUpOf
      ? html`<div>
          <dt>${msg('Follow-up of', { id: 'my-tickets.follow_up_of', desc: 'Label of the number of the closed case this case follows up on.' })}</dt>
          <dd>${ticket.followUpOf}</dd>
        </div>`
      : nothing}
  </dl>`;
}


/** Each comment's date as shown, for the language it was last shown in (comments never change). */
const commentDates = new WeakMap<Comment, { readonly locale: LocaleCode; readonly text: string }>();

/**
 * `comment`'s date and time, formatted once per language rather than on every pass: each pass
 * of the case view (a keystroke in the comment field, a live change) renders all 50 comments,
 * and formatting their dates was the largest cost of a comment in the template (issue 15).
 */
function commentDate(comment: Comment, locale: LocaleCode): string {
  const known = commentDates.get(comment);
  if (known?.locale === locale) return known.text;
  const text = formatDateTime(comment.createdAt, locale);
  commentDates.set(comment, { locale, text });
  return text;
}

export function renderComment(comment: Comment, myEmail: string | undefined, locale: LocaleCode): TemplateResult {
  const mine = comment.authorRole === 'user' && comment.author.email === myEmail;
  const role =
    comment.authorRole === 'agent'
      ? msg('Support expert', { id: 'my-tickets.role.agent', desc: 'Role shown next to the name of a support expert who commented.' })
      : mine
        ? msg('You', { id: 'my-tickets.role.you', desc: 'Role shown next to the customer\'s own comments.' })
        : msg('Customer', { id: 'my-tickets.role.customer', desc: 'Role shown next to comments of another customer (e.g. a watcher).' });
  // One template per comment (the <time> inline, formatted once): a conversation renders 50.
  // No `title` on it: it would repeat the date it shows in full.
  const at = commentDate(comment, locale);
  return html`<li class=${comment.authorRole}>
    <div class="comment__meta">
      <span class="comment__author">${comment.author.name}</span>
      <span>${role}</span>
      <time datetime=${comment.createdAt}>${at}</time>
      ${comment.via === 'email' ? html`<span>${msg('By email', { id: 'my-tickets.via_email', desc: 'Shown on a comment that came as an email reply.' })}</span>` : nothing}
    </div>
    <p class="text">${comment.body}</p>
  </li>`;
}


/** The files of a case, each a download link when its address is safe. */
export function renderAttachmentList(ticket: Ticket, locale: LocaleCode): TemplateResult {
  return ticket.attachments.length > 0
    ? html`<ul class="plain-list attachments">
        ${ticket.attachments.map(
          (a) => html`<li>
            ${isSafeHref(a.url) ? html`<a href=${a.url} download=${a.name}>${a.name}</a>` : html`<span>${a.name}</span>`}
            <span class="muted">${formatBytes(a.size, locale)}</span>
          </li>`,
        )}
      </ul>`
    : html`<p class="muted">${msg('No files are attached to this case.', { id: 'my-tickets.attachments.none', desc: 'Shown when a case has no attachments.' })}</p>`;
}

/** The "Call me" requests already sent. */
export function renderCallbackList(ticket: Ticket, locale: LocaleCode): TemplateResult | typeof nothing {
  if (ticket.callbacks.length === 0) return nothing;
  return html`<ul class="plain-list callbacks">
    ${ticket.callbacks.map((c) => {
      const at = formatDateTime(c.requestedAt, locale);
      const phone = c.phone;
      return html`<li>
        ${msg(str`Call requested on ${at} at ${phone}`, {
          id: 'my-tickets.callback.item',
          desc: 'One "Call me" request already sent. ${at} is its date and time, ${phone} the number to call.',
        })}
      </li>`;
    })}
  </ul>`;
}

/** The notice of a closed case, with "Open a follow-up case" unless its form is open. */
export function renderClosedNotice(ticket: Ticket, offerFollowUp: boolean, onFollowUp: () => void): TemplateResult {
  const number = ticket.number;
return html`<div part="closed-notice" class="notice closed-notice">
      <p>
        ${msg('This case is closed: no one can change it any more. You received an email saying so.', {
          id: 'my-tickets.closed.notice',
          desc: 'Notice on a closed case.',
        })}
      </p>
      <p>
        ${msg(str`If the problem persists, open a new case and add this case's number, ${number}, as a comment.`, {
          id: 'my-tickets.closed.persists',
          desc: 'Notice on a closed case. ${number} is the closed case number.',
        })}
      </p>
      ${offerFollowUp
        ? html`<button type="button" class="follow-up" @click=${onFollowUp}>
            ${followUpLabel()}
          </button>`
        : nothing}
    </div>`;
}

export interface WatcherRow {
  readonly email: string;
  readonly closed: boolean;
  /** Whether the backend lets a watcher be removed (`capabilities.removeWatcher`). */
  readonly removable: boolean;
  /** Whether its removal is being confirmed, and being sent. */
  readonly confirming: boolean;
  readonly removing: boolean;
  readonly onAsk: () => void;
  readonly onRemove: () => void;
  readonly onCancel: () => void;
}

/** Escape backs out of the inline confirmation (focus returns to "Remove"), unless it is being sent. */
function cancelOnEscape(event: KeyboardEvent, row: WatcherRow): void {
  if (event.key !== 'Escape' || row.removing) return;
  event.preventDefault();
  event.stopPropagation();
  row.onCancel();
}

/** One watcher, with "Remove" and its confirmation. */
export function renderWatcher(row: WatcherRow): TemplateResult {
  const email = row.email;
  return html`<li>
    <span>${email}</span>
    ${row.closed || row.confirming || !row.removable
      ? nothing
      : // The name is the visible word, then whom (hidden): it starts with what a voice-control user says (WCAG 2.5.3).
        html`<button type="button" class="link" data-email=${email} @click=${row.onAsk}>
          ${msg('Remove', { id: 'my-tickets.watcher.remove', desc: 'Visible text of the button removing a watcher; screen readers hear it followed by the watcher\'s email address.' })}<span
            class="visually-hidden"
          >
            ${email}</span
          >
        </button>`}
    ${row.confirming && !row.closed
      ? html`<div class="confirm" role="group" aria-labelledby="confirm-text" aria-busy=${row.removing ? 'true' : 'false'} @keydown=${(event: KeyboardEvent) => cancelOnEscape(event, row)}>
          <p id="confirm-text">
            ${msg(str`Remove ${email} from the watchers of this case?`, { id: 'my-tickets.watcher.confirm', desc: 'Confirmation before removing a watcher. ${email} is their email address.' })}
          </p>
          <div class="actions">
            <button type="button" aria-disabled=${row.removing ? 'true' : 'false'} @click=${row.onRemove}>
              ${msg('Yes, remove', { id: 'my-tickets.watcher.confirm_yes', desc: 'Confirms removing a watcher.' })}
            </button>
            <button type="button" class="secondary" @click=${row.onCancel}>
              ${msg('Cancel', { id: 'my-tickets.watcher.confirm_no', desc: 'Cancels removing a watcher.' })}
            </button>
          </div>
        </div>`
      : nothing}
  </li>`;
}

/**
 * The button on a closed case, and the heading that takes its place over the form it opens
 * (the form's own notice names the closed case: the heading does not say it twice).
 */
const followUpLabel = (): string =>
  msg('Open a follow-up case', { id: 'my-tickets.follow_up', desc: 'Button on a closed case that starts a new case referring to it; once pressed, the heading above that new-case form.' });

/** The new-case form of a follow-up, under its heading (focused when it opens). */
export function renderFollowUp(
  ticket: Ticket,
  locale: string | undefined,
  session: Session | undefined,
  text?: string,
  onCreated?: () => void,
): TemplateResult {
  const number = ticket.number;
  return html`<section aria-labelledby="follow-up-title">
    <h3 id="follow-up-title" tabindex="-1">
      ${followUpLabel()}
    </h3>
    <ticket-form
      follow-up-of=${number}
      area=${ticket.areaId}
      locale=${ifDefined(locale)}
      .session=${session}
      .followUpText=${text}
      @ticket-created=${() => onCreated?.()}
    ></ticket-form>
  </section>`;
}

/** A case the customer talks about by email: the guidance, and the comment form in a disclosure. */
export function renderEmailCommentArea(form: TemplateResult, open: boolean, onToggle: (open: boolean) => void): TemplateResult {
  return html`<div class="notice">
      <p>
        ${msg('You chose email to talk to support about this case: reply to the first email you received from support, or to the latest email from a support expert.', {
          id: 'my-tickets.email_guidance',
          desc: 'Shown on a case whose preferred contact method is email, above the optional comment field.',
        })}
      </p>
    </div>
    <details ?open=${open} @toggle=${(e: Event) => onToggle((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>${msg('Add a comment here instead', { id: 'my-tickets.comment.disclosure', desc: 'Disclosure that reveals the comment field on a case whose contact method is email.' })}</summary>
      ${form}
    </details>`;
}
