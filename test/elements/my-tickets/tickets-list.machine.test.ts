import { expect } from '@open-wc/testing';
import { createMemoryBackend } from '../../../src/adapters/memory-adapter.js';
import {
  initialTicketsView,
  isFiltered,
  ticketQuery,
  ticketsTransition,
  type TicketsEvent,
  type TicketsView,
} from '../../../src/elements/my-tickets/tickets-list.machine.js';
import { now } from './helpers.js';

const run = (view: TicketsView, ...events: TicketsEvent[]): TicketsView => events.reduce(ticketsTransition, view);

describe('my-tickets list machine', () => {
  it('keeps the same query object when nothing changed, so the list does not reload', () => {
    const view = run(initialTicketsView, { type: 'filtered', status: '' }, { type: 'searched', search: '' }, { type: 'sorted', sort: 'updated_desc' }, { type: 'cleared' });
    expect(view.query).to.equal(initialTicketsView.query);
    const filtered = run(view, { type: 'filtered', status: 'closed' }, { type: 'searched', search: ' stuck ' });
    expect(filtered.query).to.deep.equal({ status: 'closed', search: ' stuck ', sort: 'updated_desc' });
    expect(isFiltered(filtered.query)).to.equal(true);
    const cleared = run(filtered, { type: 'sorted', sort: 'number_asc' }, { type: 'cleared' });
    expect(cleared.query).to.deep.equal({ status: '', search: '', sort: 'number_asc' });
    expect(isFiltered(cleared.query)).to.equal(false);
    expect(isFiltered({ status: '', search: '   ', sort: 'number_asc' })).to.equal(false);
  });

  it('asks the backend for trimmed searches, no empty filters, and the cursor of the next page', () => {
    expect(ticketQuery({ status: '', search: '  #10000001 ', sort: 'number_desc' }, 30)).to.deep.equal({
      status: undefined,
      search: '#10000001',
      sort: 'number_desc',
      limit: 30,
      cursor: undefined,
    });
    expect(ticketQuery({ status: 'open', search: '', sort: 'updated_desc' }, 50, 'c2')).to.include({ status: 'open', search: undefined, cursor: 'c2' });
  });

  it('replaces the rows with a first page and appends the next without repeating a row', async () => {
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com', now });
    const all = await backend.listTickets({ sort: 'number_asc' });
    const [a, b, c] = all.items;
    if (!a || !b || !c) throw new Error('seed has fewer than 3 cases');
    const first = run(initialTicketsView, { type: 'page-loaded', page: { items: [a, b], total: 3, nextCursor: 'next' } });
    expect(first.rows).to.deep.equal({ items: [a, b], total: 3, nextCursor: 'next' });
    const more = run(first, { type: 'more-loaded', page: { items: [b, c], total: 3 } });
    expect(more.rows.items.map((t) => t.number)).to.deep.equal([a.number, b.number, c.number]);
    expect(more.rows.nextCursor).to.equal(undefined);
    const again = run(more, { type: 'page-loaded', page: { items: [c], total: 1 } });
    expect(again.rows.items).to.deep.equal([c]);
  });

  it('shows a change made in the open case in its row, and ignores cases not loaded', async () => {
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com', now });
    const page = await backend.listTickets({ sort: 'number_asc' });
    const loaded = run(initialTicketsView, { type: 'page-loaded', page });
    const first = page.items[0];
    if (!first) throw new Error('empty seed');
    const ticket = await backend.addComment(first.number, 'Any news?', { idempotencyKey: crypto.randomUUID() });
    const patched = run(loaded, { type: 'case-changed', ticket });
    expect(patched.rows.items[0]?.updatedAt).to.equal(ticket.updatedAt);
    expect(patched.rows.items[0]).to.not.have.property('comments');
    const other = run(initialTicketsView, { type: 'case-changed', ticket });
    expect(other).to.equal(initialTicketsView);
  });

  it('remembers the row that opened a case and whether the list went stale, until back', () => {
    const opened = run(initialTicketsView, { type: 'list-shown' }, { type: 'case-opened', number: '10000002' }, { type: 'case-created' });
    expect(opened).to.include({ listWanted: true, openedFrom: '10000002', stale: true });
    const back = run(opened, { type: 'back' });
    expect(back).to.include({ listWanted: true, openedFrom: undefined, stale: false });
    expect(run(back, { type: 'list-shown' })).to.equal(back);
  });
  it('places a live change by the sort and filter: moves, leaves, joins, or waits on a later page', async () => {
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com', now });
    const page = await backend.listTickets({ sort: 'updated_asc' });
    const shown = run(initialTicketsView, { type: 'sorted', sort: 'updated_asc' }, { type: 'page-loaded', page });
    const first = page.items[0]?.number ?? '';
    const updated = { ...(await backend.getTicket(first)), updatedAt: '2026-03-11T00:00:00.000Z' };
    const numbers = (view: TicketsView) => view.rows.items.map((t) => t.number);

    const moved = run(shown, { type: 'case-live', ticket: updated, kinds: ['comment'] });
    expect(numbers(moved)).to.deep.equal([...numbers(shown).slice(1), first]);
    expect(moved.rows.total).to.equal(shown.rows.total);
    // Oldest first with more pages to come: the case now belongs after them, not in the loaded rows.
    const paged = run(shown, { type: 'more-loaded', page: { ...page, items: [], nextCursor: 'next' } }, { type: 'case-live', ticket: updated, kinds: ['comment'] });
    expect(numbers(paged)).not.to.include(first);
    expect(paged.rows.total).to.equal(shown.rows.total);

    const onlyOpen = run(shown, { type: 'filtered', status: 'open' }, { type: 'page-loaded', page: await backend.listTickets({ status: 'open', sort: 'updated_asc' }) });
    const openOne = onlyOpen.rows.items[0];
    if (!openOne) throw new Error('no open case');
    const left = run(onlyOpen, { type: 'case-live', ticket: { ...(await backend.getTicket(openOne.number)), status: 'pending' }, kinds: ['status'] });
    expect(numbers(left)).not.to.include(openOne.number);
    expect(left.rows.total).to.equal(onlyOpen.rows.total - 1);
    const pending = page.items.find((t) => t.status === 'pending');
    if (!pending) throw new Error('no pending case');
    const joined = run(onlyOpen, { type: 'case-live', ticket: { ...(await backend.getTicket(pending.number)), status: 'open' }, kinds: ['comment', 'status'] });
    expect(numbers(joined)).to.include(pending.number);
    expect(joined.rows.total).to.equal(onlyOpen.rows.total + 1);
    const searched = run(shown, { type: 'searched', search: 'nothing like this' }, { type: 'page-loaded', page: { items: [], total: 0 } });
    expect(run(searched, { type: 'case-live', ticket: updated, kinds: ['comment'] }).rows.items).to.have.length(0);
  });
});
