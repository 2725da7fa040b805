/**
 * The cases: the list (filter, search, sort, cursor pages), one case, and opening one
 * (a follow-up of a closed case included).
 */
import { TICKET_SORTS, type TicketSort } from '../../src/adapters/backend.js';
import { mayFollowUp, parseCaseSearch } from '../../src/core/access.js';
import { seedCategories } from '../../src/core/catalog.js';
import type { FieldError } from '../../src/core/errors.js';
import { customFieldsFor, customValuesToSend, isCustomFieldValues } from '../../src/core/custom-fields.js';
import { findArea } from '../../src/core/flows.js';
import { CONTACT_METHODS, STATUSES, type ContactMethod, type Status } from '../../src/core/ticket.js';
import { followUpDescription, validateTicketInput } from '../../src/core/validation.js';
import type { ApiRoute, Ctx } from '../context.js';
import { etagOf, HttpError, invalid, text, texts, type Reply } from '../http.js';
import { admitCase } from '../limits.js';
import { cursorOf, parseNumber, type ListCursor } from '../store.js';
import type { Ticket } from '../../src/core/ticket.js';
import { uploadsFor } from './attachments.js';
import { callerOf, requireSession, visibleCase } from './shared.js';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

const isStatus = (v: string): v is Status => (STATUSES as readonly string[]).includes(v);
const isSort = (v: string): v is TicketSort => (TICKET_SORTS as readonly string[]).includes(v);
const isContactMethod = (v: string): v is ContactMethod => (CONTACT_METHODS as readonly string[]).includes(v);

async function list(ctx: Ctx): Promise<Reply> {
  const caller = callerOf(ctx);
  const params = ctx.url.searchParams;
  const errors: FieldError[] = [];
  const statusText = params.get('status') || undefined;
  const status = statusText !== undefined && isStatus(statusText) ? statusText : undefined;
  if (statusText !== undefined && !status) errors.push({ field: 'status', code: 'invalid_choice' });
  const sortText = params.get('sort') || 'updated_desc';
  const sort: TicketSort = isSort(sortText) ? sortText : 'updated_desc';
  if (!isSort(sortText)) errors.push({ field: 'sort', code: 'invalid_choice' });
  const limitText = params.get('limit');
  let limit = DEFAULT_LIMIT;
  if (limitText) {
    limit = Number(limitText);
    if (!Number.isInteger(limit) || limit < 1) errors.push({ field: 'limit', code: 'invalid_choice' });
    limit = Math.min(limit, MAX_LIMIT);
  }
  let cursor: ListCursor | undefined;
  const cursorText = params.get('cursor');
  if (cursorText) {
    cursor = decodeCursor(cursorText, sort);
    if (!cursor) errors.push({ field: 'cursor', code: 'invalid_choice' });
  }
  if (errors.length > 0) throw invalid(errors, 400);

  const searchText = params.get('search') ?? undefined;
  const { cases, listCache } = ctx.server;
  // Read before the page (list-cache.ts says why); the user's id and email both: whose page it is.
  const version = cases.listVersion ? await cases.listVersion() : undefined;
  const key = JSON.stringify([caller.user.userId, caller.user.email, status ?? null, sort, limit, cursorText || null, searchText ?? null]);
  if (version !== undefined) {
    const hit = listCache.get(key, version);
    if (hit) return { status: 200, json: hit.json, headers: { ETag: hit.etag } };
  }
  const search = parseCaseSearch(searchText);
  // One row past the page tells whether there is a next one.
  const { items, total } = await cases.list(caller, { status, search, sort, limit: limit + 1, cursor });
  const page = items.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = items.length > limit && last ? encodeCursor(sort, cursorOf(last)) : undefined;
  const body = { items: page, ...(nextCursor ? { nextCursor } : {}), total };
  if (version === undefined) return { status: 200, body };
  const json = Buffer.from(JSON.stringify(body));
  const entry = { json, etag: etagOf(json) };
  listCache.set(key, version, entry);
  return { status: 200, json, headers: { ETag: entry.etag } };
}

async function get(ctx: Ctx, params: Readonly<Record<string, string>>): Promise<Reply> {
  return { status: 200, body: await visibleCase(ctx, params['number']) };
}

async function create(ctx: Ctx): Promise<Reply> {
  const { store, config } = ctx.server;
  const session = requireSession(ctx);
  const mark = await admitCase(store, ctx.server.limits, session.userId, ctx.server.now().getTime());
  const body = ctx.body;
  const contactText = text(body, 'contactMethod');
  const contactMethod = contactText !== undefined && isContactMethod(contactText) ? contactText : undefined;
  const tokens = texts(body, 'attachmentTokens');
  const input = {
    areaId: text(body, 'areaId') ?? '',
    productId: text(body, 'productId') ?? '',
    subject: text(body, 'subject') ?? '',
    description: text(body, 'description') ?? '',
    categoryId: text(body, 'categoryId') || undefined,
    subcategoryId: text(body, 'subcategoryId') || undefined,
    contactMethod,
    attachmentTokens: tokens,
    followUpOf: text(body, 'followUpOf') || undefined,
    // Checked with the case's other fields by validateTicketInput (the form's own rules).
    customFields: body['customFields'] ?? undefined,
  };
  const area = findArea(config, input.areaId);
  // A contact method the contract does not know is a wrong choice, not a missing one.
  const customFields = isCustomFieldValues(input.customFields) || input.customFields === undefined ? input.customFields : undefined;
  const errors: FieldError[] = validateTicketInput({ ...input, customFields }, config, ctx.locale, seedCategories).map((e): FieldError =>
    e.field === 'contactMethod' && contactText ? { field: e.field, code: 'invalid_choice' } : e,
  );
  if (customFields === undefined && input.customFields !== undefined) errors.push({ field: 'customFields', code: 'invalid_choice' });
  let followUp: Ticket | undefined;
  if (input.followUpOf) {
    followUp = parseNumber(input.followUpOf) === undefined ? undefined : await ctx.server.cases.find(callerOf(ctx), input.followUpOf);
    const participants = followUp && { requesterEmail: followUp.requester.email, watcherEmails: followUp.watchers.map((w) => w.email) };
    if (!followUp || !participants || !mayFollowUp({ ...participants, status: followUp.status }, session.email)) {
      errors.push({ field: 'followUpOf', code: 'invalid_choice' });
    }
  }
  const uploads = tokens ? await uploadsFor(ctx, session, tokens, 0, errors) : [];
  if (errors.length > 0 || !contactMethod) throw invalid(errors);
  if (area && area.realm !== session.realm) {
    throw new HttpError(403, 'forbidden', `This product area needs ${area.realm === 'product' ? 'product' : 'support-center'} credentials.`);
  }
  const description = followUp ? followUpDescription(input.description, followUp.number) : input.description.trim();
  const created = await ctx.server.cases.create(callerOf(ctx), {
    areaId: input.areaId,
    productId: input.productId,
    subject: input.subject.trim(),
    description,
    categoryId: input.categoryId,
    subcategoryId: input.subcategoryId,
    contactMethod,
    followUpOf: followUp?.number,
    // Valid by now: every key is a field the case asks (others were refused), so this only trims and drops blanks.
    customFields: customFields && customValuesToSend(customFields, customFieldsFor(config, input.areaId, input.categoryId)),
    customFieldDefs: customFieldsFor(config, input.areaId, input.categoryId),
    uploads,
    rateMark: { userId: session.userId, markMs: mark },
  });
  return { status: 201, body: created };
}

function encodeCursor(sort: TicketSort, at: ListCursor): string {
  return Buffer.from(JSON.stringify({ s: sort, u: at.u, n: at.n })).toString('base64url');
}

function decodeCursor(cursorText: string, sort: TicketSort): ListCursor | undefined {
  try {
    const value = JSON.parse(Buffer.from(cursorText, 'base64url').toString('utf8')) as unknown;
    if (typeof value !== 'object' || value === null) return undefined;
    const { s, u, n } = value as { s?: unknown; u?: unknown; n?: unknown };
    if (s !== sort || typeof u !== 'string' || typeof n !== 'number' || !Number.isInteger(n)) return undefined;
    return { u, n };
  } catch {
    return undefined;
  }
}

export const ticketRoutes: readonly ApiRoute[] = [
  { method: 'GET', path: '/api/tickets', handler: list },
  { method: 'POST', path: '/api/tickets', handler: create, idempotent: 'replay', fieldNames: { attachmentTokens: 'attachments' } },
  { method: 'GET', path: '/api/tickets/{number}', handler: get },
];
