/**
 * `listTickets` over Zendesk's end-user lists, following what the Requests API documents
 * (https://developer.zendesk.com/api-reference/ticketing/tickets/ticket-requests/):
 *
 * - List Requests documents `sort_by` (`updated_at`, `created_at`) and `sort_order`, and both
 *   pagination methods; with cursor pagination Zendesk leaves the list unsorted (reported to
 *   Zendesk: support.zendesk.com/hc/en-us/community/posts/8403358233882), so the adapter pages
 *   by offset (`page`, `per_page` ≤ 100), which sorts and also gives `count`. Offset pagination
 *   stops after 100 pages (10,000 requests): beyond that an end user's list cannot be paged.
 * - List Requests takes no status filter. A state filter reads the whole sorted list (100 per
 *   page) and keeps the matching requests, so new requests show at once (Search is indexed with
 *   a delay of minutes) and `total` is exact.
 * - Search Requests takes `query` and `status` (comma-separated), pages by offset only, and
 *   returns 1,000 results at most (422 past that): a page past the limit is refused with a
 *   `too_large` SupportError carrying `resultLimit`, which the elements turn into a message.
 *   Search Requests documents no sort: `sort_by`/`sort_order` are sent as the Search API takes
 *   them, and each page is also sorted here, so the order within a page is always the one asked.
 *
 * `number_*` sorts by `created_at`: request ids grow with creation time. Not part of the public API.
 */
import { SupportError } from '../core/errors.js';
import type { Status, TicketSummary } from '../core/ticket.js';
import type { CallOptions, TicketPage, TicketQuery, TicketSort } from './backend.js';
import { isNumber, isRecord } from './guards.js';
import type { ZRequest, ZUser } from './zendesk-shapes.js';

export const MAX_PAGE = 100;
export const SEARCH_LIMIT = 1000;
export const MAX_OFFSET_PAGES = 100;

/** An offset page as the adapter reads it (guarded by `isOffsetList`). */
export interface OffsetPage {
  readonly requests: readonly ZRequest[];
  readonly users?: readonly ZUser[] | undefined;
  readonly count: number;
  readonly next_page: string | null;
}

export interface ListReads {
  list(query: Record<string, string | number | undefined>, opts: CallOptions | undefined): Promise<OffsetPage>;
  search(query: Record<string, string | number | undefined>, opts: CallOptions | undefined): Promise<OffsetPage>;
  summary(request: ZRequest, users: readonly ZUser[]): TicketSummary;
  /** Zendesk's states behind one of ours, comma-separated. */
  statuses(status: Status): string;
}

/** Our cursor: the Zendesk page to read next, and (for a state filter) the matches already shown. */
interface Cursor {
  readonly mode: 'list' | 'search' | 'filtered';
  readonly page: number;
  readonly skip: number;
}

function encodeCursor(cursor: Cursor): string {
  return btoa(JSON.stringify(cursor));
}

function decodeCursor(value: string | undefined): Cursor | undefined {
  if (!value) return undefined;
  try {
    const parsed: unknown = JSON.parse(atob(value));
    if (isRecord(parsed) && (parsed.mode === 'list' || parsed.mode === 'search' || parsed.mode === 'filtered') && isNumber(parsed.page) && isNumber(parsed.skip)) {
      return { mode: parsed.mode, page: parsed.page, skip: parsed.skip };
    }
  } catch {
    // fall through
  }
  throw new SupportError('validation', 'Unknown cursor', { fieldErrors: [{ field: 'cursor', code: 'invalid_choice' }] });
}

export function zendeskOrder(sort: TicketSort | undefined): { readonly sort_by: 'updated_at' | 'created_at'; readonly sort_order: 'asc' | 'desc' } {
  switch (sort ?? 'updated_desc') {
    case 'updated_desc':
      return { sort_by: 'updated_at', sort_order: 'desc' };
    case 'updated_asc':
      return { sort_by: 'updated_at', sort_order: 'asc' };
    case 'number_desc':
      return { sort_by: 'created_at', sort_order: 'desc' };
    case 'number_asc':
      return { sort_by: 'created_at', sort_order: 'asc' };
  }
}

function compare(sort: TicketSort | undefined): (a: TicketSummary, b: TicketSummary) => number {
  const { sort_by, sort_order } = zendeskOrder(sort);
  const sign = sort_order === 'asc' ? 1 : -1;
  const key = (t: TicketSummary) => (sort_by === 'updated_at' ? Date.parse(t.updatedAt) : Number(t.number));
  return (a, b) => sign * (key(a) - key(b)) || sign * (Number(a.number) - Number(b.number));
}

/** The failure of a search page past what Zendesk can page through. */
export function searchLimitError(cause?: unknown): SupportError {
  return new SupportError('too_large', `Zendesk pages through the first ${SEARCH_LIMIT} search results only`, {
    status: 422,
    resultLimit: SEARCH_LIMIT,
    ...(cause === undefined ? {} : { cause }),
  });
}

export async function listPage(reads: ListReads, query: TicketQuery, search: string | undefined, opts: CallOptions | undefined): Promise<TicketPage> {
  const cursor = decodeCursor(query.cursor);
  const limit = Math.min(Math.max(Math.floor(query.limit ?? 25), 1), MAX_PAGE);
  const order = zendeskOrder(query.sort);
  const map = (page: OffsetPage) => page.requests.map((r) => reads.summary(r, page.users ?? []));
  const page = cursor?.page ?? 1;

  if (search !== undefined) {
    if ((page - 1) * limit >= SEARCH_LIMIT) throw searchLimitError();
    const params = { query: search, status: query.status ? reads.statuses(query.status) : undefined, page, per_page: limit, ...order, include: 'users' };
    const result = await reads.search(params, opts).catch((error: unknown) => {
      throw error instanceof SupportError && error.status === 422 ? searchLimitError(error) : error;
    });
    const items = map(result).sort(compare(query.sort));
    return { items, total: result.count, ...(result.next_page ? { nextCursor: encodeCursor({ mode: 'search', page: page + 1, skip: 0 }) } : {}) };
  }

  if (!query.status) {
    if (page > MAX_OFFSET_PAGES) throw new SupportError('too_large', 'Zendesk pages through 100 pages only', { status: 400, resultLimit: MAX_OFFSET_PAGES * limit });
    const result = await reads.list({ ...order, page, per_page: limit, include: 'users' }, opts);
    return { items: map(result), total: result.count, ...(result.next_page ? { nextCursor: encodeCursor({ mode: 'list', page: page + 1, skip: 0 }) } : {}) };
  }

  // A state filter: every page of the sorted list, then the matches after those already shown.
  const wanted = query.status;
  const matches: TicketSummary[] = [];
  for (let p = 1; p <= MAX_OFFSET_PAGES; p++) {
    const result = await reads.list({ ...order, page: p, per_page: MAX_PAGE, include: 'users' }, opts);
    matches.push(...map(result).filter((t) => t.status === wanted));
    if (!result.next_page) break;
  }
  const skip = cursor?.mode === 'filtered' ? cursor.skip : 0;
  const items = matches.slice(skip, skip + limit);
  const next = skip + items.length;
  return { items, total: matches.length, ...(next < matches.length ? { nextCursor: encodeCursor({ mode: 'filtered', page: 1, skip: next }) } : {}) };
}
