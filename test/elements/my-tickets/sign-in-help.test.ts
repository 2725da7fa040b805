// Every sign-in an element shows in place offers "I can't sign in" (issue 14, no dead ends):
// <my-tickets> signed out, where no product area is known, opens the can't-sign-in form in place
// and lets the customer choose the area there.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createMemoryBackend } from '../../../src/adapters/memory-adapter.js';
import '../../../src/define/my-tickets.js';
import type { MyTickets } from '../../../src/define/my-tickets.js';
import { $, collapseSpace } from '../../support/dom.js';

describe('<my-tickets> signed out: the way out for a customer who cannot sign in', () => {
  it('offers "I can\'t sign in", which opens the can\'t-sign-in form in place, area to choose', async () => {
    const el = await fixture<MyTickets>(html`<my-tickets locale="en" .backend=${createMemoryBackend()}></my-tickets>`);
    await waitUntil(() => el.shadowRoot?.querySelector('support-sign-in'), 'no sign-in');
    const help = $<HTMLDetailsElement>(el, 'details.sign-in-help');
    expect(collapseSpace(help.querySelector('summary')?.textContent)).to.equal("I can't sign in");
    help.querySelector('summary')?.click();
    await waitUntil(() => help.querySelector('support-sign-in-help')?.shadowRoot?.querySelector('form'), 'the can’t-sign-in form');
    const helpForm = help.querySelector('support-sign-in-help');
    expect(helpForm?.hasAttribute('area')).to.equal(false);
    expect(helpForm?.shadowRoot?.querySelectorAll('input[name="areaId"]').length).to.be.greaterThan(1);
    await expect(el).to.be.accessible();
  });

  it('says it in French when the list is French', async () => {
    const el = await fixture<MyTickets>(html`<my-tickets locale="fr" .backend=${createMemoryBackend()}></my-tickets>`);
    const summary = () => collapseSpace(el.shadowRoot?.querySelector('details.sign-in-help summary')?.textContent);
    await waitUntil(() => summary() === 'Je ne parviens pas à m’identifier', `not in French: ${summary()}`);
  });
});
