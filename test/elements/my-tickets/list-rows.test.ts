// The case list's rows (issue 15): every loaded case is a plain row in the DOM (no
// virtualizer), the next page loads as the user scrolls near the end, and the keyboard reaches
// every row.
import { sendKeys } from '@web/test-runner-commands';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createMemoryBackend } from '../../../src/adapters/memory-adapter.js';
import type { MyTickets } from '../../../src/define/my-tickets.js';
import { $, $$, detailOf, now, renderList, rows } from './helpers.js';

const position = (el: MyTickets) => el.shadowRoot?.activeElement?.closest('.row')?.getAttribute('aria-posinset');

async function longList(cases: number, pageSize: number): Promise<MyTickets> {
  const backend = createMemoryBackend({ signedInAs: 'alex@example.com', now });
  backend.bulkCreate(cases);
  const el = await fixture<MyTickets>(html`<my-tickets page-size=${pageSize} .backend=${backend}></my-tickets>`);
  await el.listComplete;
  await el.updateComplete;
  return el;
}

describe('<my-tickets> rows', () => {
  afterEach(() => localStorage.clear());

  it('shows every case of a short list as a row, and passes axe', async () => {
    const el = await renderList(createMemoryBackend({ signedInAs: 'alex@example.com', now }));
    const shown = await rows(el, 5);
    expect(shown).to.have.length(5);
    expect(shown.map((row) => row.getAttribute('aria-posinset'))).to.deep.equal(['1', '2', '3', '4', '5']);
    await expect(el).to.be.accessible();
  });

  it('shows the whole first page of a long list, then the next page when scrolled near its end', async () => {
    const el = await longList(300, 50);
    expect($$(el, '.row')).to.have.length(50);
    expect($(el, '.row').getAttribute('aria-setsize')).to.equal('305');
    const scroller = $(el, '.scroller');
    scroller.scrollTop = scroller.scrollHeight;
    await waitUntil(() => $$(el, '.row').length === 100, 'the second page never loaded');
    expect($$(el, '.row').at(-1)?.getAttribute('aria-posinset')).to.equal('100');
    await expect(el).to.be.accessible();
  });

  it('keeps its scroll position when the list reloads', async () => {
    const el = await longList(300, 50);
    const scroller = $(el, '.scroller');
    $$(el, '.row')[30]?.scrollIntoView({ block: 'start' });
    const top = scroller.scrollTop;
    expect(top).to.be.above(0);
    await el.refresh();
    await el.updateComplete;
    expect(scroller.scrollTop).to.be.closeTo(top, 1);
  });

  it('shows a long list in three update passes: the frame, the first rows with their count, the rest of the page (issue 15)', async () => {
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com', now });
    backend.bulkCreate(300);
    const el = document.createElement('my-tickets');
    el.backend = backend;
    el.locale = 'en';
    // What each pass showed: rows in the DOM and the summary's words.
    const passes: string[] = [];
    el.addController({ hostUpdated: () => passes.push(`${$$(el, '.row').length} rows, ${$(el, '.summary').textContent?.trim() ?? ''}`) });
    document.body.append(el);
    try {
      await el.listComplete;
      await el.updateComplete;
      for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
      expect(passes).to.deep.equal(['0 rows, Loading your cases…', '8 rows, 305 cases', '50 rows, 305 cases']);
    } finally {
      el.remove();
    }
  });

  it('opens the case of the row whose button was clicked, also on the words inside it, and nothing on the rest of the row', async () => {
    const el = await longList(60, 50);
    const row = $$(el, '.row')[3];
    row?.querySelector<HTMLElement>('.row__state')?.click();
    await el.updateComplete;
    expect(el.ticket, 'a click beside the button').to.equal(undefined);
    const number = row?.querySelector<HTMLElement>('.row__open')?.dataset.number;
    row?.querySelector<HTMLElement>('.row__open span:not(.row__number)')?.click();
    await waitUntil(() => el.shadowRoot?.querySelector('support-ticket-detail'), 'the case never showed');
    expect(el.ticket).to.equal(number);
    expect((await detailOf(el)).number).to.equal(number);
  });

  it('loads no page before the user scrolls near the end', async () => {
    const el = await longList(300, 50);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await el.updateComplete;
    expect($$(el, '.row')).to.have.length(50);
    expect($(el, '.load-more').textContent?.trim()).to.equal('Load more cases');
  });

  it('moves keyboard focus from row to row with Tab and back with Shift+Tab, scrolling it into view', async () => {
    const el = await longList(60, 50);
    $<HTMLButtonElement>(el, '.row__open').focus();
    for (let i = 2; i <= 20; i++) {
      await sendKeys({ press: 'Tab' });
      await waitUntil(() => position(el) === String(i), `row ${i} focused`);
    }
    const scroller = $(el, '.scroller').getBoundingClientRect();
    const focused = el.shadowRoot?.activeElement?.getBoundingClientRect();
    expect(focused?.top, 'the focused row is in view').to.be.within(scroller.top, scroller.bottom);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await waitUntil(() => position(el) === '19', 'row 19 focused');
  });

  it('going back from a case far down the list focuses its row again', async () => {
    const el = await longList(60, 50);
    const row = $$(el, '.row__open')[40];
    const number = row?.dataset.number;
    row?.click();
    await waitUntil(() => el.shadowRoot?.querySelector('support-ticket-detail'), 'the case never showed');
    const detail = await detailOf(el);
    expect(detail.number).to.equal(number);
    $<HTMLButtonElement>(detail, '.back').click();
    await waitUntil(() => (el.shadowRoot?.activeElement as HTMLElement | null)?.dataset.number === number, 'the row was not focused');
    expect(position(el)).to.equal('41');
  });
});
