/**
 * The shapes of Zendesk's answers the adapter reads, and their guards: every value from Zendesk
 * is checked here before the adapter maps it. Fields follow the Requests API's JSON format
 * (https://developer.zendesk.com/api-reference/ticketing/tickets/ticket-requests/#json-format).
 *
 * Not part of the public API.
 */
import { SupportError, type FieldError } from '../core/errors.js';
import { hasDates, hasIds, hasNumbers, hasStrings, isArrayOf, isBoolean, isNullable, isNumber, isOptional, isRecord, isString, type Guard } from './guards.js';
import { errorFromResponse, type RawResponse } from './http.js';

export interface ZendeskFieldIds {
  readonly categoryFieldId: number;
  readonly subcategoryFieldId: number;
  readonly productFieldId: number;
  readonly areaFieldId: number;
  readonly contactMethodFieldId: number;
  /** A phone number support recorded for a call (read only: end users cannot write custom fields after creation). */
  readonly callbackPhoneFieldId: number;
}

export interface ZendeskOrganization {
  readonly id: number;
  readonly name: string;
  readonly tags: readonly string[];
}


export interface ZUser {
  readonly id: number;
  readonly name: string;
  readonly email?: string | undefined;
  readonly agent?: boolean | undefined;
  readonly role?: string | undefined;
}

export interface ZCustomField {
  readonly id: number;
  readonly value: unknown;
}

export interface ZRequest {
  readonly id: number;
  readonly subject: string;
  readonly description: string;
  readonly status: string;
  readonly requester_id: number;
  readonly organization_id?: number | null;
  readonly collaborator_ids?: readonly number[];
  readonly custom_fields?: readonly ZCustomField[];
  readonly followup_source_id?: number | null;
  readonly via?: { readonly channel?: unknown } | undefined;
  readonly created_at: string;
  readonly updated_at: string;
}

export interface ZAttachment {
  readonly id: number;
  readonly file_name: string;
  readonly content_url: string;
  readonly content_type: string;
  readonly size: number;
}

export interface ZComment {
  readonly id: number;
  readonly body: string;
  readonly plain_body?: string;
  readonly public?: boolean;
  readonly author_id: number;
  readonly attachments?: readonly ZAttachment[];
  readonly created_at: string;
  readonly via?: { readonly channel?: unknown } | undefined;
}

export const isChannel = (v: unknown): v is { readonly channel?: unknown } => isRecord(v);
export const isUser: Guard<ZUser> = (v): v is ZUser =>
  hasNumbers(v, ['id']) && isString(v.name) && isOptional(v.email, isString) && isOptional(v.agent, isBoolean) && isOptional(v.role, isString);
export const isOrganization: Guard<ZendeskOrganization> = (v): v is ZendeskOrganization =>
  hasNumbers(v, ['id']) && isString(v.name) && isArrayOf(v.tags, isString);
export const isCustomField: Guard<ZCustomField> = (v): v is ZCustomField => hasNumbers(v, ['id']);
export const isRequest: Guard<ZRequest> = (v): v is ZRequest =>
  // The id becomes the case number the customer quotes and the path of every later call.
  hasIds(v, ['id', 'requester_id']) &&
  hasStrings(v, ['subject', 'description', 'status']) &&
  hasDates(v, ['created_at', 'updated_at']) &&
  isNullable(v.organization_id, isNumber) &&
  isNullable(v.followup_source_id, isNumber) &&
  isOptional(v.custom_fields, (f) => isArrayOf(f, isCustomField)) &&
  isOptional(v.collaborator_ids, (ids) => isArrayOf(ids, isNumber)) &&
  isOptional(v.via, isChannel);
export const isAttachment: Guard<ZAttachment> = (v): v is ZAttachment =>
  hasNumbers(v, ['id', 'size']) && typeof v.size === 'number' && v.size >= 0 && hasStrings(v, ['file_name', 'content_url', 'content_type']);
export const isComment: Guard<ZComment> = (v): v is ZComment =>
  hasNumbers(v, ['id', 'author_id']) &&
  hasStrings(v, ['body']) &&
  hasDates(v, ['created_at']) &&
  isOptional(v.plain_body, isString) &&
  isOptional(v.public, isBoolean) &&
  isOptional(v.attachments, (a) => isArrayOf(a, isAttachment)) &&
  isOptional(v.via, isChannel);

export const optionalUsers = (v: Record<string, unknown>) => isOptional(v.users, (users) => isArrayOf(users, isUser));
export const isMe = (v: unknown): v is { user: { id: number | null; name: string; email?: string; organization_id?: number | null }; organizations?: ZendeskOrganization[] } =>
  isRecord(v) &&
  isRecord(v.user) &&
  (v.user.id === null || isNumber(v.user.id)) &&
  isString(v.user.name) &&
  isOptional(v.user.email, isString) &&
  isNullable(v.user.organization_id, isNumber) &&
  isOptional(v.organizations, (orgs) => isArrayOf(orgs, isOrganization));
export const isRequestEnvelope = (v: unknown): v is { request: ZRequest; users?: ZUser[] } => isRecord(v) && isRequest(v.request) && optionalUsers(v);
export const isComments = (v: unknown): v is { comments: ZComment[]; users?: ZUser[] } => isRecord(v) && isArrayOf(v.comments, isComment) && optionalUsers(v);
/** An offset-paginated page (List Requests, Search Requests): `next_page` and `count`. */
export const isOffsetList = (v: unknown): v is { requests: ZRequest[]; users?: ZUser[]; count: number; next_page: string | null } =>
  isRecord(v) && isArrayOf(v.requests, isRequest) && optionalUsers(v) && isNumber(v.count) && (v.next_page === null || isString(v.next_page));
/** A cursor-paginated page of comments: `meta.has_more` and `meta.after_cursor`. */
export const isCommentPage = (
  v: unknown,
): v is { comments: ZComment[]; users?: ZUser[]; meta?: { has_more: boolean; after_cursor?: string | null } } =>
  isRecord(v) &&
  isArrayOf(v.comments, isComment) &&
  optionalUsers(v) &&
  isOptional(v.meta, (m): m is { has_more: boolean; after_cursor?: string | null } => isRecord(m) && isBoolean(m.has_more) && isNullable(m.after_cursor, isString));
export const isUpload = (v: unknown): v is { upload: { token: string; attachment?: ZAttachment } } =>
  isRecord(v) && isRecord(v.upload) && isString(v.upload.token) && isOptional(v.upload.attachment, isAttachment);
export const isArticle = (r: unknown): r is { id: number; title: string; html_url: string } => hasNumbers(r, ['id']) && hasStrings(r, ['title', 'html_url']);
export const isArticleResults = (v: unknown): v is { results: { id: number; title: string; html_url: string }[] } => isRecord(v) && isArrayOf(v.results, isArticle);

/**
 * Everything Update Request lets an end user write: "This endpoint can only update the
 * following properties in the request": `comment`, `solved`, `additional_collaborators`
 * (https://developer.zendesk.com/api-reference/ticketing/tickets/ticket-requests/#update-request).
 * Every PUT the adapter sends is typed by it, so nothing else can be sent.
 */
export interface EndUserUpdate {
  readonly comment?: { readonly body: string; readonly uploads?: readonly string[] };
  readonly solved?: boolean;
  readonly additional_collaborators?: readonly string[];
}

/**
 * Zendesk errors are `{error, description, details}`, not problem+json. A 422 whose details
 * name the status ("closed prevents ticket update") is the closed-case conflict; other 422
 * details become field errors (`BlankValue` → required).
 */
export function zendeskError(raw: RawResponse): SupportError {
  if (raw.status !== 422) return errorFromResponse(raw);
  let body: unknown;
  try {
    body = JSON.parse(raw.text);
  } catch {
    return errorFromResponse(raw);
  }
  const details = isRecord(body) && isRecord(body.details) ? body.details : {};
  const text = JSON.stringify(details.status ?? '');
  if (/closed/i.test(text)) return new SupportError('conflict', 'The case is closed', { status: 422, conflict: 'closed' });
  const fieldErrors: FieldError[] = Object.entries(details).flatMap(([name, entries]) =>
    (Array.isArray(entries) ? entries : []).map((entry): FieldError => ({
      field: name === 'base' ? 'description' : name,
      code: isRecord(entry) && entry.error === 'BlankValue' ? 'required' : 'invalid_choice',
    })),
  );
  return new SupportError('validation', 'Zendesk rejected the request', { status: 422, fieldErrors });
}
