// What the memory backend's case list must answer, computed the plain way: every page of a
// query, and a filter plus stable sort of every case (the list before it kept indexes,
// issue 15). The list tests compare the indexed answers with these.
import type { TicketQuery } from '../../src/adapters/backend.js';
import type { MemoryBackend } from '../../src/adapters/memory-adapter.js';
import { matchesCaseSearch, parseCaseSearch } from '../../src/core/access.js';
import type { TicketSummary } from '../../src/core/ticket.js';

/** Every case `query` lists, page after page (200 a page). */
export async function allCases(backend: MemoryBackend, query: TicketQuery): Promise<TicketSummary[]> {
  const cases: TicketSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await backend.listTickets({ ...query, limit: 200, ...(cursor ? { cursor } : {}) });
    cases.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return cases;
}

/** The case numbers a plain filter and stable sort of `cases` gives for `query`. */
export function plainList(cases: readonly TicketSummary[], { sort = 'updated_desc', status, search }: TicketQuery): string[] {
  const parsed = parseCaseSearch(search);
  const key = sort.startsWith('number') ? 'number' : 'updatedAt';
  const direction = sort.endsWith('asc') ? 1 : -1;
  return cases
    .filter((t) => (!status || t.status === status) && (!parsed || matchesCaseSearch(t, parsed)))
    .sort((a, b) => (a[key] < b[key] ? -direction : a[key] > b[key] ? direction : 0))
    .map((t) => t.number);
}
