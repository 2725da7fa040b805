/**
 * What `<my-tickets>` knows about its list besides the case shown (`ticket`, a property):
 * the query (state filter, search, sort), the rows loaded so far, whether the list is wanted
 * yet, which row opened the case, and whether the list went stale meanwhile. Pure: no Lit, no
 * DOM, no words. Loading is the element's `Task` (first page) and `ActionController` ("load
 * more"); their results come back here as events.
 *
 * | event          | to                                                                      |
 * |----------------|-------------------------------------------------------------------------|
 * | `list-shown`   | the list is wanted (fetched from now on)                                |
 * | `filtered`     | query's state filter = value                                            |
 * | `searched`     | query's search = value                                                  |
 * | `sorted`       | query's sort = value                                                    |
 * | `cleared`      | no search, no state filter (sort kept)                                  |
 * | `page-loaded`  | rows = the first page                                                   |
 * | `more-loaded`  | rows += the next page (rows already shown are not repeated)             |
 * | `case-changed` | the row of that case shows it (when it is loaded)                       |
 * | `case-live`    | a change from `watch()`: the row updates and takes its place in the sort;  |
 * |                | it leaves when it no longer matches; a new matching case comes in       |
 * | `case-created` | stale: the list reloads when it shows again                             |
 * | `case-opened`  | openedFrom = its number                                                 |
 * | `back`         | openedFrom, stale = none                                                |
 */
import type { TicketChangeKind, TicketPage, TicketQuery, TicketSort } from '../../adapters/backend.js';
import { foldCase, matchesCaseSearch, parseCaseSearch } from '../../core/access.js';
import { summarize, type Status, type Ticket, type TicketSummary } from '../../core/ticket.js';

/** Sorts offered in the list (the backend knows more). */
export const SORTS: readonly TicketSort[] = ['updated_desc', 'updated_asc', 'number_desc', 'number_asc'];

export interface ListQuery {
  readonly status: Status | '';
  readonly search: string;
  readonly sort: TicketSort;
}

export interface ListRows {
  readonly items: readonly TicketSummary[];
  /** Cases matching the query in the backend (more than `items` until all are loaded). */
  readonly total: number;
  readonly nextCursor: string | undefined;
}

export interface TicketsView {
  readonly query: ListQuery;
  readonly rows: ListRows;
  /** The list is only fetched once it is shown (not while a case opened by `ticket` is). */
  readonly listWanted: boolean;
  /** Number of the row that opened the current case, to give focus back to it. */
  readonly openedFrom: string | undefined;
  /** A case was created since the list loaded. */
  readonly stale: boolean;
}

export type TicketsEvent =
  | { readonly type: 'list-shown' }
  | { readonly type: 'filtered'; readonly status: Status | '' }
  | { readonly type: 'searched'; readonly search: string }
  | { readonly type: 'sorted'; readonly sort: TicketSort }
  | { readonly type: 'cleared' }
  | { readonly type: 'page-loaded'; readonly page: TicketPage }
  | { readonly type: 'more-loaded'; readonly page: TicketPage }
  | { readonly type: 'case-changed'; readonly ticket: Ticket }
  | { readonly type: 'case-live'; readonly ticket: Ticket; readonly kinds: readonly TicketChangeKind[] }
  | { readonly type: 'case-created' }
  | { readonly type: 'case-opened'; readonly number: string }
  | { readonly type: 'back' };

export const initialTicketsView: TicketsView = {
  query: { status: '', search: '', sort: 'updated_desc' },
  rows: { items: [], total: 0, nextCursor: undefined },
  listWanted: false,
  openedFrom: undefined,
  stale: false,
};

/** The view with `change` applied to its query; the same query object when nothing changed (no reload). */
function withQuery(view: TicketsView, change: Partial<ListQuery>): TicketsView {
  const query = { ...view.query, ...change };
  const same = query.status === view.query.status && query.search === view.query.search && query.sort === view.query.sort;
  return same ? view : { ...view, query };
}

export function ticketsTransition(view: TicketsView, event: TicketsEvent): TicketsView {
  switch (event.type) {
    case 'list-shown':
      return view.listWanted ? view : { ...view, listWanted: true };
    case 'filtered':
      return withQuery(view, { status: event.status });
    case 'searched':
      return withQuery(view, { search: event.search });
    case 'sorted':
      return withQuery(view, { sort: event.sort });
    case 'cleared':
      return withQuery(view, { status: '', search: '' });
    case 'page-loaded':
      return { ...view, rows: { items: event.page.items, total: event.page.total, nextCursor: event.page.nextCursor } };
    case 'more-loaded': {
      const known = new Set(view.rows.items.map((t) => t.number));
      const items = [...view.rows.items, ...event.page.items.filter((t) => !known.has(t.number))];
      return { ...view, rows: { items, total: event.page.total, nextCursor: event.page.nextCursor } };
    }
    case 'case-changed': {
      const number = event.ticket.number;
      if (!view.rows.items.some((t) => t.number === number)) return view;
      const row = summarize(event.ticket);
      return { ...view, rows: { ...view.rows, items: view.rows.items.map((t) => (t.number === number ? row : t)) } };
    }
    case 'case-live':
      return withLiveRow(view, event.ticket, event.kinds);
    case 'case-created':
      return { ...view, stale: true };
    case 'case-opened':
      return { ...view, openedFrom: event.number };
    case 'back':
      return { ...view, openedFrom: undefined, stale: false };
  }
}

/** Whether a search or a state filter narrows the list (its empty state says so). */
export function isFiltered(query: ListQuery): boolean {
  return query.status !== '' || query.search.trim() !== '';
}

/** What the backend is asked for: a page of `limit` cases, from `cursor` when given. */
export function ticketQuery(query: ListQuery, limit: number, cursor?: string): TicketQuery {
  return { status: query.status || undefined, search: query.search.trim() || undefined, sort: query.sort, limit, cursor };
}

/** Whether a case belongs in the list of `query` (the backend's rule for state and search). */
function matchesQuery(query: ListQuery, ticket: TicketSummary): boolean {
  if (query.status && ticket.status !== query.status) return false;
  const search = parseCaseSearch(query.search);
  return !search || matchesCaseSearch({ number: ticket.number, subject: foldCase(ticket.subject) }, search);
}

/** Negative when `a` comes before `b` in `sort`. */
function compare(sort: TicketSort, a: TicketSummary, b: TicketSummary): number {
  const key = sort.startsWith('number') ? 'number' : 'updatedAt';
  const direction = sort.endsWith('asc') ? 1 : -1;
  return a[key] < b[key] ? -direction : a[key] > b[key] ? direction : 0;
}

/**
 * A changed or new case in the rows: out when it no longer matches, else in its sorted place.
 * A place after the last loaded row, with more pages to come, is on a page not loaded yet.
 */
function withLiveRow(view: TicketsView, ticket: Ticket, kinds: readonly TicketChangeKind[]): TicketsView {
  const row = summarize(ticket);
  const was = view.rows.items.some((t) => t.number === row.number);
  const others = view.rows.items.filter((t) => t.number !== row.number);
  const matches = matchesQuery(view.query, row);
  // A case not among the loaded rows is counted already (on a later page) unless it is new or
  // has just come into the state filtered on.
  const joins = kinds.includes('created') || (view.query.status !== '' && kinds.includes('status'));
  const total = view.rows.total + (matches && !was && joins ? 1 : 0) - (!matches && was ? 1 : 0);
  if (!matches) return was ? { ...view, rows: { ...view.rows, items: others, total } } : view;
  const index = others.findIndex((t) => compare(view.query.sort, row, t) < 0);
  const at = index < 0 ? others.length : index;
  if (at === others.length && view.rows.nextCursor) return { ...view, rows: { ...view.rows, items: others, total } };
  return { ...view, rows: { ...view.rows, items: [...others.slice(0, at), row, ...others.slice(at)], total } };
}
