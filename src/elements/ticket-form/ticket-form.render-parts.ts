/**
 * What the render helpers of `<ticket-form>` get from the element (data and callbacks, no
 * decisions), and the small pieces every step shares. Called from `render()` only.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Category } from '../../core/catalog.js';
import type { LocaleCode, SupportConfig } from '../../core/config.js';
import type { CustomFieldDef } from '../../core/custom-fields.js';
import type { ErrorKind } from '../../core/errors.js';
import { fieldErrorMessage, type FieldErrorContext, type FormFieldError } from '../shared/field-errors.js';
import { continueInLabel } from '../shared/language-choice.js';
import type { ShownError } from '../shared/forms.js';
import { failureMessage, type FailureContext, type FailureDetails } from '../shared/messages.js';
import type { CaseFields } from './ticket-form.case.js';
import { customFieldErrorMessage } from './ticket-form.custom-fields.js';
import type { InputStep } from './ticket-form.machine.js';

export interface TicketFormView {
  readonly config: SupportConfig;
  readonly locale: LocaleCode;
  readonly root: ParentNode;
  readonly fields: CaseFields;
  /** The area's categories from the catalog (Flows 2 and 3). */
  readonly categories: readonly Category[];
  /** The config's custom fields this case asks, in order. */
  readonly customFields: readonly CustomFieldDef[];
  /** Whether a field holds a read-only prefill of the host (`subject`, `customFields.<id>`...). */
  readOnly(field: string): boolean;
  /** Sets the value of the custom field `id`. */
  setCustom(id: string, value: string | boolean): void;
  /** The errors of the phase, as the error summary lists them. */
  readonly summary: readonly ShownError[];
  /** The message of `field`'s error, if it has one. */
  errorFor(field: string): string | undefined;
  edit(patch: Partial<CaseFields>): void;
  goTo(step: InputStep): void;
  requestLocale(locale: LocaleCode): void;
}

/**
 * The errors of the phase as the form shows them: the summary's list and each field's message.
 * `controlId` is the control a summary link focuses for a field.
 */
export function shownErrors(
  errors: readonly FormFieldError[],
  context: FieldErrorContext & { readonly customFields: readonly CustomFieldDef[]; readonly locale: LocaleCode },
  controlId: (field: string) => string,
): Pick<TicketFormView, 'summary' | 'errorFor'> {
  const message = (error: FormFieldError) =>
    customFieldErrorMessage(error, context.customFields, context.locale, context.config.defaultLocale) ?? fieldErrorMessage('ticket', error, context);
  return {
    summary: errors.map((e) => ({ id: controlId(e.field), message: message(e) })),
    errorFor: (field) => {
      const found = errors.find((e) => e.field === field);
      return found ? message(found) : undefined;
    },
  };
}

export function stepHeading(text: string): TemplateResult {
  return html`<h2 class="step-heading" part="step-heading" tabindex="-1">${text}</h2>`;
}

/** "Back" to the screen before: the previous step, or the list of product areas. */
export function backButton(back: (() => void) | undefined): TemplateResult | typeof nothing {
  return back
    ? html`<button type="button" class="secondary back" @click=${back}>
        ${msg('Back', { id: 'ticket-form.back', desc: 'Button going back to the previous step, or from the first step to the choice of product area.' })}
      </button>`
    : nothing;
}

/** "Back" on its own, under a screen that has no other button row. */
export function backActions(back: (() => void) | undefined): TemplateResult | typeof nothing {
  return back ? html`<div class="actions">${backButton(back)}</div>` : nothing;
}

export function loadingStatus(): TemplateResult {
  return html`<p role="status">${msg('Loading…', { id: 'ticket-form.loading', desc: 'Shown while the form loads what it needs (session, categories).' })}</p>`;
}

export function failureNotice(failure: ErrorKind | FailureDetails, context: FailureContext): TemplateResult {
  return html`<div class="notice notice--error failure" part="notice" role="alert" tabindex="-1">${failureMessage(failure, context)}</div>`;
}

/** One "Continue in <language>" button per language, worded in the UI language `locale`. */
export function languageButtons(locales: readonly LocaleCode[], locale: LocaleCode, choose: (locale: LocaleCode) => void): TemplateResult {
  return html`<ul class="language-choices">
    ${locales.map(
      (code) => html`<li>
        <button type="button" class="secondary" data-locale=${code} @click=${() => choose(code)}>${continueInLabel(code, locale)}</button>
      </li>`,
    )}
  </ul>`;
}

/** The notice at the top of a follow-up case, with the backend's refusal if it refused it. */
export function followUpNotice(followUp: string, error: string | undefined, drop: () => void): TemplateResult {
  return html`<div class="notice follow-up ${error ? 'notice--error' : ''}" part="notice" id="followUpOf" tabindex="-1">
    <p>
      ${msg(str`Follow-up of case ${followUp}`, { id: 'ticket-form.follow_up.notice', desc: 'Notice at the top of a follow-up case. ${followUp} is the closed case number.' })}
    </p>
    ${error
      ? html`<p class="error-message">${error}</p>
          <button type="button" class="secondary" @click=${drop}>
            ${msg('Open it as a new case instead', { id: 'ticket-form.follow_up.drop', desc: 'Button shown when a follow-up number was refused: keeps the case but drops the link to the closed case.' })}
          </button>`
      : nothing}
  </div>`;
}

