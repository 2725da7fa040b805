/**
 * The Zendesk connector: the Ticketing API as an agent, with an API token only this server
 * holds (https://developer.zendesk.com/api-reference/introduction/security-and-auth/), for
 * teams that keep OAuth out of the browser. The customer is the session's user, found by email
 * among Zendesk's users: the connector reads a ticket only when they are its requester or an
 * email CC, lists the tickets they requested and those they are CC'd on, and writes their
 * comments on their behalf (`author_id`). docs/ZENDESK.md ("Server-side connector") lists every
 * endpoint.
 */
import { zendeskCustomFields } from '../../src/core/custom-fields.js';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { matchesCaseSearch } from '../../src/core/access.js';
import type { Status, Ticket, TicketSummary } from '../../src/core/ticket.js';
import { HttpError } from '../http.js';
import { deleteUpload, formatNumber, parseNumber, setCaseRateMark, type AttachmentRow, type Db } from '../store.js';
import { helpdeskHttp, readBack, type HelpdeskAnswer, type HelpdeskHttp } from './helpdesk-http.js';
import { pageOf } from './paging.js';
import type { CaseCaller, CaseConnector, NewCase, Outcome } from './types.js';
import { subjectOf } from './freshdesk.js';
import {
  attachedBody,
  CALLBACK_PREFIX,
  ZENDESK_TAGS,
  badAnswer,
  isZdComment,
  isZdTicket,
  isZdUser,
  summaryOf,
  tagOf,
  ticketOf,
  type ZdComment,
  type ZdTicket,
  type ZdUser,
} from './zendesk-map.js';

/** Cursor pagination's documented largest page. */
export const ZENDESK_MAX_PAGE_SIZE = 100;
const MAX_PAGES = 100;

export interface ZendeskOptions {
  /** `https://acme.zendesk.com` (or a mock's origin). */
  readonly baseUrl: string;
  /** The agent whose API token this is. */
  readonly email: string;
  readonly token: string;
  readonly db: Db;
  readonly dataDir: string;
  readonly maxRetryWaitMs?: number | undefined;
  readonly sleep?: ((ms: number) => Promise<void>) | undefined;
  readonly log?: ((line: string) => void) | undefined;
}

interface CursorBody {
  readonly meta?: { readonly has_more?: unknown };
  readonly links?: { readonly next?: unknown };
}

const hasMore = (answer: HelpdeskAnswer): string | undefined => {
  const body = answer.body as CursorBody | undefined;
  const next = body?.links?.next;
  return body?.meta?.has_more === true && typeof next === 'string' ? new URL(next).searchParams.get('page[after]') ?? undefined : undefined;
};

/**
 * The Zendesk state the connector writes for each of ours: one of the states STATUS_TO_ZENDESK
 * gives, never `new` (a ticket that has been worked on does not go back to new).
 */
export const ZENDESK_WRITE_STATUS: Readonly<Record<Status, string>> = { open: 'open', action_required: 'pending', pending: 'solved', closed: 'closed' };
const zendeskStatus = (status: Status): string => ZENDESK_WRITE_STATUS[status];

export function zendeskConnector(options: ZendeskOptions): CaseConnector {
  const http: HelpdeskHttp = helpdeskHttp({
    baseUrl: options.baseUrl,
    authorization: `Basic ${Buffer.from(`${options.email}/token:${options.token}`).toString('base64')}`,
    label: 'Zendesk',
    maxRetryWaitMs: options.maxRetryWaitMs,
    sleep: options.sleep,
    log: options.log,
  });

  /** Every item of a cursor-paginated list. */
  async function all<T>(path: string, key: string, guard: (v: unknown) => v is T): Promise<T[]> {
    const items: T[] = [];
    let after: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await http.call(path, { query: { 'page[size]': ZENDESK_MAX_PAGE_SIZE, 'page[after]': after } });
      const list: unknown = (answer.body as Record<string, unknown> | undefined)?.[key];
      if (answer.status === 404) return items;
      if (!Array.isArray(list)) throw badAnswer(`a list of ${key}`);
      for (const item of list as unknown[]) {
        if (!guard(item)) throw badAnswer(`one of ${key}`);
        items.push(item);
      }
      after = hasMore(answer);
      if (after === undefined) break;
    }
    return items;
  }

  /** The Zendesk user with this email (Search Users), if there is one. */
  async function userByEmail(email: string): Promise<ZdUser | undefined> {
    const answer = await http.call('/api/v2/users/search', { query: { query: `email:${email}` } });
    const users: unknown = (answer.body as { users?: unknown } | undefined)?.users;
    if (!Array.isArray(users)) throw badAnswer('a user search');
    return (users as unknown[]).filter(isZdUser).find((u) => u.email.toLowerCase() === email.toLowerCase());
  }

  async function usersById(ids: readonly number[]): Promise<Map<number, ZdUser>> {
    const unique = [...new Set(ids)];
    const map = new Map<number, ZdUser>();
    for (let i = 0; i < unique.length; i += 100) {
      const answer = await http.call('/api/v2/users/show_many', { query: { ids: unique.slice(i, i + 100).join(',') } });
      const users: unknown = (answer.body as { users?: unknown } | undefined)?.users;
      if (!Array.isArray(users)) throw badAnswer('a user list');
      for (const u of users as unknown[]) if (isZdUser(u)) map.set(u.id, u);
    }
    return map;
  }

  async function rawTicket(id: number): Promise<ZdTicket | undefined> {
    const answer = await http.call(`/api/v2/tickets/${id}`);
    if (answer.status === 404) return undefined;
    const ticket: unknown = (answer.body as { ticket?: unknown } | undefined)?.ticket;
    if (!isZdTicket(ticket)) throw badAnswer('a ticket');
    return ticket;
  }

  async function read(caller: CaseCaller, number: string): Promise<{ raw: ZdTicket; me: ZdUser; ticket: Ticket } | undefined> {
    const id = parseNumber(number);
    if (id === undefined) return undefined;
    const [raw, me] = await Promise.all([rawTicket(id), userByEmail(caller.user.email)]);
    // Another requester's ticket answers as a missing one, whatever id the browser sends.
    if (!raw || !me || (raw.requester_id !== me.id && !raw.email_cc_ids.includes(me.id))) return undefined;
    const comments = await all<ZdComment>(`/api/v2/tickets/${id}/comments`, 'comments', isZdComment);
    const users = await usersById([raw.requester_id, ...raw.email_cc_ids, ...comments.map((c) => c.author_id)]);
    return { raw, me, ticket: ticketOf(raw, users, comments) };
  }

  const log = options.log ?? ((): void => undefined);
  /** The case after a write: as the helpdesk shows it, or `fallback` (see `readBack`). */
  const fresh = (caller: CaseCaller, number: string, fallback: Ticket): Promise<Ticket> =>
    readBack(async () => (await read(caller, number))?.ticket, fallback, log);
  /** What a write of `outcome` left, when the case cannot be read back. */
  const written = (ticket: Ticket, outcome: Outcome): Ticket => ({ ...ticket, status: outcome.status, updatedAt: new Date().toISOString() });

  async function mine(caller: CaseCaller, number: string): Promise<{ raw: ZdTicket; me: ZdUser }> {
    const found = await read(caller, number);
    if (!found) throw new HttpError(404, 'not_found', 'The case was not found.');
    return found;
  }

  /** Upload Files: one token per file, then the comment that carries them. */
  async function upload(uploads: readonly AttachmentRow[]): Promise<string[]> {
    const tokens: string[] = [];
    for (const row of uploads) {
      const bytes = readFileSync(join(options.dataDir, 'attachments', row.file));
      const answer = await http.call('/api/v2/uploads', { method: 'POST', query: { filename: row.name }, raw: { bytes, contentType: row.content_type } });
      const token: unknown = (answer.body as { upload?: { token?: unknown } } | undefined)?.upload?.token;
      if (typeof token !== 'string') throw badAnswer('an upload');
      tokens.push(token);
    }
    return tokens;
  }

  function forget(uploads: readonly AttachmentRow[]): void {
    for (const row of uploads) {
      deleteUpload(options.db, row.id);
      rmSync(join(options.dataDir, 'attachments', row.file), { force: true });
    }
  }

  /** One Update Ticket; `status` always sent, so Zendesk's own reopen-on-reply cannot differ from status.ts. */
  async function update(ticket: Ticket, raw: ZdTicket, outcome: Outcome, fields: Record<string, unknown>): Promise<void> {
    const status = outcome.status === ticket.status ? raw.status : zendeskStatus(outcome.status);
    await http.call(`/api/v2/tickets/${raw.id}`, { method: 'PUT', json: { ticket: { ...fields, status } } });
  }

  async function createTicket(ticket: Record<string, unknown>): Promise<ZdTicket> {
    const answer = await http.call('/api/v2/tickets', { method: 'POST', json: { ticket } });
    const created: unknown = (answer.body as { ticket?: unknown } | undefined)?.ticket;
    if (!isZdTicket(created)) throw badAnswer('a new ticket');
    return created;
  }

  return {
    name: 'zendesk',
    // An agent's token may put and delete email CCs (Setting email CCs:
    // https://developer.zendesk.com/documentation/ticketing/managing-tickets/creating-and-updating-tickets/).
    capabilities: { addWatcher: true, removeWatcher: true, callMe: 'request', live: 'poll' },
    async list(caller, query) {
      const me = await userByEmail(caller.user.email);
      if (!me) return { items: [], total: 0 };
      const requested = await all(`/api/v2/users/${me.id}/tickets/requested`, 'tickets', isZdTicket);
      const ccd = await all(`/api/v2/users/${me.id}/tickets/ccd`, 'tickets', isZdTicket);
      const byId = new Map<number, ZdTicket>([...requested, ...ccd].map((t) => [t.id, t]));
      const users = await usersById([...byId.values()].map((t) => t.requester_id));
      const summaries: TicketSummary[] = [...byId.values()].map((t) => {
        const requester = users.get(t.requester_id);
        return summaryOf(t, { name: requester?.name ?? '', email: (requester?.email ?? '').toLowerCase() });
      });
      const search = query.search;
      return pageOf(summaries.filter((s) => (!query.status || s.status === query.status) && (!search || matchesCaseSearch(s, search))), query);
    },
    async find(caller, number) {
      return (await read(caller, number))?.ticket;
    },
    async create(caller, input: NewCase) {
      const { user } = caller;
      const tags = [
        tagOf(ZENDESK_TAGS.areaId, input.areaId),
        tagOf(ZENDESK_TAGS.productId, input.productId),
        tagOf(ZENDESK_TAGS.accountId, user.activeAccountId),
        tagOf(ZENDESK_TAGS.contactMethod, input.contactMethod),
        ...(input.categoryId ? [tagOf(ZENDESK_TAGS.categoryId, input.categoryId)] : []),
        ...(input.subcategoryId ? [tagOf(ZENDESK_TAGS.subcategoryId, input.subcategoryId)] : []),
        ...(input.followUpOf ? [tagOf(ZENDESK_TAGS.followUpOf, input.followUpOf)] : []),
      ];
      const uploads = await upload(input.uploads);
      const created = await createTicket({
        subject: input.subject,
        comment: { body: input.description, ...(uploads.length > 0 ? { uploads } : {}) },
        requester: { name: user.name, email: user.email },
        status: 'open',
        tags,
        ...(input.customFields ? { custom_fields: zendeskCustomFields(input.customFields, input.customFieldDefs ?? []) } : {}),
        ...(input.followUpOf ? { via_followup_source_id: Number(input.followUpOf) } : {}),
      });
      forget(input.uploads);
      setCaseRateMark(options.db, input.rateMark.userId, input.rateMark.markMs);
      const requester = new Map([[created.requester_id, { id: created.requester_id, name: user.name, email: user.email, role: 'end-user' }]]);
      return fresh(caller, formatNumber(created.id), ticketOf(created, requester, []));
    },
    async comment(caller, ticket, body, outcome) {
      const { raw, me } = await mine(caller, ticket.number);
      await update(ticket, raw, outcome, { comment: { body, public: true, author_id: me.id } });
      return fresh(caller, ticket.number, written(ticket, outcome));
    },
    async attach(caller, ticket, uploads, outcome) {
      const { raw, me } = await mine(caller, ticket.number);
      const tokens = await upload(uploads);
      // Zendesk needs a comment to carry files; its text is the file names (no words of ours, which the customer would read untranslated).
      const body = attachedBody(uploads.map((u) => u.name));
      await update(ticket, raw, outcome, { comment: { body, public: true, author_id: me.id, uploads: tokens } });
      forget(uploads);
      return fresh(caller, ticket.number, written(ticket, outcome));
    },
    async addWatcher(caller, ticket, email, outcome) {
      const { raw } = await mine(caller, ticket.number);
      await update(ticket, raw, outcome, { email_ccs: [{ user_email: email, action: 'put' }] });
      return fresh(caller, ticket.number, written(ticket, outcome));
    },
    async removeWatcher(caller, ticket, email, outcome) {
      const { raw } = await mine(caller, ticket.number);
      await update(ticket, raw, outcome, { email_ccs: [{ user_email: email, action: 'delete' }] });
      // A watcher who removed themselves no longer sees the case: answer it as it was left.
      return (await read(caller, ticket.number))?.ticket ?? { ...ticket, watchers: ticket.watchers.filter((w) => w.email !== email) };
    },
    async callMe(caller, ticket, phone, outcome) {
      const { raw } = await mine(caller, ticket.number);
      // An internal note, by the token's agent: agents see it, the customer does not.
      await update(ticket, raw, outcome, { comment: { body: `${CALLBACK_PREFIX}${phone}`, public: false } });
      return fresh(caller, ticket.number, written(ticket, outcome));
    },
    async signInHelp(request) {
      const created = await createTicket({
        // The customer's own words: a subject made here would reach them untranslated.
        subject: subjectOf(request.description),
        comment: { body: request.description },
        requester: { name: request.name, email: request.email },
        tags: [tagOf(ZENDESK_TAGS.areaId, request.areaId), 'se_sign_in_help'],
      });
      return { reference: formatNumber(created.id) };
    },
    close() {
      return Promise.resolve();
    },
  };
}
