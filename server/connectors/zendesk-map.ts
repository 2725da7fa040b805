/**
 * Zendesk tickets, comments and users (Ticketing API) as the contract's `Ticket`: checked at
 * this boundary, statuses through src/core/helpdesk-status.ts. The case's own fields (area,
 * product, account, …) travel as ticket tags (`se_area_esign`), which need no admin setup.
 */
import { hasStrings, isArrayOf, isNumber, isOneOf, isString } from '../../src/adapters/guards.js';
import { ZENDESK_TO_STATUS } from '../../src/core/helpdesk-status.js';
import { CONTACT_METHODS, type Attachment, type CallbackRequest, type Comment, type Person, type Ticket, type TicketSummary } from '../../src/core/ticket.js';
import { HttpError } from '../http.js';
import { formatNumber } from '../store.js';

/** Tag prefixes of the case's fields: `se_<field>_<value>`. */
export const ZENDESK_TAGS = {
  areaId: 'se_area_',
  productId: 'se_product_',
  categoryId: 'se_category_',
  subcategoryId: 'se_subcategory_',
  accountId: 'se_account_',
  contactMethod: 'se_contact_',
  followUpOf: 'se_followup_',
} as const;

/**
 * Zendesk attaches files only to a comment: the comment that carries the customer's files says
 * their names and nothing else, and reads as attachments, not as something they said.
 */
export const attachedBody = (names: readonly string[]): string => names.join(', ');

/** How a Call me internal note starts: agents read it, the connector finds callbacks by it. */
export const CALLBACK_PREFIX = 'Call me: ';

export interface ZdTicket {
  readonly id: number;
  readonly subject: string;
  readonly description: string;
  readonly status: string;
  readonly requester_id: number;
  readonly email_cc_ids: readonly number[];
  readonly tags: readonly string[];
  readonly created_at: string;
  readonly updated_at: string;
}

export interface ZdAttachment {
  readonly id: number;
  readonly file_name: string;
  readonly content_url: string;
  readonly content_type: string;
  readonly size: number;
}

export interface ZdComment {
  readonly id: number;
  readonly author_id: number;
  readonly body: string;
  readonly public: boolean;
  readonly attachments: readonly ZdAttachment[];
  readonly created_at: string;
}

export interface ZdUser {
  readonly id: number;
  readonly name: string;
  readonly email: string;
  readonly role: string;
}

const isAttachment = (v: unknown): v is ZdAttachment =>
  hasStrings(v, ['file_name', 'content_url', 'content_type']) && isNumber(v.id) && isNumber(v.size);

export const isZdTicket = (v: unknown): v is ZdTicket =>
  hasStrings(v, ['subject', 'description', 'status', 'created_at', 'updated_at']) &&
  isNumber(v.id) &&
  Number.isInteger(v.id) &&
  isNumber(v.requester_id) &&
  isArrayOf(v.email_cc_ids, isNumber) &&
  isArrayOf(v.tags, isString);

export const isZdComment = (v: unknown): v is ZdComment =>
  hasStrings(v, ['body', 'created_at']) && isNumber(v.id) && isNumber(v.author_id) && typeof v.public === 'boolean' && isArrayOf(v.attachments, isAttachment);

export const isZdUser = (v: unknown): v is ZdUser => hasStrings(v, ['name', 'email', 'role']) && isNumber(v.id);

export function badAnswer(what: string): HttpError {
  return new HttpError(502, 'server', `Zendesk answered ${what} in a shape the server does not know.`);
}

/** Tags are lowercase words; the ids of the seed's config are too (`acc-alex`, `esignature`). */
export const tagOf = (prefix: string, value: string): string => `${prefix}${value.toLowerCase()}`;

const tagValue = (ticket: ZdTicket, prefix: string): string | undefined => {
  const tag = ticket.tags.find((t) => t.startsWith(prefix));
  return tag === undefined || tag.length === prefix.length ? undefined : tag.slice(prefix.length);
};

const isContactMethod = isOneOf(CONTACT_METHODS);

export function summaryOf(ticket: ZdTicket, requester: Person): TicketSummary {
  const contact = tagValue(ticket, ZENDESK_TAGS.contactMethod);
  const categoryId = tagValue(ticket, ZENDESK_TAGS.categoryId);
  const subcategoryId = tagValue(ticket, ZENDESK_TAGS.subcategoryId);
  const followUpOf = tagValue(ticket, ZENDESK_TAGS.followUpOf);
  return {
    id: `zendesk-${ticket.id}`,
    number: formatNumber(ticket.id),
    subject: ticket.subject,
    areaId: tagValue(ticket, ZENDESK_TAGS.areaId) ?? '',
    productId: tagValue(ticket, ZENDESK_TAGS.productId) ?? '',
    ...(categoryId ? { categoryId } : {}),
    ...(subcategoryId ? { subcategoryId } : {}),
    // A status Zendesk adds later reads as open: an agent still has the case.
    status: ZENDESK_TO_STATUS[ticket.status] ?? 'open',
    contactMethod: isContactMethod(contact) ? contact : 'email',
    accountId: tagValue(ticket, ZENDESK_TAGS.accountId) ?? '',
    requester,
    createdAt: ticket.created_at,
    updatedAt: ticket.updated_at,
    activityAt: ticket.updated_at,
    ...(followUpOf ? { followUpOf } : {}),
  };
}

const attachmentOf = (a: ZdAttachment, at: string): Attachment => ({
  id: `zendesk-${a.id}`,
  name: a.file_name,
  size: a.size,
  contentType: a.content_type,
  url: a.content_url,
  createdAt: at,
});

/**
 * The whole case. Zendesk's first comment is the description; later public comments are the
 * conversation; internal notes starting with CALLBACK_PREFIX are its Call me requests.
 */
export function ticketOf(ticket: ZdTicket, users: ReadonlyMap<number, ZdUser>, comments: readonly ZdComment[]): Ticket {
  const person = (id: number): Person => {
    const user = users.get(id);
    return { name: user?.name ?? '', email: (user?.email ?? '').toLowerCase() };
  };
  const conversation: Comment[] = [];
  const callbacks: CallbackRequest[] = [];
  const attachments: Attachment[] = [];
  let activityAt = ticket.created_at;
  comments.forEach((c, index) => {
    attachments.push(...c.attachments.map((a) => attachmentOf(a, c.created_at)));
    if (!c.public) {
      if (c.body.startsWith(CALLBACK_PREFIX)) callbacks.push({ id: `zendesk-${c.id}`, phone: c.body.slice(CALLBACK_PREFIX.length).trim(), requestedAt: c.created_at });
      return;
    }
    if (index === 0 || (c.attachments.length > 0 && c.body === attachedBody(c.attachments.map((a) => a.file_name)))) return;
    const role = users.get(c.author_id)?.role;
    conversation.push({
      id: `zendesk-${c.id}`,
      author: person(c.author_id),
      authorRole: role === 'end-user' ? 'user' : 'agent',
      body: c.body,
      via: 'web',
      createdAt: c.created_at,
    });
    if (c.created_at > activityAt) activityAt = c.created_at;
  });
  return {
    ...summaryOf(ticket, person(ticket.requester_id)),
    activityAt,
    description: ticket.description,
    comments: conversation,
    attachments,
    watchers: ticket.email_cc_ids.map((id) => ({ email: person(id).email, addedAt: ticket.created_at })),
    callbacks,
  };
}
