import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Session, SupportBackend } from '../../adapters/backend.js';
import type { Article, Catalog } from '../../core/catalog.js';
import type { AreaConfig, FlowConfig, LocaleCode } from '../../core/config.js';
import type { ErrorKind, SupportError } from '../../core/errors.js';
import { resolveFlow, type FlowResolution } from '../../core/flows.js';
import { lastAnswer } from '../../core/memo.js';
import type { IntentKey } from '../../controllers/action-controller.js';
import { migratedDraftKey, userDigest } from '../../controllers/draft-key.js';
import { DraftController } from '../../controllers/draft-controller.js';
import { caseSubmitController } from '../../controllers/ticket-form-submit.js';
import { SuggestionsController } from '../../controllers/ticket-form-suggestions.js';
import { runOnDemand } from '../../controllers/ticket-form-on-demand.js';
import { FormSession } from '../../controllers/form-session.js';
import { StepFocusController } from '../../controllers/step-focus-controller.js';
import { sharedStore, userScope } from '../../controllers/file-store.js';
import { UploadController } from '../../controllers/upload-controller.js';
import { ArticleOpenedEvent, LocaleChangeRequestEvent, ManageTicketsRequestEvent, TicketCreatedEvent } from '../../events/events.js';
import { LifecycleController } from '../../controllers/lifecycle-controller.js';
import { ticketFormSnapshot } from './ticket-form.lifecycle.js';
import { PrefillController, type TicketPrefill } from './ticket-form.prefill.js';
import { signInHelp } from '../shared/sign-in-help-slot.js';
import { SupportElement } from '../shared/support-element.js';
import { pasteInto, uploadStyles } from '../shared/upload-list.js';
import {
  BLANK_CASE,
  draftOf,
  newTicketOf,
  offeredProduct,
  restoreCase,
  stepErrors,
  withFollowUpLine,
  type CaseContext,
  type CaseFields,
  type TicketDraft,
} from './ticket-form.case.js';
import {
  currentStep,
  editing,
  focusAfterRefusal,
  INITIAL_PHASE,
  inputSteps,
  needsCategoryStep,
  previousStep,
  suggestionQueryFor,
  transition,
  type EditingPhase,
  type InputStep,
  type TicketFormEvent,
  type TicketFormPhase,
} from './ticket-form.machine.js';
import { outboxStyles, renderDetails } from './ticket-form.render-details.js';
import { renderConfirmation, renderSolved } from './ticket-form.render-end.js';
import { backActions, failureNotice, followUpNotice, loadingStatus, shownErrors, type TicketFormView } from './ticket-form.render-parts.js';
import { renderAreaChooser, renderCategory, renderNotOffered, renderSubject, catalogState } from './ticket-form.render-steps.js';
import { ticketFormStyles } from './ticket-form.styles.js';

/** What the lifecycle snapshot reads for a session the host gave: known, as a settled task would say. */

/**
 * @summary The case-opening flow: the steps of the customer's language and product area, the
 * form, and the confirmation with the case number.
 *
 * Steps come from the config (`resolveFlow`): subject with "Need quick answers?" then the
 * form (Flow 1), or category and subcategory then the form (Flows 2 and 3). Without a session
 * it asks to sign in first (`<support-sign-in>`; load `define/ticket-form.js`, which defines
 * both). What the customer types is kept as a draft per user and area until the backend
 * confirms the case.
 *
 * @fires ticket-created - The backend confirmed the case; `event.ticket` is the new case.
 * @fires article-opened - A suggested article was opened; `event.article`.
 * @fires session-changed - The customer signed in (again) inside the form; `event.session`.
 * @fires session-expired - A call was refused with `unauthorized` (after the adapter's refresh); `event.realm`, `event.hadSession`. Cancelable: the host signs the user in and sets `session`, and the call goes again; by default sign-in shows in place. What was typed stays.
 * @fires locale-change-request - The customer chose to continue in a language offering the area or product; cancelable (default: the element sets its `locale`).
 * @fires manage-tickets-request - "View my tickets" on the confirmation; cancelable, handled by the host.
 * @fires support-ready - The element shows its first real content; `event.source` is its tag.
 * @fires support-error - The element shows a backend error; `event.kind`, `event.status`.
 * @fires step-change - `subject`, `category`, `subcategory`, `details`, `sign_in`, `created`, `solved`...; `event.from`, `event.to`.
 * @fires case-deflected - An opened article solved it (`solved`) or the form was left (`left`) with no case; `event.article`.
 * @csspart step-heading - The heading of the current step (it takes focus on every step change).
 * @csspart form - The case form.
 * @csspart area-button - A product area of the area chooser (when no `area` is given).
 * @csspart submit-button - The "Submit ticket" button.
 * @csspart error-summary - The box listing the errors after a failed submit.
 * @csspart notice - Notices (not offered here, follow-up, backend errors).
 * @csspart suggestions - The "Need quick answers?" box.
 * @csspart dropzone - The attachments drop zone around "Add attachment".
 * @csspart add-attachment - The "Add attachment" button.
 * @csspart upload-list - The list of attached files with their progress.
 * @csspart confirmation - The confirmation after the case is opened.
 * @csspart outbox - Cases waiting for the connection ("Waiting to send", offline outbox).
 *
 * @cssprop [--se-color-primary=#1a56c4] - Buttons, links and focus accents.
 * @cssprop [--se-color-on-primary=#ffffff] - Text on primary buttons.
 * @cssprop [--se-color-text=#1d1d1f] - Text.
 * @cssprop [--se-color-muted=#545459] - Hints.
 * @cssprop [--se-color-surface=#ffffff] - Background.
 * @cssprop [--se-color-surface-alt=#f4f4f6] - Background of notices and "Need quick answers?".
 * @cssprop [--se-color-border=#8a8a90] - Borders of fields and the drop zone.
 * @cssprop [--se-color-error=#b3261e] - Errors.
 * @cssprop [--se-color-success=#1e6b3a] - The confirmation's accent.
 * @cssprop [--se-color-focus=#ffbf47] - Focus ring.
 * @cssprop [--se-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans JP', 'Noto Sans CJK JP', sans-serif] - Font.
 * @cssprop [--se-space=1rem] - Base spacing.
 * @cssprop [--se-radius=6px] - Corner radius.
 */
export class TicketForm extends SupportElement {
  static override styles = [...SupportElement.styles, uploadStyles, outboxStyles, ticketFormStyles];

  /** Product area id (e.g. `esign`, `seal`). Without it, the element asks for one. */
  @property({ reflect: true }) area: string | undefined;

  /** A product of the area to preselect in the form (e.g. `rooms`). */
  @property() product: string | undefined;

  /** Number of a closed case this new case follows up on. */
  @property({ attribute: 'follow-up-of' }) followUpOf: string | undefined;
  /** Text a follow-up's description starts with when it has none (e.g. a comment never sent). */
  @property({ attribute: false }) followUpText: string | undefined;
  /** What the form starts with, like Zendesk's `prefill`: `subject`, `description`, `category`, `subcategory`, `contactMethod`, `customFields` (by field id), each `{ value, readOnly? }`. Read-only values are shown read-only and sent; the others fill only what the customer has not typed. Attribute: JSON. */
  @property({ type: Object }) prefill: TicketPrefill | undefined;

  /** Where the flow stands (see ticket-form.machine.ts); changed only through `transition`. */
  @state() private phase: TicketFormPhase = INITIAL_PHASE;
  /** What the customer typed or chose. */
  @state() private fields: CaseFields = BLANK_CASE;
  /** The session the customer signed in with inside the form, if they did. */
  @state() private signedIn: Session | undefined;

  private readonly draft = new DraftController<TicketDraft>(this, () => this.draftKey);
  private readonly prefilled = new PrefillController(this, { prefill: () => this.prefill, config: () => this.config, areaId: () => this.area, needsCategory: () => this.needsCategory, fields: () => this.fields, edit: (fields) => void (this.fields = fields) });
  private readonly uploads = new UploadController(this, {
    backend: () => this.api,
    limits: () => this.config.attachments,
    locale: () => this.resolvedLocale,
    store: sharedStore(),
    scope: () => (this.activeSession && this.area ? `uploads:${userScope(this.activeSession.user.email)}:form:${this.area}:` : undefined),
    onUnauthorized: (retry) => this.sessionExpiry.expired(this.signInRealm, retry),
  });

  // A session the host gives, or the backend knows, is known now: no call, and the first step in the first update.
  private readonly sessionSource = new FormSession(this, { api: () => this.api, given: () => this.session });

  private readonly catalogTask = new Task(this, {
    task: async ([api, locale]: readonly [SupportBackend, LocaleCode], { signal }): Promise<Catalog | undefined> => api.getCatalog({ signal, locale }),
    args: () => [this.api, this.resolvedLocale] as const, // for the step's "Try again"
    autoRun: false,
  });

  private readonly suggestions = new SuggestionsController(this, {
    backend: () => this.api,
    query: () => suggestionQueryFor(this.resolution, this.phase, this.fields),
    locale: () => this.resolvedLocale,
  });

  private readonly submission = caseSubmitController(this, {
    backend: () => this.api, locale: () => this.resolvedLocale,
    // Saved with the draft by the next update (`updated`), before any answer comes.
    keyStore: { load: () => this.intentKey, save: (value) => void (this.intentKey = value) },
    onDone: (ticket, { confirmation }) => {
      this.draft.clear();
      this.uploads.clear();
      this.dispatch({ type: 'created', ticket, confirmation });
      this.dispatchEvent(new TicketCreatedEvent(ticket));
    },
    // Unless the host signs the user in again: then the same case goes again (same key) once it hands a session back.
    onRefused: (error) => (error.kind === 'unauthorized' && this.sessionExpiry.expired(this.resolution?.area?.realm ?? this.signInRealm, this.resumeSubmit)) || this.rejected(error),
    focus: { done: () => this.stepFocus.heading, invalid: () => this.refusalTarget, failed: () => this.refusalTarget },
    viewer: () => this.activeSession?.user.email, uploads: () => this.uploads.items, confirmation: () => (this.resolution?.offered ? this.resolution.flow.confirmation : undefined),
  });

  private readonly resumeSubmit = (): void => void this.submission.retry();
  private intentKey: IntentKey | undefined;
  private restoredKey: string | undefined;
  /** The area the customer chose in the form's own list (not one the host set). */
  private chosenHere: string | undefined;
  private readonly stepFocus = new StepFocusController(this);
  protected readonly lifecycle = new LifecycleController(this, () => ticketFormSnapshot(this.phase, this.resolution, this.sessionSource.status, this.activeSession, this.submission.failure), { deflectedStep: 'solved' });

  constructor() {
    super();
    // Only a category step needs the catalog: no run (and no update pass) for a flow without one.
    runOnDemand(this, this.catalogTask, () => (this.needsCatalog ? ([this.api, this.resolvedLocale] as const) : undefined));
  }

  /** Starts a new case: empties the form and the draft, back to the first step. */
  reset(): void {
    this.uploads.clear();
    this.draft.clear();
    this.followUpOf = undefined;
    this.restore(undefined);
    this.stepFocus.next();
  }

  /* ------------------------------------------------------------ derived state */

  private get activeSession(): Session | null | undefined {
    return this.signedIn ?? this.sessionSource.session;
  }

  // Asked a dozen times per update (render, controllers, the lifecycle snapshot): resolved once per input.
  private readonly resolveFlow = lastAnswer(resolveFlow);

  private get resolution(): FlowResolution | undefined {
    return this.area ? this.resolveFlow(this.config, this.resolvedLocale, this.area) : undefined;
  }

  private get needsCategory(): boolean {
    return needsCategoryStep(this.resolution);
  }

  private get needsCatalog(): boolean {
    return this.needsCategory && Boolean(this.activeSession);
  }

  private get draftKey(): string | undefined {
    const email = this.activeSession?.user.email;
    return email && this.area ? migratedDraftKey(`ticket-form:${userDigest(email)}:${this.area}`, `ticket-form:${email}:${this.area}`) : undefined;
  }

  private caseContext(): CaseContext {
    return { areaId: this.area ?? '', needsCategory: this.needsCategory, attachmentTokens: this.uploads.tokens, followUpOf: this.followUpOf, customFields: this.prefilled.customFields(this.fields) };
  }

  /** After a refused submit: the sign-in form, the failure notice if there is one, else the error summary. */
  private get refusalTarget(): HTMLElement | null {
    const targets = { summary: '.error-summary', failure: '.failure', 'sign-in': 'support-sign-in' } as const;
    return this.renderRoot.querySelector<HTMLElement>(targets[focusAfterRefusal(this.phase)]);
  }

  /* ------------------------------------------------------------ lifecycle */

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.sessionExpiry.noteSession(this.activeSession);
    const key = this.draftKey;
    if (key && key !== this.restoredKey) {
      this.restoredKey = key;
      this.restore(this.draft.load());
    }
    if (changed.has('product') && this.product && !this.fields.productId) this.edit({ productId: offeredProduct(this.config, this.area, this.resolvedLocale, this.product) });
    if (changed.has('followUpOf')) this.applyFollowUp();
  }

  protected override updated(): void {
    this.saveDraft();
  }

  private dispatch(event: TicketFormEvent): void {
    this.phase = transition(this.phase, event);
  }

  /** Puts a draft (or nothing: a blank case) into the form. */
  private restore(saved: Partial<TicketDraft> | undefined): void {
    const restored = restoreCase(saved, offeredProduct(this.config, this.area, this.resolvedLocale, this.product));
    // Another case from here: the controller forgets its outcome and key, the draft's key counts.
    this.submission.clear();
    this.intentKey = restored.key;
    this.fields = this.prefilled.apply(restored.fields);
    this.dispatch({ type: 'restore', step: restored.step });
    this.applyFollowUp();
  }

  private applyFollowUp(): void {
    const number = this.followUpOf;
    if (!number) return;
    const line = msg(str`Follow-up of case ${number}`, {
      id: 'ticket-form.follow_up.description_line',
      desc: 'First line put in the description of a follow-up case. ${number} is the closed case number.',
    });
    // The line is the customer's text from here on (they may edit it): it is sent as typed.
    this.edit({ description: withFollowUpLine(this.fields.description || (this.followUpText ?? ''), number, line) });
  }

  private saveDraft(): void {
    const key = this.draftKey;
    const phase = this.phase;
    if (!key || key !== this.restoredKey || phase.kind === 'created' || phase.kind === 'solved') return;
    this.draft.save(draftOf(phase.step, this.fields, this.intentKey));
  }

  /* ------------------------------------------------------------ actions */

  private edit(patch: Partial<CaseFields>): void {
    this.fields = { ...this.fields, ...patch };
  }

  private goTo(step: InputStep): void {
    this.dispatch({ type: 'go_to', step });
    this.submission.reset();
    this.stepFocus.next();
  }

  private continueFrom(step: InputStep, flow: FlowConfig, event: Event): void {
    event.preventDefault();
    const errors = stepErrors(step, this.fields, this.caseContext(), this.config, this.uploads);
    const before = this.phase;
    this.dispatch({ type: 'continue', from: step, steps: inputSteps(flow), errors });
    if (errors.length > 0) void this.stepFocus.summary();
    else if (this.phase !== before) this.stepFocus.next();
  }

  private submit(event: Event, flow: FlowConfig): void {
    event.preventDefault();
    // A second press while the case is on its way does nothing (the button says so: aria-disabled).
    if (this.submission.busy) return;
    const errors = stepErrors('details', this.fields, this.caseContext(), this.config, this.uploads);
    this.dispatch({ type: 'submit', errors });
    const ticket = errors.length === 0 ? newTicketOf(this.fields, this.caseContext()) : undefined;
    if (!ticket) {
      void this.stepFocus.summary();
      return;
    }
    void this.submission.run({ ticket, confirmation: flow.confirmation });
  }

  private openArticle(article: Article): void {
    this.dispatch({ type: 'article_opened', article });
    this.dispatchEvent(new ArticleOpenedEvent(article));
  }

  private markSolved(): void {
    this.suggestions.abort();
    this.uploads.clear();
    this.draft.clear();
    this.dispatch({ type: 'solved' });
    this.stepFocus.next();
  }

  private readonly requestLocale = (locale: LocaleCode): void => {
    const event = new LocaleChangeRequestEvent(locale);
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    this.locale = locale;
    this.stepFocus.next();
  };

  /** An area chosen in the form's own list, or `undefined`: back to that list (what was typed stays in the area's draft). */
  private chooseArea(areaId: string | undefined): void {
    this.area = this.chosenHere = areaId;
    this.stepFocus.next();
  }

  /** "Back" to the list of areas, on the first screen after the customer chose one in it. */
  private get areaBack(): (() => void) | undefined {
    return this.area !== undefined && this.area === this.chosenHere ? () => this.chooseArea(undefined) : undefined;
  }

  private onSignedIn(session: Session): void {
    // The event goes on out of this element (it is composed): the host learns of the session too.
    this.signedIn = session;
    this.dispatch({ type: 'signed_in' });
    this.submission.reset();
    this.stepFocus.next();
  }

  private rejected(error: SupportError): false {
    this.dispatch({ type: 'rejected', kind: error.kind, fieldErrors: error.fieldErrors });
    return false;
  }

  private dropFollowUp(): void {
    this.followUpOf = undefined;
    this.dispatch({ type: 'follow_up_dropped' });
  }

  /* ------------------------------------------------------------ rendering */

  private view(): TicketFormView {
    const errors = this.phase.kind === 'editing' ? this.phase.errors : [];
    // Without a subcategory select (the category step is gone) the summary links to "Change category".
    const controlId = (field: string) => (field === 'subcategoryId' && !this.renderRoot.querySelector('#subcategoryId') ? 'categoryId' : field);
    const areaId = this.resolution?.area?.id;
    const customFields = this.prefilled.customFields(this.fields);
    return {
      config: this.config, locale: this.resolvedLocale, root: this.renderRoot, fields: this.fields, customFields, readOnly: this.prefilled.readOnly, setCustom: this.prefilled.setCustom,
      categories: this.catalogTask.value?.categories.filter((c) => c.areaId === areaId) ?? [],
      ...shownErrors(errors, { config: this.config, followUpOf: this.followUpOf, customFields, locale: this.resolvedLocale }, controlId),
      edit: (patch) => this.edit(patch), goTo: (step) => this.goTo(step), requestLocale: this.requestLocale,
    };
  }

  override render() {
    const resolution = this.resolution;
    if (!resolution || !resolution.area) return renderAreaChooser(this.config, this.resolvedLocale, Boolean(this.area), (id) => this.chooseArea(id));
    if (!resolution.offered) return renderNotOffered(resolution.area, resolution.offeredIn, this.resolvedLocale, this.requestLocale, this.areaBack);
    const phase = this.phase;
    const another = () => this.reset();
    if (phase.kind === 'created') {
      return renderConfirmation(phase.ticket, phase.confirmation, this.resolvedLocale, { manageTickets: () => this.dispatchEvent(new ManageTicketsRequestEvent()), another });
    }
    if (phase.kind === 'solved') return renderSolved(another);
    const session = this.activeSession;
    // A session of the other realm (product vs support center) cannot open this area's cases.
    if (!session || session.realm !== resolution.area.realm) {
      if (this.sessionSource.asking(session)) return loadingStatus();
      return html`${this.renderSignIn(resolution.area, undefined)} ${backActions(this.areaBack)}`;
    }
    const view = this.view();
    const followUp = this.followUpOf;
    return html`${followUp ? followUpNotice(followUp, view.errorFor('followUpOf'), () => this.dropFollowUp()) : nothing}
    ${phase.kind === 'reauthenticate'
      ? // Sign in again above the case, which stays on screen as typed (nothing is lost, nothing hidden).
        html`${this.renderSignIn(resolution.area, 'unauthorized')} ${this.renderStep(view, editing(phase.step), resolution.area, resolution.flow, session)}`
      : this.renderStep(view, phase, resolution.area, resolution.flow, session)}`;
  }

  private renderStep(view: TicketFormView, phase: EditingPhase, area: AreaConfig, flow: FlowConfig, session: Session): TemplateResult {
    const steps = inputSteps(flow);
    const step = currentStep(phase.step, steps);
    const previous = previousStep(step, steps);
    const back = previous ? () => this.goTo(previous) : this.areaBack;
    switch (step) {
      case 'subject': {
        const quickAnswers = flow.steps.includes('quick_answers')
          ? { suggestions: this.suggestions.state, opened: phase.opened, open: (article: Article) => this.openArticle(article), solved: () => this.markSolved() }
          : undefined;
        return renderSubject(view, quickAnswers, (e) => this.continueFrom('subject', flow, e), back);
      }
      case 'category':
        return renderCategory(view, catalogState(this.catalogTask), (e) => this.continueFrom('category', flow, e), back);
      case 'details':
        return renderDetails(view, {
          area,
          flow,
          session,
          uploads: this.uploads,
          busy: this.submission.busy,
          failure: this.failureDetails(phase.failure),
          back,
          submit: (e) => this.submit(e, flow),
          paste: flow.attachmentsInForm ? pasteInto(this.uploads) : undefined, outbox: this.submission.outbox,
        });
    }
  }

  /** The phase keeps the kind; the controller's error says more (the limit, the wait, the detail). */
  private failureDetails(kind: ErrorKind | undefined): ErrorKind | SupportError | undefined {
    return this.submission.failure?.kind === kind ? this.submission.failure : kind;
  }

  private renderSignIn(area: AreaConfig, failure: ErrorKind | undefined): TemplateResult {
    const context = { locale: this.resolvedLocale, hadSession: this.sessionExpiry.hadSession };
    return html`${failure ? failureNotice(this.failureDetails(failure) ?? failure, context) : nothing}
      ${this.renderSignInHere(area.realm, (session) => this.onSignedIn(session), { help: signInHelp(this.resolvedLocale, area.id) })}`;
  }
}
