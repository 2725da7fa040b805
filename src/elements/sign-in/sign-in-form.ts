import { msg } from '@lit/localize';
import { css, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { isAbort, isSupportError } from '../../core/errors.js';
import type { FieldError } from '../../core/errors.js';
import type { Realm } from '../../core/ticket.js';
import { validateEmailField } from '../../core/validation.js';
import { SessionChangedEvent } from '../../events/events.js';
import { errorSummary, textField, type ShownError } from '../shared/forms.js';
import { errorKindMessage } from '../shared/messages.js';
import { SupportElement } from '../shared/support-element.js';

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
  @state() private errors: readonly FieldError[] = [];
  @state() private failure: string | undefined;
  @state() private busy = false;

  @query('.error-summary') private summary: HTMLElement | null | undefined;
  @query('h2') private heading: HTMLElement | null | undefined;

  private controller: AbortController | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  /** Moves focus to the form's heading (when the sign-in step appears). */
  override focus(): void {
    this.heading?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('realm')) this.errors = [];
  }

  private messageFor(error: FieldError): string {
    if (error.field === 'email') {
      return error.code === 'required'
        ? msg('Enter your email address', { id: 'sign-in.email.required', desc: 'Error when the sign-in email is empty.' })
        : msg('Enter an email address in the right format, like name@example.com', { id: 'sign-in.email.invalid', desc: 'Error when the sign-in email is not an email address. Keep the example as is.' });
    }
    return msg('Enter your password', { id: 'sign-in.password.required', desc: 'Error when the sign-in password is empty.' });
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    this.failure = undefined;
    const errors = [
      ...validateEmailField('email', this.email),
      ...(this.password ? [] : [{ field: 'password', code: 'required' as const }]),
    ];
    this.errors = errors;
    if (errors.length > 0) {
      await this.updateComplete;
      this.summary?.focus();
      return;
    }
    this.controller?.abort();
    this.controller = new AbortController();
    this.busy = true;
    const password = this.password;
    this.password = '';
    try {
      const session = await this.api.signIn(
        { email: this.email.trim(), password, realm: this.realm },
        { signal: this.controller.signal, locale: this.resolvedLocale },
      );
      this.dispatchEvent(new SessionChangedEvent(session));
    } catch (error) {
      if (isAbort(error)) return;
      this.failure = isSupportError(error)
        ? error.kind === 'unauthorized'
          ? msg('The email address or password is not right. Check them and try again.', { id: 'sign-in.failed', desc: 'Shown when sign-in credentials are rejected.' })
          : errorKindMessage(error.kind)
        : errorKindMessage('server');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.notice--error')?.focus();
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const shown: ShownError[] = this.errors.map((e) => ({ id: e.field, message: this.messageFor(e) }));
    const errorFor = (field: string) => shown.find((e) => e.id === field)?.message;
    const realmHint =
      this.realm === 'product'
        ? msg('Use the email address and password of your product account.', { id: 'sign-in.hint.product', desc: 'Under the sign-in heading when product credentials are needed (eSignature, Rooms, CLM).' })
        : msg('Use the email address and password of your support center account.', { id: 'sign-in.hint.support_center', desc: 'Under the sign-in heading when support-center credentials are needed (Protect & Sign, CLM.CM, Insight & Analyzer).' });
    return html`
      <h2 part="heading" tabindex="-1">${msg('Sign in', { id: 'sign-in.heading', desc: 'Heading of the sign-in form. French seed word: "S\'identifier".' })}</h2>
      <p class="hint">${realmHint}</p>
      ${errorSummary(shown, this.renderRoot)}
      ${this.failure
        ? html`<div class="notice notice--error" role="alert" tabindex="-1">${this.failure}</div>`
        : nothing}
      <form part="form" novalidate @submit=${this.submit} aria-busy=${this.busy ? 'true' : 'false'}>
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
          <button part="submit" type="submit" ?disabled=${this.busy}>
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
