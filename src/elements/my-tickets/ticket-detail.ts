import { msg, str } from '@lit/localize';
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Session } from '../../adapters/backend.js';
import { CommentDraftStore } from '../../controllers/ticket-detail-comment-draft.js';
import { migratedDraftKey, userDigest } from '../../controllers/draft-key.js';
import { sharedStore, userScope } from '../../controllers/file-store.js';
import { localKeyStore, UploadController } from '../../controllers/upload-controller.js';
import { uploadStyles } from '../shared/upload-list.js';
import type { SupportError } from '../../core/errors.js';
import { isSupportError } from '../../core/errors.js';
import { canRequestCallbackFor } from '../../core/flows.js';
import { isReadOnly } from '../../core/status.js';
import type { Ticket } from '../../core/ticket.js';
import { FollowUpRequestedEvent } from '../../events/events.js';
import { SupportElement } from '../shared/support-element.js';
import { createCaseActions, type CaseForm } from './ticket-detail-actions.js';
import { commentOutbox } from './ticket-detail-outbox.js';
import { outboxStyles, renderOutbox } from '../shared/outbox-view.js';
import { COMMENT_PAGE, copyText, renderConversationSection, renderUnsent } from './ticket-detail-conversation.js';
import { renderCommentForm } from './ticket-detail-comment-form.js';
import { renderAttachments, renderCallback, renderWatchers, type CaseFormsView } from './ticket-detail-forms.js';
import { detailTransition, initialView, type DetailEvent, type DetailField, type DetailView } from './ticket-detail.machine.js';
import { followCase } from './ticket-detail-live.js';
import {
  renderAnnouncement,
  renderEmailCommentArea,
  renderFacts,
  renderFollowUp,
  renderClosedNotice,
  renderActionFailure,
  renderLoadError,
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
 * @fires session-expired - A call was refused with `unauthorized` (after the adapter's refresh); `event.realm`, `event.hadSession`. Cancelable: the host signs the user in and sets `session`, and the call goes again; by default sign-in shows in place. What was typed stays.
 * @csspart heading - The case's heading.
 * @csspart conversation - The list of comments.
 * @csspart state - The case's state name.
 * @csspart comment-form - The form that adds a comment.
 * @csspart closed-notice - The notice of a closed case.
 * @csspart unsent-comment - A comment that could not be sent because the case was closed meanwhile.
 * @csspart outbox - Comments waiting for the connection ("Waiting to send", offline outbox).
 * @cssprop [--se-color-surface-alt=#f4f4f6] - Background of support experts' comments.
 */
export class SupportTicketDetail extends SupportElement {
  static override styles = [...SupportElement.styles, uploadStyles, outboxStyles, ticketDetailStyles];

  /** Number of the case shown. */
  @property() number = '';

  /** Whether to show "Back to my tickets" (inside `<my-tickets>`). */
  @property({ type: Boolean, attribute: 'show-back' }) showBack = false;

  @state() private ticket: Ticket | undefined;
  @state() private who: Session | null = null;
  @state() private view: DetailView = initialView;
  private switching = false;
  /** How many of the latest comments are shown, and how many the last "Show earlier" added. */
  @state() private shownComments = COMMENT_PAGE;
  @state() private addedComments = 0;
  /** Whether the unsent comment was just copied. */
  @state() private copied = false;
  /** The text the follow-up form starts with (the comment that could not be sent). */
  @state() private followUpText: string | undefined;
  /** The session signed in with here, when the case was opened without one. */
  private signedInHere: Session | undefined;

  private readonly draft = new CommentDraftStore(
    this,
    () => {
      const email = this.who?.user.email;
      return email && this.number ? migratedDraftKey(`my-tickets:comment:${userDigest(email)}:${this.number}`, `my-tickets:comment:${email}:${this.number}`) : undefined;
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
    onUnauthorized: (retry) => this.sessionExpiry.expired(this.signInRealm, retry),
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
    refused: (error, retry) => this.refused(error, retry),
    find: (selector) => this.renderRoot.querySelector<HTMLElement>(selector),
    waiting: () => this.waiting,
  });

  private readonly waiting = commentOutbox(this, {
    backend: () => this.api, viewer: () => this.who?.user.email, number: () => this.number, comment: () => this.view.fields.comment,
    draftKey: () => this.draft.keyStore.load(), changed: (ticket) => (this.ticket = ticket), restore: (body) => this.onInput('comment', body),
    delivered: () => {
      this.actions.comment.clear();
      this.send({ type: 'comment-released' });
    },
  });

  /** Follows the case while it is shown; `live.state` says whether it is live. */
  protected readonly live = followCase(this, {
    backend: () => this.api, number: () => this.number, locale: () => this.resolvedLocale,
    shown: () => this.ticket, me: () => this.who?.user.email,
    show: (ticket) => (this.ticket = ticket),
    announce: (notice) => this.send({ type: 'live-changed', notice }),
  });

  private readonly load = new Task(this, {
    args: () => [this.number, this.api, this.session] as const,
    task: async ([number, api, session], { signal }) => {
      if (!number) return initialState;
      const options = { signal, locale: this.resolvedLocale };
      // What the backend knows without a call saves a round trip (GET /session, issue 15).
      const given = this.signedInHere ?? (session === undefined ? api.knownSession?.() : session);
      const asked = given === undefined ? api.getSession(options) : Promise.resolve(given);
      const [ticket, who] = await Promise.all([api.getTicket(number, options), asked]).catch((error: unknown) => this.loadRefused(error));
      // Shown by willUpdate in the pass the task's completion asks for: setting state here
      // would cost one more render of the whole conversation (issue 15).
      return { number, ticket, who };
    },
  });
  /** The load result willUpdate showed last: each result is shown once. */
  private shownLoad: unknown;

  /** A load that completed: its case and user, the draft kept for them, their outbox. */
  private showLoaded(): void {
    const loaded = this.load.status === TaskStatus.COMPLETE ? this.load.value : undefined; // a case switched meanwhile: the next load brings it
    if (loaded === undefined || loaded === this.shownLoad || loaded.number !== this.number) return;
    this.shownLoad = loaded;
    this.who = loaded.who;
    this.sessionExpiry.noteSession(loaded.who);
    this.ticket = loaded.ticket;
    this.send({ type: 'draft-restored', comment: this.draft.loadBody() });
    void this.waiting.loaded();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('number') && changed.get('number') !== undefined) {
      // The keys kept for either case stay in storage for when the customer comes back.
      this.switching = true;
      this.draft.withoutStorage(() => this.actions.clearAll());
      this.switching = false;
      this.ticket = undefined;
      this.shownComments = COMMENT_PAGE;
      this.addedComments = 0;
      this.followUpText = undefined;
      this.send({ type: 'case-changed' });
    }
    this.showLoaded();
  }

  /** `<what>:<user>:case:<number>:`, once both are known; the user as a hash, never the address. */
  private storageScope(what: string): string | undefined {
    const email = this.who?.user.email;
    return email && this.number ? `${what}:${userScope(email)}:case:${this.number}:` : undefined;
  }

  /** Settles when the case is shown (or failed to load). */
  get loaded(): Promise<unknown> {
    return this.load.taskComplete.then(() => this.updateComplete).catch(() => undefined);
  }

  /** Moves focus to the case's heading (there from the first render), or to the sign-in shown instead of a case that needs a session. */
  focusHeading(): void {
    const standIn = this.ticket ? null : this.renderRoot.querySelector<HTMLElement>('support-sign-in');
    (standIn ?? this.renderRoot.querySelector<HTMLElement>('h2'))?.focus();
  }

  private send(event: DetailEvent): void {
    this.view = detailTransition(this.view, event);
    // What the view forgets once the backend confirmed (or the outbox took over), its stores forget too:
    // the draft after the action forgot its key, which saves the draft once more.
    if (event.type === 'comment-added' || event.type === 'comment-released') this.draft.clear();
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

  /** The case did not load: a session that ended goes to the host (the load runs again with its session), else sign-in shows here. */
  private loadRefused(error: unknown): never {
    if (isSupportError(error) && error.kind === 'unauthorized' && !this.sessionExpiry.expired(this.signInRealm)) this.sessionExpiry.focusSignIn();
    throw error;
  }

  /** A session that ended (the host may sign the user in again, then `retry`), or a case closed meanwhile. */
  private refused(error: SupportError, retry: () => void): Promise<boolean> | boolean {
    return error.kind === 'unauthorized' ? this.sessionExpiry.expired(this.signInRealm, retry) : this.closedMeanwhile(error);
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

  private async showEarlier(): Promise<void> {
    const total = this.ticket?.comments.length ?? 0;
    const before = Math.min(this.shownComments, total);
    this.shownComments = Math.min(total, before + COMMENT_PAGE);
    this.addedComments = this.shownComments - before;
    await this.updateComplete;
    // The button stays focused while there is more; once all are shown, the oldest comment is.
    const oldest = this.renderRoot.querySelector('button.earlier') ? null : this.renderRoot.querySelector<HTMLElement>('.conversation > li');
    oldest?.setAttribute('tabindex', '-1');
    oldest?.focus();
  }

  private async copyUnsent(): Promise<void> {
    this.copied = await copyText(this.view.fields.comment, this.renderRoot.querySelector<HTMLTextAreaElement>('.unsent-text'));
  }

  private async openFollowUp(ticket: Ticket, text?: string): Promise<void> {
    this.followUpText = text;
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
    const action = this.actions.of(form).find((candidate) => candidate.failureKind);
    if (!action?.failureKind) return nothing;
    return renderActionFailure(
      action.failure ?? { kind: action.failureKind },
      { locale: this.resolvedLocale, maxBytes: this.config.attachments.maxBytes, hadSession: this.sessionExpiry.hadSession },
      () => void action.retry(),
      () => this.signInAgain(),
    );
  }

  /** Opened without a session (or it ended), signed in here: the case opens. */
  private onSignedInToLoad(session: Session): void {
    this.signedInHere = session;
    void this.load.run().then(() => this.focusHeading());
  }

  /** After a session expired mid-action: what was typed is still there, focus back where it was; the user sends again. */
  private signInAgain() {
    const signedIn = (session: Session) => {
      this.who = session;
      this.actions.resetAll();
    };
    return this.renderSignInHere(this.signInRealm, signedIn, { returnFocus: true });
  }

  private forms(): CaseFormsView {
    return {
      actions: this.actions,
      view: this.view,
      config: this.config,
      root: this.renderRoot,
      locale: this.resolvedLocale,
      failureOf: (form) => this.failureOf(form),
      onInput: (field, value) => this.onInput(field, value),
      addWatcher: (event) => this.addWatcher(event),
      askRemove: (email) => this.askRemove(email),
      removeWatcher: (email) => this.removeWatcher(email),
      cancelRemove: (email) => this.cancelRemove(email),
      capabilities: this.api.capabilities,
      requestCallback: (event) => this.requestCallback(event),
      uploads: this.uploads,
      attach: () => this.attach(),
      signIn: () => this.signInAgain(),
    };
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
      <div class="announce" role="status">${renderAnnouncement(announcement, this.live.interrupted)}</div>
      ${ticket ? this.renderCase(ticket) : this.renderLoadState()}
    `;
  }

  private renderLoadState() {
    if (this.load.status === TaskStatus.ERROR) {
      const error = this.load.error;
      const failure = isSupportError(error) ? error : 'server';
      const unauthorized = isSupportError(error) && error.kind === 'unauthorized';
      const context = { locale: this.resolvedLocale, hadSession: this.sessionExpiry.hadSession };
      return html`${renderLoadError(failure, unauthorized ? undefined : () => void this.load.run(), context)}
      ${unauthorized ? this.renderSignInHere(this.signInRealm, (session) => this.onSignedInToLoad(session)) : nothing}`;
    }
    return html`<p role="status">${msg('Loading the case…', { id: 'my-tickets.case_loading', desc: 'Shown while one case is loading.' })}</p>`;
  }

  private renderCase(ticket: Ticket) {
    const closed = isReadOnly(ticket.status);
    const locale = this.resolvedLocale;
    return html`
      ${renderFacts(ticket, this.config, locale)}
      ${closed ? this.renderClosed(ticket) : nothing}
      ${renderConversationSection(
        ticket.description,
        { comments: ticket.comments, shown: this.shownComments, added: this.addedComments, myEmail: this.who?.user.email, locale, onEarlier: () => void this.showEarlier() },
        closed ? this.renderUnsent(ticket) : this.renderCommentArea(ticket),
      )}
      ${renderAttachments(this.forms(), ticket, closed)} ${renderWatchers(this.forms(), ticket, closed)}
      ${closed ? nothing : renderCallback(this.forms(), ticket, this.callbackAllowed(ticket))}
    `;
  }

  private renderClosed(ticket: Ticket) {
    const following = this.view.panel.kind === 'follow-up';
    return html`${renderClosedNotice(ticket, !following, () => void this.openFollowUp(ticket))}
    ${following ? renderFollowUp(ticket, this.locale, this.session ?? this.who ?? undefined, this.followUpText, () => this.followUpSent()) : nothing}`;
  }

  private renderUnsent(ticket: Ticket) {
    const text = this.view.fields.comment;
    if (text.trim() === '') return nothing;
    const following = this.view.panel.kind === 'follow-up';
    return renderUnsent({
      text,
      copied: this.copied,
      onCopy: () => void this.copyUnsent(),
      onFollowUp: following ? undefined : () => void this.openFollowUp(ticket, text),
    });
  }

  /** The follow-up case holds the unsent comment now: it goes from here and from storage. */
  private followUpSent(): void {
    if (this.followUpText === undefined) return;
    this.followUpText = undefined;
    this.send({ type: 'input', field: 'comment', value: '' });
    this.draft.clear();
  }

  private renderCommentArea(ticket: Ticket) {
    const form = html`${renderOutbox(this.waiting.outbox, { locale: this.resolvedLocale, sendNow: true, onCancel: (payload) => this.waiting.cancelled(payload) })}${renderCommentForm(this.forms(), ticket, (event) => this.sendComment(event))}`;
    if (ticket.contactMethod === 'portal') return form;
    return renderEmailCommentArea(form, this.view.commentOpen, (open) => this.send({ type: 'comment-toggled', open }));
  }
}
