/**
 * The case being written in `<ticket-form>`: its fields, the draft they are kept in, what the
 * backend is sent, and which checks each step makes. Pure TypeScript, no DOM, no Lit.
 */
import type { LocaleCode, SupportConfig } from '../../core/config.js';
import { customFieldIdOf, customValuesToSend, isCustomFieldValues, type CustomFieldDef, type CustomFieldValues } from '../../core/custom-fields.js';
import type { TicketPrefill } from '../../core/prefill.js';
import { productAvailability } from '../../core/flows.js';
import { CONTACT_METHODS, type ContactMethod, type NewTicket } from '../../core/ticket.js';
import { validateNewTicket } from '../../core/validation.js';
import type { IntentKey } from '../../controllers/action-controller.js';
import type { Draft } from '../../controllers/draft-controller.js';
import type { FormFieldError } from '../shared/field-errors.js';
import { isInputStep, type InputStep } from './ticket-form.machine.js';

/** What the customer typed or chose. */
export interface CaseFields {
  readonly subject: string;
  readonly categoryId: string;
  readonly subcategoryId: string;
  readonly productId: string;
  readonly description: string;
  readonly contactMethod: ContactMethod | '';
  /** Answers to the config's custom fields, by id, as typed (kept for fields not asked now, too). */
  readonly customFields: CustomFieldValues;
}

export const BLANK_CASE: CaseFields = { subject: '', categoryId: '', subcategoryId: '', productId: '', description: '', contactMethod: '', customFields: {} };

/** What is kept in localStorage while the case is being written (never files, never secrets). */
export interface TicketDraft extends Draft {
  readonly step: string;
  readonly subject: string;
  readonly categoryId: string;
  readonly subcategoryId: string;
  readonly productId: string;
  readonly description: string;
  readonly contactMethod: string;
  readonly customFields: { readonly [id: string]: string | boolean };
  /** Created once per case attempt; kept until the backend confirms, so a retry never duplicates. */
  readonly idempotencyKey: string;
  /** Which attempt the key is for (a digest of what was sent): an edited case gets a new key. */
  readonly idempotencyIntent: string;
}

/** A draft read back: what it holds, each value checked (storage may hold anything). */
export interface RestoredCase {
  readonly step: InputStep | undefined;
  readonly fields: CaseFields;
  readonly key: IntentKey | undefined;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function isContactMethod(value: string): value is ContactMethod {
  return (CONTACT_METHODS as readonly string[]).includes(value);
}

/** The case a draft holds (or a blank one); `productId` is the product to preselect otherwise. */
export function restoreCase(saved: Partial<TicketDraft> | undefined, productId: string): RestoredCase {
  const method = text(saved?.contactMethod);
  const key = text(saved?.idempotencyKey);
  const intent = text(saved?.idempotencyIntent);
  return {
    step: isInputStep(saved?.step) ? saved.step : undefined,
    fields: {
      subject: text(saved?.subject),
      categoryId: text(saved?.categoryId),
      subcategoryId: text(saved?.subcategoryId),
      productId: text(saved?.productId) || productId,
      description: text(saved?.description),
      contactMethod: isContactMethod(method) ? method : '',
      customFields: isCustomFieldValues(saved?.customFields) ? saved.customFields : {},
    },
    // A key without its intent cannot be matched to an attempt: the next submit makes a new one.
    key: key && intent ? { intent, key } : undefined,
  };
}

export function draftOf(step: InputStep | undefined, fields: CaseFields, key: IntentKey | undefined): Partial<TicketDraft> {
  return {
    step: step ?? '',
    ...fields,
    ...(key ? { idempotencyKey: key.key, idempotencyIntent: key.intent } : {}),
  };
}

/** A follow-up names the closed case on the description's first line (`line` says so). */
export function withFollowUpLine(description: string, number: string | undefined, line: string): string {
  if (!number || description.includes(number)) return description;
  return description ? `${line}\n${description}` : `${line}\n\n`;
}

/** What else a case needs beyond its fields: where it goes and what comes with it. */
export interface CaseContext {
  readonly areaId: string;
  readonly needsCategory: boolean;
  readonly attachmentTokens: readonly string[];
  readonly followUpOf: string | undefined;
  /** The custom fields this case asks (its area's, its category's). */
  readonly customFields: readonly CustomFieldDef[];
}

type Candidate = { readonly [K in keyof NewTicket]?: NewTicket[K] | undefined };

function candidateOf(fields: CaseFields, context: CaseContext): Candidate {
  return {
    areaId: context.areaId,
    productId: fields.productId,
    subject: fields.subject,
    description: fields.description,
    contactMethod: fields.contactMethod || undefined,
    ...(context.needsCategory ? { categoryId: fields.categoryId || undefined, subcategoryId: fields.subcategoryId || undefined } : {}),
    ...(context.attachmentTokens.length > 0 ? { attachmentTokens: context.attachmentTokens } : {}),
    ...(context.followUpOf ? { followUpOf: context.followUpOf } : {}),
    ...(context.customFields.length > 0 ? { customFields: customValuesToSend(fields.customFields, context.customFields) } : {}),
  };
}

/** The case as the backend gets it; undefined while no contact method is chosen. */
export function newTicketOf(fields: CaseFields, context: CaseContext): NewTicket | undefined {
  const contactMethod = fields.contactMethod;
  if (!contactMethod) return undefined;
  return { ...candidateOf(fields, context), areaId: context.areaId, productId: fields.productId, subject: fields.subject, description: fields.description, contactMethod };
}

/** The fields each step checks before it lets the customer go on. */
const STEP_FIELDS: { readonly [S in InputStep]: readonly string[] } = {
  subject: ['subject'],
  category: ['categoryId', 'subcategoryId'],
  details: ['categoryId', 'subcategoryId', 'subject', 'productId', 'description', 'contactMethod'],
};

/** Where the uploads of the case stand (the details step waits for them). */
export interface UploadsState {
  readonly busy: boolean;
  readonly hasProblems: boolean;
}

export function stepErrors(step: InputStep, fields: CaseFields, context: CaseContext, config: SupportConfig, uploads: UploadsState): FormFieldError[] {
  const all = validateNewTicket(candidateOf(fields, context), config, { needsCategory: context.needsCategory });
  // Without a category there is no subcategory list to choose from yet.
  const errors: FormFieldError[] = all.filter(
    (e) =>
      (STEP_FIELDS[step].includes(e.field) || (step === 'details' && customFieldIdOf(e.field) !== undefined)) &&
      !(e.field === 'subcategoryId' && !fields.categoryId),
  );
  if (step === 'details') {
    if (uploads.busy) errors.push({ field: 'attachments', code: 'uploads_busy' });
    else if (uploads.hasProblems) errors.push({ field: 'attachments', code: 'uploads_failed' });
  }
  return errors;
}

/** The product a host asked for (`product`), if the area has it and the language offers it; else ''. */
export function offeredProduct(config: SupportConfig, areaId: string | undefined, locale: LocaleCode, productId: string | undefined): string {
  if (!productId || !areaId) return '';
  const area = config.areas.find((a) => a.id === areaId);
  if (!area?.products.some((p) => p.id === productId)) return '';
  return productAvailability(config, locale, productId).offered ? productId : '';
}

/**
 * The fields with a host's prefill put in: read-only values always (they are the host's), the
 * others only where the customer has not typed or chosen anything (a restored draft wins).
 */
export function applyPrefill(fields: CaseFields, prefill: TicketPrefill | undefined): CaseFields {
  if (!prefill) return fields;
  const pick = <V>(current: V, empty: boolean, given: { readonly value: V; readonly readOnly?: boolean } | undefined): V =>
    given && (given.readOnly || empty) ? given.value : current;
  const custom: Record<string, string | boolean> = { ...fields.customFields };
  for (const [id, given] of Object.entries(prefill.customFields ?? {})) {
    const current = custom[id];
    custom[id] = pick(current ?? given.value, current === undefined || current === '' || current === false, given);
  }
  const category = pick(fields.categoryId, !fields.categoryId, prefill.category);
  return {
    ...fields,
    subject: pick(fields.subject, !fields.subject.trim(), prefill.subject),
    description: pick(fields.description, !fields.description.trim(), prefill.description),
    categoryId: category,
    // A subcategory belongs to its category: a prefilled one only with the category it was chosen in.
    subcategoryId: category === fields.categoryId ? pick(fields.subcategoryId, !fields.subcategoryId, prefill.subcategory) : (prefill.subcategory?.value ?? ''),
    contactMethod: pick(fields.contactMethod, !fields.contactMethod, prefill.contactMethod),
    customFields: custom,
  };
}
