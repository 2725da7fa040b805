// A <my-tickets> below the fold (an off-screen gallery tile, a long dashboard) renders its
// first rows before anyone scrolls to it (issue 14): an empty scrolling box is nothing to a
// screen reader and fails axe's scrollable-region-focusable.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createMemoryBackend } from '../../../src/adapters/memory-adapter.js';
import '../../../src/define/my-tickets.js';
import type { MyTickets } from '../../../src/define/my-tickets.js';
import { $$ } from './helpers.js';

describe('<my-tickets> off screen', () => {
  it('renders its first rows while below the fold, and passes axe there', async () => {
    const stage = await fixture<HTMLDivElement>(html`<div>
      <div style="block-size: ${window.innerHeight * 3}px"></div>
      <my-tickets locale="de" .backend=${createMemoryBackend({ signedInAs: 'alex@example.com' })}></my-tickets>
    </div>`);
    const el = stage.querySelector<MyTickets>('my-tickets');
    if (!el) throw new Error('no <my-tickets>');
    await el.listComplete;
    await el.updateComplete;
    expect(el.getBoundingClientRect().top, 'below the fold').to.be.greaterThan(window.innerHeight);
    await waitUntil(() => $$(el, '.row').length > 0, 'no row rendered off screen');
    expect($$(el, '.row__open').length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });
});
