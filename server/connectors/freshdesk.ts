/**
 * The Freshdesk connector (API v2, https://developers.freshdesk.com/api/), with an agent's API
 * key that only this server holds. The customer is the session's user: the connector reads a
 * ticket only when they are its requester or one of its CCs, and lists the tickets they
 * requested (the list endpoint filters by requester `email`; it has no CC filter, so a case
 * someone is only CC'd on opens by its number). docs/FRESHDESK.md has every endpoint and rule.
 */
import { freshdeskCustomFields } from '../../src/core/custom-fields.js';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { matchesCaseSearch, sameEmail } from '../../src/core/access.js';
import { STATUS_TO_FRESHDESK } from '../../src/core/helpdesk-status.js';
import type { Person, Ticket, TicketSummary } from '../../src/core/ticket.js';
import { HttpError, invalid } from '../http.js';
import { deleteUpload, formatNumber, parseNumber, setCaseRateMark, type AttachmentRow, type Db } from '../store.js';
import { CALLBACK_PREFIX, FRESHDESK_FIELDS, badAnswer, isFdConversation, isFdTicket, summaryOf, textAsHtml, ticketOf, type FdConversation, type FdTicket } from './freshdesk-map.js';
import { helpdeskHttp, readBack, type HelpdeskHttp } from './helpdesk-http.js';
import { pageOf } from './paging.js';
import type { CaseCaller, CaseConnector, NewCase, Outcome } from './types.js';

/** Freshdesk's documented page size limit. */
export const FRESHDESK_MAX_PER_PAGE = 100;
/** Freshdesk's documented limit on a ticket's attachments, all conversations included. */
export const FRESHDESK_MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** Without `updated_since`, List All Tickets returns only the last 30 days; this asks for all of them. */
const SINCE_EVER = '1970-01-01T00:00:00Z';
/** At most this many pages of a customer's tickets are read for one list (10,000 tickets). */
const MAX_PAGES = 100;
/** Freshdesk: status 2 open, priority 1 low, source 2 portal. */
const OPEN = 2;
const LOW = 1;
const PORTAL = 2;

export interface FreshdeskOptions {
  /** `https://acme.freshdesk.com` (or a mock's origin). */
  readonly baseUrl: string;
  readonly apiKey: string;
  /** Staged uploads: their rows and files, removed once Freshdesk holds the bytes. */
  readonly db: Db;
  readonly dataDir: string;
  readonly maxRetryWaitMs?: number | undefined;
  readonly sleep?: ((ms: number) => Promise<void>) | undefined;
  readonly log?: ((line: string) => void) | undefined;
}

/** The tag agents find can't-sign-in requests by. */
export const SIGN_IN_HELP_TAG = 'sign-in-help';

/** A subject from the customer's text: its first line, at most 80 characters. */
export function subjectOf(text: string): string {
  const line = text.trim().split(/\r?\n/)[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

const hasNext = (headers: Headers): boolean => /rel="?next"?/.test(headers.get('link') ?? '');

export function freshdeskConnector(options: FreshdeskOptions): CaseConnector {
  const http: HelpdeskHttp = helpdeskHttp({
    baseUrl: options.baseUrl,
    // Freshdesk: the API key as the user name, any password (https://developers.freshdesk.com/api/#authentication).
    authorization: `Basic ${Buffer.from(`${options.apiKey}:X`).toString('base64')}`,
    label: 'Freshdesk',
    maxRetryWaitMs: options.maxRetryWaitMs,
    sleep: options.sleep,
    log: options.log,
  });

  async function ticketWithRequester(id: number): Promise<FdTicket | undefined> {
    const answer = await http.call(`/api/v2/tickets/${id}`, { query: { include: 'requester' } });
    if (answer.status === 404) return undefined;
    if (!isFdTicket(answer.body) || !answer.body.requester) throw badAnswer('a ticket');
    return answer.body;
  }

  async function conversationsOf(id: number): Promise<FdConversation[]> {
    const all: FdConversation[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const answer = await http.call(`/api/v2/tickets/${id}/conversations`, { query: { per_page: FRESHDESK_MAX_PER_PAGE, page } });
      if (!Array.isArray(answer.body)) throw badAnswer('a conversation list');
      for (const c of answer.body as unknown[]) {
        if (!isFdConversation(c)) throw badAnswer('a conversation');
        all.push(c);
      }
      if (!hasNext(answer.headers)) break;
    }
    return all;
  }

  const requesterOf = (t: FdTicket): Person => ({ name: t.requester?.name ?? '', email: (t.requester?.email ?? '').toLowerCase() });
  const mayRead = (t: FdTicket, email: string): boolean =>
    sameEmail(t.requester?.email ?? '', email) || t.cc_emails.some((cc) => sameEmail(cc, email));

  async function read(caller: CaseCaller, number: string): Promise<{ raw: FdTicket; ticket: Ticket } | undefined> {
    const id = parseNumber(number);
    if (id === undefined) return undefined;
    const raw = await ticketWithRequester(id);
    // Another requester's ticket answers as a missing one: the browser learns nothing from the id.
    if (!raw || !mayRead(raw, caller.user.email)) return undefined;
    return { raw, ticket: ticketOf(raw, requesterOf(raw), await conversationsOf(id)) };
  }

  const log = options.log ?? ((): void => undefined);
  /** The case after a write: as the helpdesk shows it, or `fallback` (see `readBack`). */
  const fresh = (caller: CaseCaller, number: string, fallback: Ticket): Promise<Ticket> =>
    readBack(async () => (await read(caller, number))?.ticket, fallback, log);
  /** What a write of `outcome` left, when the case cannot be read back. */
  const written = (ticket: Ticket, outcome: Outcome): Ticket => ({ ...ticket, status: outcome.status, updatedAt: new Date().toISOString() });

  /** The Freshdesk contact id of the caller: the requester's, or a CC's (Contacts API, filter by email). */
  async function contactIdOf(raw: FdTicket, email: string): Promise<number> {
    if (raw.requester && sameEmail(raw.requester.email, email)) return raw.requester.id;
    const answer = await http.call('/api/v2/contacts', { query: { email } });
    const first: unknown = Array.isArray(answer.body) ? (answer.body as unknown[])[0] : undefined;
    if (typeof first === 'object' && first !== null && typeof (first as { id?: unknown }).id === 'number') return (first as { id: number }).id;
    throw new HttpError(502, 'server', 'Freshdesk has no contact for this CC.');
  }

  async function setStatus(ticket: Ticket, outcome: Outcome): Promise<void> {
    if (outcome.status === ticket.status) return;
    await http.call(`/api/v2/tickets/${Number(ticket.number)}`, { method: 'PUT', json: { status: STATUS_TO_FRESHDESK[outcome.status] } });
  }

  function filesForm(uploads: readonly AttachmentRow[]): FormData {
    const form = new FormData();
    for (const upload of uploads) {
      const bytes = readFileSync(join(options.dataDir, 'attachments', upload.file));
      form.append('attachments[]', new Blob([bytes], { type: upload.content_type }), upload.name);
    }
    return form;
  }

  function forgetUploads(uploads: readonly AttachmentRow[]): void {
    for (const upload of uploads) {
      deleteUpload(options.db, upload.id);
      rmSync(join(options.dataDir, 'attachments', upload.file), { force: true });
    }
  }

  function checkTotal(existing: number, uploads: readonly AttachmentRow[]): void {
    if (existing + uploads.reduce((n, u) => n + u.size, 0) > FRESHDESK_MAX_ATTACHMENT_BYTES) {
      throw invalid([{ field: 'attachments', code: 'file_too_large' }]);
    }
  }

  async function createTicket(
    fields: Record<string, string | number>,
    custom: Record<string, string | boolean>,
    uploads: readonly AttachmentRow[],
    tags: readonly string[] = [],
  ): Promise<FdTicket> {
    let request;
    if (uploads.length === 0) request = { method: 'POST' as const, json: { ...fields, custom_fields: custom, ...(tags.length > 0 ? { tags } : {}) } };
    else {
      // Attachments need multipart/form-data; custom fields are then `custom_fields[name]`.
      const form = filesForm(uploads);
      for (const [name, value] of Object.entries(fields)) form.append(name, String(value));
      for (const [name, value] of Object.entries(custom)) form.append(`custom_fields[${name}]`, String(value));
      for (const tag of tags) form.append('tags[]', tag);
      request = { method: 'POST' as const, form };
    }
    const answer = await http.call('/api/v2/tickets', request);
    if (!isFdTicket(answer.body)) throw badAnswer('a new ticket');
    return answer.body;
  }

  return {
    name: 'freshdesk',
    // "Update a Ticket" has no `cc_emails` (https://developers.freshdesk.com/api/#update_ticket).
    capabilities: { addWatcher: false, removeWatcher: false, callMe: 'request', live: 'poll' },
    async list(caller, query) {
      const { user } = caller;
      const mine: TicketSummary[] = [];
      for (let page = 1; page <= MAX_PAGES; page++) {
        const answer = await http.call('/api/v2/tickets', {
          query: { email: user.email, updated_since: SINCE_EVER, per_page: FRESHDESK_MAX_PER_PAGE, page, order_by: 'created_at', order_type: 'asc' },
        });
        if (!Array.isArray(answer.body)) throw badAnswer('a ticket list');
        for (const t of answer.body as unknown[]) {
          if (!isFdTicket(t)) throw badAnswer('a ticket');
          mine.push(summaryOf(t, { name: user.name, email: user.email.toLowerCase() }));
        }
        if (!hasNext(answer.headers)) break;
      }
      const search = query.search;
      const matching = mine.filter((s) => (!query.status || s.status === query.status) && (!search || matchesCaseSearch(s, search)));
      return pageOf(matching, query);
    },
    async find(caller, number) {
      return (await read(caller, number))?.ticket;
    },
    async create(caller, input: NewCase) {
      const { user } = caller;
      checkTotal(0, input.uploads);
      const custom: Record<string, string | boolean> = {
        ...freshdeskCustomFields(input.customFields, input.customFieldDefs ?? []),
        [FRESHDESK_FIELDS.areaId]: input.areaId,
        [FRESHDESK_FIELDS.productId]: input.productId,
        [FRESHDESK_FIELDS.accountId]: user.activeAccountId,
        [FRESHDESK_FIELDS.contactMethod]: input.contactMethod,
        [FRESHDESK_FIELDS.locale]: caller.locale,
        ...(input.categoryId ? { [FRESHDESK_FIELDS.categoryId]: input.categoryId } : {}),
        ...(input.subcategoryId ? { [FRESHDESK_FIELDS.subcategoryId]: input.subcategoryId } : {}),
        ...(input.followUpOf ? { [FRESHDESK_FIELDS.followUpOf]: input.followUpOf } : {}),
      };
      const created = await createTicket(
        { email: user.email, name: user.name, subject: input.subject, description: textAsHtml(input.description), status: OPEN, priority: LOW, source: PORTAL },
        custom,
        input.uploads,
      );
      forgetUploads(input.uploads);
      setCaseRateMark(options.db, input.rateMark.userId, input.rateMark.markMs);
      return fresh(caller, formatNumber(created.id), ticketOf(created, { name: user.name, email: user.email.toLowerCase() }, []));
    },
    async comment(caller, ticket, body, outcome) {
      const found = await read(caller, ticket.number);
      if (!found) throw new HttpError(404, 'not_found', 'The case was not found.');
      // A public, incoming note by the customer's contact: Freshdesk shows it as the customer's
      // reply (a "reply" is an agent's outgoing email).
      const userId = await contactIdOf(found.raw, caller.user.email);
      await http.call(`/api/v2/tickets/${Number(ticket.number)}/notes`, {
        method: 'POST',
        json: { body: textAsHtml(body), private: false, incoming: true, user_id: userId },
      });
      await setStatus(ticket, outcome);
      return fresh(caller, ticket.number, written(ticket, outcome));
    },
    async attach(caller, ticket, uploads, outcome) {
      checkTotal(ticket.attachments.reduce((n, a) => n + a.size, 0), uploads);
      const form = filesForm(uploads);
      if (outcome.status !== ticket.status) form.append('status', String(STATUS_TO_FRESHDESK[outcome.status]));
      await http.call(`/api/v2/tickets/${Number(ticket.number)}`, { method: 'PUT', form });
      forgetUploads(uploads);
      return fresh(caller, ticket.number, written(ticket, outcome));
    },
    addWatcher() {
      return Promise.reject(cannotChangeCcs());
    },
    removeWatcher() {
      return Promise.reject(cannotChangeCcs());
    },
    async callMe(caller, ticket, phone, outcome) {
      // A private note: agents see it, the customer's case shows it as a Call me request.
      await http.call(`/api/v2/tickets/${Number(ticket.number)}/notes`, { method: 'POST', json: { body: textAsHtml(`${CALLBACK_PREFIX}${phone}`), private: true } });
      await setStatus(ticket, outcome);
      return fresh(caller, ticket.number, written(ticket, outcome));
    },
    async signInHelp(request) {
      const created = await createTicket(
        {
          email: request.email,
          name: request.name,
          // The customer's own words: a subject made here would reach them untranslated (the helpdesk's acknowledgement email).
          subject: subjectOf(request.description),
          description: textAsHtml(request.description),
          status: OPEN,
          priority: LOW,
          source: PORTAL,
        },
        { [FRESHDESK_FIELDS.areaId]: request.areaId, [FRESHDESK_FIELDS.locale]: request.locale },
        [],
        [SIGN_IN_HELP_TAG],
      );
      return { reference: formatNumber(created.id) };
    },
    close() {
      return Promise.resolve();
    },
  };
}

/** Update a Ticket has no `cc_emails` field: CCs are set when the ticket is created, and by agents. */
function cannotChangeCcs(): HttpError {
  return new HttpError(403, 'forbidden', "Freshdesk's API does not change the CCs of an existing ticket; ask support to add or remove them.");
}
