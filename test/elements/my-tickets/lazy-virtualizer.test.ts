// The case list loads @lit-labs/virtualizer only for a long list (issue 15): a short one is
// plain rows, every case in the DOM; a long one is virtualized once the module is there.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createMemoryBackend } from '../../../src/adapters/memory-adapter.js';
import type { MyTickets } from '../../../src/define/my-tickets.js';
import { virtualizerOf } from '../../../src/elements/my-tickets/lazy-virtualizer.js';
import { $, $$, now, renderList } from './helpers.js';

// The virtualizer's harmless ResizeObserver notice (TOOLCHAIN.md pitfall 7).
const ignoreResizeNotice = (event: ErrorEvent) => {
  if (event.message.includes('ResizeObserver loop')) event.stopImmediatePropagation();
};

describe('<my-tickets> rows, virtualized only when the list is long', () => {
  before(() => window.addEventListener('error', ignoreResizeNotice));
  after(() => window.removeEventListener('error', ignoreResizeNotice));
  afterEach(() => localStorage.clear());

  it('shows a short list as plain rows, every case in the DOM, without the virtualizer', async () => {
    const el = await renderList(createMemoryBackend({ signedInAs: 'alex@example.com', now }));
    const scroller = $(el, '.scroller');
    expect($$(el, '.row')).to.have.length(5);
    expect(virtualizerOf(scroller)).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('virtualizes a long list: fewer rows in the DOM than cases, later pages load on scrolling', async () => {
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com', now });
    backend.bulkCreate(300);
    const el = await fixture<MyTickets>(html`<my-tickets page-size="100" .backend=${backend}></my-tickets>`);
    await el.listComplete;
    await el.updateComplete;
    const scroller = $(el, '.scroller');
    await waitUntil(() => virtualizerOf(scroller) !== undefined, 'the virtualizer never came');
    const shown = $$(el, '.row');
    expect(shown.length).to.be.above(0).and.below(100);
    const last = () => Math.max(...$$(el, '.row').map((row) => Number(row.getAttribute('aria-posinset') ?? 0)));
    for (let i = 0; i < 20 && last() <= 100; i++) {
      scroller.scrollTop = scroller.scrollHeight;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await el.updateComplete;
    }
    expect(last()).to.be.above(100);
    await expect(el).to.be.accessible();
  });
});
