/**
 * The config's custom fields on the details step of `<ticket-form>`, the GOV.UK way as the
 * other fields (shared/forms.ts): label, hint, inline error with its hidden "Error:", control,
 * `aria-describedby`. Labels, hints and option labels are the host's text from the config:
 * shown in the UI language when the config has it, else in the config's fallback language with
 * `lang` set on the element that holds it. The widget's own words around them (placeholder,
 * error sentences) come from `msg()` and never embed host text of another language.
 * Called from `render()` only.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { LocalizedText } from '../../core/catalog.js';
import type { LocaleCode } from '../../core/config.js';
import { customFieldIdOf, customFieldKey, resolveText, type CustomFieldDef, type CustomFieldValue } from '../../core/custom-fields.js';
import type { FormFieldError } from '../shared/field-errors.js';
import { errorId } from '../shared/forms.js';
import { validationMessage } from '../shared/messages.js';
import type { TicketFormView } from './ticket-form.render-parts.js';

/** What the custom-field helpers need of the form's view. */
export type CustomFieldsView = Pick<TicketFormView, 'config' | 'locale' | 'fields' | 'errorFor' | 'customFields' | 'readOnly' | 'setCustom'>;

function hostText(text: LocalizedText, locale: LocaleCode, defaultLocale: LocaleCode): { text: string; lang: string | undefined } {
  const resolved = resolveText(text, locale, defaultLocale);
  return { text: resolved.text, lang: resolved.fallback ? resolved.lang : undefined };
}

/** The custom fields of the case, in config order. */
export function renderCustomFields(view: CustomFieldsView): TemplateResult | typeof nothing {
  if (view.customFields.length === 0) return nothing;
  return html`${view.customFields.map((def) => renderField(view, def))}`;
}

function renderField(view: CustomFieldsView, def: CustomFieldDef): TemplateResult {
  const id = customFieldKey(def.id);
  const error = view.errorFor(id);
  const hint = def.hint ? hostText(def.hint, view.locale, view.config.defaultLocale) : undefined;
  const label = hostText(def.label, view.locale, view.config.defaultLocale);
  const described = [hint ? `${id}-hint` : '', error ? errorId(id) : ''].filter(Boolean).join(' ') || undefined;
  const value = view.fields.customFields[def.id];
  const readonly = view.readOnly(id);
  const set = (next: CustomFieldValue) => view.setCustom(def.id, next);
  const required = def.required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing;
  const messages = html`${hint ? html`<div class="hint" id="${id}-hint" lang=${ifDefined(hint.lang)}>${hint.text}</div>` : nothing}
  ${error
    ? html`<p class="error-message" id=${errorId(id)}>
        <span class="visually-hidden">${msg('Error:', { id: 'form.error_prefix', desc: 'Visually hidden prefix read by screen readers before an inline error message.' })}</span>
        ${error}
      </p>`
    : nothing}`;
  const common = { id, error, described, readonly };
  if (def.kind === 'checkbox') {
    return html`<div class="field custom-field ${error ? 'field--error' : ''}" data-custom-field=${def.id}>
      ${messages}
      <div class="checkbox">
        <input
          type="checkbox"
          id=${id}
          name=${id}
          .checked=${live(value === true)}
          ?required=${def.required ?? false}
          aria-readonly=${ifDefined(readonly ? 'true' : undefined)}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${ifDefined(described)}
          @click=${(event: Event) => readonly && event.preventDefault()}
          @change=${(event: Event) => readonly || set((event.target as HTMLInputElement).checked)}
        />
        <label for=${id} lang=${ifDefined(label.lang)}>${label.text}${required}</label>
      </div>
    </div>`;
  }
  return html`<div class="field custom-field ${error ? 'field--error' : ''}" data-custom-field=${def.id}>
    <label class="label" for=${id} lang=${ifDefined(label.lang)}>${label.text}${required}</label>
    ${messages} ${renderControl(view, def, typeof value === 'string' ? value : '', common, set)}
  </div>`;
}

interface ControlState {
  readonly id: string;
  readonly error: string | undefined;
  readonly described: string | undefined;
  readonly readonly: boolean;
}

function renderControl(view: CustomFieldsView, def: CustomFieldDef, value: string, c: ControlState, set: (value: string) => void): TemplateResult {
  const onInput = (event: Event) => set((event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value);
  const required = def.required ?? false;
  if (def.kind === 'select') {
    const options = (def.options ?? []).map((o) => ({ value: o.value, ...hostText(o.label, view.locale, view.config.defaultLocale) }));
    if (c.readonly) {
      // A select cannot be read-only: the choice is shown in a read-only text box (focusable, read).
      const chosen = options.find((o) => o.value === value);
      return html`<input id=${c.id} name=${c.id} type="text" readonly .value=${chosen?.text ?? value} lang=${ifDefined(chosen?.lang)} aria-describedby=${ifDefined(c.described)} />`;
    }
    return html`<select id=${c.id} name=${c.id} ?required=${required} aria-invalid=${c.error ? 'true' : 'false'} aria-describedby=${ifDefined(c.described)} @change=${onInput}>
      <option value="" ?selected=${value === ''}>${msg('Choose an option', { id: 'ticket-form.custom.placeholder', desc: 'Empty first option of a select among the extra fields a support center adds to the case form.' })}</option>
      ${options.map((o) => html`<option value=${o.value} lang=${ifDefined(o.lang)} ?selected=${o.value === value}>${o.text}</option>`)}
    </select>`;
  }
  if (def.kind === 'textarea') {
    return html`<textarea id=${c.id} name=${c.id} rows="4" .value=${live(value)} ?required=${required} ?readonly=${c.readonly}
      aria-invalid=${c.error ? 'true' : 'false'} aria-describedby=${ifDefined(c.described)} maxlength=${ifDefined(def.maxLength)} @input=${onInput}></textarea>`;
  }
  return html`<input id=${c.id} name=${c.id} type=${def.kind === 'date' ? 'date' : 'text'} .value=${live(value)} ?required=${required} ?readonly=${c.readonly}
    aria-invalid=${c.error ? 'true' : 'false'} aria-describedby=${ifDefined(c.described)} maxlength=${ifDefined(def.maxLength)} @input=${onInput} />`;
}

/**
 * The message of a custom field's error, naming the field by its label when the label is in
 * the UI language; with a label only in another language, the generic wording of the code
 * (a sentence of one language, not two). Undefined for an error that is not a custom field's.
 */
export function customFieldErrorMessage(error: FormFieldError, defs: readonly CustomFieldDef[], locale: LocaleCode, defaultLocale: LocaleCode): string | undefined {
  const id = customFieldIdOf(error.field);
  if (id === undefined) return undefined;
  const def = defs.find((d) => d.id === id);
  const resolved = def ? resolveText(def.label, locale, defaultLocale) : undefined;
  const code = error.code === 'uploads_busy' || error.code === 'uploads_failed' ? 'invalid_choice' : error.code;
  if (!def || !resolved || resolved.fallback) return validationMessage(code);
  const label = resolved.text;
  switch (code) {
    case 'required':
      if (def.kind === 'checkbox') return msg(str`Tick “${label}” to continue`, { id: 'ticket-form.custom.required_checkbox', desc: 'Error when a required checkbox among the extra fields of the case form is not ticked. ${label} is the checkbox label, the support center\'s own text.' });
      if (def.kind === 'select') return msg(str`Choose an option for “${label}”`, { id: 'ticket-form.custom.required_choice', desc: 'Error when a required select among the extra fields of the case form has no choice. ${label} is the field label, the support center\'s own text.' });
      return msg(str`Fill in “${label}”`, { id: 'ticket-form.custom.required', desc: 'Error when a required extra field of the case form is empty. ${label} is the field label, the support center\'s own text.' });
    case 'too_long': {
      const max = def.maxLength ?? 0;
      return msg(str`“${label}” must be ${max} characters or fewer`, { id: 'ticket-form.custom.too_long', desc: 'Error when an extra field of the case form is too long. ${label} is the field label (support center text), ${max} the largest number of characters.' });
    }
    case 'too_short': {
      const min = def.minLength ?? 0;
      return msg(str`“${label}” must be ${min} characters or more`, { id: 'ticket-form.custom.too_short', desc: 'Error when an extra field of the case form is too short. ${label} is the field label (support center text), ${min} the fewest characters.' });
    }
    case 'pattern_mismatch': {
      // The config's own sentence when it has one in this language.
      const own = def.pattern ? resolveText(def.pattern.message, locale, defaultLocale) : undefined;
      if (own && !own.fallback) return own.text;
      return msg(str`Enter “${label}” in the format asked for`, { id: 'ticket-form.custom.pattern', desc: 'Error when an extra field of the case form is not in its format and the support center gave no message in this language. ${label} is the field label.' });
    }
    case 'invalid_date':
      return msg(str`Enter a real date for “${label}”`, { id: 'ticket-form.custom.invalid_date', desc: 'Error when a date among the extra fields of the case form is not a real date. ${label} is the field label (support center text).' });
    case 'invalid_choice':
      return msg(str`Choose one of the options for “${label}”`, { id: 'ticket-form.custom.invalid_choice', desc: 'Error when the value of an extra field of the case form is not one it accepts. ${label} is the field label (support center text).' });
    default:
      return validationMessage(code);
  }
}
