/**
 * Form pieces the GOV.UK way (DESIGN.md §8): an error summary that takes focus and links to
 * each field; label, hint, inline error (with a visually hidden "Error:") and control in the
 * same shadow root, tied by `aria-describedby`. Render helpers, called from `render()`.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

/** An error as shown: the id of the control it belongs to and its localized message. */
export interface ShownError {
  readonly id: string;
  readonly message: string;
}

export function errorId(id: string): string {
  return `${id}-error`;
}

function hintId(id: string): string {
  return `${id}-hint`;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? hintId(id) : '', error ? errorId(id) : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

/** Moves focus to the control with `id` in `root` (links of the error summary). */
export function focusControl(root: ParentNode, id: string): void {
  const control = root.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
  control?.focus();
  control?.scrollIntoView?.({ block: 'center' });
}

/**
 * The error summary. Give it `tabindex=-1` focus after a failed submit (the caller does, once
 * rendered: `summary.focus()`); each link focuses its control.
 */
export function errorSummary(errors: readonly ShownError[], root: ParentNode): TemplateResult | typeof nothing {
  if (errors.length === 0) return nothing;
  // A group may be named by its title (a plain div may not: axe aria-prohibited-attr); the
  // inner alert speaks the list when it appears, the name when focus lands on it.
  return html`<div class="error-summary" part="error-summary" role="group" tabindex="-1" aria-labelledby="error-summary-title">
    <div role="alert">
      <h2 id="error-summary-title" class="error-summary__title">
        ${msg('There is a problem', { id: 'form.error_summary.title', desc: 'Title of the box listing every error of a form after a failed submit.' })}
      </h2>
      <ul class="error-summary__list">
        ${errors.map(
          (error) => html`<li>
            <a
              href="#${error.id}"
              @click=${(event: Event) => {
                event.preventDefault();
                focusControl(root, error.id);
              }}
              >${error.message}</a
            >
          </li>`,
        )}
      </ul>
    </div>
  </div>`;
}

function label(id: string, text: string, required: boolean): TemplateResult {
  return html`<label class="label" for=${id}
    >${text}${required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</label
  >`;
}

export function fieldMessages(id: string, hint: string | undefined, error: string | undefined): TemplateResult {
  return html`${hint ? html`<div class="hint" id=${hintId(id)}>${hint}</div>` : nothing}
  ${error
    ? html`<p class="error-message" id=${errorId(id)}>
        <span class="visually-hidden"
          >${msg('Error:', { id: 'form.error_prefix', desc: 'Visually hidden prefix read by screen readers before an inline error message.' })}</span
        >
        ${error}
      </p>`
    : nothing}`;
}

export interface FieldOptions {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly required?: boolean;
  readonly type?: 'text' | 'email' | 'tel' | 'password' | 'search';
  readonly autocomplete?: string;
  readonly multiline?: boolean;
  readonly maxlength?: number;
  /** Shown and sent but not editable (a host's read-only prefill): still focusable and read. */
  readonly readonly?: boolean;
}

export function textField(o: FieldOptions): TemplateResult {
  const required = o.required ?? false;
  const described = describedBy(o.id, o.hint, o.error);
  const onInput = (event: Event) => o.onInput((event.target as HTMLInputElement | HTMLTextAreaElement).value);
  return html`<div class="field ${o.error ? 'field--error' : ''}">
    ${label(o.id, o.label, required)} ${fieldMessages(o.id, o.hint, o.error)}
    ${o.multiline
      ? html`<textarea
          id=${o.id}
          name=${o.id}
          rows="6"
          .value=${live(o.value)}
          ?required=${required}
          ?readonly=${o.readonly ?? false}
          aria-invalid=${o.error ? 'true' : 'false'}
          aria-describedby=${ifDefined(described)}
          maxlength=${ifDefined(o.maxlength)}
          @input=${onInput}
        ></textarea>`
      : html`<input
          id=${o.id}
          name=${o.id}
          type=${o.type ?? 'text'}
          .value=${live(o.value)}
          ?required=${required}
          ?readonly=${o.readonly ?? false}
          aria-invalid=${o.error ? 'true' : 'false'}
          aria-describedby=${ifDefined(described)}
          autocomplete=${ifDefined(o.autocomplete)}
          maxlength=${ifDefined(o.maxlength)}
          @input=${onInput}
        />`}
  </div>`;
}

export interface Choice {
  readonly value: string;
  readonly label: string;
  readonly hint?: string;
}

export interface ChoiceOptions {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly choices: readonly Choice[];
  readonly onChange: (value: string) => void;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly required?: boolean;
  /** Text of the empty first option of a select. */
  readonly placeholder?: string;
  /**
   * Shown and sent but not editable (a host's read-only prefill). A select shows its choice in
   * a read-only text box; radios are a read-only radio group whose choice cannot change.
   */
  readonly readonly?: boolean;
}

export function selectField(o: ChoiceOptions): TemplateResult {
  const required = o.required ?? false;
  if (o.readonly) {
    const chosen = o.choices.find((c) => c.value === o.value)?.label ?? o.value;
    return textField({ id: o.id, label: o.label, value: chosen, required, hint: o.hint, error: o.error, readonly: true, onInput: () => undefined });
  }
  return html`<div class="field ${o.error ? 'field--error' : ''}">
    ${label(o.id, o.label, required)} ${fieldMessages(o.id, o.hint, o.error)}
    <select
      id=${o.id}
      name=${o.id}
      ?required=${required}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(o.id, o.hint, o.error))}
      @change=${(event: Event) => o.onChange((event.target as HTMLSelectElement).value)}
    >
      <option value="" ?selected=${o.value === ''}>${o.placeholder ?? ''}</option>
      ${o.choices.map((c) => html`<option value=${c.value} ?selected=${c.value === o.value}>${c.label}</option>`)}
    </select>
  </div>`;
}

/** Radios in a fieldset; the first radio carries `id` so the error summary can focus it. */
export function radioGroup(o: ChoiceOptions): TemplateResult {
  const required = o.required ?? false;
  const readonly = o.readonly ?? false;
  return html`<fieldset
    class="field ${o.error ? 'field--error' : ''}"
    role=${ifDefined(readonly ? 'radiogroup' : undefined)}
    aria-readonly=${ifDefined(readonly ? 'true' : undefined)}
    aria-describedby=${ifDefined(describedBy(o.id, o.hint, o.error))}
  >
    <legend class="label">
      ${o.label}${required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}
    </legend>
    ${fieldMessages(o.id, o.hint, o.error)}
    ${o.choices.map((c, index) => {
      const id = index === 0 ? o.id : `${o.id}-${c.value}`;
      return html`<div class="radio">
        <input
          type="radio"
          id=${id}
          name=${o.id}
          .value=${c.value}
          .checked=${live(c.value === o.value)}
          ?required=${required}
          aria-invalid=${o.error ? 'true' : nothing}
          @click=${(event: Event) => readonly && event.preventDefault()}
          @change=${() => readonly || o.onChange(c.value)}
        />
        <label for=${id}>${c.label}</label>
        ${c.hint ? html`<div class="hint radio__hint">${c.hint}</div>` : nothing}
      </div>`;
    })}
  </fieldset>`;
}
