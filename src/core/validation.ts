/**
 * Input checks shared by the elements (before sending) and the backends (on receipt).
 * They return message ids, never UI strings: elements localize them.
 */
import type { CategoryDef } from './catalog.js';
import type { AttachmentLimits, LocaleCode, SupportConfig } from './config.js';
import { customFieldsFor, validateCustomFields } from './custom-fields.js';
import type { FieldError } from './errors.js';
import { findArea, productAvailability, resolveFlow } from './flows.js';
import { CONTACT_METHODS, type NewTicket } from './ticket.js';

// Deliberately loose: one @, something on each side, a dot in the domain. The backend confirms.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Digits with the separators people type; 7 to 15 digits (E.164 length).
const PHONE = /^\+?[\d\s().-]+$/;

export function isEmail(value: string): boolean {
  return EMAIL.test(value.trim());
}

export function isPhone(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  return PHONE.test(value.trim()) && digits >= 7 && digits <= 15;
}

function requiredText(field: string, value: string | undefined, max: number): FieldError[] {
  const text = (value ?? '').trim();
  if (!text) return [{ field, code: 'required' }];
  if (text.length > max) return [{ field, code: 'too_long' }];
  return [];
}

/** Which fields a case needs: category and subcategory only in flows that classify by category. */
export interface TicketRequirements {
  readonly needsCategory: boolean;
}

export function validateNewTicket(
  input: { readonly [K in keyof NewTicket]?: NewTicket[K] | undefined },
  config: SupportConfig,
  requirements: TicketRequirements,
): FieldError[] {
  const errors: FieldError[] = [];
  if (requirements.needsCategory) {
    if (!input.categoryId) errors.push({ field: 'categoryId', code: 'required' });
    if (!input.subcategoryId) errors.push({ field: 'subcategoryId', code: 'required' });
  }
  errors.push(...requiredText('subject', input.subject, config.maxLengths.subject));
  if (!input.productId) errors.push({ field: 'productId', code: 'required' });
  errors.push(...requiredText('description', input.description, config.maxLengths.description));
  if (!input.contactMethod) errors.push({ field: 'contactMethod', code: 'required' });
  else if (!CONTACT_METHODS.includes(input.contactMethod)) errors.push({ field: 'contactMethod', code: 'invalid_choice' });
  // The custom fields the case asks: its area's, and its category's where the flow has categories.
  const categoryId = requirements.needsCategory ? input.categoryId : undefined;
  errors.push(...validateCustomFields(input.customFields, customFieldsFor(config, input.areaId ?? '', categoryId)));
  return errors;
}

/**
 * Everything a backend checks of a new case before storing it: the fields, and that area,
 * product, category and subcategory exist, belong together and are offered in `locale`.
 * Category and subcategory are required where the (locale, area) flow has a category step.
 */
export function validateTicketInput(
  input: { readonly [K in keyof NewTicket]?: NewTicket[K] | undefined },
  config: SupportConfig,
  locale: LocaleCode,
  categories: readonly CategoryDef[],
): FieldError[] {
  const area = input.areaId ? findArea(config, input.areaId) : undefined;
  const flow = resolveFlow(config, locale, input.areaId ?? '');
  const errors = validateNewTicket(input, config, { needsCategory: flow.offered && flow.steps.includes('category') });
  const has = (field: string) => errors.some((e) => e.field === field);
  if (!area) errors.push({ field: 'areaId', code: input.areaId ? 'invalid_choice' : 'required' });
  if (area && input.productId && !has('productId')) {
    if (!area.products.some((p) => p.id === input.productId)) errors.push({ field: 'productId', code: 'invalid_choice' });
    else if (!productAvailability(config, locale, input.productId).offered) errors.push({ field: 'productId', code: 'not_offered' });
  }
  if (area && input.categoryId) {
    const category = categories.find((c) => c.areaId === area.id && c.id === input.categoryId);
    if (!category) errors.push({ field: 'categoryId', code: 'invalid_choice' });
    else if (input.subcategoryId && !category.subcategories.some((s) => s.id === input.subcategoryId)) {
      errors.push({ field: 'subcategoryId', code: 'invalid_choice' });
    }
  }
  return errors;
}

/**
 * The description of a follow-up case: the seed asks the customer to add the closed case's
 * number, so it is there even if they did not type it.
 */
export function followUpDescription(description: string, closedNumber: string): string {
  const text = description.trim();
  return text.includes(closedNumber) ? text : `Follow-up of case ${closedNumber}\n\n${text}`;
}

export function validateComment(body: string, config: SupportConfig): FieldError[] {
  return requiredText('comment', body, config.maxLengths.comment);
}

export function validateEmailField(field: string, value: string): FieldError[] {
  if (!value.trim()) return [{ field, code: 'required' }];
  return isEmail(value) ? [] : [{ field, code: 'invalid_email' }];
}

export function validatePhone(field: string, value: string): FieldError[] {
  if (!value.trim()) return [{ field, code: 'required' }];
  return isPhone(value) ? [] : [{ field, code: 'invalid_phone' }];
}

export interface FileLike {
  readonly name: string;
  readonly size: number;
  readonly type: string;
}

/** Whether a file's name or MIME type is in the config's accept list. */
export function isAcceptedType(file: FileLike, limits: AttachmentLimits): boolean {
  const name = file.name.toLowerCase();
  return limits.accept.some((rule) =>
    rule.startsWith('.') ? name.endsWith(rule) : rule.endsWith('/*') ? file.type.startsWith(rule.slice(0, -1)) : file.type === rule,
  );
}

/** Checks one file against the limits, knowing how many are already attached. */
export function validateFile(file: FileLike, limits: AttachmentLimits, alreadyAttached: number): FieldError[] {
  if (alreadyAttached >= limits.maxFiles) return [{ field: 'attachments', code: 'too_many_files' }];
  if (!isAcceptedType(file, limits)) return [{ field: 'attachments', code: 'file_type' }];
  if (file.size > limits.maxBytes) return [{ field: 'attachments', code: 'file_too_large' }];
  return [];
}

export interface SignInHelpRequest {
  readonly name: string;
  readonly email: string;
  readonly areaId: string;
  readonly description: string;
}

export function validateSignInHelp(input: Partial<SignInHelpRequest>, config: SupportConfig): FieldError[] {
  return [
    ...requiredText('name', input.name, 200),
    ...validateEmailField('email', input.email ?? ''),
    ...(!input.areaId
      ? [{ field: 'areaId', code: 'required' as const }]
      : config.areas.some((a) => a.id === input.areaId)
        ? []
        : [{ field: 'areaId', code: 'invalid_choice' as const }]),
    ...requiredText('description', input.description, config.maxLengths.description),
  ];
}
