// The memory backend's case list keeps sorted indexes and the last query's matches (issue 15):
// the answers must stay exactly those of filtering and sorting every case, after every write.
import { expect } from '@open-wc/testing';
import { TICKET_SORTS, type TicketQuery } from '../../src/adapters/backend.js';
import { createMemoryBackend, DEMO_PASSWORD } from '../../src/adapters/memory-adapter.js';
import { matchesCaseSearch, parseCaseSearch } from '../../src/core/access.js';
import { STATUSES, type TicketSummary } from '../../src/core/ticket.js';

async function allCases(backend: ReturnType<typeof createMemoryBackend>, query: TicketQuery): Promise<TicketSummary[]> {
  const cases: TicketSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await backend.listTickets({ ...query, limit: 200, ...(cursor ? { cursor } : {}) });
    cases.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return cases;
}

async function all(backend: ReturnType<typeof createMemoryBackend>, query: TicketQuery): Promise<string[]> {
  return (await allCases(backend, query)).map((t) => t.number);
}

function inOrder(cases: readonly TicketSummary[], sort: NonNullable<TicketQuery['sort']>): boolean {
  const key = sort.startsWith('number') ? 'number' : 'updatedAt';
  const direction = sort.endsWith('asc') ? 1 : -1;
  return cases.every((t, i) => i === 0 || direction * (t[key] < (cases[i - 1]?.[key] ?? '') ? -1 : 1) > 0 || t[key] === cases[i - 1]?.[key]);
}

/** What a plain filter and stable sort of every case gives (the code before the indexes). */
function expected(cases: readonly TicketSummary[], { sort = 'updated_desc', status, search }: TicketQuery): string[] {
  const parsed = parseCaseSearch(search);
  const key = sort.startsWith('number') ? 'number' : 'updatedAt';
  const direction = sort.endsWith('asc') ? 1 : -1;
  return cases
    .filter((t) => (!status || t.status === status) && (!parsed || matchesCaseSearch(t, parsed)))
    .sort((a, b) => (a[key] < b[key] ? -direction : a[key] > b[key] ? direction : 0))
    .map((t) => t.number);
}

describe('memory backend: list indexes', () => {
  it('every sort, status and search gives the same cases as a plain filter and sort', async () => {
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com' });
    backend.bulkCreate(700);
    const cases = await allCases(backend, { sort: 'number_asc' });
    expect(cases.length).to.be.greaterThan(700);
    for (const sort of TICKET_SORTS) {
      for (const status of [undefined, ...STATUSES]) {
        for (const search of [undefined, 'envelope', '#1000', 'room issue']) {
          const want = expected(cases, { sort, status, search });
          const page = await backend.listTickets({ sort, status, search, limit: 50 });
          expect(page.total).to.equal(want.length);
          const listed = await allCases(backend, { sort, status, search });
          // The same cases, in the query's order (ties keep the store's order, which the API does not show).
          expect(listed.map((t) => t.number).sort()).to.deep.equal([...want].sort());
          expect(inOrder(listed, sort)).to.equal(true);
          expect(page.items.map((t) => t.number)).to.deep.equal(listed.slice(0, 50).map((t) => t.number));
        }
      }
    }
  });

  it('typing a search letter by letter gives what each search gives on its own', async () => {
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com' });
    backend.bulkCreate(500);
    const cases = await allCases(backend, { sort: 'number_asc' });
    for (const typed of ['room issue', '#10000', 'Envelope  iss', '12']) {
      for (const status of [undefined, 'open' as const]) {
        for (let end = 1; end <= typed.length; end++) {
          const search = typed.slice(0, end);
          const listed = await allCases(backend, { status, search, sort: 'updated_desc' });
          expect(listed.map((t) => t.number).sort(), `${search} ${status ?? ''}`).to.deep.equal(expected(cases, { status, search }).sort());
          expect(inOrder(listed, 'updated_desc')).to.equal(true);
        }
      }
    }
  });

  it('a new case, a status change and a new comment show in the next query', async () => {
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com' });
    const before = await backend.listTickets({ search: 'freshly indexed' });
    expect(before.total).to.equal(0);
    const created = await backend.createTicket(
      { areaId: 'esign', productId: 'rooms', subject: 'Freshly indexed', description: 'x', contactMethod: 'portal' },
      { idempotencyKey: 'index-1' },
    );
    const after = await backend.listTickets({ search: 'freshly indexed' });
    expect(after.items.map((t) => t.number)).to.deep.equal([created.number]);
    const newest = await backend.listTickets({ sort: 'number_desc', limit: 1 });
    expect(newest.items[0]?.number).to.equal(created.number);

    await backend.addComment(created.number, 'More', { idempotencyKey: 'index-2' });
    const updated = await backend.listTickets({ sort: 'updated_desc', limit: 1 });
    expect(updated.items[0]?.number).to.equal(created.number);
  });

  it('another user signed in on the same backend sees only their cases', async () => {
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com' });
    const alex = await all(backend, {});
    await backend.signOut();
    await backend.signIn({ email: 'sam@example.com', password: DEMO_PASSWORD, realm: 'product' });
    const sam = await all(backend, {});
    expect(sam).not.to.deep.equal(alex);
  });
});
