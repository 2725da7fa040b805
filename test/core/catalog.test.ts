// The seed's backend catalog: categories in the asked language, and the "Need quick answers?"
// article suggestions of flow 1.
import { expect } from '@open-wc/testing';
import { SEED_LOCALES } from '../../src/core/config.js';
import {
  catalogFor,
  seedArticles,
  seedCategories,
  suggestArticles,
  type ArticleDef,
  type CategoryDef,
} from '../../src/core/catalog.js';

function category(locale: string, areaId: string, id: string) {
  const found = catalogFor(seedCategories, locale).categories.find((c) => c.areaId === areaId && c.id === id);
  if (!found) return expect.fail(`no category ${areaId}/${id}`);
  return found;
}

const ids = (articles: readonly { id: string }[]): string[] => articles.map((a) => a.id);

describe('core/catalog', () => {
  describe('catalogFor', () => {
    it('gives French labels for fr, categories and subcategories alike', () => {
      const account = category('fr', 'esign', 'account');
      expect(account.label).to.equal('Compte et facturation');
      expect(account.subcategories).to.deep.equal([
        { id: 'billing', label: 'Factures et paiements' },
        { id: 'plan', label: 'Changement de forfait' },
        { id: 'users', label: 'Utilisateurs et autorisations' },
      ]);
    });

    it('gives each seed language its own label', () => {
      const labels = SEED_LOCALES.map((locale) => category(locale, 'esign', 'signing').label);
      expect(labels).to.deep.equal([
        'Sending and signing',
        'Envoi et signature',
        'Senden und Signieren',
        'Envio e assinatura',
        '送信と署名',
      ]);
    });

    it('maps pt and pt-PT to the Brazilian Portuguese labels', () => {
      expect(category('pt', 'esign', 'account').label).to.equal('Conta e cobrança');
      expect(category('pt-PT', 'esign', 'account').label).to.equal('Conta e cobrança');
    });

    it('maps a regional variant to its language (fr-CA → fr, ja-JP → ja)', () => {
      expect(category('fr-CA', 'seal', 'protect_sign').subcategories[0]?.label).to.equal('Certificats');
      expect(category('ja-JP', 'seal', 'protect_sign').subcategories[0]?.label).to.equal('証明書');
    });

    it('falls back to English for a language the catalog lacks', () => {
      expect(category('it', 'esign', 'account').label).to.equal('Account and billing');
      expect(category('', 'esign', 'account').label).to.equal('Account and billing');
    });

    it('falls back to English for a label that lacks the asked language', () => {
      const partial: CategoryDef[] = [
        {
          id: 'x',
          areaId: 'esign',
          label: { en: 'Other', fr: 'Autre' },
          subcategories: [{ id: 'y', label: { en: 'Misc' } }],
        },
      ];
      expect(catalogFor(partial, 'fr').categories[0]).to.deep.equal({
        id: 'x',
        areaId: 'esign',
        label: 'Autre',
        subcategories: [{ id: 'y', label: 'Misc' }],
      });
      expect(catalogFor(partial, 'de').categories[0]?.label).to.equal('Other');
    });

    it('keeps every category, its id, area and order, in every language', () => {
      const shape = seedCategories.map((c) => `${c.areaId}/${c.id}:${c.subcategories.map((s) => s.id).join(',')}`);
      for (const locale of SEED_LOCALES) {
        const got = catalogFor(seedCategories, locale).categories.map(
          (c) => `${c.areaId}/${c.id}:${c.subcategories.map((s) => s.id).join(',')}`,
        );
        expect(got, locale).to.deep.equal(shape);
      }
    });

    it('has a CLM category in the Seal area (the one that makes CLM.CM eligible for Call me)', () => {
      expect(category('en', 'seal', 'clm').label).to.equal('CLM');
    });

    it('has a label in all five languages for every category and subcategory', () => {
      for (const c of seedCategories)
        for (const label of [c.label, ...c.subcategories.map((s) => s.label)])
          expect(Object.keys(label), `${c.areaId}/${c.id}`).to.include.members([...SEED_LOCALES]);
    });
  });

  describe('suggestArticles ("Need quick answers?")', () => {
    it('finds the article that matches the subject', () => {
      expect(ids(suggestArticles(seedArticles, 'I forgot my password', 'esign'))).to.deep.equal(['kb-reset']);
    });

    it('returns id, title and url only', () => {
      expect(suggestArticles(seedArticles, 'invoice', 'esign')).to.deep.equal([
        { id: 'kb-invoice', title: 'Download your invoices', url: 'https://support.example.com/articles/invoices' },
      ]);
    });

    it('only suggests articles of the chosen area', () => {
      expect(suggestArticles(seedArticles, 'expired certificate', 'esign')).to.deep.equal([]);
      expect(ids(suggestArticles(seedArticles, 'expired certificate', 'seal'))).to.deep.equal(['kb-cert']);
      expect(suggestArticles(seedArticles, 'password', 'nope')).to.deep.equal([]);
    });

    it('ranks by the number of subject words matched, best first', () => {
      // kb-void comes first in the catalog and matches one word; kb-resend matches two.
      expect(ids(suggestArticles(seedArticles, 'resend envelope email', 'esign'))).to.deep.equal(['kb-resend', 'kb-void']);
    });

    it('keeps catalog order between equally good matches', () => {
      expect(ids(suggestArticles(seedArticles, 'envelope invoice', 'esign'))).to.deep.equal(['kb-void', 'kb-invoice']);
      expect(ids(suggestArticles(seedArticles, 'invoice envelope', 'esign'))).to.deep.equal(['kb-void', 'kb-invoice']);
    });

    it('matches titles and keywords case-insensitively', () => {
      expect(ids(suggestArticles(seedArticles, 'PASSWORD', 'esign'))).to.deep.equal(['kb-reset']);
      expect(ids(suggestArticles(seedArticles, 'OAuth', 'esign'))).to.deep.equal(['kb-api']);
    });

    it('matches a word that starts a longer word (room → rooms, invoice → invoices)', () => {
      expect(ids(suggestArticles(seedArticles, 'room', 'esign'))).to.deep.equal(['kb-rooms']);
      expect(ids(suggestArticles(seedArticles, 'invoice', 'esign'))).to.deep.equal(['kb-invoice']);
    });

    // SPEC: "Need quick answers?" lists resources *matching the subject*. A subject word that
    // only occurs as a fragment inside an unrelated word is not a match: today "the" matches
    // "au-THE-ntication", so any subject containing "the" suggests the API article.
    it('does not match a word found only inside an unrelated word ("the" ⊄ "authentication")', () => {
      expect(ids(suggestArticles(seedArticles, 'How do I void the envelope', 'esign'))).to.not.include('kb-api');
      expect(suggestArticles(seedArticles, 'ate', 'esign')).to.deep.equal([]); // temp-ATE, certific-ATE
    });

    it('ignores words shorter than three letters but counts three-letter words', () => {
      expect(suggestArticles(seedArticles, 'my id is ok', 'esign')).to.deep.equal([]);
      expect(ids(suggestArticles(seedArticles, 'an api 4xx', 'esign'))).to.deep.equal(['kb-api']);
    });

    it('splits on punctuation, not only spaces', () => {
      expect(ids(suggestArticles(seedArticles, 'clm/workflow:stuck!', 'esign'))).to.deep.equal(['kb-clm']);
    });

    it('returns at most `limit` articles, 5 by default', () => {
      const broad = 'password envelope email invoice template api rooms clm';
      expect(suggestArticles(seedArticles, broad, 'esign')).to.have.length(5);
      expect(suggestArticles(seedArticles, broad, 'esign', 2)).to.have.length(2);
      expect(suggestArticles(seedArticles, broad, 'esign', 0)).to.deep.equal([]);
    });

    it('returns nothing for an empty or punctuation-only subject', () => {
      expect(suggestArticles(seedArticles, '', 'esign')).to.deep.equal([]);
      expect(suggestArticles(seedArticles, '   ', 'esign')).to.deep.equal([]);
      expect(suggestArticles(seedArticles, '?!...', 'esign')).to.deep.equal([]);
    });

    it('returns nothing when no word matches', () => {
      expect(suggestArticles(seedArticles, 'quantum banana', 'esign')).to.deep.equal([]);
    });

    it('works on any article list, not only the seed', () => {
      const articles: ArticleDef[] = [
        { id: 'a', areaId: 'z', title: 'Café au lait', url: 'https://x.test/a', keywords: ['boisson'] },
      ];
      expect(ids(suggestArticles(articles, 'un café', 'z'))).to.deep.equal(['a']);
      expect(ids(suggestArticles(articles, 'BOISSON', 'z'))).to.deep.equal(['a']);
    });
  });
});
