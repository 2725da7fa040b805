/**
 * Guards for the domain's shapes (sessions, cases) as they arrive from outside the type system:
 * a REST response (fetch adapter) or stored data (memory adapter's localStorage). The Zendesk
 * adapter checks Zendesk's own shapes (zendesk-adapter.ts) and builds these from them.
 *
 * What the elements read, and so what is checked here (from a grep of src/elements and
 * src/controllers for reads of each shape; a field read but unchecked is a render that throws):
 * - Session: `user.name`, `user.email`, `realm`, `accounts[].id/.name/.plan`, `activeAccountId`.
 * - TicketSummary (lists): `id`, `number`, `subject`, `status` (one of STATUSES), `areaId`,
 *   `productId`, `accountId`, `contactMethod`, `requester`, `followUpOf`, `categoryId`,
 *   `subcategoryId`, and the dates `createdAt`, `updatedAt`, `activityAt` (formatted by Intl,
 *   which throws on an Invalid Date: so each must be an ISO date-time, see `isDateString`).
 * - Ticket (detail): the summary, `description`, `comments[].id/.author/.authorRole/.body/.via/
 *   .createdAt`, `attachments[].id/.name/.size/.contentType/.url/.createdAt`,
 *   `watchers[].email/.addedAt`, `callbacks[].id/.phone/.requestedAt`, `customFields` (strings
 *   and booleans, when present).
 * Catalog, articles, uploads and receipts are checked in fetch-adapter.ts.
 */
import { CONTACT_METHODS, STATUSES, type Attachment, type CallbackRequest, type Comment, type Person, type Ticket, type TicketSummary, type Watcher } from '../core/ticket.js';
import { isCustomFieldValues } from '../core/custom-field-values.js';
import type { Account, Session } from './backend.js';
import { hasDates, hasStrings, isArrayOf, isNumber, isOneOf, isOptionalString, isRecord, type Guard } from './guards.js';

export const isPerson: Guard<Person> = (v): v is Person => hasStrings(v, ['name', 'email']);
const isAccount: Guard<Account> = (v): v is Account =>
  hasStrings(v, ['id', 'name']) && isOneOf(['free', 'paid'] as const)(v.plan);
export const isSession: Guard<Session> = (v): v is Session =>
  isRecord(v) &&
  isPerson(v.user) &&
  isOneOf(['product', 'support_center'] as const)(v.realm) &&
  isArrayOf(v.accounts, isAccount) &&
  typeof v.activeAccountId === 'string';

const isComment: Guard<Comment> = (v): v is Comment =>
  hasStrings(v, ['id', 'body']) &&
  hasDates(v, ['createdAt']) &&
  isPerson(v.author) &&
  isOneOf(['user', 'agent'] as const)(v.authorRole) &&
  isOneOf(['web', 'email'] as const)(v.via);
const isAttachment: Guard<Attachment> = (v): v is Attachment =>
  hasStrings(v, ['id', 'name', 'contentType', 'url']) && hasDates(v, ['createdAt']) && isNumber(v.size) && v.size >= 0;
const isWatcher: Guard<Watcher> = (v): v is Watcher => hasStrings(v, ['email']) && hasDates(v, ['addedAt']);
const isCallback: Guard<CallbackRequest> = (v): v is CallbackRequest => hasStrings(v, ['id', 'phone']) && hasDates(v, ['requestedAt']);

export const isTicketSummary: Guard<TicketSummary> = (v): v is TicketSummary =>
  hasStrings(v, ['id', 'number', 'subject', 'areaId', 'productId', 'accountId']) &&
  hasDates(v, ['createdAt', 'updatedAt', 'activityAt']) &&
  isOneOf(STATUSES)(v.status) &&
  isOneOf(CONTACT_METHODS)(v.contactMethod) &&
  isPerson(v.requester) &&
  isOptionalString(v.categoryId) &&
  isOptionalString(v.subcategoryId) &&
  isOptionalString(v.followUpOf);

export const isTicket: Guard<Ticket> = (v): v is Ticket => {
  if (!isRecord(v)) return false;
  const { description, comments, attachments, watchers, callbacks, customFields } = v;
  return (
    isTicketSummary(v) &&
    typeof description === 'string' &&
    isArrayOf(comments, isComment) &&
    isArrayOf(attachments, isAttachment) &&
    isArrayOf(watchers, isWatcher) &&
    isArrayOf(callbacks, isCallback) &&
    (customFields === undefined || isCustomFieldValues(customFields))
  );
};
