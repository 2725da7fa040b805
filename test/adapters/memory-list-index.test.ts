// The memory backend's case list keeps sorted indexes, a search text and the last query's matches
// (issue 15): the answers must stay exactly those of filtering and sorting every case, after every write.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { TICKET_SORTS, type TicketQuery } from '../../src/adapters/backend.js';
import { createMemoryBackend, DEMO_PASSWORD } from '../../src/adapters/memory-adapter.js';
import { STATUSES, type TicketSummary } from '../../src/core/ticket.js';
import { allCases, plainList as expected } from '../support/memory-list-oracle.js';


async function all(backend: ReturnType<typeof createMemoryBackend>, query: TicketQuery): Promise<string[]> {
  return (await allCases(backend, query)).map((t) => t.number);
}

function inOrder(cases: readonly TicketSummary[], sort: NonNullable<TicketQuery['sort']>): boolean {
  const key = sort.startsWith('number') ? 'number' : 'updatedAt';
  const direction = sort.endsWith('asc') ? 1 : -1;
  return cases.every((t, i) => i === 0 || direction * (t[key] < (cases[i - 1]?.[key] ?? '') ? -1 : 1) > 0 || t[key] === cases[i - 1]?.[key]);
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

  it('any search over any subjects finds what matchesCaseSearch finds case by case (fast-check)', async () => {
    // Letters whose folding is special (İ grows, Σ depends on its neighbours), digits, "#",
    // white space including new lines, and non-Latin text.
    const char = fc.constantFrom('a', 'B', 'c', 'İ', 'i', 'Σ', 'σ', 'ς', '1', '4', '2', '0', '#', ' ', '\n', '\t', '日', 'é', 'E\u0301');
    const text = (max: number) => fc.array(char, { minLength: 1, maxLength: max }).map((chars) => chars.join(''));
    const subject = text(12).filter((s) => s.trim() !== '');
    await fc.assert(
      fc.asyncProperty(fc.array(subject, { minLength: 1, maxLength: 12 }), fc.array(text(5), { minLength: 1, maxLength: 6 }), async (subjects, searches) => {
        const backend = createMemoryBackend({ signedInAs: 'alex@example.com', seed: false });
        for (const [i, s] of subjects.entries()) {
          await backend.createTicket({ areaId: 'esign', productId: 'rooms', subject: s, description: 'x', contactMethod: 'portal' }, { idempotencyKey: `p-${i}` });
        }
        backend.bulkCreate(3);
        const cases = await allCases(backend, { sort: 'number_asc' });
        for (const search of [...searches, ...cases.slice(0, 2).map((t) => t.number.slice(-3))]) {
          const listed = await allCases(backend, { search, sort: 'number_asc' });
          expect(listed.map((t) => t.number), JSON.stringify(search)).to.deep.equal(expected(cases, { search, sort: 'number_asc' }));
        }
      }),
      { numRuns: 150 },
    );
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

  it('after a bulk insert (which builds the list at once), new cases and comments still show in the next query', async () => {
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com', seed: false });
    backend.bulkCreate(20, 'sam@example.com');
    backend.bulkCreate(300);
    const first = await backend.listTickets({ limit: 50 });
    expect(first.total).to.equal(300);
    expect(inOrder(first.items, 'updated_desc')).to.equal(true);
    const oldest = (await backend.listTickets({ sort: 'updated_asc', status: 'open', limit: 1 })).items[0]?.number ?? '';
    await backend.addComment(oldest, 'Still there?', { idempotencyKey: 'bulk-1' });
    const created = await backend.createTicket(
      { areaId: 'esign', productId: 'rooms', subject: 'After the bulk insert', description: 'x', contactMethod: 'portal' },
      { idempotencyKey: 'bulk-2' },
    );
    const next = await backend.listTickets({ limit: 2 });
    expect(next.total).to.equal(301);
    // Both were written within the same millisecond or so: either may come first.
    expect(next.items.map((t) => t.number)).to.have.members([created.number, oldest]);
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
