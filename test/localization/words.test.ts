// The small words of issue 14: a language named inside a sentence in the sentence's language
// ("Continuer en anglais", never "Continuer en English"), sizes with their plural and unit
// from Intl ("36 bytes", not "36 byte"), and "just now" instead of "this minute".
import { expect, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { createMemoryBackend } from '../../src/adapters/memory-adapter.js';
import '../../src/define/all.js';
import { formatBytes, languageName } from '../../src/localization/format.js';
import { mount, settle } from './helpers.js';

type Localized = HTMLElement & { localeReady: Promise<void> };

async function render(template: TemplateResult): Promise<Localized> {
  const el = await mount<Localized>(template);
  await settle(el);
  return el;
}

const label = (button: Element | undefined) => (button?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The "Continue in …" buttons of the Seal area, outside English and French. */
const CONTINUE: readonly { locale: string; en: string; fr: string }[] = [
  { locale: 'de', en: 'Auf Englisch fortfahren', fr: 'Auf Französisch fortfahren' },
  { locale: 'pt-BR', en: 'Continuar em inglês', fr: 'Continuar em francês' },
  { locale: 'ja', en: '英語で続行', fr: 'フランス語で続行' },
];

describe('words of one language', () => {
  describe('"Continue in <language>"', () => {
    for (const row of CONTINUE) {
      it(`${row.locale}: both elements name the languages in ${row.locale}, the same way`, async () => {
        const contact = await render(html`<support-contact locale=${row.locale} .backend=${createMemoryBackend()}></support-contact>`);
        const buttons = [...(contact.shadowRoot?.querySelectorAll('[data-area="seal"] [data-locale]') ?? [])];
        expect(buttons.map(label)).to.deep.equal([row.en, row.fr]);
        const backend = createMemoryBackend({ signedInAs: 'pat@example.com' });
        const form = await render(html`<ticket-form locale=${row.locale} area="seal" .backend=${backend}></ticket-form>`);
        expect([...(form.shadowRoot?.querySelectorAll('button[data-locale]') ?? [])].map(label)).to.deep.equal([row.en, row.fr]);
        await expect(form).to.be.accessible();
      });
    }

    it('fr: "Continuer en anglais" for Insight & Analyzer', async () => {
      const contact = await render(html`<support-contact locale="fr" .backend=${createMemoryBackend()}></support-contact>`);
      expect(label(contact.shadowRoot?.querySelector('[data-product="insight"] [data-locale="en"]') ?? undefined)).to.equal('Continuer en anglais');
    });

    it('en: "Continue in French" from the helper the elements use', () => {
      expect(languageName('fr', 'en')).to.equal('French');
      expect(languageName('en', 'fr')).to.equal('anglais');
      expect(languageName('en', 'de')).to.equal('Englisch');
      expect(languageName('en', 'pt-BR')).to.equal('inglês');
      expect(languageName('en', 'ja')).to.equal('英語');
      expect(languageName('fr')).to.equal('français');
    });
  });

  it('sizes: plural and unit from Intl in every locale', () => {
    const rows: readonly [string, string, string, string][] = [
      ['en', '1 byte', '36 bytes', '1.5 kB'],
      ['fr', '1 octet', '36 octets', '1,5 ko'],
      ['de', '1 Byte', '36 Byte', '1,5 kB'],
      ['pt-BR', '1 byte', '36 bytes', '1,5 kB'],
      ['ja', '1 バイト', '36 バイト', '1.5 KB'],
    ];
    for (const [locale, one, many, kilo] of rows) {
      const clean = (s: string) => s.replace(/\s/g, ' ');
      expect([formatBytes(1, locale), formatBytes(36, locale), formatBytes(1536, locale)].map(clean), locale).to.deep.equal([one, many, kilo]);
    }
  });

  it('"just now" for a case updated less than a minute ago, in all five locales', async () => {
    const words: Record<string, string> = { en: 'just now', fr: 'à l’instant', de: 'gerade eben', 'pt-BR': 'agora mesmo', ja: 'たった今' };
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com' });
    const created = await backend.createTicket(
      { areaId: 'esign', productId: 'esignature', subject: 'Fresh case', description: 'Created a moment ago', contactMethod: 'email' },
      { idempotencyKey: 'words-just-now' },
    );
    for (const [locale, word] of Object.entries(words)) {
      const list = await render(html`<my-tickets locale=${locale} .backend=${backend}></my-tickets>`);
      await waitUntil(() => list.shadowRoot?.querySelector(`.row__open[data-number="${created.number}"]`), `${locale}: no row for the new case`);
      const row = list.shadowRoot?.querySelector(`.row__open[data-number="${created.number}"]`)?.closest('.row');
      expect(row?.querySelector('time')?.textContent?.trim(), locale).to.equal(word);
      // The next list takes this one's place: a list below the fold renders no rows.
      list.remove();
    }
  });
});
