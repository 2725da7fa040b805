import { expect, fixture, html } from '@open-wc/testing';
import { str } from '@lit/localize';
import { createMemoryBackend } from '../../src/adapters/memory-adapter.js';
import { seedConfig, type SupportConfig } from '../../src/core/config.js';
import '../../src/define/support-contact.js';
import type { SupportContact } from '../../src/define/support-contact.js';
import { registerTranslations } from '../../src/localization/localization.js';
import { $, until } from '../support/dom.js';

// A host's Dutch: a language the package was not built with, offered through the config.
const withDutch: SupportConfig = {
  ...seedConfig,
  locales: [...seedConfig.locales, 'nl'],
  flowRoutes: seedConfig.flowRoutes.map((route) => (route.flowId === 'flow2' ? { ...route, locales: [...route.locales, 'nl'] } : route)),
};

async function page(locale: string, config: SupportConfig = seedConfig): Promise<SupportContact> {
  const el = await fixture<SupportContact>(html`<support-contact locale=${locale} .backend=${createMemoryBackend()} .config=${config}></support-contact>`);
  await until(() => el.shadowRoot?.querySelector('.page')?.getAttribute('aria-busy') === 'false', 'session never known');
  await el.localeReady;
  await el.updateComplete;
  return el;
}

const heading = (el: SupportContact): string => $(el, 'h1').textContent?.trim() ?? '';

describe('registerTranslations', () => {
  it('adds a language at run time: an element switched to nl speaks Dutch, ids left out stay English', async () => {
    await registerTranslations('nl', {
      'contact.heading': 'Contact met support',
      // A message with a value, in lit-localize's template form (what the XLIFF converter writes).
      'contact.account_switched': str`Dossiers worden nu geopend voor ${0}.`,
    });
    const el = await page('en', withDutch);
    expect(heading(el)).to.equal('Contact Support');
    el.locale = 'nl';
    await el.localeReady;
    await el.updateComplete;
    expect(heading(el)).to.equal('Contact met support');
    expect($(el, '.page').getAttribute('lang')).to.equal('nl');
    // Not translated by the host: the English source, never a half-Dutch sentence.
    expect($(el, '[data-start="create_ticket"]').textContent?.trim()).to.equal('Create ticket');
    await expect(el).to.be.accessible();
    el.locale = 'fr';
    await el.localeReady;
    await el.updateComplete;
    expect(heading(el)).to.equal('Contacter l’assistance');
  });

  it('overrides one English message; the page already shown picks it up', async () => {
    const el = await page('en');
    expect(heading(el)).to.equal('Contact Support');
    await registerTranslations('en', { 'contact.heading': 'Get help from Example Corp' });
    await el.updateComplete;
    expect(heading(el)).to.equal('Get help from Example Corp');
    // The other messages are still the built English ones.
    expect($(el, '[data-start="open_case_top"]').textContent?.trim()).to.equal('Open a support case');
  });
});
