import { msg, str } from '@lit/localize';
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Session } from '../../adapters/backend.js';
import { CommentDraftStore } from '../../controllers/ticket-detail-comment-draft.js';
import { sharedStore, userScope } from '../../controllers/file-store.js';
import { localKeyStore, UploadController } from '../../controllers/upload-controller.js';
import { renderRejected, renderUploadList, renderUploadPicker, uploadStyles } from '../shared/upload-list.js';
import type { SupportError } from '../../core/errors.js';
import { isSupportError } from '../../core/errors.js';
import { canRequestCallbackFor } from '../../core/flows.js';
import { isReadOnly } from '../../core/status.js';
import type { Ticket } from '../../core/ticket.js';
import { FollowUpRequestedEvent, type SessionChangedEvent } from '../../events/events.js';
import { errorSummary, textField } from '../shared/forms.js';
import { errorKindMessage } from '../shared/messages.js';
import { SupportElement } from '../shared/support-element.js';
import { createCaseActions, type CaseForm } from './ticket-detail-actions.js';
import { confirmingRemoval, detailTransition, initialView, type DetailEvent, type DetailField, type DetailView } from './ticket-detail.machine.js';
import {
  announcementText,
  renderAttachmentList,
  renderCallbackList,
  renderComment,
  renderEmailCommentArea,
  renderFacts,
  renderFollowUp,
  renderClosedNotice,
  renderLoadError,
  renderWatcher,
} from './ticket-detail-render.js';
import { ticketDetailStyles } from './ticket-detail.styles.js';

/** Event `<support-ticket-detail>` fires (not bubbling) when "Back to my tickets" is chosen. */
export const BACK_EVENT = 'ticket-detail-back';

/**
 * @summary One support case of `<my-tickets>`: header with its state, conversation, comment field,
 * attachments, watchers, "Call me", and the follow-up of a closed case.
 *
 * Used inside `<my-tickets>`; it can also stand alone with `number` set.
 *
 * @fires comment-added - The customer's comment was saved; `event.ticket`, `event.comment`.
 * @fires attachments-added - Files were attached; `event.ticket`.
 * @fires watchers-changed - A watcher was added or removed; `event.ticket`.
 * @fires callback-requested - A "Call me" request was sent; `event.ticket`, `event.phone`.
 * @fires follow-up-requested - "Open a follow-up case" on a closed case (cancelable; by default
 *   `<ticket-form follow-up-of>` opens inline); `event.ticketNumber`, `event.areaId`.
 * @fires ticket-detail-back - "Back to my tickets" was chosen (does not bubble).
 * @csspart heading - The case's heading.
 * @csspart conversation - The list of comments.
 * @csspart state - The case's state name.
 * @csspart comment-form - The form that adds a comment.
 * @csspart closed-notice - The notice of a closed case.
 * @cssprop [--se-color-surface-alt=#f4f4f6] - Background of support experts' comments.
 */
export class SupportTicketDetail extends SupportElement {
  static override styles = [...SupportElement.styles, uploadStyles, ticketDetailStyles];

  /** Number of the case shown. */
  @property() number = '';

  /** Whether to show "Back to my tickets" (inside `<my-tickets>`). */
  @property({ type: Boolean, attribute: 'show-back' }) showBack = false;

  @state() private ticket: Ticket | undefined;
  @state() private who: Session | null = null;
  @state() private view: DetailView = initialView;
  private switching = false;

  private readonly draft = new CommentDraftStore(
    this,
    () => {
      const email = this.who?.user.email;
      return email && this.number ? `my-tickets:comment:${email}:${this.number}` : undefined;
    },
    () => this.view.fields.comment,
  );

  private readonly uploads = new UploadController(this, {
    backend: () => this.api,
    limits: () => this.config.attachments,
    locale: () => this.resolvedLocale,
    alreadyAttached: () => this.ticket?.attachments.length ?? 0,
    store: sharedStore(),
    scope: () => this.storageScope('uploads'),
  });

  private readonly actions = createCaseActions(this, {
    backend: () => this.api,
    config: () => this.config,
    number: () => this.number,
    locale: () => this.resolvedLocale,
    changed: (ticket) => (this.ticket = ticket),
    send: (event) => this.send(event),
    dispatch: (event) => this.dispatchEvent(event),
    commentKey: this.draft.keyStore,
    attachKey: localKeyStore(() => (this.switching ? undefined : this.storageScope('my-tickets:attach'))),
    closedMeanwhile: (error) => this.closedMeanwhile(error),
    find: (selector) => this.renderRoot.querySelector<HTMLElement>(selector),
  });

  private readonly load = new Task(this, {
    args: () => [this.number, this.api, this.session] as const,
    task: async ([number, api, session], { signal }) => {
      if (!number) return initialState;
      const options = { signal, locale: this.resolvedLocale };
      const [ticket, who] = await Promise.all([
        api.getTicket(number, options),
        session === undefined ? api.getSession(options) : Promise.resolve(session),
      ]);
      this.who = who;
      this.ticket = ticket;
      this.send({ type: 'draft-restored', comment: this.draft.loadBody() });
      return ticket;
    },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('number') && changed.get('number') !== undefined) {
      // The keys kept for either case stay in storage for when the customer comes back.
      this.switching = true;
      this.draft.withoutStorage(() => this.actions.clearAll());
      this.switching = false;
      this.ticket = undefined;
      this.send({ type: 'case-changed' });
    }
  }

  /** `<what>:<user>:case:<number>:`, once both are known; the user as a hash, never the address. */
  private storageScope(what: string): string | undefined {
    const email = this.who?.user.email;
    return email && this.number ? `${what}:${userScope(email)}:case:${this.number}:` : undefined;
  }

  /** Settles when the case is shown (or failed to load). */
  get loaded(): Promise<unknown> {
    return this.load.taskComplete.catch(() => undefined);
  }

  /** Moves focus to the case's heading (it exists from the first render, while loading). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private send(event: DetailEvent): void {
    this.view = detailTransition(this.view, event);
    // What the view forgets once the backend confirmed, its stores forget too.
    if (event.type === 'comment-added') this.draft.clear();
    if (event.type === 'attachments-added') this.uploads.clear();
  }

  private onInput(field: DetailField, value: string): void {
    this.send({ type: 'input', field, value });
    if (field === 'comment') this.draft.saveBody(value);
  }

  /** Starts one action: the feedback of every other form goes away. */
  private start(): boolean {
    if (this.actions.busy) return false;
    this.actions.resetAll();
    this.send({ type: 'action-started' });
    return true;
  }

  private sendComment(event: Event): void {
    event.preventDefault();
    if (!this.start()) return;
    void this.actions.comment.run({ body: this.view.fields.comment, before: this.ticket?.status });
  }

  private attach(): void {
    if (!this.start()) return;
    const tokens = this.uploads.tokens;
    if (tokens.length === 0 || this.uploads.busy) return;
    void this.actions.attachments.run({ tokens });
  }

  private addWatcher(event: Event): void {
    event.preventDefault();
    if (!this.start()) return;
    void this.actions.addWatcher.run({ email: this.view.fields.watcher });
  }

  private async askRemove(email: string): Promise<void> {
    this.actions.resetAll();
    this.send({ type: 'remove-asked', email });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.confirm button')?.focus();
  }

  private async cancelRemove(email: string): Promise<void> {
    this.send({ type: 'remove-cancelled' });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`button[data-email="${CSS.escape(email)}"]`)?.focus();
  }

  private removeWatcher(email: string): void {
    if (!this.start()) return;
    void this.actions.removeWatcher.run({ email });
  }

  private requestCallback(event: Event): void {
    event.preventDefault();
    if (!this.start()) return;
    void this.actions.callback.run({ phone: this.view.fields.phone });
  }

  /** A change refused because support closed the case meanwhile: show it closed, say so. */
  private async closedMeanwhile(error: SupportError): Promise<boolean> {
    if (error.kind !== 'conflict' || error.conflict !== 'closed') return false;
    const number = this.number;
    try {
      const ticket = await this.api.getTicket(number, { locale: this.resolvedLocale });
      if (this.number !== number) return true;
      this.ticket = ticket;
    } catch {
      // The case stays as shown; the conflict message says to reload it.
    }
    if (!this.ticket || !isReadOnly(this.ticket.status)) return false;
    this.send({ type: 'closed-meanwhile' });
    await this.updateComplete;
    this.focusHeading();
    return true;
  }

  private async openFollowUp(ticket: Ticket): Promise<void> {
    const request = new FollowUpRequestedEvent(ticket.number, ticket.areaId);
    this.dispatchEvent(request);
    if (request.defaultPrevented) return;
    this.send({ type: 'follow-up-opened' });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#follow-up-title')?.focus();
  }

  private back(): void {
    this.dispatchEvent(new Event(BACK_EVENT));
  }

  private callbackAllowed(ticket: Ticket): boolean {
    return canRequestCallbackFor(this.config, ticket, this.who?.accounts ?? [], this.resolvedLocale);
  }

  private failureOf(form: CaseForm): TemplateResult | typeof nothing {
    const kind = this.actions.of(form).find((action) => action.failureKind)?.failureKind;
    if (!kind) return nothing;
    return html`<div class="notice notice--error failure" role="alert" tabindex="-1">
        <p>${errorKindMessage(kind)}</p>
      </div>
      ${kind === 'unauthorized'
        ? html`<support-sign-in realm=${this.who?.realm ?? 'product'} locale=${this.resolvedLocale} @session-changed=${this.onSignedInAgain}></support-sign-in>`
        : nothing}`;
  }

  /** After a session expired mid-action: what was typed is still there; the user sends again. */
  private onSignedInAgain(event: SessionChangedEvent): void {
    this.who = event.session;
    this.actions.resetAll();
  }

  override render() {
    const number = this.number;
    const ticket = this.ticket;
    const announcement = this.view.announcement;
    return html`
      ${this.showBack
        ? html`<button type="button" class="link back" @click=${this.back}>
            ${msg('Back to my tickets', { id: 'my-tickets.back', desc: 'Button above a case that returns to the list of cases ("Mes tickets").' })}
          </button>`
        : nothing}
      <h2 part="heading" tabindex="-1">
        <span class="case-number">${msg(str`Case ${number}`, { id: 'my-tickets.case_number', desc: 'Above the subject in the heading of one case. ${number} is the case number.' })}</span>
        ${ticket ? ticket.subject : nothing}
      </h2>
      <div class="announce" role="status">${announcement ? html`<p class="notice notice--success">${announcementText(announcement)}</p>` : nothing}</div>
      ${ticket ? this.renderCase(ticket) : this.renderLoadState()}
    `;
  }

  private renderLoadState() {
    if (this.load.status === TaskStatus.ERROR) {
      const error = this.load.error;
      return renderLoadError(isSupportError(error) ? error.kind : 'server', () => void this.load.run());
    }
    return html`<p role="status">${msg('Loading the case…', { id: 'my-tickets.case_loading', desc: 'Shown while one case is loading.' })}</p>`;
  }

  private renderCase(ticket: Ticket) {
    const closed = isReadOnly(ticket.status);
    const locale = this.resolvedLocale;
    return html`
      ${renderFacts(ticket, this.config, locale)}
      ${closed ? this.renderClosed(ticket) : nothing}
      <section aria-labelledby="conversation-title">
        <h3 id="conversation-title">${msg('Conversation', { id: 'my-tickets.conversation', desc: 'Heading of the comments of a case, oldest first.' })}</h3>
        <p class="text description">${ticket.description}</p>
        ${ticket.comments.length > 0
          ? html`<ol class="conversation" part="conversation">${ticket.comments.map((c) => renderComment(c, this.who?.user.email, locale))}</ol>`
          : nothing}
        ${closed ? nothing : this.renderCommentArea(ticket)}
      </section>
      ${this.renderAttachments(ticket, closed)} ${this.renderWatchers(ticket, closed)}
      ${!closed && this.callbackAllowed(ticket) ? this.renderCallback(ticket) : nothing}
    `;
  }

  private renderClosed(ticket: Ticket) {
    const following = this.view.panel.kind === 'follow-up';
    return html`${renderClosedNotice(ticket, !following, () => void this.openFollowUp(ticket))}
    ${following ? renderFollowUp(ticket, this.locale, this.session ?? this.who ?? undefined) : nothing}`;
  }

  private renderCommentArea(ticket: Ticket) {
    const form = this.renderCommentForm(ticket);
    if (ticket.contactMethod === 'portal') return form;
    return renderEmailCommentArea(form, this.view.commentOpen, (open) => this.send({ type: 'comment-toggled', open }));
  }

  private renderCommentForm(ticket: Ticket) {
    const shown = this.actions.errorsOf('comment', this.config);
    const reopens = ticket.status === 'pending' || ticket.status === 'action_required';
    return html`<form part="comment-form" class="comment-form" novalidate aria-busy=${this.actions.comment.busy ? 'true' : 'false'} @submit=${this.sendComment}>
      ${errorSummary(shown, this.renderRoot)}
      ${textField({
        id: 'comment',
        label: msg('Comments', { id: 'my-tickets.comment.label', desc: 'Label of the field where the customer writes a comment on a case. Seed French: "Commentaires".' }),
        hint: reopens
          ? msg('Adding a comment sets the case back to Open.', { id: 'my-tickets.comment.hint_reopens', desc: 'Hint under the comment field of a Pending or Action required case.' })
          : undefined,
        value: this.view.fields.comment,
        multiline: true,
        required: true,
        maxlength: this.config.maxLengths.comment,
        error: shown[0]?.message,
        onInput: (value) => this.onInput('comment', value),
      })}
      ${this.failureOf('comment')}
      <div class="actions">
        <button type="submit" aria-disabled=${this.actions.comment.busy ? 'true' : 'false'}>
          ${msg('Add comment', { id: 'my-tickets.comment.submit', desc: 'Button that sends the comment on a case.' })}
        </button>
      </div>
    </form>`;
  }

  private renderAttachments(ticket: Ticket, closed: boolean) {
    const locale = this.resolvedLocale;
    return html`<section aria-labelledby="attachments-title">
      <h3 id="attachments-title">${msg('Attachments', { id: 'my-tickets.attachments', desc: 'Heading of the files attached to a case.' })}</h3>
      ${renderAttachmentList(ticket, locale)}
      ${closed
        ? nothing
        : html`<p class="hint">
              ${msg('Adding attachments does not change the state of the case.', { id: 'my-tickets.attachments.hint', desc: 'Hint above the control that adds files to a case.' })}
            </p>
            ${this.renderAddAttachments()}`}
    </section>`;
  }

  private renderAddAttachments() {
    const locale = this.resolvedLocale;
    const limits = this.config.attachments;
    const rejected = this.uploads.rejected;
    const ready = this.uploads.tokens.length;
    return html`<div class="add-attachments" aria-busy=${this.actions.attachments.busy ? 'true' : 'false'}>
      ${renderRejected(rejected, limits, locale, 'attachments-error')}
      ${renderUploadPicker(this.uploads, { id: 'attachments', describedBy: rejected.length > 0 ? 'attachments-error' : undefined }, limits)}
      ${renderUploadList(this.uploads, locale)}
      ${this.failureOf('attachments')}
      ${ready > 0
        ? html`<div class="actions">
            <button
              type="button"
              class="attach"
              aria-disabled=${this.uploads.busy || this.actions.attachments.busy ? 'true' : 'false'}
              @click=${() => this.attach()}
            >
              ${msg('Attach to the case', { id: 'my-tickets.attachments.submit', desc: 'Button that attaches the uploaded files to the case.' })}
            </button>
          </div>`
        : nothing}
    </div>`;
  }

  private renderWatchers(ticket: Ticket, closed: boolean) {
    const shown = this.actions.errorsOf('watcher', this.config);
    const confirming = confirmingRemoval(this.view);
    return html`<section aria-labelledby="watchers-title">
      <h3 id="watchers-title" tabindex="-1">${msg('Manage watchers', { id: 'my-tickets.watchers', desc: 'Heading of the people who can follow a case. Seed French: "Gérer les observateurs".' })}</h3>
      <p class="hint">
        ${msg('Watchers can follow the progress of this case in the support portal. Adding or removing them does not change the state of the case.', {
          id: 'my-tickets.watchers.hint',
          desc: 'Explanation under "Manage watchers".',
        })}
      </p>
      ${ticket.watchers.length > 0
        ? html`<ul class="plain-list watchers">
            ${ticket.watchers.map(({ email }) =>
              renderWatcher({
                email,
                closed,
                confirming: confirming === email,
                removing: this.actions.removeWatcher.busy,
                onAsk: () => void this.askRemove(email),
                onRemove: () => this.removeWatcher(email),
                onCancel: () => void this.cancelRemove(email),
              }),
            )}
          </ul>`
        : html`<p class="muted">${msg('No one else follows this case.', { id: 'my-tickets.watchers.none', desc: 'Shown when a case has no watchers.' })}</p>`}
      ${closed
        ? nothing
        : html`<form class="watcher-form" novalidate aria-busy=${this.actions.addWatcher.busy ? 'true' : 'false'} @submit=${this.addWatcher}>
            ${errorSummary(shown, this.renderRoot)}
            ${textField({
              id: 'watcher-email',
              label: msg('Email address of the person to add', { id: 'my-tickets.watcher.label', desc: 'Label of the field to add a watcher to a case.' }),
              type: 'email',
              autocomplete: 'off',
              value: this.view.fields.watcher,
              error: shown[0]?.message,
              onInput: (value) => this.onInput('watcher', value),
            })}
            ${this.failureOf('watcher')}
            <div class="actions">
              <button type="submit" class="secondary" aria-disabled=${this.actions.addWatcher.busy ? 'true' : 'false'}>
                ${msg('Add watcher', { id: 'my-tickets.watcher.add', desc: 'Button that adds the typed email address as a watcher of the case.' })}
              </button>
            </div>
          </form>`}
    </section>`;
  }

  private renderCallback(ticket: Ticket) {
    const shown = this.actions.errorsOf('callback', this.config);
    const locale = this.resolvedLocale;
    return html`<section aria-labelledby="callback-title" class="callback">
      <h3 id="callback-title">${msg('Call me', { id: 'my-tickets.callback', desc: 'Heading and name of the option to be called by support about a case. French: "M\'appeler".' })}</h3>
      ${renderCallbackList(ticket, locale)}
      <form class="callback-form" novalidate aria-busy=${this.actions.callback.busy ? 'true' : 'false'} @submit=${this.requestCallback}>
        ${errorSummary(shown, this.renderRoot)}
        ${textField({
          id: 'phone',
          label: msg('Phone number', { id: 'my-tickets.phone.label', desc: 'Label of the phone number support should call.' }),
          hint: msg('Include the country code, like +1 555 010 0199.', { id: 'my-tickets.phone.hint', desc: 'Hint under the "Call me" phone field. Keep the example number as is.' }),
          type: 'tel',
          autocomplete: 'tel',
          value: this.view.fields.phone,
          required: true,
          error: shown[0]?.message,
          onInput: (value) => this.onInput('phone', value),
        })}
        ${this.failureOf('callback')}
        <div class="actions">
          <button type="submit" class="secondary" aria-disabled=${this.actions.callback.busy ? 'true' : 'false'}>
            ${msg('Call me', { id: 'my-tickets.callback.submit', desc: 'Button that sends a request to be called by support about the case.' })}
          </button>
        </div>
      </form>
    </section>`;
  }
}
