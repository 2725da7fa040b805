import { msg, str } from '@lit/localize';
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Session } from '../../adapters/backend.js';
import type { Draft } from '../../controllers/draft-controller.js';
import { DraftController } from '../../controllers/draft-controller.js';
import { UploadController } from '../../controllers/upload-controller.js';
import { rejectionMessage, renderUploadList, renderUploadPicker, uploadStyles } from '../shared/upload-list.js';
import type { ErrorKind, FieldError } from '../../core/errors.js';
import { isAbort, isSupportError } from '../../core/errors.js';
import { canRequestCallbackFor, findProduct } from '../../core/flows.js';
import { autoCloseAt, isReadOnly } from '../../core/status.js';
import type { Comment, Ticket } from '../../core/ticket.js';
import { validateComment, validateEmailField, validatePhone } from '../../core/validation.js';
import {
  AttachmentsAddedEvent,
  CallbackRequestedEvent,
  CommentAddedEvent,
  FollowUpRequestedEvent,
  WatchersChangedEvent,
  SessionChangedEvent,
} from '../../events/events.js';
import { formatBytes, formatDate, formatDateTime, formatRelative } from '../../localization/format.js';
import { errorSummary, textField, type ShownError } from '../shared/forms.js';
import { errorKindMessage, statusLabel, statusMeaning, validationMessage } from '../shared/messages.js';
import { isSafeHref } from '../shared/safe-url.js';
import { SupportElement } from '../shared/support-element.js';
import { ticketDetailStyles } from './ticket-detail.styles.js';

/** The forms of one case; errors and failures belong to one of them at a time. */
type FormName = 'comment' | 'watcher' | 'callback' | 'attachments';

/** What is kept of a comment being typed: the text and the idempotency key of its last send. */
type CommentDraft = Draft & {
  readonly body: string;
  /** Key used to send `keyFor`; '' when the text was never sent. */
  readonly idempotencyKey: string;
  readonly keyFor: string;
};

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
  @state() private comment = '';
  @state() private commentOpen = false;
  @state() private watcherEmail = '';
  @state() private phone = '';
  @state() private confirmRemove: string | undefined;
  @state() private errors: { readonly form: FormName; readonly list: readonly ShownError[] } | undefined;
  @state() private failure: { readonly form: FormName; readonly kind: ErrorKind } | undefined;
  @state() private busy: FormName | undefined;
  @state() private announcement = '';
  @state() private followUp = false;

  /** Idempotency keys kept until the backend confirms (the comment's lives in its draft). */
  private commentKey = '';
  private commentKeyFor = '';
  private callbackKey = '';
  private callbackKeyFor = '';
  private actions = new AbortController();

  private readonly draft = new DraftController<CommentDraft>(this, () => {
    const email = this.who?.user.email;
    return email && this.number ? `my-tickets:comment:${email}:${this.number}` : undefined;
  });

  private readonly uploads = new UploadController(this, {
    backend: () => this.api,
    limits: () => this.config.attachments,
    locale: () => this.resolvedLocale,
    alreadyAttached: () => this.ticket?.attachments.length ?? 0,
  });
  private attachKey = '';
  private attachKeyFor = '';

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
      this.restoreDraft();
      return ticket;
    },
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.actions.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('number') && changed.get('number') !== undefined) {
      this.actions.abort();
      this.actions = new AbortController();
      this.ticket = undefined;
      this.comment = '';
      this.commentOpen = false;
      this.watcherEmail = '';
      this.phone = '';
      this.confirmRemove = undefined;
      this.errors = undefined;
      this.failure = undefined;
      this.busy = undefined;
      this.announcement = '';
      this.followUp = false;
    }
  }

  /** Settles when the case is shown (or failed to load). */
  get loaded(): Promise<unknown> {
    return this.load.taskComplete.catch(() => undefined);
  }

  /** Moves focus to the case's heading (it exists from the first render, while loading). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private restoreDraft(): void {
    const saved = this.draft.load();
    this.comment = typeof saved?.body === 'string' ? saved.body : '';
    this.commentKey = typeof saved?.idempotencyKey === 'string' ? saved.idempotencyKey : '';
    this.commentKeyFor = typeof saved?.keyFor === 'string' ? saved.keyFor : '';
    this.commentOpen = this.comment !== '';
  }

  private saveDraft(): void {
    if (this.comment === '' && this.commentKey === '') {
      this.draft.clear();
      return;
    }
    this.draft.save({ body: this.comment, idempotencyKey: this.commentKey, keyFor: this.commentKeyFor });
  }

  private get options() {
    return { signal: this.actions.signal, locale: this.resolvedLocale };
  }

  private async showErrors(form: FormName, errors: readonly FieldError[]): Promise<void> {
    this.failure = undefined;
    this.errors = { form, list: errors.map((e) => ({ id: this.controlId(form, e), message: this.fieldMessage(form, e) })) };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  private controlId(form: FormName, _error: FieldError): string {
    switch (form) {
      case 'comment':
        return 'comment';
      case 'watcher':
        return 'watcher-email';
      case 'callback':
        return 'phone';
      case 'attachments':
        return 'attachments';
    }
  }

  private fieldMessage(form: FormName, error: FieldError): string {
    if (form === 'comment' && error.code === 'required') {
      return msg('Enter a comment', { id: 'my-tickets.comment.required', desc: 'Error when the customer sends an empty comment on a case.' });
    }
    if (form === 'comment' && error.code === 'too_long') {
      const max = this.config.maxLengths.comment;
      return msg(str`Enter a comment of ${max} characters or fewer`, {
        id: 'my-tickets.comment.too_long',
        desc: 'Error when a comment is too long. ${max} is the largest number of characters accepted.',
      });
    }
    if (form === 'watcher' && error.code === 'required') {
      return msg('Enter the email address of the person to add', { id: 'my-tickets.watcher.required', desc: 'Error when "Add watcher" is pressed with an empty email field.' });
    }
    if (form === 'callback' && error.code === 'required') {
      return msg('Enter the phone number support should call', { id: 'my-tickets.phone.required', desc: 'Error when "Call me" is pressed with an empty phone number.' });
    }
    return validationMessage(error.code);
  }

  private clearFeedback(): void {
    this.errors = undefined;
    this.failure = undefined;
    this.announcement = '';
  }

  /** Backend failure of an action: a closed case is reloaded, field errors go to the form. */
  private async failed(form: FormName, error: unknown): Promise<void> {
    if (isAbort(error)) return;
    if (isSupportError(error) && error.kind === 'conflict' && error.conflict === 'closed') {
      try {
        this.ticket = await this.api.getTicket(this.number, this.options);
      } catch (reloadError) {
        if (isAbort(reloadError)) return;
        // The case stays as shown; the conflict message below says to reload it.
      }
      if (this.ticket && isReadOnly(this.ticket.status)) {
        this.errors = undefined;
        this.announcement = msg('This case was closed in the meantime, so it can no longer be changed.', {
          id: 'my-tickets.closed_meanwhile',
          desc: 'Announced when the customer tried to change a case that support closed in the meantime.',
        });
        await this.updateComplete;
        this.focusHeading();
        return;
      }
    }
    if (isSupportError(error) && error.kind === 'validation' && error.fieldErrors.length > 0) {
      await this.showErrors(form, error.fieldErrors);
      return;
    }
    this.failure = { form, kind: isSupportError(error) ? error.kind : 'server' };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.failure')?.focus();
  }

  private onCommentInput(value: string): void {
    this.comment = value;
    this.saveDraft();
  }

  private async sendComment(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.clearFeedback();
    const errors = validateComment(this.comment, this.config);
    if (errors.length > 0) return this.showErrors('comment', errors);
    const body = this.comment;
    if (this.commentKeyFor !== body || !this.commentKey) {
      this.commentKey = crypto.randomUUID();
      this.commentKeyFor = body;
    }
    this.saveDraft();
    const before = this.ticket?.status;
    this.busy = 'comment';
    try {
      const ticket = await this.api.addComment(this.number, body, { ...this.options, idempotencyKey: this.commentKey });
      this.ticket = ticket;
      this.comment = '';
      this.commentKey = '';
      this.commentKeyFor = '';
      this.draft.clear();
      const label = statusLabel(ticket.status);
      this.announcement =
        before !== ticket.status
          ? msg(str`Your comment was added. The case is now ${label}.`, {
              id: 'my-tickets.comment.added_state',
              desc: 'Announced after a comment was saved and the case changed state. ${label} is the new state name (e.g. Open).',
            })
          : msg('Your comment was added.', { id: 'my-tickets.comment.added', desc: 'Announced after a comment was saved.' });
      const added: Comment | undefined = [...ticket.comments].reverse().find((c) => c.authorRole === 'user');
      if (added) this.dispatchEvent(new CommentAddedEvent(ticket, added));
    } catch (error) {
      await this.failed('comment', error);
    } finally {
      this.busy = undefined;
    }
  }

  private async attach(): Promise<void> {
    if (this.busy) return;
    this.clearFeedback();
    const tokens = this.uploads.tokens;
    if (tokens.length === 0 || this.uploads.busy) return;
    const keyFor = tokens.join(',');
    if (this.attachKeyFor !== keyFor || !this.attachKey) {
      this.attachKey = crypto.randomUUID();
      this.attachKeyFor = keyFor;
    }
    this.busy = 'attachments';
    try {
      const ticket = await this.api.addAttachments(this.number, tokens, { ...this.options, idempotencyKey: this.attachKey });
      this.ticket = ticket;
      this.attachKey = '';
      this.attachKeyFor = '';
      this.uploads.clear();
      const label = statusLabel(ticket.status);
      this.announcement = msg(str`Files attached. The case is still ${label}.`, {
        id: 'my-tickets.attachments.added',
        desc: 'Announced after files were attached to a case. ${label} is the unchanged state name (e.g. Pending).',
      });
      this.dispatchEvent(new AttachmentsAddedEvent(ticket));
    } catch (error) {
      await this.failed('attachments', error);
    } finally {
      this.busy = undefined;
    }
  }

  private async addWatcher(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.clearFeedback();
    const errors = validateEmailField('email', this.watcherEmail);
    if (errors.length > 0) return this.showErrors('watcher', errors);
    this.busy = 'watcher';
    const email = this.watcherEmail.trim();
    try {
      const ticket = await this.api.addWatcher(this.number, email, this.options);
      this.ticket = ticket;
      this.watcherEmail = '';
      this.announcement = msg(str`${email} can now follow this case.`, {
        id: 'my-tickets.watcher.added',
        desc: 'Announced after a watcher was added. ${email} is their email address.',
      });
      this.dispatchEvent(new WatchersChangedEvent(ticket));
    } catch (error) {
      await this.failed('watcher', error);
    } finally {
      this.busy = undefined;
    }
  }

  private async askRemove(email: string): Promise<void> {
    this.clearFeedback();
    this.confirmRemove = email;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.confirm button')?.focus();
  }

  private async cancelRemove(email: string): Promise<void> {
    this.confirmRemove = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`button[data-email="${CSS.escape(email)}"]`)?.focus();
  }

  private async removeWatcher(email: string): Promise<void> {
    if (this.busy) return;
    this.clearFeedback();
    this.busy = 'watcher';
    try {
      const ticket = await this.api.removeWatcher(this.number, email, this.options);
      this.ticket = ticket;
      this.confirmRemove = undefined;
      this.announcement = msg(str`${email} no longer follows this case.`, {
        id: 'my-tickets.watcher.removed',
        desc: 'Announced after a watcher was removed. ${email} is their email address.',
      });
      this.dispatchEvent(new WatchersChangedEvent(ticket));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#watchers-title')?.focus();
    } catch (error) {
      this.confirmRemove = undefined;
      await this.failed('watcher', error);
    } finally {
      this.busy = undefined;
    }
  }

  private async requestCallback(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.clearFeedback();
    const errors = validatePhone('phone', this.phone);
    if (errors.length > 0) return this.showErrors('callback', errors);
    const phone = this.phone.trim();
    if (this.callbackKeyFor !== phone || !this.callbackKey) {
      this.callbackKey = crypto.randomUUID();
      this.callbackKeyFor = phone;
    }
    this.busy = 'callback';
    try {
      const ticket = await this.api.requestCallback(this.number, phone, { ...this.options, idempotencyKey: this.callbackKey });
      this.ticket = ticket;
      this.phone = '';
      this.callbackKey = '';
      this.callbackKeyFor = '';
      this.announcement = msg(str`Call requested. A support expert will call you at ${phone}.`, {
        id: 'my-tickets.callback.requested',
        desc: 'Announced after a "Call me" request was sent. ${phone} is the number the customer gave.',
      });
      this.dispatchEvent(new CallbackRequestedEvent(ticket, phone));
    } catch (error) {
      await this.failed('callback', error);
    } finally {
      this.busy = undefined;
    }
  }

  private async openFollowUp(ticket: Ticket): Promise<void> {
    const request = new FollowUpRequestedEvent(ticket.number, ticket.areaId);
    this.dispatchEvent(request);
    if (request.defaultPrevented) return;
    this.followUp = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#follow-up-title')?.focus();
  }

  private back(): void {
    this.dispatchEvent(new Event(BACK_EVENT));
  }

  private callbackAllowed(ticket: Ticket): boolean {
    return canRequestCallbackFor(this.config, ticket, this.who?.accounts ?? [], this.resolvedLocale);
  }

  private errorsOf(form: FormName): readonly ShownError[] {
    return this.errors?.form === form ? this.errors.list : [];
  }

  private failureOf(form: FormName): TemplateResult | typeof nothing {
    if (this.failure?.form !== form) return nothing;
    return html`<div class="notice notice--error failure" role="alert" tabindex="-1">
        <p>${errorKindMessage(this.failure.kind)}</p>
      </div>
      ${this.failure.kind === 'unauthorized'
        ? html`<support-sign-in
            realm=${this.who?.realm ?? 'product'}
            locale=${this.resolvedLocale}
            .backend=${this.api}
            .config=${this.config}
            @session-changed=${this.onSignedInAgain}
          ></support-sign-in>`
        : nothing}`;
  }

  /** After a session expired mid-action: what was typed is still there; the user sends again. */
  private onSignedInAgain(event: SessionChangedEvent): void {
    this.who = event.session;
    this.failure = undefined;
  }

  private time(value: string): TemplateResult {
    const locale = this.resolvedLocale;
    return html`<time datetime=${value} title=${formatDateTime(value, locale)}>${formatDateTime(value, locale)}</time>`;
  }

  override render() {
    const number = this.number;
    const ticket = this.ticket;
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
      <div class="announce" role="status">${this.announcement ? html`<p class="notice notice--success">${this.announcement}</p>` : nothing}</div>
      ${ticket ? this.renderCase(ticket) : this.renderLoadState()}
    `;
  }

  private renderLoadState() {
    if (this.load.status === TaskStatus.ERROR) {
      const error = this.load.error;
      const kind: ErrorKind = isSupportError(error) ? error.kind : 'server';
      return html`<div class="notice notice--error" role="alert">
        <p>${errorKindMessage(kind)}</p>
        <button type="button" class="secondary" @click=${() => this.load.run()}>
          ${msg('Try again', { id: 'my-tickets.retry', desc: 'Button that retries loading cases or a case after an error.' })}
        </button>
      </div>`;
    }
    return html`<p role="status">${msg('Loading the case…', { id: 'my-tickets.case_loading', desc: 'Shown while one case is loading.' })}</p>`;
  }

  private renderCase(ticket: Ticket) {
    const closed = isReadOnly(ticket.status);
    return html`
      ${this.renderFacts(ticket)}
      ${closed ? this.renderClosed(ticket) : nothing}
      <section aria-labelledby="conversation-title">
        <h3 id="conversation-title">${msg('Conversation', { id: 'my-tickets.conversation', desc: 'Heading of the comments of a case, oldest first.' })}</h3>
        <p class="text description">${ticket.description}</p>
        ${ticket.comments.length > 0
          ? html`<ol class="conversation" part="conversation">${ticket.comments.map((c) => this.renderComment(c))}</ol>`
          : nothing}
        ${closed ? nothing : this.renderCommentArea(ticket)}
      </section>
      ${this.renderAttachments(ticket, closed)} ${this.renderWatchers(ticket, closed)}
      ${!closed && this.callbackAllowed(ticket) ? this.renderCallback(ticket) : nothing}
    `;
  }

  private renderFacts(ticket: Ticket) {
    const locale = this.resolvedLocale;
    const product = findProduct(this.config, ticket.productId)?.name ?? ticket.productId;
    const closesAt = autoCloseAt(ticket, this.config.autoCloseDays);
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
        <dd>${this.time(ticket.createdAt)}</dd>
      </div>
      <div>
        <dt>${msg('Last update', { id: 'my-tickets.updated', desc: 'Label of the date a case last changed.' })}</dt>
        <dd>${this.time(ticket.updatedAt)}</dd>
      </div>
      ${ticket.followUpOf
        ? html`<div>
            <dt>${msg('Follow-up of', { id: 'my-tickets.follow_up_of', desc: 'Label of the number of the closed case this case follows up on.' })}</dt>
            <dd>${ticket.followUpOf}</dd>
          </div>`
        : nothing}
    </dl>`;
  }

  private renderClosed(ticket: Ticket) {
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
        ${this.followUp
          ? nothing
          : html`<button type="button" class="follow-up" @click=${() => this.openFollowUp(ticket)}>
              ${msg('Open a follow-up case', { id: 'my-tickets.follow_up', desc: 'Button on a closed case that starts a new case referring to it.' })}
            </button>`}
      </div>
      ${this.followUp
        ? html`<section aria-labelledby="follow-up-title">
            <h3 id="follow-up-title" tabindex="-1">
              ${msg(str`Follow-up of case ${number}`, { id: 'my-tickets.follow_up.title', desc: 'Heading above the new-case form opened from a closed case. ${number} is the closed case.' })}
            </h3>
            <ticket-form
              follow-up-of=${number}
              area=${ticket.areaId}
              locale=${ifDefined(this.locale)}
              api-base=${this.apiBase}
              .backend=${this.backend}
              .config=${this.config}
              .session=${this.session ?? this.who ?? undefined}
            ></ticket-form>
          </section>`
        : nothing}`;
  }

  private renderComment(comment: Comment) {
    const mine = comment.authorRole === 'user' && comment.author.email === this.who?.user.email;
    const role =
      comment.authorRole === 'agent'
        ? msg('Support expert', { id: 'my-tickets.role.agent', desc: 'Role shown next to the name of a support expert who commented.' })
        : mine
          ? msg('You', { id: 'my-tickets.role.you', desc: 'Role shown next to the customer\'s own comments.' })
          : msg('Customer', { id: 'my-tickets.role.customer', desc: 'Role shown next to comments of another customer (e.g. a watcher).' });
    return html`<li class=${comment.authorRole}>
      <div class="comment__meta">
        <span class="comment__author">${comment.author.name}</span>
        <span>${role}</span>
        ${this.time(comment.createdAt)}
        ${comment.via === 'email' ? html`<span>${msg('By email', { id: 'my-tickets.via_email', desc: 'Shown on a comment that came as an email reply.' })}</span>` : nothing}
      </div>
      <p class="text">${comment.body}</p>
    </li>`;
  }

  private renderCommentArea(ticket: Ticket) {
    const form = this.renderCommentForm(ticket);
    if (ticket.contactMethod === 'portal') return form;
    return html`<div class="notice">
        <p>
          ${msg('You chose email to talk to support about this case: reply to the first email you received from support, or to the latest email from a support expert.', {
            id: 'my-tickets.email_guidance',
            desc: 'Shown on a case whose preferred contact method is email, above the optional comment field.',
          })}
        </p>
      </div>
      <details ?open=${this.commentOpen} @toggle=${(e: Event) => (this.commentOpen = (e.target as HTMLDetailsElement).open)}>
        <summary>${msg('Add a comment here instead', { id: 'my-tickets.comment.disclosure', desc: 'Disclosure that reveals the comment field on a case whose contact method is email.' })}</summary>
        ${form}
      </details>`;
  }

  private renderCommentForm(ticket: Ticket) {
    const shown = this.errorsOf('comment');
    const reopens = ticket.status === 'pending' || ticket.status === 'action_required';
    return html`<form part="comment-form" class="comment-form" novalidate @submit=${this.sendComment}>
      ${errorSummary(shown, this.renderRoot)}
      ${textField({
        id: 'comment',
        label: msg('Comments', { id: 'my-tickets.comment.label', desc: 'Label of the field where the customer writes a comment on a case. Seed French: "Commentaires".' }),
        hint: reopens
          ? msg('Adding a comment sets the case back to Open.', { id: 'my-tickets.comment.hint_reopens', desc: 'Hint under the comment field of a Pending or Action required case.' })
          : undefined,
        value: this.comment,
        multiline: true,
        required: true,
        maxlength: this.config.maxLengths.comment,
        error: shown[0]?.message,
        onInput: (value) => this.onCommentInput(value),
      })}
      ${this.failureOf('comment')}
      <div class="actions">
        <button type="submit" aria-disabled=${this.busy === 'comment' ? 'true' : 'false'}>
          ${msg('Add comment', { id: 'my-tickets.comment.submit', desc: 'Button that sends the comment on a case.' })}
        </button>
      </div>
    </form>`;
  }

  private renderAttachments(ticket: Ticket, closed: boolean) {
    const locale = this.resolvedLocale;
    return html`<section aria-labelledby="attachments-title">
      <h3 id="attachments-title">${msg('Attachments', { id: 'my-tickets.attachments', desc: 'Heading of the files attached to a case.' })}</h3>
      ${ticket.attachments.length > 0
        ? html`<ul class="plain-list attachments">
            ${ticket.attachments.map(
              (a) => html`<li>
                ${isSafeHref(a.url) ? html`<a href=${a.url} download=${a.name}>${a.name}</a>` : html`<span>${a.name}</span>`}
                <span class="muted">${formatBytes(a.size, locale)}</span>
              </li>`,
            )}
          </ul>`
        : html`<p class="muted">${msg('No files are attached to this case.', { id: 'my-tickets.attachments.none', desc: 'Shown when a case has no attachments.' })}</p>`}
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
    return html`<div class="add-attachments">
      ${rejected.length > 0
        ? html`<div class="notice notice--error" role="alert" id="attachments-error">
            <ul>
              ${rejected.map((r) => html`<li>${rejectionMessage(r, limits, locale)}</li>`)}
            </ul>
          </div>`
        : nothing}
      ${renderUploadPicker(this.uploads, { id: 'attachments', describedBy: rejected.length > 0 ? 'attachments-error' : undefined }, limits)}
      ${renderUploadList(this.uploads, locale)}
      ${this.failureOf('attachments')}
      ${ready > 0
        ? html`<div class="actions">
            <button
              type="button"
              class="attach"
              aria-disabled=${this.uploads.busy || this.busy === 'attachments' ? 'true' : 'false'}
              @click=${() => this.attach()}
            >
              ${msg('Attach to the case', { id: 'my-tickets.attachments.submit', desc: 'Button that attaches the uploaded files to the case.' })}
            </button>
          </div>`
        : nothing}
    </div>`;
  }

  private renderWatchers(ticket: Ticket, closed: boolean) {
    const shown = this.errorsOf('watcher');
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
            ${ticket.watchers.map((w) => this.renderWatcher(w.email, closed))}
          </ul>`
        : html`<p class="muted">${msg('No one else follows this case.', { id: 'my-tickets.watchers.none', desc: 'Shown when a case has no watchers.' })}</p>`}
      ${closed
        ? nothing
        : html`<form class="watcher-form" novalidate @submit=${this.addWatcher}>
            ${errorSummary(shown, this.renderRoot)}
            ${textField({
              id: 'watcher-email',
              label: msg('Email address of the person to add', { id: 'my-tickets.watcher.label', desc: 'Label of the field to add a watcher to a case.' }),
              type: 'email',
              autocomplete: 'off',
              value: this.watcherEmail,
              error: shown[0]?.message,
              onInput: (value) => (this.watcherEmail = value),
            })}
            ${this.failureOf('watcher')}
            <div class="actions">
              <button type="submit" class="secondary" aria-disabled=${this.busy === 'watcher' ? 'true' : 'false'}>
                ${msg('Add watcher', { id: 'my-tickets.watcher.add', desc: 'Button that adds the typed email address as a watcher of the case.' })}
              </button>
            </div>
          </form>`}
    </section>`;
  }

  private renderWatcher(email: string, closed: boolean) {
    const confirming = this.confirmRemove === email;
    return html`<li>
      <span>${email}</span>
      ${closed || confirming
        ? nothing
        : html`<button
            type="button"
            class="link"
            data-email=${email}
            aria-label=${msg(str`Remove ${email}`, { id: 'my-tickets.watcher.remove_name', desc: 'Accessible name of the button removing a watcher. ${email} is their email address.' })}
            @click=${() => this.askRemove(email)}
          >
            ${msg('Remove', { id: 'my-tickets.watcher.remove', desc: 'Visible text of the button removing a watcher.' })}
          </button>`}
      ${confirming && !closed
        ? html`<div class="confirm" role="group" aria-labelledby="confirm-text">
            <p id="confirm-text">
              ${msg(str`Remove ${email} from the watchers of this case?`, { id: 'my-tickets.watcher.confirm', desc: 'Confirmation before removing a watcher. ${email} is their email address.' })}
            </p>
            <div class="actions">
              <button type="button" @click=${() => this.removeWatcher(email)}>
                ${msg('Yes, remove', { id: 'my-tickets.watcher.confirm_yes', desc: 'Confirms removing a watcher.' })}
              </button>
              <button type="button" class="secondary" @click=${() => this.cancelRemove(email)}>
                ${msg('Cancel', { id: 'my-tickets.watcher.confirm_no', desc: 'Cancels removing a watcher.' })}
              </button>
            </div>
          </div>`
        : nothing}
    </li>`;
  }

  private renderCallback(ticket: Ticket) {
    const shown = this.errorsOf('callback');
    const locale = this.resolvedLocale;
    return html`<section aria-labelledby="callback-title" class="callback">
      <h3 id="callback-title">${msg('Call me', { id: 'my-tickets.callback', desc: 'Heading and name of the option to be called by support about a case. French: "M\'appeler".' })}</h3>
      ${ticket.callbacks.length > 0
        ? html`<ul class="plain-list callbacks">
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
          </ul>`
        : nothing}
      <form class="callback-form" novalidate @submit=${this.requestCallback}>
        ${errorSummary(shown, this.renderRoot)}
        ${textField({
          id: 'phone',
          label: msg('Phone number', { id: 'my-tickets.phone.label', desc: 'Label of the phone number support should call.' }),
          hint: msg('Include the country code, like +1 555 010 0199.', { id: 'my-tickets.phone.hint', desc: 'Hint under the "Call me" phone field. Keep the example number as is.' }),
          type: 'tel',
          autocomplete: 'tel',
          value: this.phone,
          required: true,
          error: shown[0]?.message,
          onInput: (value) => (this.phone = value),
        })}
        ${this.failureOf('callback')}
        <div class="actions">
          <button type="submit" class="secondary" aria-disabled=${this.busy === 'callback' ? 'true' : 'false'}>
            ${msg('Call me', { id: 'my-tickets.callback.submit', desc: 'Button that sends a request to be called by support about the case.' })}
          </button>
        </div>
      </form>
    </section>`;
  }
}
