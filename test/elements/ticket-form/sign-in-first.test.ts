// A <ticket-form> that must sign the customer in first never leaves them stuck (issue 14): its
// sign-in names the products those credentials open and offers "I can't sign in", which opens
// the can't-sign-in form in place.
import { expect, waitUntil } from '@open-wc/testing';
import { createMemoryBackend } from '../../../src/adapters/memory-adapter.js';
import { collapseSpace } from '../../support/dom.js';
import { form, get } from './helpers.js';

describe('<ticket-form> signing in first', () => {
  for (const [area, products] of [
    ['esign', 'This sign-in is for eSignature, Rooms, and CLM.'],
    ['seal', 'This sign-in is for Protect & Sign, CLM.CM, and Insight & Analyzer.'],
  ] as const) {
    it(`${area}: says which products the sign-in is for and opens the can't-sign-in form in place`, async () => {
      const el = await form({ backend: createMemoryBackend(), area });
      const signIn = get(el, 'support-sign-in');
      await waitUntil(() => signIn.shadowRoot?.querySelector('[data-products]'), 'the sign-in');
      expect(collapseSpace(signIn.shadowRoot?.querySelector('[data-products]')?.textContent)).to.equal(products);
      const help = get<HTMLDetailsElement>(el, 'details.sign-in-help');
      expect(collapseSpace(help.querySelector('summary')?.textContent)).to.equal("I can't sign in");
      expect(help.querySelector('support-sign-in-help'), 'not in the page before it is opened').to.equal(null);
      help.querySelector('summary')?.click();
      await waitUntil(() => help.querySelector('support-sign-in-help')?.shadowRoot?.querySelector('form'), 'the can’t-sign-in form');
      const helpForm = help.querySelector('support-sign-in-help');
      expect(helpForm?.getAttribute('area')).to.equal(area);
      expect(helpForm?.shadowRoot?.querySelector<HTMLInputElement>(`input[name="areaId"][value="${area}"]`)?.checked).to.equal(true);
      await expect(el).to.be.accessible();
    });
  }
});
