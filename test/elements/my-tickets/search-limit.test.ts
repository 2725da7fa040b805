// A search past what the helpdesk can page through (Zendesk: 1,000 results) says so, in the
// user's language, instead of a generic failure.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createMemoryBackend, type MemoryBackend } from '../../../src/adapters/memory-adapter.js';
import { SupportError } from '../../../src/core/errors.js';
import type { MyTickets } from '../../../src/define/my-tickets.js';
import { collapseSpace } from '../../support/dom.js';
import { $, now, rows, text } from './helpers.js';

function limitedBackend(): MemoryBackend {
  const memory = createMemoryBackend({ signedInAs: 'alex@example.com', now });
  memory.bulkCreate(40);
  return {
    ...memory,
    listTickets: (query, options) =>
      query.cursor
        ? Promise.reject(new SupportError('too_large', 'past the search limit', { status: 422, resultLimit: 1000 }))
        : memory.listTickets(query, options),
  };
}

describe('<my-tickets> past the search results limit', () => {
  for (const [locale, words] of [
    ['en', 'Only the first 1,000 matching cases can be shown.'],
    ['fr', `Seuls les ${new Intl.NumberFormat('fr').format(1000)} premiers dossiers correspondants peuvent être affichés.`],
  ] as const) {
    it(`tells how far the list can go (${locale})`, async () => {
      const el = await fixture<MyTickets>(html`<my-tickets locale=${locale} page-size="20" .backend=${limitedBackend()}></my-tickets>`);
      // The French words load on their own: without this the alert could show in English (a flake).
      await el.localeReady;
      await el.listComplete;
      await rows(el);
      $<HTMLButtonElement>(el, '.load-more').click();
      await waitUntil(() => el.shadowRoot?.querySelector('[role=alert]'), 'the failure is shown');
      expect(text(el)).to.contain(collapseSpace(words));
      await expect(el).to.be.accessible();
    });
  }
});
