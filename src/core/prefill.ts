/**
 * Prefill: what a host puts in the case form before the customer types, each value with an
 * optional `readOnly` (as Zendesk's Web Widget `prefill` does: `{ name: { value, readOnly } }`).
 * A read-only value is shown (focusable, read by screen readers, never hidden) and sent as
 * given; an editable one only fills a field the customer has not filled (a draft wins).
 */
import { isCustomFieldValues, type CustomFieldValue } from './custom-fields.js';
import { CONTACT_METHODS, type ContactMethod } from './ticket.js';

export interface PrefillValue<V> {
  readonly value: V;
  /** Shown and sent, but the customer cannot change it. */
  readonly readOnly?: boolean;
}

export interface TicketPrefill {
  readonly subject?: PrefillValue<string>;
  readonly description?: PrefillValue<string>;
  /** A category id of the area's catalog (flows with a category step). */
  readonly category?: PrefillValue<string>;
  /** A subcategory id of `category`. */
  readonly subcategory?: PrefillValue<string>;
  readonly contactMethod?: PrefillValue<ContactMethod>;
  /** By custom field id (`SupportConfig.customFields`). */
  readonly customFields?: Readonly<Record<string, PrefillValue<CustomFieldValue>>>;
}

/** The form's field names a prefill key fills (custom fields: `customFields.<id>`). */
export const PREFILL_FIELDS = {
  subject: 'subject',
  description: 'description',
  category: 'categoryId',
  subcategory: 'subcategoryId',
  contactMethod: 'contactMethod',
} as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function entry<V>(raw: unknown, accept: (v: unknown) => v is V): PrefillValue<V> | undefined {
  if (!isRecord(raw) || !accept(raw['value'])) return undefined;
  return raw['readOnly'] === true ? { value: raw['value'], readOnly: true } : { value: raw['value'] };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isMethod = (v: unknown): v is ContactMethod => typeof v === 'string' && (CONTACT_METHODS as readonly string[]).includes(v);
const isCustomValue = (v: unknown): v is CustomFieldValue => isCustomFieldValues({ v });

/**
 * A prefill as a host may give it (an attribute's JSON, a property from untyped code): the
 * entries of the right shape; anything else is dropped.
 */
export function parsePrefill(raw: unknown): TicketPrefill {
  if (!isRecord(raw)) return {};
  const out: Record<string, unknown> = {};
  for (const key of ['subject', 'description', 'category', 'subcategory'] as const) {
    const found = entry(raw[key], isString);
    if (found) out[key] = found;
  }
  const method = entry(raw['contactMethod'], isMethod);
  if (method) out['contactMethod'] = method;
  const custom = raw['customFields'];
  if (isRecord(custom)) {
    const fields: Record<string, PrefillValue<CustomFieldValue>> = {};
    for (const [id, value] of Object.entries(custom)) {
      const found = entry(value, isCustomValue);
      if (found) fields[id] = found;
    }
    out['customFields'] = fields;
  }
  return out as TicketPrefill;
}
