import { msg, str } from '@lit/localize';
import { css, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { formatList } from '../../localization/format.js';
import type { Credentials, Session } from '../../adapters/backend.js';
import { ActionController } from '../../controllers/action-controller.js';
import type { ErrorKind, FieldError } from '../../core/errors.js';
import { productNamesOfRealm } from '../../core/flows.js';
import type { Realm } from '../../core/ticket.js';
import { validateEmailField } from '../../core/validation.js';
import { SessionChangedEvent } from '../../events/events.js';
import { fieldErrorMessage } from '../shared/field-errors.js';
import { errorSummary, textField, type ShownError } from '../shared/forms.js';
import { failureMessage } from '../shared/messages.js';
import { SupportElement } from '../shared/support-element.js';

/** Both fields are needed, the email in the right format; ids only (`render()` words them). */
function validateSignIn(email: string, password: string): FieldError[] {
  return [...validateEmailField('email', email), ...(password ? [] : [{ field: 'password', code: 'required' as const }])];
}

/**
 * @summary Email and password sign-in for the support center, with the reset-password link.
 *
 * The password lives only in this element's memory while the form is open; it is cleared
 * after every attempt and never stored.
 *
 * @slot help - Help shown under the form (the "I can't sign in" options).
 * @fires session-changed - Signed in; `event.session` is the new session.
 * @csspart heading - The "Sign in" heading.
 * @csspart form - The sign-in form.
 * @csspart submit - The "Sign in" button.
 * @csspart error-summary - The box listing the form's errors.
 */
export class SupportSignIn extends SupportElement {
  static override styles = [
    ...SupportElement.styles,
    css`
      form {
        max-inline-size: 32em;
      }
    `,
  ];

  /** Which credentials: the product's (email + password) or the support center's. */
  @property() realm: Realm = 'product';

  @state() private email = '';
  @state() private password = '';

  @query('.error-summary') private summary: HTMLElement | null | undefined;
  @query('h2') private heading: HTMLElement | null | undefined;

  private readonly submission = new ActionController<Credentials, Session>(this, {
    validate: ({ email, password }) => validateSignIn(email, password),
    // One intent whatever was typed: sign-in sends no idempotency key, and the password must
    // not outlive the attempt inside an intent string.
    intentOf: () => 'sign-in',
    task: (credentials, { signal }) => {
      // The password lives only in memory while the form is open: gone once it is sent.
      this.password = '';
      return this.api.signIn({ ...credentials, email: credentials.email.trim() }, { signal, locale: this.resolvedLocale });
    },
    onDone: (session) => this.dispatchEvent(new SessionChangedEvent(session)),
    focus: {
      invalid: () => this.summary,
      failed: () => this.renderRoot.querySelector<HTMLElement>('.notice--error'),
    },
  });

  /** Moves focus to the form's heading (when the sign-in step appears). */
  override focus(): void {
    // Shown in place a moment ago, it may not have rendered its heading yet.
    if (this.heading) this.heading.focus();
    else void this.updateComplete.then(() => this.heading?.focus());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The other realm's credentials: what was wrong with the last attempt no longer applies.
    if (changed.has('realm')) this.submission.reset();
  }

  private submit(event: Event): void {
    event.preventDefault();
    void this.submission.run({ email: this.email, password: this.password, realm: this.realm });
  }

  private failureMessage(kind: ErrorKind): string {
    return kind === 'unauthorized'
      ? msg('The email address or password is not right. Check them and try again.', { id: 'sign-in.failed', desc: 'Shown when sign-in credentials are rejected.' })
      : failureMessage(this.submission.failure ?? kind, { locale: this.resolvedLocale });
  }

  /** "This sign-in is for eSignature, Rooms and CLM.": whose credentials these are, by product. */
  private renderProducts(): string {
    const products = formatList(productNamesOfRealm(this.config, this.realm), this.resolvedLocale, 'conjunction');
    return msg(str`This sign-in is for ${products}.`, {
      id: 'sign-in.for_products',
      desc: 'Under the sign-in heading: which products these credentials open. ${products} lists brand names, joined in the page\'s language (e.g. "eSignature, Rooms and CLM").',
    });
  }

  override render() {
    const shown: ShownError[] = this.submission.fieldErrors.map((e) => ({
      id: e.field,
      message: fieldErrorMessage('sign-in', e, { config: this.config }),
    }));
    const failure = this.submission.failureKind;
    const busy = this.submission.busy;
    const errorFor = (field: string) => shown.find((e) => e.id === field)?.message;
    const realmHint =
      this.realm === 'product'
        ? msg('Use the email address and password of your product account.', { id: 'sign-in.hint.product', desc: 'Under the sign-in heading when product credentials are needed (eSignature, Rooms, CLM).' })
        : msg('Use the email address and password of your support center account.', { id: 'sign-in.hint.support_center', desc: 'Under the sign-in heading when support-center credentials are needed (Protect & Sign, CLM.CM, Insight & Analyzer).' });
    return html`
      <h2 part="heading" tabindex="-1">${msg('Sign in', { id: 'sign-in.heading', desc: 'Heading of the sign-in form. French seed word: "S\'identifier".' })}</h2>
      <p class="hint">${realmHint}</p>
      <p class="hint" data-products>${this.renderProducts()}</p>
      ${errorSummary(shown, this.renderRoot)}
      ${failure
        ? html`<div class="notice notice--error" role="alert" tabindex="-1">${this.failureMessage(failure)}</div>`
        : nothing}
      <form part="form" novalidate @submit=${this.submit} aria-busy=${busy ? 'true' : 'false'}>
        ${textField({
          id: 'email',
          label: msg('Email address', { id: 'sign-in.email', desc: 'Label of the sign-in email field.' }),
          value: this.email,
          type: 'email',
          autocomplete: 'username',
          required: true,
          error: errorFor('email'),
          onInput: (value) => (this.email = value),
        })}
        ${textField({
          id: 'password',
          label: msg('Password', { id: 'sign-in.password', desc: 'Label of the sign-in password field.' }),
          value: this.password,
          type: 'password',
          autocomplete: 'current-password',
          required: true,
          error: errorFor('password'),
          onInput: (value) => (this.password = value),
        })}
        <div class="actions">
          <button part="submit" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
            ${msg('Sign in', { id: 'sign-in.submit', desc: 'Button that submits the sign-in form.' })}
          </button>
          <a href=${this.config.passwordResetUrls[this.realm]} target="_blank" rel="noopener"
            >${msg('Forgot your password? Reset it', { id: 'sign-in.reset', desc: 'Link to the page where the customer resets their password (opens in a new tab).' })}</a
          >
        </div>
      </form>
      <slot name="help"></slot>
    `;
  }
}
