/**
 * Guards for the domain's shapes (sessions, cases) as they arrive from outside the type system:
 * a REST response (fetch adapter) or stored data (memory adapter's localStorage).
 */
import { CONTACT_METHODS, STATUSES, type Attachment, type CallbackRequest, type Comment, type Person, type Ticket, type TicketSummary, type Watcher } from '../core/ticket.js';
import type { Account, Session } from './backend.js';
import { hasStrings, isArrayOf, isNumber, isOneOf, isOptionalString, isRecord, type Guard } from './guards.js';

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
  hasStrings(v, ['id', 'body', 'createdAt']) &&
  isPerson(v.author) &&
  isOneOf(['user', 'agent'] as const)(v.authorRole) &&
  isOneOf(['web', 'email'] as const)(v.via);
const isAttachment: Guard<Attachment> = (v): v is Attachment =>
  hasStrings(v, ['id', 'name', 'contentType', 'url', 'createdAt']) && isNumber(v.size);
const isWatcher: Guard<Watcher> = (v): v is Watcher => hasStrings(v, ['email', 'addedAt']);
const isCallback: Guard<CallbackRequest> = (v): v is CallbackRequest => hasStrings(v, ['id', 'phone', 'requestedAt']);

export const isTicketSummary: Guard<TicketSummary> = (v): v is TicketSummary =>
  hasStrings(v, ['id', 'number', 'subject', 'areaId', 'productId', 'accountId', 'createdAt', 'updatedAt', 'activityAt']) &&
  isOneOf(STATUSES)(v.status) &&
  isOneOf(CONTACT_METHODS)(v.contactMethod) &&
  isPerson(v.requester) &&
  isOptionalString(v.categoryId) &&
  isOptionalString(v.subcategoryId) &&
  isOptionalString(v.followUpOf);

export const isTicket: Guard<Ticket> = (v): v is Ticket => {
  if (!isRecord(v)) return false;
  const { description, comments, attachments, watchers, callbacks } = v;
  return (
    isTicketSummary(v) &&
    typeof description === 'string' &&
    isArrayOf(comments, isComment) &&
    isArrayOf(attachments, isAttachment) &&
    isArrayOf(watchers, isWatcher) &&
    isArrayOf(callbacks, isCallback)
  );
};
