/**
 * The conversation of a case, paged: the latest `COMMENT_PAGE` comments first, and "Show
 * earlier comments" above them for the rest (a case with 10,000 comments renders 50 of them),
 * plus the comment that could not be sent because support closed the case meanwhile. They call
 * `msg()`, so call them from `render()`.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { LocaleCode } from '../../core/config.js';
import type { Comment } from '../../core/ticket.js';
import { plural } from '../../localization/format.js';
import { renderComment } from './ticket-detail-render.js';

/** How many comments a case shows at first, and how many more each "Show earlier comments" adds. */
export const COMMENT_PAGE = 50;

export interface ConversationView {
  readonly comments: readonly Comment[];
  /** How many of the latest comments are shown. */
  readonly shown: number;
  /** How many the last "Show earlier comments" added (0: none yet); announced. */
  readonly added: number;
  readonly myEmail: string | undefined;
  readonly locale: LocaleCode;
  readonly onEarlier: () => void;
}

/** The "Conversation" section: the case's description, its comments, then `after` (the comment form, or the comment left unsent). */
export function renderConversationSection(description: string, v: ConversationView, after: TemplateResult | typeof nothing): TemplateResult {
  return html`<section aria-labelledby="conversation-title">
    <h3 id="conversation-title">${msg('Conversation', { id: 'my-tickets.conversation', desc: 'Heading of the comments of a case, oldest first.' })}</h3>
    <p class="text description">${description}</p>
    ${renderConversation(v)} ${after}
  </section>`;
}

export function renderConversation(v: ConversationView): TemplateResult | typeof nothing {
  const total = v.comments.length;
  if (total === 0) return nothing;
  const hidden = Math.max(0, total - v.shown);
  const visible = hidden > 0 ? v.comments.slice(hidden) : v.comments;
  return html`${hidden > 0
      ? html`<button type="button" class="link earlier" @click=${v.onEarlier}>
          ${msg(str`Show earlier comments (${hidden} more)`, {
            id: 'my-tickets.comments.earlier',
            desc: 'Button above the latest comments of a long conversation. ${hidden} is how many earlier comments are not shown yet.',
          })}
        </button>`
      : nothing}
    <p class="visually-hidden earlier-status" role="status">${v.added > 0 ? addedText(v.added, v.locale) : nothing}</p>
    <ol class="conversation" part="conversation">
      ${repeat(visible, (c) => c.id, (c) => renderComment(c, v.myEmail, v.locale))}
    </ol>`;
}

function addedText(count: number, locale: LocaleCode): string {
  return plural(count, locale, {
    one: () => msg(str`${count} earlier comment shown.`, { id: 'my-tickets.comments.added.one', desc: 'Announced after "Show earlier comments" (1 comment). ${count} is the number added.' }),
    other: () => msg(str`${count} earlier comments shown.`, { id: 'my-tickets.comments.added.other', desc: 'Announced after "Show earlier comments". ${count} is the number of comments added above.' }),
  });
}

export interface UnsentView {
  readonly text: string;
  /** Whether "Copy" just put the text on the clipboard (announced). */
  readonly copied: boolean;
  readonly onCopy: () => void;
  /** Absent while the follow-up form is open. */
  readonly onFollowUp: (() => void) | undefined;
}

/** A comment typed while support closed the case: kept on screen, read-only, never sent. */
export function renderUnsent(v: UnsentView): TemplateResult {
  return html`<div class="notice unsent" part="unsent-comment">
    <p>
      ${msg('Your comment was not sent: the case was closed before it arrived. Here it is, so you can keep it.', {
        id: 'my-tickets.unsent.notice',
        desc: 'Above the comment a customer typed on a case that support closed meanwhile.',
      })}
    </p>
    <textarea class="unsent-text" readonly rows="4" aria-label=${msg('Your comment that was not sent', { id: 'my-tickets.unsent.label', desc: 'Accessible name of the read-only copy of the comment that could not be sent.' })} .value=${v.text}></textarea>
    <div class="actions">
      <button type="button" class="secondary copy" @click=${v.onCopy}>${msg('Copy', { id: 'my-tickets.unsent.copy', desc: 'Button that copies the unsent comment to the clipboard.' })}</button>
      ${v.onFollowUp
        ? html`<button type="button" class="follow-up-with-text" @click=${v.onFollowUp}>
            ${msg('Open a follow-up case with this text', { id: 'my-tickets.unsent.follow_up', desc: 'Button that opens a new case referring to the closed one, with the unsent comment as its description.' })}
          </button>`
        : nothing}
    </div>
    <p role="status" class="copied">${v.copied ? msg('Copied.', { id: 'my-tickets.unsent.copied', desc: 'Announced after the unsent comment was copied to the clipboard.' }) : nothing}</p>
  </div>`;
}

/** Puts `text` on the clipboard; when refused (permissions, insecure page) selects it in `fallback` for Ctrl+C. */
export async function copyText(text: string, fallback: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    fallback?.select();
    return false;
  }
}
