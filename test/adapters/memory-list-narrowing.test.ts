// The memory list narrows a search from the previous search's matches, counts totals without
// listing every match and reads descending orders off ascending ones (issue 15). What a user
// sees must stay what a plain filter and stable sort of every case gives: the same cases, in
// the same order (ties included), the same totals, page after page, while cases change.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { TICKET_SORTS, type TicketQuery } from '../../src/adapters/backend.js';
import { createMemoryBackend, DEMO_PASSWORD, type MemoryBackend } from '../../src/adapters/memory-adapter.js';
import { STATUSES, type Status, type TicketSummary } from '../../src/core/ticket.js';
import { allCases, plainList as expected } from '../support/memory-list-oracle.js';

/** Every page of `query`, 7 cases a page so most answers span pages; and each page's total. */
async function listed(backend: MemoryBackend, query: TicketQuery): Promise<{ numbers: string[]; totals: number[] }> {
  const numbers: string[] = [];
  const totals: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await backend.listTickets({ ...query, limit: 7, ...(cursor ? { cursor } : {}) });
    numbers.push(...page.items.map((t) => t.number));
    totals.push(page.total);
    cursor = page.nextCursor;
  } while (cursor);
  return { numbers, totals };
}

/** Every case in the store's order (without the demo seed, case numbers grow as cases are stored). */
const stored = (backend: MemoryBackend): Promise<TicketSummary[]> => allCases(backend, { sort: 'number_asc' });


async function expectSame(backend: MemoryBackend, query: TicketQuery): Promise<void> {
  const want = expected(await stored(backend), query);
  const got = await listed(backend, query);
  const label = JSON.stringify(query);
  expect(got.numbers, label).to.deep.equal(want);
  // Every page tells the exact total, not an estimate.
  for (const total of got.totals) expect(total, label).to.equal(want.length);
}

/** A clock that stands still unless moved: many cases share an update time, so order ties abound. */
function clock() {
  let at = Date.parse('2026-01-01T00:00:00Z');
  return { now: () => new Date(at), tick: (hours: number) => (at += hours * 3_600_000) };
}

describe('memory backend: a search narrowed from the previous one', () => {
  it('typing letter by letter, in every order and state filter, lists what each search lists on its own', async () => {
    const time = clock();
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com', seed: false, now: time.now });
    backend.bulkCreate(300);
    for (const sort of TICKET_SORTS) {
      for (const status of [undefined, ...STATUSES]) {
        for (const typed of ['#10000', 'room issue', 'Envelope  iss', '12 ', 'w']) {
          for (let end = 1; end <= typed.length; end++) await expectSame(backend, { sort, status, search: typed.slice(0, end) });
        }
      }
    }
  });

  it('a case that changes between two keystrokes shows as it now is', async () => {
    const time = clock();
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com', seed: false, now: time.now });
    backend.bulkCreate(200);
    await expectSame(backend, { search: '1' });
    // Case 10000113 moves to the top of "last updated" and changes state between "1" and "11".
    time.tick(1);
    backend.agentReply('10000113', 'We are on it.', 'action_required');
    await expectSame(backend, { search: '11' });
    await expectSame(backend, { search: '11', status: 'action_required' });
    await expectSame(backend, { search: '113', status: 'action_required', sort: 'updated_desc' });
    // The same search and state filter again, after cases moved into and out of that state.
    await expectSame(backend, { search: '11', status: 'open' });
    backend.agentReply('10000117', '', 'pending');
    backend.agentReply('10000110', '', 'open');
    await expectSame(backend, { search: '11', status: 'open' });
    const created = await backend.createTicket(
      { areaId: 'esign', productId: 'rooms', subject: 'Webhook 113 retries', description: 'x', contactMethod: 'portal' },
      { idempotencyKey: 'narrow-1' },
    );
    const page = await backend.listTickets({ search: '113' });
    expect(page.items.map((t) => t.number)).to.include(created.number);
    await expectSame(backend, { search: '113' });
    await expectSame(backend, { search: 'webhook 113' });
  });

  it('a case that comes into or leaves the signed-in user\'s sight shows or goes', async () => {
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com', seed: false });
    backend.bulkCreate(40);
    await backend.addWatcher('10000007', 'sam@example.com', {});
    await backend.signOut();
    await backend.signIn({ email: 'sam@example.com', password: DEMO_PASSWORD, realm: 'product' });
    backend.bulkCreate(10, 'sam@example.com');
    await expectSame(backend, { search: '1000000' });
    expect((await listed(backend, { search: '10000007' })).numbers).to.deep.equal(['10000007']);
    await backend.removeWatcher('10000007', 'sam@example.com', {});
    expect((await listed(backend, { search: '10000007' })).numbers).to.deep.equal([]);
    await expectSame(backend, { search: '1000000' });
  });

  it('a longer text that folds to no longer words (a final Σ) is searched afresh', async () => {
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com', seed: false });
    for (const [i, subject] of ['ΑΣ', 'ΑΣΑ', 'ας', 'ασα'].entries()) {
      await backend.createTicket({ areaId: 'esign', productId: 'rooms', subject, description: 'x', contactMethod: 'portal' }, { idempotencyKey: `sigma-${i}` });
    }
    await expectSame(backend, { search: 'ΑΣ' });
    await expectSame(backend, { search: 'ΑΣΑ' });
  });

  it('any cases, changes and keystrokes give what a plain filter and sort gives (fast-check)', async () => {
    const char = fc.constantFrom('a', 'B', 'İ', 'i', 'Σ', 'σ', '1', '4', '2', '#', ' ', '日');
    const text = (min: number, max: number) => fc.array(char, { minLength: min, maxLength: max }).map((chars) => chars.join(''));
    const subject = text(1, 8).filter((s) => s.trim() !== '');
    const step = fc.oneof(
      fc.record({ type: fc.constant('type' as const), text: text(1, 3) }),
      fc.record({ type: fc.constant('erase' as const), count: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ type: fc.constant('sort' as const), sort: fc.constantFrom(...TICKET_SORTS) }),
      fc.record({ type: fc.constant('status' as const), status: fc.constantFrom<Status | undefined>(undefined, ...STATUSES) }),
      fc.record({ type: fc.constant('change' as const), index: fc.nat(), status: fc.constantFrom(...STATUSES), hours: fc.integer({ min: 0, max: 2 }) }),
      fc.record({ type: fc.constant('create' as const), subject }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(subject, { minLength: 1, maxLength: 10 }), fc.array(step, { minLength: 1, maxLength: 12 }), async (subjects, steps) => {
        const time = clock();
        const backend = createMemoryBackend({ signedInAs: 'alex@example.com', seed: false, now: time.now });
        let created = 0;
        const create = (s: string) =>
          backend.createTicket({ areaId: 'esign', productId: 'rooms', subject: s, description: 'x', contactMethod: 'portal' }, { idempotencyKey: `p-${created++}` });
        for (const s of subjects) await create(s);
        backend.bulkCreate(4);
        let search = '';
        let sort: NonNullable<TicketQuery['sort']> = 'updated_desc';
        let status: Status | undefined;
        for (const s of steps) {
          if (s.type === 'type') search += s.text;
          else if (s.type === 'erase') search = search.slice(0, -s.count);
          else if (s.type === 'sort') sort = s.sort;
          else if (s.type === 'status') status = s.status;
          else if (s.type === 'create') await create(s.subject);
          else {
            const cases = await stored(backend);
            const target = cases[s.index % cases.length];
            time.tick(s.hours);
            if (target && target.status !== 'closed') backend.agentReply(target.number, '', s.status);
          }
          await expectSame(backend, { search, sort, status });
        }
      }),
      { numRuns: 120 },
    );
  });
});
