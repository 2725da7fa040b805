import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SupportBackend } from '../../../src/adapters/backend.js';
import { createMemoryBackend } from '../../../src/adapters/memory-adapter.js';
import { SupportError } from '../../../src/core/errors.js';
import type { MyTickets } from '../../../src/define/my-tickets.js';
import { formatDate } from '../../../src/localization/format.js';
import { $, $$, detailOf, input, nextEvent, now, NOW, renderList, rows, seeded, text } from './helpers.js';

const alex = () => createMemoryBackend({ signedInAs: 'alex@example.com', now });

describe('<my-tickets> list', () => {
  afterEach(() => localStorage.clear());

  it('lists every case with number, subject, product, state with its meaning, and last update', async () => {
    const backend = alex();
    const el = await renderList(backend);
    const shown = await rows(el, 5);
    expect(shown).to.have.length(5);
    expect(text(el)).to.contain('5 cases');
    const pending = await seeded(backend, 'pending');
    const row = shown.find((r) => r.textContent?.includes(pending));
    if (!row) throw new Error('no pending row');
    const closesAt = new Date(NOW.getTime() + 3 * 86_400_000);
    expect(row.textContent).to.contain('Envelope stuck in "sending"');
    expect(row.textContent).to.contain('eSignature');
    expect(row.textContent).to.contain('Pending');
    expect(row.textContent).to.contain(`Closes by itself on ${formatDate(closesAt, 'en')} unless you reply.`);
    const time = $(row, 'time');
    expect(time.getAttribute('datetime')).to.match(/^2026-03-08T/);
    expect(time.getAttribute('title')).to.contain('2026');
    expect(text(el)).to.contain('Rooms');
    expect(text(el)).to.contain('Support needs information from you.');
    await expect(el).to.be.accessible();
  });

  it('filters by state through the backend', async () => {
    const backend = alex();
    const queries: (string | undefined)[] = [];
    const spy: SupportBackend = {
      ...backend,
      listTickets: (query, options) => {
        queries.push(query.status);
        return backend.listTickets(query, options);
      },
    };
    const el = await renderList(spy);
    await rows(el, 5);
    const select = $<HTMLSelectElement>(el, '#status');
    select.value = 'closed';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await el.listComplete;
    await waitUntil(() => $$(el, '.row').length === 1);
    expect(text(el)).to.contain('1 case');
    expect($(el, '.row').textContent).to.contain('Cannot download the certificate');
    expect(queries).to.deep.equal([undefined, 'closed']);
  });

  it('searches by number or text, debounced, aborting the superseded request', async () => {
    const backend = alex();
    const calls: { search: string | undefined; signal: AbortSignal | undefined }[] = [];
    const spy: SupportBackend = {
      ...backend,
      listTickets: async (query, options) => {
        calls.push({ search: query.search, signal: options?.signal });
        await aTimeout(query.search === 'temp' ? 3000 : 0);
        return backend.listTickets(query, options);
      },
    };
    const el = await renderList(spy);
    await rows(el, 5);
    // Four quick keystrokes: one request, not four.
    for (const typed of ['t', 'te', 'tem', 'temp']) input(el, '#search', typed);
    await waitUntil(() => calls.length === 2);
    expect(calls.map((c) => c.search)).to.deep.equal([undefined, 'temp']);
    // Typing on while it runs aborts it.
    input(el, '#search', 'templatelate');
    await waitUntil(() => calls.length === 3);
    expect(calls[1]?.signal?.aborted).to.equal(true);
    expect(calls[2]?.search).to.equal('templatelate');
    await el.listComplete;
    await waitUntil(() => text(el).includes('No case matches your search.'));
    await expect(el).to.be.accessible();

    const number = await seeded(backend, 'pending');
    $<HTMLButtonElement>(el, '.empty button').click();
    expect(el.shadowRoot?.activeElement?.id).to.equal('search');
    await sendKeys({ type: number });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $$(el, '.row').length === 1);
    expect($(el, '.row').textContent).to.contain(number);
  });

  it('sorts by last update or by number', async () => {
    const el = await renderList(alex());
    await rows(el, 5);
    const numbers = () => $$(el, '.row__number').map((n) => n.textContent ?? '');
    const select = $<HTMLSelectElement>(el, '#sort');
    select.value = 'number_asc';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await el.listComplete;
    await waitUntil(() => numbers().join() === [...numbers()].sort().join() && numbers().length === 5);
    expect(numbers()).to.deep.equal([...numbers()].sort());
    select.value = 'number_desc';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await el.listComplete;
    await waitUntil(() => numbers().length === 5 && numbers().join() === [...numbers()].sort().reverse().join());
  });

  it('loads more cases from the cursor, with the button and near the end of the scroll', async () => {
    const backend = alex();
    backend.bulkCreate(120);
    const el = await fixture<MyTickets>(html`<my-tickets page-size="30" .backend=${backend}></my-tickets>`);
    await el.listComplete;
    await rows(el);
    expect(text(el)).to.contain('125 cases');
    const loaded = () => el.shadowRoot?.querySelector('.row:last-of-type')?.getAttribute('aria-posinset');
    expect($(el, '.row').getAttribute('aria-setsize')).to.equal('125');
    $<HTMLButtonElement>(el, '.load-more').click();
    await waitUntil(() => (el as unknown as { view: { rows: { items: unknown[] } } }).view.rows.items.length >= 60, 'second page');
    // Scrolling to the end brings the rest without pressing anything.
    const scroller = $(el, '.scroller');
    for (let i = 0; i < 20 && el.shadowRoot?.querySelector('.load-more'); i++) {
      scroller.scrollTop = scroller.scrollHeight;
      await aTimeout(50);
    }
    await waitUntil(() => !el.shadowRoot?.querySelector('.load-more'), 'every page loaded');
    scroller.scrollTop = scroller.scrollHeight;
    await waitUntil(() => $$(el, '.row').some((r) => r.getAttribute('aria-posinset') === '125'));
    expect(loaded()).to.equal('125');
    // Every case is there to scroll to, each once.
    expect(new Set($$(el, '.row').map((r) => r.getAttribute('aria-posinset'))).size).to.equal(125);
  });

  it('shows the empty state with a hint to open a new case', async () => {
    const backend = createMemoryBackend({ signedInAs: 'sam@example.com', now });
    const el = await renderList(backend);
    expect(text(el)).to.contain('You have no support cases yet.');
    expect(text(el)).to.contain('Open a new case');
    expect(text(el)).to.contain('0 cases');
    await expect(el).to.be.accessible();
  });

  it('reloads when the host signs someone else in, and on refresh()', async () => {
    const backend = createMemoryBackend({ signedInAs: 'sam@example.com', now });
    const el = await renderList(backend);
    expect(text(el)).to.contain('0 cases');
    el.session = await backend.signIn({ email: 'alex@example.com', password: 'correct horse battery', realm: 'product' });
    await waitUntil(() => $$(el, '.row').length > 0, 'the list did not reload for the new session');
    await backend.createTicket(
      { areaId: 'esign', productId: 'rooms', subject: 'Made elsewhere', description: 'x', contactMethod: 'email' },
      { idempotencyKey: 'made-elsewhere' },
    );
    await el.refresh();
    await el.updateComplete;
    await waitUntil(() => text(el).includes('Made elsewhere'), 'refresh() did not show the new case');
  });

  it('shows the loading state as a status', async () => {
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com', now, latencyMs: 5000 });
    const el = await fixture<MyTickets>(html`<my-tickets .backend=${backend}></my-tickets>`);
    const status = $(el, '[role=status]');
    expect(status.textContent).to.contain('Loading your cases');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry, and the retry loads the cases', async () => {
    const backend = alex();
    let fail = true;
    const flaky: SupportBackend = {
      ...backend,
      listTickets: (query, options) =>
        fail ? Promise.reject(new SupportError('network', 'down')) : backend.listTickets(query, options),
    };
    const el = await renderList(flaky);
    await waitUntil(() => el.shadowRoot?.querySelector('[role=alert]'));
    expect($(el, '[role=alert]').textContent).to.contain('We could not reach the support service');
    await expect(el).to.be.accessible();
    fail = false;
    $<HTMLButtonElement>(el, '[role=alert] button').click();
    await rows(el, 5);
  });

  it('offers sign-in when the session has ended, then lists the cases', async () => {
    const backend = alex();
    const el = await renderList(backend);
    backend.expireSession();
    await el.refresh().catch(() => undefined);
    await waitUntil(() => el.shadowRoot?.querySelector('support-sign-in'));
    // The list had loaded for a signed-in customer: their session ended (never-signed-in wording: session-expired.test.ts).
    expect($(el, '[role=alert]').textContent).to.contain('Your session has ended');
    await expect(el).to.be.accessible();
  });

  it('opens a case (focus on its heading, ticket-opened) and goes back to the row that opened it', async () => {
    const backend = alex();
    const el = await renderList(backend);
    await rows(el, 5);
    const number = await seeded(backend, 'pending');
    const opened = nextEvent(el, 'ticket-opened');
    $<HTMLButtonElement>(el, `.row__open[data-number="${number}"]`).click();
    expect((await opened).ticketNumber).to.equal(number);
    expect(el.ticket).to.equal(number);
    const detail = await detailOf(el);
    expect(detail.shadowRoot?.activeElement?.tagName).to.equal('H2');
    expect($(detail, 'h2').textContent).to.contain(number);
    $<HTMLButtonElement>(detail, '.back').click();
    await waitUntil(() => el.shadowRoot?.activeElement?.getAttribute('data-number') === number, 'focus back on the row');
    expect(el.ticket).to.equal(undefined);
  });

  it('is usable by keyboard alone: search, open a case, come back', async () => {
    const backend = alex();
    const el = await renderList(backend);
    await rows(el, 5);
    const number = await seeded(backend, 'action_required');
    $(el, '#search').focus();
    await sendKeys({ type: 'misaligned' });
    await waitUntil(() => $$(el, '.row').length === 1);
    // Tab from the search field reaches the state filter, the sort, then the row.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot?.activeElement?.getAttribute('data-number')).to.equal(number);
    await sendKeys({ press: 'Enter' });
    const detail = await detailOf(el);
    expect(detail.number).to.equal(number);
    expect(detail.shadowRoot?.activeElement?.tagName).to.equal('H2');
  });

  it('Tab walks through the rows in order, past the first screenful, to the last case, without arrow keys', async () => {
    const backend = alex();
    backend.bulkCreate(80);
    const el = await fixture<MyTickets>(html`<my-tickets page-size="100" .backend=${backend}></my-tickets>`);
    await el.listComplete;
    await rows(el);
    $<HTMLButtonElement>(el, '.row__open').focus();
    const position = () => el.shadowRoot?.activeElement?.closest('.row')?.getAttribute('aria-posinset');
    expect(position()).to.equal('1');
    for (let i = 2; i <= 85; i++) {
      await sendKeys({ press: 'Tab' });
      await waitUntil(() => position() === String(i), `row ${i} focused`);
    }
  });
});

describe('<my-tickets> list layout', () => {
  afterEach(() => localStorage.clear());

  async function narrowList(locale: string): Promise<MyTickets> {
    const wrapper = document.createElement('div');
    wrapper.style.inlineSize = '320px';
    const el = await fixture<MyTickets>(html`<my-tickets locale=${locale} .backend=${alex()}></my-tickets>`, { parentNode: wrapper });
    await el.localeReady;
    await el.listComplete;
    await el.updateComplete;
    return el;
  }

  it('has its rows laid out, none over another, once updateComplete settles', async () => {
    const el = await narrowList('de');
    const shown = (await rows(el, 3)).map((r) => r.getBoundingClientRect()).sort((a, b) => a.top - b.top);
    for (let i = 1; i < shown.length; i++) {
      expect(shown[i]!.top, `row ${i} starts where row ${i - 1} ends`).to.be.closeTo(shown[i - 1]!.bottom, 1);
    }
  });

  it('keeps the state readable on a phone: the last update wraps instead of squeezing it', async () => {
    const el = await narrowList('de');
    for (const row of await rows(el, 3)) {
      const state = $(row, '.row__state').getBoundingClientRect();
      expect(state.width, 'state line width').to.be.above(row.getBoundingClientRect().width * 0.75);
    }
  });
});
