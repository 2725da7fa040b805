/**
 * Freshdesk's tickets and conversations (API v2) as the contract's `Ticket`: checked field by
 * field at this boundary (a Freshdesk answer is never trusted), statuses through
 * src/core/helpdesk-status.ts, text from the `*_text` fields (never the HTML ones).
 */
import { hasStrings, isArrayOf, isNumber, isOneOf, isRecord, isString } from '../../src/adapters/guards.js';
import { FRESHDESK_TO_STATUS } from '../../src/core/helpdesk-status.js';
import { CONTACT_METHODS, type Attachment, type CallbackRequest, type Comment, type Person, type Ticket, type TicketSummary } from '../../src/core/ticket.js';
import { HttpError } from '../http.js';
import { formatNumber } from '../store.js';

/**
 * The ticket fields the admin adds (Admin → Ticket fields, single-line text): Freshdesk names a
 * custom field `cf_` + its label, and the API reads and writes it under `custom_fields`.
 */
export const FRESHDESK_FIELDS = {
  areaId: 'cf_area_id',
  productId: 'cf_product_id',
  categoryId: 'cf_category_id',
  subcategoryId: 'cf_subcategory_id',
  accountId: 'cf_account_id',
  contactMethod: 'cf_contact_method',
  followUpOf: 'cf_follow_up_of',
  locale: 'cf_locale',
} as const;

/** How a Call me note starts: agents read it, and the connector finds its callbacks by it. */
export const CALLBACK_PREFIX = 'Call me: ';

export interface FdAttachment {
  readonly id: number;
  readonly name: string;
  readonly size: number;
  readonly content_type: string;
  readonly attachment_url: string;
  readonly created_at: string;
}

export interface FdTicket {
  readonly id: number;
  readonly subject: string;
  readonly description_text?: string;
  readonly status: number;
  readonly requester_id: number;
  readonly cc_emails: readonly string[];
  readonly custom_fields: Readonly<Record<string, unknown>>;
  readonly attachments: readonly FdAttachment[];
  readonly created_at: string;
  readonly updated_at: string;
  readonly requester?: { readonly id: number; readonly name: string; readonly email: string };
}

export interface FdConversation {
  readonly id: number;
  readonly body_text: string;
  readonly incoming: boolean;
  readonly private: boolean;
  readonly user_id: number;
  readonly from_email?: string | null;
  readonly attachments: readonly FdAttachment[];
  readonly created_at: string;
}

const isAttachment = (v: unknown): v is FdAttachment =>
  hasStrings(v, ['name', 'content_type', 'attachment_url', 'created_at']) && isNumber(v.id) && isNumber(v.size);

export const isFdTicket = (v: unknown): v is FdTicket =>
  hasStrings(v, ['subject', 'created_at', 'updated_at']) &&
  isNumber(v.id) &&
  Number.isInteger(v.id) &&
  isNumber(v.status) &&
  isNumber(v.requester_id) &&
  isArrayOf(v.cc_emails, isString) &&
  isRecord(v.custom_fields) &&
  isArrayOf(v.attachments, isAttachment) &&
  (v.description_text === undefined || isString(v.description_text)) &&
  (v.requester === undefined || (hasStrings(v.requester, ['name', 'email']) && isNumber(v.requester.id)));

export const isFdConversation = (v: unknown): v is FdConversation =>
  hasStrings(v, ['body_text', 'created_at']) &&
  isNumber(v.id) &&
  typeof v.incoming === 'boolean' &&
  typeof v.private === 'boolean' &&
  isNumber(v.user_id) &&
  isArrayOf(v.attachments, isAttachment);

/** A Freshdesk answer that is not what its reference documents: 502, never a half-read case. */
export function badAnswer(what: string): HttpError {
  return new HttpError(502, 'server', `Freshdesk answered ${what} in a shape the server does not know.`);
}

const field = (ticket: FdTicket, name: string): string | undefined => {
  const value = ticket.custom_fields[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

const isContactMethod = isOneOf(CONTACT_METHODS);

/** Statuses Freshdesk knows beyond the four (an account's custom ones) read as open: an agent still has the case. */
const statusOf = (code: number): Ticket['status'] => FRESHDESK_TO_STATUS[code] ?? 'open';

export function summaryOf(ticket: FdTicket, requester: Person): TicketSummary {
  const contact = field(ticket, FRESHDESK_FIELDS.contactMethod);
  return {
    id: `freshdesk-${ticket.id}`,
    number: formatNumber(ticket.id),
    subject: ticket.subject,
    areaId: field(ticket, FRESHDESK_FIELDS.areaId) ?? '',
    productId: field(ticket, FRESHDESK_FIELDS.productId) ?? '',
    ...(field(ticket, FRESHDESK_FIELDS.categoryId) ? { categoryId: field(ticket, FRESHDESK_FIELDS.categoryId) } : {}),
    ...(field(ticket, FRESHDESK_FIELDS.subcategoryId) ? { subcategoryId: field(ticket, FRESHDESK_FIELDS.subcategoryId) } : {}),
    status: statusOf(ticket.status),
    contactMethod: isContactMethod(contact) ? contact : 'email',
    accountId: field(ticket, FRESHDESK_FIELDS.accountId) ?? '',
    requester,
    createdAt: ticket.created_at,
    updatedAt: ticket.updated_at,
    // Freshdesk keeps no "last activity" apart from updated_at; a full read refines it from the conversation.
    activityAt: ticket.updated_at,
    ...(field(ticket, FRESHDESK_FIELDS.followUpOf) ? { followUpOf: field(ticket, FRESHDESK_FIELDS.followUpOf) } : {}),
  };
}

const attachmentOf = (a: FdAttachment): Attachment => ({
  id: `freshdesk-${a.id}`,
  name: a.name,
  size: a.size,
  contentType: a.content_type,
  url: a.attachment_url,
  createdAt: a.created_at,
});

/** The whole case: public conversation entries are its comments, private ones starting with CALLBACK_PREFIX its Call me requests. */
export function ticketOf(ticket: FdTicket, requester: Person, conversations: readonly FdConversation[]): Ticket {
  const comments: Comment[] = [];
  const callbacks: CallbackRequest[] = [];
  const attachments = ticket.attachments.map(attachmentOf);
  let activityAt = ticket.created_at;
  for (const c of conversations) {
    attachments.push(...c.attachments.map(attachmentOf));
    if (c.private) {
      if (c.body_text.startsWith(CALLBACK_PREFIX)) callbacks.push({ id: `freshdesk-${c.id}`, phone: c.body_text.slice(CALLBACK_PREFIX.length).trim(), requestedAt: c.created_at });
      continue;
    }
    const byRequester = c.user_id === ticket.requester_id;
    comments.push({
      id: `freshdesk-${c.id}`,
      author: byRequester ? requester : { name: c.incoming ? (c.from_email ?? '') : 'Support', email: c.from_email ?? '' },
      authorRole: c.incoming || byRequester ? 'user' : 'agent',
      body: c.body_text,
      via: 'web',
      createdAt: c.created_at,
    });
    if (c.created_at > activityAt) activityAt = c.created_at;
  }
  return {
    ...summaryOf(ticket, requester),
    activityAt,
    description: ticket.description_text ?? '',
    comments,
    attachments,
    watchers: ticket.cc_emails.map((email) => ({ email: email.toLowerCase(), addedAt: ticket.created_at })),
    callbacks,
  };
}

/** The customer's plain text as the HTML Freshdesk's `body`/`description` fields take. */
export function textAsHtml(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  return escaped.replace(/\r?\n/g, '<br>');
}
