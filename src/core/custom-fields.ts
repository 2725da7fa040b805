/**
 * Custom fields: extra questions a support center asks on the case form, per product area or
 * per category of an area, described as data in `SupportConfig.customFields`. Their labels,
 * hints, option labels and pattern messages are the host's own text, one per language, in the
 * config (`LocalizedText`, English always present): the widget shows them as given and never
 * translates them. The checks below are pure and shared: `<ticket-form>` runs them before
 * sending, the backends (memory adapter, reference server) on receipt.
 *
 * Values: `text`, `textarea`, `select` and `date` (`YYYY-MM-DD`) are strings, `checkbox` is a
 * boolean. A field left empty (`''`, `false`) is absent: it is not sent.
 */
import type { LocalizedText } from './catalog.js';
import type { LocaleCode, SupportConfig } from './config.js';
import type { FieldError } from './errors.js';
import type { CustomFieldValue, CustomFieldValues } from './custom-field-values.js';
import { matchLocale } from './locale.js';

export { isCustomFieldValues, type CustomFieldValue, type CustomFieldValues } from './custom-field-values.js';

export const CUSTOM_FIELD_KINDS = ['text', 'textarea', 'select', 'checkbox', 'date'] as const;
export type CustomFieldKind = (typeof CUSTOM_FIELD_KINDS)[number];

export interface CustomFieldOption {
  /** What is sent and stored (for Zendesk: the option's tag; for Freshdesk: the choice). */
  readonly value: string;
  readonly label: LocalizedText;
}

/** Where a field's value goes in each helpdesk the reference server can front. */
export interface CustomFieldHelpdeskIds {
  /** The Zendesk ticket field id (`custom_fields: [{ id, value }]`). */
  readonly zendesk?: number;
  /** The Freshdesk field name, `cf_…` (`custom_fields: { cf_…: value }`). */
  readonly freshdesk?: string;
}

export interface CustomFieldDef {
  /** Stable id, the key in `customFields`: letters, digits, `_` and `-`. */
  readonly id: string;
  readonly kind: CustomFieldKind;
  /** The product area whose cases ask it. */
  readonly areaId: string;
  /** When set, only cases of this category (of `areaId`) ask it. */
  readonly categoryId?: string;
  readonly label: LocalizedText;
  readonly hint?: LocalizedText;
  readonly required?: boolean;
  /** Text kinds: fewest and most characters (after trimming). */
  readonly minLength?: number;
  readonly maxLength?: number;
  /** Text kinds: the whole value must match `source` (a JavaScript regular expression, `u` flag). */
  readonly pattern?: { readonly source: string; readonly message: LocalizedText };
  /** `select` only: the choices, in order. */
  readonly options?: readonly CustomFieldOption[];
  readonly helpdesk?: CustomFieldHelpdeskIds;
}

/** The key of a custom field's errors in `FieldError.field` (and the id of its control). */
export function customFieldKey(id: string): string {
  return `customFields.${id}`;
}

/** The custom field id an error key names, if it names one. */
export function customFieldIdOf(field: string): string | undefined {
  return field.startsWith('customFields.') ? field.slice('customFields.'.length) : undefined;
}

/** The fields a case of `areaId` (and `categoryId`, when the flow has categories) asks, in config order. */
export function customFieldsFor(config: SupportConfig, areaId: string, categoryId: string | undefined): readonly CustomFieldDef[] {
  return (config.customFields ?? []).filter((f) => f.areaId === areaId && (f.categoryId === undefined || f.categoryId === categoryId));
}

/** A text of the config in one language, and which language it is in (for `lang`). */
export interface ResolvedText {
  readonly text: string;
  readonly lang: LocaleCode;
  /** True when the text is not in `locale` but in the fallback language. */
  readonly fallback: boolean;
}

/**
 * The config's fallback rule for host text: the language asked (or the same primary language,
 * `pt` for `pt-BR`), else the config's default language, else English.
 */
export function resolveText(text: LocalizedText, locale: LocaleCode, defaultLocale: LocaleCode = 'en'): ResolvedText {
  const keys = Object.keys(text);
  const key = matchLocale([locale], keys);
  if (key !== undefined && text[key] !== undefined) return { text: text[key] ?? text.en, lang: key, fallback: false };
  const fallback = matchLocale([defaultLocale], keys) ?? 'en';
  return { text: text[fallback] ?? text.en, lang: text[fallback] !== undefined ? fallback : 'en', fallback: true };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function matchesPattern(source: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${source})$`, 'u').test(value);
  } catch {
    // A pattern the engine cannot read checks nothing (the config test catches it).
    return true;
  }
}

/** Whether a value counts as given: non-blank text, or a ticked box. */
export function hasValue(value: CustomFieldValue | undefined): boolean {
  return typeof value === 'boolean' ? value : typeof value === 'string' && value.trim() !== '';
}

function checkOne(def: CustomFieldDef, value: unknown): FieldError['code'] | undefined {
  if (value === undefined || value === null || value === '' || value === false) return def.required ? 'required' : undefined;
  if (def.kind === 'checkbox') return typeof value === 'boolean' ? undefined : 'invalid_choice';
  if (typeof value !== 'string') return 'invalid_choice';
  const text = value.trim();
  if (text === '') return def.required ? 'required' : undefined;
  switch (def.kind) {
    case 'select':
      return (def.options ?? []).some((o) => o.value === text) ? undefined : 'invalid_choice';
    case 'date':
      return isIsoDate(text) ? undefined : 'invalid_date';
    case 'text':
    case 'textarea': {
      const length = [...text].length;
      if (def.maxLength !== undefined && length > def.maxLength) return 'too_long';
      if (def.minLength !== undefined && length < def.minLength) return 'too_short';
      if (def.pattern && !matchesPattern(def.pattern.source, text)) return 'pattern_mismatch';
      return undefined;
    }
  }
}

/**
 * The errors of a case's custom values against the fields it asks (`defs`), one per field, in
 * `defs` order, keyed `customFields.<id>`; then one `invalid_choice` per value of a field the
 * case does not ask (a backend refuses those; the form never sends them).
 */
export function validateCustomFields(values: Readonly<Record<string, unknown>> | undefined, defs: readonly CustomFieldDef[]): FieldError[] {
  const given = values ?? {};
  const errors: FieldError[] = [];
  for (const def of defs) {
    const code = checkOne(def, given[def.id]);
    if (code) errors.push({ field: customFieldKey(def.id), code });
  }
  for (const id of Object.keys(given)) {
    if (!defs.some((d) => d.id === id)) errors.push({ field: customFieldKey(id), code: 'invalid_choice' });
  }
  return errors;
}

/** The values worth sending: those of fields the case asks, given, text trimmed; in `defs` order. */
export function customValuesToSend(values: CustomFieldValues, defs: readonly CustomFieldDef[]): Record<string, CustomFieldValue> {
  const out: Record<string, CustomFieldValue> = {};
  for (const def of defs) {
    const value = values[def.id];
    if (value === undefined || !hasValue(value)) continue;
    out[def.id] = typeof value === 'string' ? value.trim() : value;
  }
  return out;
}

/**
 * The answers as Zendesk's `custom_fields: [{ id, value }]` (Tickets and Requests APIs), for the
 * fields that have a Zendesk id: text, textarea and date (`YYYY-MM-DD`) as strings, a dropdown
 * ("tagger") as its option's value (the option's tag), a checkbox as a boolean.
 */
export function zendeskCustomFields(values: CustomFieldValues | undefined, defs: readonly CustomFieldDef[]): { id: number; value: CustomFieldValue }[] {
  const given = values ?? {};
  return defs.flatMap((def) => {
    const value = given[def.id];
    return def.helpdesk?.zendesk !== undefined && value !== undefined ? [{ id: def.helpdesk.zendesk, value }] : [];
  });
}

/**
 * The answers as Freshdesk's `custom_fields: { cf_…: value }` (Create a Ticket), for the fields
 * that have a Freshdesk name: text, paragraph and date (`YYYY-MM-DD`) as strings, a dropdown as
 * its choice's value, a checkbox as a boolean.
 */
export function freshdeskCustomFields(values: CustomFieldValues | undefined, defs: readonly CustomFieldDef[]): Record<string, CustomFieldValue> {
  const given = values ?? {};
  const out: Record<string, CustomFieldValue> = {};
  for (const def of defs) {
    const value = given[def.id];
    if (def.helpdesk?.freshdesk !== undefined && value !== undefined) out[def.helpdesk.freshdesk] = value;
  }
  return out;
}

/**
 * The answers a Zendesk ticket or request holds (`custom_fields: [{ id, value }]`), for the
 * config's fields with a Zendesk id: a ticked checkbox (`true`), a non-empty text, date or
 * dropdown value (its tag). Empty ones (`null`, `false`, `''`) are not answers.
 */
export function customValuesFromZendesk(fields: readonly { readonly id: number; readonly value: unknown }[] | undefined, defs: readonly CustomFieldDef[]): Record<string, CustomFieldValue> {
  const out: Record<string, CustomFieldValue> = {};
  for (const def of defs) {
    const value = fields?.find((f) => f.id === def.helpdesk?.zendesk)?.value;
    if (def.kind === 'checkbox' ? value === true : typeof value === 'string' && value !== '') out[def.id] = def.kind === 'checkbox' ? true : String(value);
  }
  return out;
}
