/**
 * The support domain's data: what a case is, as every adapter and element sees it.
 * Times are ISO 8601 strings so a ticket survives JSON (HTTP, localStorage) unchanged.
 */

/** Every state a case can be in, in the order a case usually goes through them. */
export const STATUSES = ['open', 'action_required', 'pending', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

/** How the customer wants support to reach them (the seed's "méthode de contact préférée"). */
export const CONTACT_METHODS = ['email', 'portal'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

/** Which credentials identify the customer: the product's, or the support center's own. */
export type Realm = 'product' | 'support_center';

/** A support plan decides, for some products, whether "Call me" is offered. */
export type SupportPlan = 'free' | 'paid';

export interface Person {
  readonly name: string;
  readonly email: string;
}

export interface Comment {
  readonly id: string;
  readonly author: Person;
  /** `user`: the customer (or a watcher); `agent`: a support expert. */
  readonly authorRole: 'user' | 'agent';
  /** Plain text. Never rendered as HTML. */
  readonly body: string;
  /** `email`: a reply to a support email, which the seed treats like a comment. */
  readonly via: 'web' | 'email';
  readonly createdAt: string;
}

export interface Attachment {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly contentType: string;
  /** Download address. Elements only link to it when it is http(s). */
  readonly url: string;
  readonly createdAt: string;
}

export interface Watcher {
  readonly email: string;
  readonly addedAt: string;
}

export interface CallbackRequest {
  readonly id: string;
  readonly phone: string;
  readonly requestedAt: string;
}

export interface Ticket {
  readonly id: string;
  /** The case number the customer sees and quotes ("numéro de dossier"). */
  readonly number: string;
  readonly subject: string;
  readonly description: string;
  readonly areaId: string;
  readonly productId: string;
  readonly categoryId?: string | undefined;
  readonly subcategoryId?: string | undefined;
  readonly status: Status;
  readonly contactMethod: ContactMethod;
  readonly accountId: string;
  readonly requester: Person;
  readonly createdAt: string;
  /** Last change of any kind (attachments and watchers included): what lists sort by. */
  readonly updatedAt: string;
  /**
   * Last change that counts for the auto-close rule: a status change or a comment.
   * Attachments, watchers and call-me requests leave it alone (seed: they "do not update
   * the case"), so they neither reopen a pending case nor restart its five days.
   */
  readonly activityAt: string;
  readonly comments: readonly Comment[];
  readonly attachments: readonly Attachment[];
  readonly watchers: readonly Watcher[];
  readonly callbacks: readonly CallbackRequest[];
  /** Number of the closed case this one follows up on. */
  readonly followUpOf?: string | undefined;
  /** Answers to the config's custom fields (custom-fields.ts), by field id; absent when none. */
  readonly customFields?: Readonly<Record<string, string | boolean>> | undefined;
}

/** What a customer submits to open a case: the case's own fields they choose, and the files. */
export interface NewTicket
  extends Pick<Ticket, 'areaId' | 'productId' | 'subject' | 'description' | 'categoryId' | 'subcategoryId' | 'contactMethod' | 'followUpOf' | 'customFields'> {
  /** Tokens of files already uploaded with `uploadFile`. */
  readonly attachmentTokens?: readonly string[] | undefined;
}

/** A summary row for lists: everything but the conversation. */
export type TicketSummary = Omit<Ticket, 'comments' | 'attachments' | 'watchers' | 'callbacks' | 'description' | 'customFields'>;

export function summarize(ticket: Ticket): TicketSummary {
  const { comments: _c, attachments: _a, watchers: _w, callbacks: _cb, description: _d, customFields: _f, ...summary } = ticket;
  return summary;
}
