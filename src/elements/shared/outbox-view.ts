/**
 * What the outbox looks like where a send waits: "Waiting to send (saved 14:02)" with the text
 * and Cancel; for an item older than the server remembers keys for, the question (send anyway
 * / discard); for one the backend refused, that it was not sent and Remove. And the polite
 * announcement once an item got through. The same in the case view, the case form and the
 * can't-sign-in form; the host says what Cancel does with the text.
 */
import { msg, str } from '@lit/localize';
import { css, html, nothing } from 'lit';
import type { LocaleCode } from '../../core/config.js';
import type { OutboxController } from '../../controllers/outbox-controller.js';
import type { OutboxItem, OutboxPayload } from '../../controllers/outbox.js';
import { formatSavedAt } from '../../localization/format.js';
import { errorKindMessage } from './messages.js';

export interface OutboxViewOptions {
  readonly locale: LocaleCode;
  readonly now?: Date;
  /** The item was cancelled: its text goes back to the form. */
  readonly onCancel: (payload: OutboxPayload) => void;
  /**
   * A "Send now" on waiting items, where the form let go of the text and so shows no "Try
   * again" of its own (the case view's comments): the outbox's next try without waiting out
   * its backoff (up to 5 minutes).
   */
  readonly sendNow?: boolean;
}

/** The words the user wrote, to recognise the item: plain text, never HTML. */
function itemText(payload: OutboxPayload): string {
  switch (payload.kind) {
    case 'comment':
      return payload.body;
    case 'case':
      return payload.ticket.subject;
    case 'sign-in-help':
      return payload.request.description;
  }
}

function sentText(item: OutboxItem): string {
  switch (item.payload.kind) {
    case 'comment':
      return msg('Your comment was sent.', { id: 'outbox.sent.comment', desc: 'Announced (politely) when a comment that waited for the connection has been sent.' });
    case 'case':
      return msg('Your case was sent.', { id: 'outbox.sent.case', desc: 'Announced (politely) when a new support case that waited for the connection has been sent.' });
    case 'sign-in-help':
      return msg('Your sign-in help request was sent.', { id: 'outbox.sent.sign_in_help', desc: 'Announced (politely) when a can\'t-sign-in request that waited for the connection has been sent.' });
  }
}

/** "Waiting to send (saved 14:02)": the waiting item's state, and what is announced as it appears. */
function waitingText(saved: string): string {
  return msg(str`Waiting to send (saved ${saved})`, { id: 'outbox.waiting', desc: 'Shown for a message typed while offline. ${saved} is the time (or date and time) it was saved.' });
}

function waitingHint(): string {
  return msg('It is sent by itself when the connection returns.', { id: 'outbox.waiting.hint', desc: 'Under "Waiting to send": nothing to do, the message is sent when the device is online again.' });
}

function renderState(item: OutboxItem, saved: string) {
  if (item.state === 'ask') {
    return html`<p class="outbox-state">
      ${msg(str`Saved ${saved} and still not sent. After this long support may not recognise it as already sent, so sending it could make a duplicate. Send it anyway?`, {
        id: 'outbox.ask',
        desc: 'Shown for a message that waited for the connection for more than 3 days. ${saved} is the date and time it was saved.',
      })}
    </p>`;
  }
  if (item.state === 'refused') {
    return html`<p class="outbox-state">
      ${msg(str`Saved ${saved}, not sent: support refused it.`, { id: 'outbox.refused', desc: 'Shown for a waiting message that support refused when it was finally sent. ${saved} is the time it was saved. The reason follows.' })}
      ${item.refusal ? errorKindMessage(item.refusal) : nothing}
    </p>`;
  }
  return html`<p class="outbox-state">
    ${waitingText(saved)}
    <span class="hint">${waitingHint()}</span>
  </p>`;
}

function renderItem(outbox: OutboxController, item: OutboxItem, o: OutboxViewOptions) {
  const saved = formatSavedAt(new Date(item.savedAt), o.now ?? new Date(), o.locale);
  const cancel = () => void outbox.cancel(item).then(o.onCancel);
  const textId = `outbox-text-${item.idempotencyKey}`;
  return html`<li class="outbox-item" data-state=${item.state}>
    ${renderState(item, saved)}
    <p class="text outbox-text" id=${textId}>${itemText(item.payload)}</p>
    <div class="actions">
      ${o.sendNow && item.state === 'waiting'
        ? html`<button type="button" class="secondary send-now" aria-describedby=${textId} @click=${() => outbox.sendNow()}>
            ${msg('Send now', { id: 'outbox.send_now', desc: 'Button next to a message waiting for the connection: try to send it now instead of waiting for the next automatic try.' })}
          </button>`
        : nothing}
      ${item.state === 'ask'
        ? html`<button type="button" class="send-anyway" aria-describedby=${textId} @click=${() => outbox.sendAnyway(item)}>
            ${msg('Send anyway', { id: 'outbox.send_anyway', desc: 'Button: send an old waiting message even though it might make a duplicate.' })}
          </button>`
        : nothing}
      <button type="button" class="link cancel" aria-describedby=${textId} @click=${cancel}>
        ${item.state === 'waiting' || item.state === 'approved'
          ? msg('Cancel', { id: 'outbox.cancel', desc: 'Button next to a waiting message: do not send it; its text goes back to the form.' })
          : msg('Discard', { id: 'outbox.discard', desc: 'Button next to an old or refused waiting message: do not send it; its text goes back to the form.' })}
      </button>
    </div>
  </li>`;
}

/**
 * The host's waiting items and the announcement region (always in the page, so it is heard):
 * an item that got through, visibly; a send that just went to the outbox, for screen readers,
 * in the words its waiting item shows.
 */
export function renderOutbox(outbox: OutboxController, o: OutboxViewOptions) {
  const sent = outbox.lastSent;
  const queued = outbox.lastQueued;
  return html`<div class="outbox-announce" role="status">${sent
      ? html`<p class="notice notice--success">${sentText(sent)}</p>`
      : queued !== undefined
        ? html`<p class="visually-hidden">${waitingText(formatSavedAt(new Date(queued), o.now ?? new Date(), o.locale))} ${waitingHint()}</p>`
        : nothing}</div>
    ${outbox.items.length > 0 ? html`<ul class="outbox" part="outbox">${outbox.items.map((item) => renderItem(outbox, item, o))}</ul>` : nothing}`;
}

export const outboxStyles = css`
  .outbox {
    list-style: none;
    margin: 0;
    margin-block-end: calc(var(--_space) * 0.75);
    padding: 0;
  }
  .outbox-item {
    border: 1px dashed var(--_color-border);
    border-radius: var(--_radius);
    padding-block: calc(var(--_space) * 0.5);
    padding-inline: calc(var(--_space) * 0.75);
    margin-block-end: calc(var(--_space) * 0.5);
  }
  .outbox-state {
    margin: 0;
    font-weight: 600;
  }
  .outbox-state .hint {
    display: block;
    font-weight: 400;
  }
  .outbox-text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
`;
