import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { Session, SupportBackend } from '../../adapters/backend.js';
import type { Article, Catalog, Category } from '../../core/catalog.js';
import type { AreaConfig, FlowConfig, LocaleCode } from '../../core/config.js';
import type { ErrorKind, FieldError, ValidationCode } from '../../core/errors.js';
import { isAbort, isSupportError } from '../../core/errors.js';
import { areaLocales, formSteps, productAvailability, resolveFlow, type FlowResolution } from '../../core/flows.js';
import { CONTACT_METHODS, type ContactMethod, type NewTicket, type Ticket } from '../../core/ticket.js';
import { validateNewTicket } from '../../core/validation.js';
import { DraftController, type Draft } from '../../controllers/draft-controller.js';
import { UploadController } from '../../controllers/upload-controller.js';
import { pasteFiles, rejectionMessage, renderUploadList, renderUploadPicker, uploadStyles } from '../shared/upload-list.js';
import {
  ArticleOpenedEvent,
  LocaleChangeRequestEvent,
  ManageTicketsRequestEvent,
  TicketCreatedEvent,
  type SessionChangedEvent,
} from '../../events/events.js';
import { pluralCategory } from '../../localization/format.js';
import { errorSummary, fieldMessages, radioGroup, selectField, textField, type ShownError } from '../shared/forms.js';
import { isSafeHref } from '../shared/safe-url.js';
import { errorKindMessage, statusLabel, validationMessage } from '../shared/messages.js';
import { SupportElement } from '../shared/support-element.js';
import { ticketFormStyles } from './ticket-form.styles.js';

/** The steps where the customer types or chooses something (the flow's form steps). */
const INPUT_STEPS = ['subject', 'category', 'details'] as const;
type InputStep = (typeof INPUT_STEPS)[number];

function isInputStep(value: unknown): value is InputStep {
  return typeof value === 'string' && (INPUT_STEPS as readonly string[]).includes(value);
}

/** Errors of the form: the core's validation codes, plus the uploads' own state. */
type FormErrorCode = ValidationCode | 'uploads_busy' | 'uploads_failed';
interface FormError {
  readonly field: string;
  readonly code: FormErrorCode;
}

/** Fields a backend validation error may name that this form shows. */
const FORM_FIELDS = ['subject', 'productId', 'description', 'contactMethod', 'categoryId', 'subcategoryId', 'attachments', 'followUpOf'];

/** What is kept in localStorage while the case is being written (never files, never secrets). */
interface TicketDraft extends Draft {
  readonly step: string;
  readonly subject: string;
  readonly categoryId: string;
  readonly subcategoryId: string;
  readonly productId: string;
  readonly description: string;
  readonly contactMethod: string;
  /** Created once per case attempt; kept until the backend confirms, so a retry never duplicates. */
  readonly idempotencyKey: string;
}

type SuggestionState = 'idle' | 'loading' | 'done' | 'error';

/** A language's name in that language, capitalised ("English", "Français"). */
function languageName(code: LocaleCode): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    return code;
  }
}

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
 * @fires locale-change-request - The customer chose to continue in a language offering the area or product; cancelable (default: the element sets its `locale`).
 * @fires manage-tickets-request - "View my tickets" on the confirmation; cancelable, handled by the host.
 *
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
  static override styles = [...SupportElement.styles, uploadStyles, ticketFormStyles];

  /** Product area id (e.g. `esign`, `seal`). Without it, the element asks for one. */
  @property({ reflect: true }) area: string | undefined;

  /** A product of the area to preselect in the form (e.g. `rooms`). */
  @property() product: string | undefined;

  /** Number of a closed case this new case follows up on. */
  @property({ attribute: 'follow-up-of' }) followUpOf: string | undefined;

  @state() private step: InputStep | undefined;
  @state() private subject = '';
  @state() private categoryId = '';
  @state() private subcategoryId = '';
  @state() private productId = '';
  @state() private description = '';
  @state() private contactMethod: ContactMethod | '' = '';
  @state() private idempotencyKey: string | undefined;

  @state() private errors: readonly FormError[] = [];
  @state() private failure: ErrorKind | undefined;
  @state() private submitting = false;
  @state() private reauthenticate = false;
  @state() private signedIn: Session | undefined;
  @state() private created: { readonly ticket: Ticket; readonly confirmation: FlowConfig['confirmation'] } | undefined;
  @state() private solved = false;

  @state() private articles: readonly Article[] = [];
  @state() private suggestionState: SuggestionState = 'idle';
  @state() private openedArticle: Article | undefined;

  private readonly draft = new DraftController<TicketDraft>(this, () => this.draftKey);
  private readonly uploads = new UploadController(this, {
    backend: () => this.api,
    limits: () => this.config.attachments,
    locale: () => this.resolvedLocale,
  });

  private readonly sessionTask = new Task(this, {
    task: async ([api, given]: readonly [SupportBackend, Session | null | undefined], { signal }) =>
      given ?? (await api.getSession({ signal })),
    args: () => [this.api, this.session] as const,
  });

  private readonly catalogTask = new Task(this, {
    task: async ([api, locale, needed]: readonly [SupportBackend, LocaleCode, boolean], { signal }): Promise<Catalog | undefined> =>
      needed ? api.getCatalog({ signal, locale }) : undefined,
    args: () => [this.api, this.resolvedLocale, this.needsCatalog] as const,
  });

  private restoredKey: string | undefined;
  private focusPending = false;
  private suggestTimer: ReturnType<typeof setTimeout> | undefined;
  private suggestAbort: AbortController | undefined;
  private submitAbort: AbortController | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.suggestTimer);
    this.suggestAbort?.abort();
    this.submitAbort?.abort();
  }

  /** Starts a new case: empties the form and the draft, back to the first step. */
  reset(): void {
    clearTimeout(this.suggestTimer);
    this.suggestAbort?.abort();
    this.submitAbort?.abort();
    this.uploads.clear();
    this.draft.clear();
    this.followUpOf = undefined;
    this.applyDraft(undefined);
    this.created = undefined;
    this.solved = false;
    this.submitting = false;
    this.focusPending = true;
  }

  /* ------------------------------------------------------------ derived state */

  private get activeSession(): Session | null | undefined {
    return this.signedIn ?? this.session ?? this.sessionTask.value;
  }

  private get resolution(): FlowResolution | undefined {
    return this.area ? resolveFlow(this.config, this.resolvedLocale, this.area) : undefined;
  }

  private get needsCatalog(): boolean {
    const resolution = this.resolution;
    return Boolean(resolution?.offered && resolution.steps.includes('category') && this.activeSession);
  }

  private get draftKey(): string | undefined {
    const email = this.activeSession?.user.email;
    return email && this.area ? `ticket-form:${email}:${this.area}` : undefined;
  }

  private inputSteps(flow: FlowConfig): InputStep[] {
    return formSteps(flow.steps).filter(isInputStep);
  }

  private currentStep(flow: FlowConfig): InputStep {
    const steps = this.inputSteps(flow);
    return this.step && steps.includes(this.step) ? this.step : (steps[0] ?? 'details');
  }

  private categoriesOf(area: AreaConfig): readonly Category[] {
    return this.catalogTask.value?.categories.filter((c) => c.areaId === area.id) ?? [];
  }

  /* ------------------------------------------------------------ lifecycle */

  protected override willUpdate(changed: PropertyValues<this>): void {
    const key = this.draftKey;
    if (key && key !== this.restoredKey) {
      this.restoredKey = key;
      this.applyDraft(this.draft.load());
    }
    if (changed.has('product') && this.product && !this.productId) this.productId = this.offeredProduct(this.product);
    if (changed.has('followUpOf')) this.applyFollowUp();
  }

  protected override updated(): void {
    if (this.focusPending) {
      this.focusPending = false;
      const heading = this.renderRoot.querySelector<HTMLElement>('.step-heading');
      if (heading) heading.focus();
      else this.renderRoot.querySelector('support-sign-in')?.focus();
    }
    this.saveDraft();
  }

  /** Puts a draft (or nothing: a blank case) into the form. */
  private applyDraft(saved: Partial<TicketDraft> | undefined): void {
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    this.step = isInputStep(saved?.step) ? saved.step : undefined;
    this.subject = text(saved?.subject);
    this.categoryId = text(saved?.categoryId);
    this.subcategoryId = text(saved?.subcategoryId);
    this.productId = saved?.productId ? text(saved.productId) : this.offeredProduct(this.product);
    this.description = text(saved?.description);
    const method = text(saved?.contactMethod);
    this.contactMethod = (CONTACT_METHODS as readonly string[]).includes(method) ? (method as ContactMethod) : '';
    this.idempotencyKey = saved?.idempotencyKey ? text(saved.idempotencyKey) : undefined;
    this.errors = [];
    this.failure = undefined;
    this.reauthenticate = false;
    this.articles = [];
    this.suggestionState = 'idle';
    this.openedArticle = undefined;
    this.applyFollowUp();
    if (this.subject.trim()) this.scheduleSuggestions();
  }

  /** A follow-up names the closed case on the description's first line. */
  private applyFollowUp(): void {
    const number = this.followUpOf;
    if (!number || this.description.includes(number)) return;
    const line = msg(str`Follow-up of case ${number}`, {
      id: 'ticket-form.follow_up.description_line',
      desc: 'First line put in the description of a follow-up case. ${number} is the closed case number.',
    });
    this.description = this.description ? `${line}\n${this.description}` : `${line}\n\n`;
  }

  private offeredProduct(productId: string | undefined): string {
    if (!productId || !this.area) return '';
    const area = this.config.areas.find((a) => a.id === this.area);
    if (!area?.products.some((p) => p.id === productId)) return '';
    return productAvailability(this.config, this.resolvedLocale, productId).offered ? productId : '';
  }

  private saveDraft(): void {
    const key = this.draftKey;
    if (!key || key !== this.restoredKey || this.created || this.solved) return;
    this.draft.save({
      step: this.step ?? '',
      subject: this.subject,
      categoryId: this.categoryId,
      subcategoryId: this.subcategoryId,
      productId: this.productId,
      description: this.description,
      contactMethod: this.contactMethod,
      ...(this.idempotencyKey ? { idempotencyKey: this.idempotencyKey } : {}),
    });
  }

  private goTo(step: InputStep): void {
    this.step = step;
    this.errors = [];
    this.failure = undefined;
    this.focusPending = true;
    if (step === 'subject' && this.subject.trim()) this.scheduleSuggestions();
  }

  /* ------------------------------------------------------------ validation */

  private validate(step: InputStep, flow: FlowConfig): FormError[] {
    const needsCategory = flow.steps.includes('category');
    const all = validateNewTicket(this.input(), this.config, { needsCategory });
    const fields: Record<InputStep, readonly string[]> = {
      subject: ['subject'],
      category: ['categoryId', 'subcategoryId'],
      details: ['categoryId', 'subcategoryId', 'subject', 'productId', 'description', 'contactMethod'],
    };
    // Without a category there is no subcategory list to choose from yet.
    const errors: FormError[] = all.filter(
      (e) => fields[step].includes(e.field) && !(e.field === 'subcategoryId' && !this.categoryId),
    );
    if (step === 'details') {
      if (this.uploads.busy) errors.push({ field: 'attachments', code: 'uploads_busy' });
      else if (this.uploads.hasProblems) errors.push({ field: 'attachments', code: 'uploads_failed' });
    }
    return errors;
  }

  private input(): NewTicket {
    const needsCategory = Boolean(this.resolution?.offered && this.resolution.steps.includes('category'));
    return {
      areaId: this.area ?? '',
      productId: this.productId,
      subject: this.subject,
      description: this.description,
      contactMethod: (this.contactMethod || undefined) as ContactMethod,
      ...(needsCategory ? { categoryId: this.categoryId || undefined, subcategoryId: this.subcategoryId || undefined } : {}),
      ...(this.uploads.tokens.length > 0 ? { attachmentTokens: this.uploads.tokens } : {}),
      ...(this.followUpOf ? { followUpOf: this.followUpOf } : {}),
    };
  }

  private async showErrors(errors: readonly FormError[]): Promise<void> {
    this.errors = errors;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  private async continueFrom(step: InputStep, flow: FlowConfig, event?: Event): Promise<void> {
    event?.preventDefault();
    const errors = this.validate(step, flow);
    if (errors.length > 0) return this.showErrors(errors);
    const steps = this.inputSteps(flow);
    const next = steps[steps.indexOf(step) + 1];
    if (next) this.goTo(next);
  }

  /* ------------------------------------------------------------ actions */

  private scheduleSuggestions(): void {
    clearTimeout(this.suggestTimer);
    this.suggestAbort?.abort();
    const query = this.subject.trim();
    if (query.length < 3 || !this.area) {
      this.articles = [];
      this.suggestionState = 'idle';
      return;
    }
    this.suggestionState = 'loading';
    const areaId = this.area;
    this.suggestTimer = setTimeout(() => void this.fetchSuggestions(query, areaId), 300);
  }

  private async fetchSuggestions(query: string, areaId: string): Promise<void> {
    const abort = new AbortController();
    this.suggestAbort = abort;
    try {
      const found = await this.api.suggestArticles(
        { query, areaId, productId: this.productId || undefined },
        { signal: abort.signal, locale: this.resolvedLocale },
      );
      if (abort.signal.aborted) return;
      this.articles = found;
      this.suggestionState = 'done';
    } catch (error) {
      if (abort.signal.aborted || isAbort(error)) return;
      this.articles = [];
      this.suggestionState = 'error';
    }
  }

  private openArticle(article: Article): void {
    this.openedArticle = article;
    this.dispatchEvent(new ArticleOpenedEvent(article));
  }

  private markSolved(): void {
    clearTimeout(this.suggestTimer);
    this.suggestAbort?.abort();
    this.uploads.clear();
    this.draft.clear();
    this.solved = true;
    this.focusPending = true;
  }

  private requestLocale(locale: LocaleCode): void {
    const event = new LocaleChangeRequestEvent(locale);
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    this.locale = locale;
    this.focusPending = true;
  }

  private chooseArea(areaId: string): void {
    this.area = areaId;
    this.focusPending = true;
  }

  private onSignedIn(event: SessionChangedEvent): void {
    // The event goes on out of this element (it is composed): the host learns of the session too.
    if (!event.session) return;
    this.signedIn = event.session;
    this.reauthenticate = false;
    this.failure = undefined;
    this.focusPending = true;
  }

  private dropFollowUp(): void {
    this.followUpOf = undefined;
    this.errors = this.errors.filter((e) => e.field !== 'followUpOf');
  }

  private manageTickets(): void {
    this.dispatchEvent(new ManageTicketsRequestEvent());
  }

  private onPaste(event: ClipboardEvent, flow: FlowConfig): void {
    if (!flow.attachmentsInForm) return;
    const files = pasteFiles(event);
    if (files.length === 0) return;
    event.preventDefault();
    this.uploads.add(files);
  }

  private async submit(event: Event, flow: FlowConfig): Promise<void> {
    event.preventDefault();
    // A second click while the first is on its way does nothing (and the button is disabled).
    if (this.submitting) return;
    this.failure = undefined;
    const errors = this.validate('details', flow);
    if (errors.length > 0) {
      void this.showErrors(errors);
      return;
    }
    this.errors = [];
    this.idempotencyKey ??= crypto.randomUUID();
    const idempotencyKey = this.idempotencyKey;
    this.submitting = true;
    this.saveDraft();
    const abort = new AbortController();
    this.submitAbort = abort;
    try {
      const ticket = await this.api.createTicket(this.input(), {
        idempotencyKey,
        signal: abort.signal,
        locale: this.resolvedLocale,
      });
      this.draft.clear();
      this.created = { ticket, confirmation: flow.confirmation };
      this.uploads.clear();
      this.focusPending = true;
      this.dispatchEvent(new TicketCreatedEvent(ticket));
    } catch (error) {
      if (isAbort(error)) return;
      await this.failed(error);
    } finally {
      if (this.submitAbort === abort) this.submitting = false;
    }
  }

  private async failed(error: unknown): Promise<void> {
    const kind: ErrorKind = isSupportError(error) ? error.kind : 'server';
    if (kind === 'validation' && isSupportError(error)) {
      const known = error.fieldErrors.filter((e: FieldError) => FORM_FIELDS.includes(e.field));
      if (known.length > 0 && known.length === error.fieldErrors.length) return this.showErrors(known);
      this.errors = known;
    }
    if (kind === 'unauthorized') this.reauthenticate = true;
    this.failure = kind;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.failure')?.focus();
  }

  /* ------------------------------------------------------------ messages */

  private errorMessage(error: FormError): string {
    const max = error.field === 'subject' ? this.config.maxLengths.subject : this.config.maxLengths.description;
    switch (`${error.field}:${error.code}`) {
      case 'subject:required':
        return msg('Enter a subject for your case', { id: 'ticket-form.error.subject_required', desc: 'Error when the case subject (title) is empty.' });
      case 'subject:too_long':
        return msg(str`The subject must be ${max} characters or fewer`, { id: 'ticket-form.error.subject_too_long', desc: 'Error when the subject is too long. ${max} is the largest number of characters.' });
      case 'description:required':
        return msg('Describe the problem', { id: 'ticket-form.error.description_required', desc: 'Error when the case description is empty.' });
      case 'description:too_long':
        return msg(str`The description must be ${max} characters or fewer`, { id: 'ticket-form.error.description_too_long', desc: 'Error when the description is too long. ${max} is the largest number of characters.' });
      case 'productId:required':
        return msg('Select the product the case is about', { id: 'ticket-form.error.product_required', desc: 'Error when no product is selected.' });
      case 'categoryId:required':
        return msg('Select a category', { id: 'ticket-form.error.category_required', desc: 'Error when no category is selected. French seed word for category: "Catégorie".' });
      case 'subcategoryId:required':
        return msg('Select a subcategory', { id: 'ticket-form.error.subcategory_required', desc: 'Error when no subcategory is selected. French seed word: "Sous-catégorie".' });
      case 'contactMethod:required':
        return msg('Select how you want us to contact you', { id: 'ticket-form.error.contact_required', desc: 'Error when no preferred contact method is chosen.' });
      case 'attachments:uploads_busy':
        return msg('Wait until your files have uploaded, or cancel them', { id: 'ticket-form.error.uploads_busy', desc: 'Error when the customer submits while attachments are still uploading.' });
      case 'attachments:uploads_failed':
        return msg('Retry or remove the files that did not upload', { id: 'ticket-form.error.uploads_failed', desc: 'Error when the customer submits while some attachments failed or were cancelled.' });
      case 'followUpOf:invalid_choice':
      case 'followUpOf:required': {
        const number = this.followUpOf ?? '';
        return msg(str`Case ${number} is not one of your closed cases, so this case cannot follow up on it`, { id: 'ticket-form.error.follow_up_invalid', desc: 'Error when the backend refuses the closed case number of a follow-up. ${number} is that case number.' });
      }
      default:
        return error.code === 'uploads_busy' || error.code === 'uploads_failed' ? '' : validationMessage(error.code);
    }
  }

  /** The id of the control an error summary link focuses. */
  private controlId(field: string): string {
    if (field === 'subcategoryId' && !this.renderRoot.querySelector('#subcategoryId')) return 'categoryId';
    return field;
  }

  private shownErrors(): ShownError[] {
    return this.errors.map((e) => ({ id: this.controlId(e.field), message: this.errorMessage(e) }));
  }

  private errorFor(field: string): string | undefined {
    const found = this.errors.find((e) => e.field === field);
    return found ? this.errorMessage(found) : undefined;
  }

  /* ------------------------------------------------------------ rendering */

  private heading(text: string): TemplateResult {
    return html`<h2 class="step-heading" part="step-heading" tabindex="-1">${text}</h2>`;
  }

  private loading(): TemplateResult {
    return html`<p role="status">${msg('Loading…', { id: 'ticket-form.loading', desc: 'Shown while the form loads what it needs (session, categories).' })}</p>`;
  }

  private languageButtons(locales: readonly LocaleCode[]): TemplateResult {
    return html`<ul class="language-choices">
      ${locales.map((code) => {
        const language = languageName(code);
        return html`<li>
          <button type="button" class="secondary" data-locale=${code} @click=${() => this.requestLocale(code)}>
            ${msg(str`Continue in ${language}`, { id: 'ticket-form.continue_in_language', desc: 'Button switching the widget to a language in which the area or product is offered. ${language} is that language\'s name, in that language (e.g. "English", "Français").' })}
          </button>
        </li>`;
      })}
    </ul>`;
  }

  override render() {
    const resolution = this.resolution;
    if (!resolution || !resolution.area) return this.renderAreaChooser();
    if (!resolution.offered) return this.renderNotOffered(resolution.area, resolution.offeredIn);
    if (this.created) return this.renderConfirmation(this.created.ticket, this.created.confirmation);
    if (this.solved) return this.renderSolved();
    const session = this.activeSession;
    // A session of the other realm (product vs support center) cannot open this area's cases.
    if (!session || session.realm !== resolution.area.realm) {
      if (!session && this.sessionTask.status === TaskStatus.PENDING || this.sessionTask.status === TaskStatus.INITIAL) return this.loading();
      return this.renderSignIn(resolution.area, undefined);
    }
    const { area, flow } = resolution;
    const step = this.currentStep(flow);
    const followUp = this.followUpOf;
    const followUpError = this.errorFor('followUpOf');
    return html`${followUp
        ? html`<div class="notice follow-up ${followUpError ? 'notice--error' : ''}" part="notice" id="followUpOf" tabindex="-1">
            <p>
              ${msg(str`Follow-up of case ${followUp}`, { id: 'ticket-form.follow_up.notice', desc: 'Notice at the top of a follow-up case. ${followUp} is the closed case number.' })}
            </p>
            ${followUpError
              ? html`<p class="error-message">${followUpError}</p>
                  <button type="button" class="secondary" @click=${this.dropFollowUp}>
                    ${msg('Open it as a new case instead', { id: 'ticket-form.follow_up.drop', desc: 'Button shown when a follow-up number was refused: keeps the case but drops the link to the closed case.' })}
                  </button>`
              : nothing}
          </div>`
        : nothing}
      ${step === 'subject'
        ? this.renderSubject(flow)
        : step === 'category'
          ? this.renderCategory(area, flow)
          : this.renderDetails(area, flow, session)}`;
  }

  private renderAreaChooser(): TemplateResult {
    const locale = this.resolvedLocale;
    const offered = this.config.areas.filter((a) => areaLocales(this.config, a.id).includes(locale));
    return html`${this.heading(msg('Which products is your case about?', { id: 'ticket-form.area.heading', desc: 'Heading of the step where the customer picks a product area before opening a case.' }))}
      ${this.area
        ? html`<p class="notice notice--error" part="notice">
            ${msg('This product area is not known. Choose one of the list.', { id: 'ticket-form.area.unknown', desc: 'Shown when the page asked for a product area that the configuration does not have.' })}
          </p>`
        : nothing}
      <ul class="area-list">
        ${offered.map(
          (a) => html`<li><button type="button" part="area-button" class="secondary" data-area=${a.id} @click=${() => this.chooseArea(a.id)}>${a.name}</button></li>`,
        )}
      </ul>`;
  }

  private renderNotOffered(area: AreaConfig, offeredIn: readonly LocaleCode[]): TemplateResult {
    const name = area.name;
    return html`${this.heading(msg('Not offered in this language', { id: 'ticket-form.not_offered.heading', desc: 'Heading shown when the product area has no support flow in the current language.' }))}
      <p class="notice not-offered" part="notice">
        ${msg(str`Support for ${name} is not offered in this language. You can continue in one of these languages:`, { id: 'ticket-form.not_offered.area', desc: 'Explains that the product area is not supported in the current language; buttons to switch language follow. ${name} is the area\'s brand name.' })}
      </p>
      ${this.languageButtons(offeredIn)}`;
  }

  private renderSignIn(area: AreaConfig, failure: ErrorKind | undefined): TemplateResult {
    return html`${failure ? this.renderFailure(failure) : nothing}
      <support-sign-in
        realm=${area.realm}
        locale=${this.resolvedLocale}
        .backend=${this.api}
        .config=${this.config}
        @session-changed=${this.onSignedIn}
      ></support-sign-in>`;
  }

  private renderFailure(kind: ErrorKind): TemplateResult {
    return html`<div class="notice notice--error failure" part="notice" role="alert" tabindex="-1">${errorKindMessage(kind)}</div>`;
  }

  private renderSubject(flow: FlowConfig): TemplateResult {
    const quickAnswers = flow.steps.includes('quick_answers');
    return html`${this.heading(msg('What is your case about?', { id: 'ticket-form.subject.heading', desc: 'Heading of the step where the customer chooses the case subject (title), Flow 1.' }))}
      ${errorSummary(this.shownErrors(), this.renderRoot)}
      <form part="form" novalidate @submit=${(e: Event) => this.continueFrom('subject', flow, e)}>
        ${textField({
          id: 'subject',
          label: msg('Subject', { id: 'ticket-form.subject.label', desc: 'Label of the case subject (title) field.' }),
          hint: msg('A short title for your problem, for example “Envelope stuck in sending”.', { id: 'ticket-form.subject.hint', desc: 'Hint under the subject field. The example may be adapted.' }),
          value: this.subject,
          required: true,
          maxlength: this.config.maxLengths.subject,
          error: this.errorFor('subject'),
          onInput: (value) => {
            this.subject = value;
            if (quickAnswers) this.scheduleSuggestions();
          },
        })}
        ${quickAnswers ? this.renderQuickAnswers() : nothing}
        <div class="actions">
          <button type="submit" class=${quickAnswers ? '' : 'secondary'}>
            ${quickAnswers
              ? msg('Add case details', { id: 'ticket-form.add_details', desc: 'Button leading from the subject and suggested articles to the case form. French seed words: "Ajouter les détails du dossier".' })
              : msg('Continue', { id: 'ticket-form.continue', desc: 'Button leading to the next step. French seed word: "Continuer".' })}
          </button>
        </div>
      </form>`;
  }

  private suggestionStatus(): string {
    const count = this.articles.length;
    switch (this.suggestionState) {
      case 'idle':
        return msg('Type a subject to see articles that may answer your question.', { id: 'ticket-form.quick_answers.idle', desc: 'In "Need quick answers?" before the customer typed a subject.' });
      case 'loading':
        return msg('Looking for articles…', { id: 'ticket-form.quick_answers.loading', desc: 'In "Need quick answers?" while articles are being searched.' });
      case 'error':
        return msg('Articles could not be loaded. You can still add the case details.', { id: 'ticket-form.quick_answers.error', desc: 'In "Need quick answers?" when the article search failed.' });
      case 'done':
        if (count === 0) {
          return msg('No article matches your subject. Add the case details to open a case.', { id: 'ticket-form.quick_answers.none', desc: 'In "Need quick answers?" when no article matches the subject.' });
        }
        return pluralCategory(count, this.resolvedLocale) === 'one'
          ? msg(str`${count} article may answer your question.`, { id: 'ticket-form.quick_answers.count_one', desc: 'Announced when suggestions appear (singular form). ${count} is the number of articles.' })
          : msg(str`${count} articles may answer your question.`, { id: 'ticket-form.quick_answers.count_other', desc: 'Announced when suggestions appear (plural form). ${count} is the number of articles.' });
    }
  }

  private renderQuickAnswers(): TemplateResult {
    const opened = this.openedArticle;
    const openedTitle = opened?.title ?? '';
    return html`<section class="quick-answers" part="suggestions" aria-labelledby="quick-answers-title">
      <h3 id="quick-answers-title">
        ${msg('Need quick answers?', { id: 'ticket-form.quick_answers.heading', desc: 'Heading of the suggested articles box. French seed words: "Avez-vous besoin de réponses rapides ?".' })}
      </h3>
      <p class="hint" role="status">${this.suggestionStatus()}</p>
      ${this.articles.length > 0
        ? html`<ul class="suggestions">
            ${this.articles.map(
              (article) => html`<li>
                ${isSafeHref(article.url)
                  ? html`<a href=${article.url} target="_blank" rel="noopener noreferrer" @click=${() => this.openArticle(article)}>${article.title}</a>`
                  : html`<span>${article.title}</span>`}
              </li>`,
            )}
          </ul>`
        : nothing}
      ${opened
        ? html`<div class="notice">
            <p>
              ${msg(str`Did “${openedTitle}” solve your problem?`, { id: 'ticket-form.quick_answers.solved_question', desc: 'Asked after the customer opened a suggested article. ${openedTitle} is the article title.' })}
            </p>
            <button type="button" class="secondary" @click=${this.markSolved}>
              ${msg('This solved my problem', { id: 'ticket-form.quick_answers.solved', desc: 'Button ending the flow without opening a case, after a suggested article helped.' })}
            </button>
          </div>`
        : nothing}
    </section>`;
  }

  private renderCategory(area: AreaConfig, flow: FlowConfig): TemplateResult {
    // One template for every state of the step, so the focused heading stays in place.
    return html`${this.heading(msg('What is your problem about?', { id: 'ticket-form.category.heading', desc: 'Heading of the step where the customer chooses a category then a subcategory (Flows 2 and 3).' }))}
    ${this.renderCategoryBody(area, flow)}`;
  }

  private renderCategoryBody(area: AreaConfig, flow: FlowConfig): TemplateResult {
    if (this.catalogTask.status === TaskStatus.ERROR) {
      const kind = isSupportError(this.catalogTask.error) ? this.catalogTask.error.kind : 'network';
      return html`${this.renderFailure(kind)}
        <div class="actions">
          <button type="button" @click=${() => void this.catalogTask.run()}>
            ${msg('Try again', { id: 'ticket-form.retry', desc: 'Button that repeats a request that failed.' })}
          </button>
        </div>`;
    }
    if (!this.catalogTask.value) return this.loading();
    const categories = this.categoriesOf(area);
    const category = categories.find((c) => c.id === this.categoryId);
    return html`${errorSummary(this.shownErrors(), this.renderRoot)}
      <form part="form" novalidate @submit=${(e: Event) => this.continueFrom('category', flow, e)}>
        ${selectField({
          id: 'categoryId',
          label: msg('Category', { id: 'ticket-form.category.label', desc: 'Label of the category select. French seed word: "Catégorie".' }),
          value: this.categoryId,
          required: true,
          placeholder: msg('Choose a category', { id: 'ticket-form.category.placeholder', desc: 'Empty first option of the category select.' }),
          choices: categories.map((c) => ({ value: c.id, label: c.label })),
          error: this.errorFor('categoryId'),
          onChange: (value) => {
            if (value !== this.categoryId) this.subcategoryId = '';
            this.categoryId = value;
          },
        })}
        ${category
          ? // A new select per category: the browser must not keep the previous list's choice.
            keyed(
              category.id,
              selectField({
                id: 'subcategoryId',
                label: msg('Subcategory', { id: 'ticket-form.subcategory.label', desc: 'Label of the subcategory select. French seed word: "Sous-catégorie".' }),
                value: this.subcategoryId,
                required: true,
                placeholder: msg('Choose a subcategory', { id: 'ticket-form.subcategory.placeholder', desc: 'Empty first option of the subcategory select.' }),
                choices: category.subcategories.map((sub) => ({ value: sub.id, label: sub.label })),
                error: this.errorFor('subcategoryId'),
                onChange: (value) => (this.subcategoryId = value),
              }),
            )
          : nothing}
        <div class="actions">
          <button type="submit">${msg('Continue', { id: 'ticket-form.continue', desc: 'Button leading to the next step. French seed word: "Continuer".' })}</button>
        </div>
      </form>`;
  }

  private renderProductNotes(area: AreaConfig): TemplateResult | typeof nothing {
    const missing = area.products.flatMap((product) => {
      const availability = productAvailability(this.config, this.resolvedLocale, product.id);
      return availability.offered ? [] : [{ product, offeredIn: availability.offeredIn }];
    });
    if (missing.length === 0) return nothing;
    return html`${missing.map(({ product, offeredIn }) => {
      const name = product.name;
      return html`<div class="notice product-not-offered" part="notice" data-product=${product.id}>
        <p>
          ${msg(str`Support for ${name} is not offered in this language, so it is not in the list.`, { id: 'ticket-form.not_offered.product', desc: 'Under the product select, for a product not supported in the current language; buttons to switch language follow. ${name} is the product\'s brand name.' })}
        </p>
        ${this.languageButtons(offeredIn)}
      </div>`;
    })}`;
  }

  private renderDetails(area: AreaConfig, flow: FlowConfig, session: Session): TemplateResult {
    const heading = this.heading(msg('Add case details', { id: 'ticket-form.details.heading', desc: 'Heading of the case form. French seed words: "Ajouter les détails du dossier".' }));
    if (this.reauthenticate) return html`${heading} ${this.renderSignIn(area, this.failure)} ${nothing}`;
    const products = area.products.filter((p) => productAvailability(this.config, this.resolvedLocale, p.id).offered);
    const account = session.accounts.find((a) => a.id === session.activeAccountId);
    const steps = this.inputSteps(flow);
    const previous = steps[steps.indexOf('details') - 1];
    const categories = this.categoriesOf(area);
    const category = categories.find((c) => c.id === this.categoryId);
    const categoryLabel = category?.label;
    const subcategoryLabel = category?.subcategories.find((s) => s.id === this.subcategoryId)?.label;
    const accountName = account?.name;
    const attachmentsError = [
      ...this.uploads.rejected.map((r) => rejectionMessage(r, this.config.attachments, this.resolvedLocale)),
      ...(this.errorFor('attachments') ? [this.errorFor('attachments')] : []),
    ].join(' ');
    return html`${heading}
      <p class="hint">
        ${msg('Fields marked with an asterisk (*) are required.', { id: 'ticket-form.required_note', desc: 'Above the case form: explains the asterisk. Seed: "Les champs marqués d\'un astérisque (*) sont requis."' })}
      </p>
      ${errorSummary(this.shownErrors(), this.renderRoot)} ${this.failure ? this.renderFailure(this.failure) : nothing}
      ${session.accounts.length > 1 && accountName
        ? html`<p class="account">
            ${msg(str`This case is for the account ${accountName}.`, { id: 'ticket-form.account', desc: 'In the case form when the customer has several accounts: which account the case is opened for. ${accountName} is the account name.' })}
          </p>`
        : nothing}
      ${flow.steps.includes('category')
        ? html`<div class="classification">
            <span>
              ${categoryLabel && subcategoryLabel
                ? msg(str`Category: ${categoryLabel} › ${subcategoryLabel}`, { id: 'ticket-form.details.category', desc: 'In the case form, the chosen category and subcategory. ${categoryLabel} and ${subcategoryLabel} come from the support catalog.' })
                : msg('No category chosen yet.', { id: 'ticket-form.details.no_category', desc: 'In the case form when the category is missing (e.g. after the backend rejected it).' })}
            </span>
            <button type="button" class="link" id="categoryId" @click=${() => this.goTo('category')}>
              ${msg('Change category', { id: 'ticket-form.details.change_category', desc: 'Link-style button going back to the category step.' })}
            </button>
          </div>`
        : nothing}
      <form
        part="form"
        novalidate
        aria-busy=${this.submitting ? 'true' : 'false'}
        @submit=${(e: Event) => this.submit(e, flow)}
        @paste=${(e: ClipboardEvent) => this.onPaste(e, flow)}
      >
        ${textField({
          id: 'subject',
          label: msg('Subject', { id: 'ticket-form.subject.label', desc: 'Label of the case subject (title) field.' }),
          value: this.subject,
          required: true,
          maxlength: this.config.maxLengths.subject,
          error: this.errorFor('subject'),
          onInput: (value) => (this.subject = value),
        })}
        ${selectField({
          id: 'productId',
          label: msg('Product', { id: 'ticket-form.product.label', desc: 'Label of the product select in the case form.' }),
          value: this.productId,
          required: true,
          placeholder: msg('Choose a product', { id: 'ticket-form.product.placeholder', desc: 'Empty first option of the product select.' }),
          choices: products.map((p) => ({ value: p.id, label: p.name })),
          error: this.errorFor('productId'),
          onChange: (value) => (this.productId = value),
        })}
        ${this.renderProductNotes(area)}
        ${textField({
          id: 'description',
          label: msg('Description', { id: 'ticket-form.description.label', desc: 'Label of the case description field.' }),
          hint: msg('What happened, what you expected, and any error message you saw.', { id: 'ticket-form.description.hint', desc: 'Hint under the description field.' }),
          value: this.description,
          multiline: true,
          required: true,
          maxlength: this.config.maxLengths.description,
          error: this.errorFor('description'),
          onInput: (value) => (this.description = value),
        })}
        ${radioGroup({
          id: 'contactMethod',
          label: msg('Preferred contact method', { id: 'ticket-form.contact.label', desc: 'Legend of the preferred contact method choice.' }),
          value: this.contactMethod,
          required: true,
          error: this.errorFor('contactMethod'),
          choices: [
            {
              value: 'email',
              label: msg('Email', { id: 'ticket-form.contact.email', desc: 'Contact method choice: by email.' }),
              hint: msg('We answer by email. You can reply directly to our emails.', { id: 'ticket-form.contact.email.hint', desc: 'Hint under the Email contact choice.' }),
            },
            {
              value: 'portal',
              label: msg('Online support center', { id: 'ticket-form.contact.portal', desc: 'Contact method choice: through the online support center (portal).' }),
              hint: msg('We send you a “no-reply” email when there is news. You read answers and add comments by signing in to the support center.', { id: 'ticket-form.contact.portal.hint', desc: 'Hint under the Online support center contact choice.' }),
            },
          ],
          onChange: (value) => (this.contactMethod = value as ContactMethod),
        })}
        ${flow.attachmentsInForm ? this.renderAttachments(attachmentsError) : nothing}
        ${this.submitting
          ? html`<p role="status">${msg('Sending your case…', { id: 'ticket-form.submitting', desc: 'Shown while the case is being sent.' })}</p>`
          : html`<p role="status" class="visually-hidden"></p>`}
        <div class="actions">
          <button type="submit" part="submit-button" ?disabled=${this.submitting}>
            ${msg('Submit ticket', { id: 'ticket-form.submit', desc: 'Button that sends the case. French seed words: "Envoyer le ticket".' })}
          </button>
          ${previous
            ? html`<button type="button" class="secondary" @click=${() => this.goTo(previous)}>
                ${msg('Back', { id: 'ticket-form.back', desc: 'Button going back to the previous step.' })}
              </button>`
            : nothing}
        </div>
      </form>`;
  }

  private renderAttachments(error: string): TemplateResult {
    const max = this.config.attachments.maxFiles;
    const types = this.config.attachments.accept.join(', ');
    const size = new Intl.NumberFormat(this.resolvedLocale, { style: 'unit', unit: 'megabyte', unitDisplay: 'short', maximumFractionDigits: 1 }).format(
      this.config.attachments.maxBytes / (1024 * 1024),
    );
    return html`<div class="field ${error ? 'field--error' : ''}" role="group" aria-labelledby="attachments-label">
      <span class="label" id="attachments-label">
        ${msg('Attachments (optional)', { id: 'ticket-form.attachments.label', desc: 'Label of the attachments part of the case form.' })}
      </span>
      <div class="hint" id="attachments-hint">
        ${msg(str`Up to ${max} files, ${size} each. Accepted types: ${types}. You can add more files after opening the case.`, { id: 'ticket-form.attachments.hint', desc: 'Hint of the attachments part. ${max} is the file count limit, ${size} the size limit (e.g. "20 MB"), ${types} the accepted extensions.' })}
      </div>
      <div role="alert">${error ? fieldMessages('attachments', undefined, error) : nothing}</div>
      ${renderUploadPicker(
        this.uploads,
        { id: 'attachments', describedBy: error ? 'attachments-hint attachments-error' : 'attachments-hint', disabled: this.submitting },
        this.config.attachments,
      )}
      ${renderUploadList(this.uploads, this.resolvedLocale)}
    </div>`;
  }

  private renderConfirmation(ticket: Ticket, confirmation: FlowConfig['confirmation']): TemplateResult {
    const number = ticket.number;
    return html`<div class="confirmation" part="confirmation">
      ${this.heading(msg(str`Case ${number} is open`, { id: 'ticket-form.confirmation.heading', desc: 'Heading after the case was created. ${number} is the case number.' }))}
      <dl class="summary-list">
        <dt>${msg('Case number', { id: 'ticket-form.confirmation.number', desc: 'Label of the new case number on the confirmation.' })}</dt>
        <dd class="case-number">${number}</dd>
        <dt>${msg('Status', { id: 'ticket-form.confirmation.status', desc: 'Label of the new case state on the confirmation.' })}</dt>
        <dd class="case-status">${statusLabel(ticket.status)}</dd>
        ${ticket.followUpOf
          ? html`<dt>${msg('Follow-up of case', { id: 'ticket-form.confirmation.follow_up', desc: 'Label of the closed case number a follow-up case refers to, on the confirmation.' })}</dt>
              <dd>${ticket.followUpOf}</dd>`
          : nothing}
      </dl>
      <p class="confirmation-review" data-confirmation=${confirmation}>
        ${confirmation === 'open_reviewed'
          ? msg('Your case is open and will be reviewed by a support expert.', { id: 'ticket-form.confirmation.reviewed', desc: 'Confirmation text in flows where the case is reviewed by an expert (seed: "sera examiné par un expert de l\'assistance").' })
          : msg('Your case is open: a support expert is looking at it.', { id: 'ticket-form.confirmation.open', desc: 'Confirmation text in Flow 1.' })}
        ${msg('You will receive an email with a link to your case.', { id: 'ticket-form.confirmation.email_link', desc: 'Confirmation: an email with a link to the ticket follows.' })}
      </p>
      <p class="confirmation-contact" data-contact=${ticket.contactMethod}>
        ${ticket.contactMethod === 'email'
          ? msg('You chose email as your contact method: you can reply directly to that email.', { id: 'ticket-form.confirmation.contact_email', desc: 'Confirmation when the preferred contact method is email.' })
          : msg('You chose the online support center: the email comes from a “no-reply” address, so do not reply to it. To add comments, sign in to the support center.', { id: 'ticket-form.confirmation.contact_portal', desc: 'Confirmation when the preferred contact method is the online support center (seed: email from "DocuSign (ne pas répondre)").' })}
      </p>
      <div class="actions">
        <button type="button" @click=${this.manageTickets}>
          ${msg('View my tickets', { id: 'ticket-form.confirmation.my_tickets', desc: 'Button leading to the list of the customer\'s cases. French seed words: "Mes tickets".' })}
        </button>
        <button type="button" class="secondary" @click=${() => this.reset()}>
          ${msg('Open another case', { id: 'ticket-form.confirmation.another', desc: 'Button starting a new case from the confirmation.' })}
        </button>
      </div>
    </div>`;
  }

  private renderSolved(): TemplateResult {
    return html`${this.heading(msg('Glad you found an answer', { id: 'ticket-form.solved.heading', desc: 'Heading when a suggested article solved the problem and no case was opened.' }))}
      <p>${msg('No case was opened. If the problem comes back, you can open a case at any time.', { id: 'ticket-form.solved.text', desc: 'Text after the customer said an article solved the problem.' })}</p>
      <div class="actions">
        <button type="button" class="secondary" @click=${() => this.reset()}>
          ${msg('Open a case', { id: 'ticket-form.solved.open_case', desc: 'Button starting the case flow again after an article solved the problem.' })}
        </button>
      </div>`;
  }
}
