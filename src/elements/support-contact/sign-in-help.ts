import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { DraftController } from '../../controllers/draft-controller.js';
import { isAbort, isSupportError, type FieldError } from '../../core/errors.js';
import { validateSignInHelp, type SignInHelpRequest } from '../../core/validation.js';
import { SignInHelpSubmittedEvent } from '../../events/events.js';
import { errorSummary, selectField, textField, type ShownError } from '../shared/forms.js';
import { errorKindMessage, validationMessage } from '../shared/messages.js';
import { SupportElement } from '../shared/support-element.js';
import { signInHelpStyles } from './sign-in-help.styles.js';

type HelpDraft = {
  name: string;
  email: string;
  areaId: string;
  description: string;
  idempotencyKey: string;
};

type Receipt = { readonly reference: string; readonly email: string };

/**
 * @summary The "I can't sign in" web form: name, email, product area and what happens.
 * Needs no sign-in; sends a request through the backend and shows its reference.
 *
 * What is typed is kept as a draft (never a password: the form has none) until the backend
 * confirms; a repeated submit reuses the same idempotency key, so it creates one request.
 *
 * @fires sign-in-help-submitted - The backend received the request; `event.reference`, `event.areaId`.
 * @csspart heading - The form's heading.
 * @csspart form - The form.
 * @csspart submit - The "Send" button.
 * @csspart error-summary - The box listing the form's errors.
 * @csspart confirmation - The box with the reference after sending.
 * @cssprop [--se-color-primary=#1a56c4] - Buttons and links.
 * @cssprop [--se-color-error=#b3261e] - Errors.
 * @cssprop [--se-color-success=#1e6b3a] - The confirmation's border.
 */
export class SupportSignInHelp extends SupportElement {
  static override styles = [...SupportElement.styles, signInHelpStyles];

  /** The product area chosen in advance (when the user came from that area's link). */
  @property() area: string | undefined;

  @state() private draft: HelpDraft = SupportSignInHelp.emptyDraft('');
  @state() private errors: readonly FieldError[] = [];
  @state() private failure: string | undefined;
  @state() private busy = false;
  @state() private receipt: Receipt | undefined;

  @query('h2') private heading: HTMLElement | null | undefined;
  @query('.error-summary') private summary: HTMLElement | null | undefined;

  private readonly drafts = new DraftController<HelpDraft>(this, () => 'sign-in-help');
  private controller: AbortController | undefined;

  private static emptyDraft(areaId: string): HelpDraft {
    return { name: '', email: '', areaId, description: '', idempotencyKey: crypto.randomUUID() };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const saved = this.drafts.load();
    if (saved) this.draft = { ...this.draft, ...saved };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('area') && this.area && this.config.areas.some((a) => a.id === this.area)) {
      this.draft = { ...this.draft, areaId: this.area };
    }
  }

  /** Moves focus to the heading of what is shown (the form, or the confirmation). */
  override focus(): void {
    this.heading?.focus();
  }

  private edit(patch: Partial<HelpDraft>): void {
    this.draft = { ...this.draft, ...patch };
    this.drafts.save(this.draft);
  }

  private messageFor(error: FieldError): string {
    if (error.code === 'required') {
      switch (error.field) {
        case 'name':
          return msg('Enter your name', { id: 'sign-in-help.name.required', desc: 'Error when the name of the can\'t-sign-in form is empty.' });
        case 'email':
          return msg('Enter the email address you sign in with', { id: 'sign-in-help.email.required', desc: 'Error when the email of the can\'t-sign-in form is empty.' });
        case 'areaId':
          return msg('Select the product you cannot sign in to', { id: 'sign-in-help.area.required', desc: 'Error when no product area is chosen in the can\'t-sign-in form.' });
        case 'description':
          return msg('Describe what happens when you try to sign in', { id: 'sign-in-help.description.required', desc: 'Error when the description of the can\'t-sign-in form is empty.' });
      }
    }
    return validationMessage(error.code);
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.failure = undefined;
    const request: SignInHelpRequest = {
      name: this.draft.name.trim(),
      email: this.draft.email.trim(),
      areaId: this.draft.areaId,
      description: this.draft.description.trim(),
    };
    this.errors = validateSignInHelp(request, this.config);
    if (this.errors.length > 0) {
      await this.updateComplete;
      this.summary?.focus();
      return;
    }
    this.controller?.abort();
    this.controller = new AbortController();
    this.busy = true;
    try {
      const receipt = await this.api.submitSignInHelp(request, {
        idempotencyKey: this.draft.idempotencyKey,
        signal: this.controller.signal,
        locale: this.resolvedLocale,
      });
      this.drafts.clear();
      this.receipt = { reference: receipt.reference, email: request.email };
      this.draft = SupportSignInHelp.emptyDraft(this.area ?? '');
      this.dispatchEvent(new SignInHelpSubmittedEvent(receipt.reference, request.areaId));
      await this.updateComplete;
      this.focus();
    } catch (error) {
      if (isAbort(error)) return;
      if (isSupportError(error) && error.kind === 'validation' && error.fieldErrors.length > 0) {
        this.errors = error.fieldErrors;
        await this.updateComplete;
        this.summary?.focus();
        return;
      }
      this.failure = errorKindMessage(isSupportError(error) ? error.kind : 'server');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.notice--error')?.focus();
    } finally {
      this.busy = false;
    }
  }

  private renderConfirmation(receipt: Receipt) {
    const { reference, email } = receipt;
    return html`<div class="notice notice--success" part="confirmation" role="status">
      <h2 part="heading" tabindex="-1">
        ${msg('We received your request', { id: 'sign-in-help.sent.heading', desc: 'Heading shown after the can\'t-sign-in form was sent.' })}
      </h2>
      <p>
        ${msg(str`Your reference is ${reference}.`, { id: 'sign-in-help.sent.reference', desc: 'After sending the can\'t-sign-in form. ${reference} is the request\'s reference (letters and digits).' })}
      </p>
      <p>
        ${msg(str`We will answer by email at ${email}. Quote the reference if you write to us about it.`, { id: 'sign-in-help.sent.next', desc: 'After sending the can\'t-sign-in form. ${email} is the address the customer entered.' })}
      </p>
    </div>`;
  }

  override render() {
    if (this.receipt) return this.renderConfirmation(this.receipt);
    const shown: ShownError[] = this.errors.map((e) => ({ id: e.field, message: this.messageFor(e) }));
    const errorFor = (field: string) => shown.find((e) => e.id === field)?.message;
    return html`
      <h2 part="heading" tabindex="-1">
        ${msg('Get help signing in', { id: 'sign-in-help.heading', desc: 'Heading of the web form for customers who cannot sign in.' })}
      </h2>
      <p class="hint">
        ${msg('You do not need to sign in to send this form. We answer by email.', { id: 'sign-in-help.intro', desc: 'Under the heading of the can\'t-sign-in form.' })}
      </p>
      ${errorSummary(shown, this.renderRoot)}
      ${this.failure ? html`<div class="notice notice--error" role="alert" tabindex="-1">${this.failure}</div>` : nothing}
      <form part="form" novalidate @submit=${this.submit} aria-busy=${this.busy ? 'true' : 'false'}>
        ${textField({
          id: 'name',
          label: msg('Full name', { id: 'sign-in-help.name', desc: 'Label of the name field of the can\'t-sign-in form.' }),
          value: this.draft.name,
          autocomplete: 'name',
          required: true,
          error: errorFor('name'),
          onInput: (name) => this.edit({ name }),
        })}
        ${textField({
          id: 'email',
          label: msg('Email address', { id: 'sign-in-help.email', desc: 'Label of the email field of the can\'t-sign-in form.' }),
          hint: msg('The one you sign in with. We answer to it.', { id: 'sign-in-help.email.hint', desc: 'Hint under the email field of the can\'t-sign-in form.' }),
          value: this.draft.email,
          type: 'email',
          autocomplete: 'email',
          required: true,
          error: errorFor('email'),
          onInput: (email) => this.edit({ email }),
        })}
        ${selectField({
          id: 'areaId',
          label: msg('Product', { id: 'sign-in-help.area', desc: 'Label of the product area drop-down of the can\'t-sign-in form.' }),
          value: this.draft.areaId,
          choices: this.config.areas.map((a) => ({ value: a.id, label: a.name })),
          placeholder: msg('Select a product', { id: 'sign-in-help.area.placeholder', desc: 'Empty first option of the product drop-down of the can\'t-sign-in form.' }),
          required: true,
          error: errorFor('areaId'),
          onChange: (areaId) => this.edit({ areaId }),
        })}
        ${textField({
          id: 'description',
          label: msg('What happens when you try to sign in?', { id: 'sign-in-help.description', desc: 'Label of the description field of the can\'t-sign-in form.' }),
          hint: msg('For example the message you see. Never write your password here.', { id: 'sign-in-help.description.hint', desc: 'Hint under the description field of the can\'t-sign-in form.' }),
          value: this.draft.description,
          multiline: true,
          required: true,
          maxlength: this.config.maxLengths.description,
          error: errorFor('description'),
          onInput: (description) => this.edit({ description }),
        })}
        <div class="actions">
          <button part="submit" type="submit" ?disabled=${this.busy}>
            ${msg('Send', { id: 'sign-in-help.submit', desc: 'Button that sends the can\'t-sign-in form.' })}
          </button>
        </div>
        <div role="status" class="visually-hidden">
          ${this.busy ? msg('Sending…', { id: 'sign-in-help.sending', desc: 'Announced while the can\'t-sign-in form is being sent.' }) : nothing}
        </div>
      </form>
    `;
  }
}
