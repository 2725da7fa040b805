// Matching a requested language (user, browser, Accept-Language) to one the config has.
import { expect } from '@open-wc/testing';
import { SEED_LOCALES } from '../../src/core/config.js';
import { joinSentences, matchLocale, parseAcceptLanguage } from '../../src/core/locale.js';

describe('core/locale', () => {
  describe('matchLocale against the seed languages', () => {
    const rows: readonly { requested: readonly string[]; expected: string | undefined }[] = [
      { requested: ['en'], expected: 'en' },
      { requested: ['pt-BR'], expected: 'pt-BR' },
      { requested: ['pt'], expected: 'pt-BR' },
      { requested: ['pt-PT'], expected: 'pt-BR' },
      { requested: ['pt-br'], expected: 'pt-BR' },
      { requested: ['ja-JP'], expected: 'ja' },
      { requested: ['de-CH'], expected: 'de' },
      { requested: ['fr-CA'], expected: 'fr' },
      { requested: ['EN-us'], expected: 'en' },
      { requested: ['  FR  '], expected: 'fr' },
      { requested: ['it'], expected: undefined },
      { requested: ['zh-Hant-TW'], expected: undefined },
      { requested: [], expected: undefined },
      { requested: ['', ' '], expected: undefined },
    ];

    for (const row of rows) {
      it(`[${row.requested.map((r) => JSON.stringify(r)).join(', ')}] → ${row.expected ?? 'undefined'}`, () => {
        expect(matchLocale(row.requested, SEED_LOCALES)).to.equal(row.expected);
      });
    }

    it('returns the supported spelling, not the requested one', () => {
      expect(matchLocale(['PT-br'], SEED_LOCALES)).to.equal('pt-BR');
    });

    it('respects the order of preference: the first request that matches wins', () => {
      expect(matchLocale(['it', 'de', 'fr'], SEED_LOCALES)).to.equal('de');
      expect(matchLocale(['fr', 'de'], SEED_LOCALES)).to.equal('fr');
    });

    it('a more preferred regional variant beats a less preferred exact match', () => {
      expect(matchLocale(['de-CH', 'fr'], SEED_LOCALES)).to.equal('de');
    });

    it('skips empty entries and keeps looking', () => {
      expect(matchLocale(['', 'ja'], SEED_LOCALES)).to.equal('ja');
    });

    it('prefers an exact regional match over an earlier-listed sibling of the same language', () => {
      expect(matchLocale(['pt-PT'], ['pt-BR', 'pt-PT'])).to.equal('pt-PT');
      expect(matchLocale(['pt'], ['pt-BR', 'pt-PT'])).to.equal('pt-BR');
    });

    it('matches nothing when nothing is supported', () => {
      expect(matchLocale(['en'], [])).to.equal(undefined);
    });
  });

  describe('parseAcceptLanguage', () => {
    it('orders tags by q-value, most preferred first', () => {
      expect(parseAcceptLanguage('fr;q=0.5, de;q=0.9, ja')).to.deep.equal(['ja', 'de', 'fr']);
    });

    it('treats a tag without q as q=1 and keeps header order among equal q-values', () => {
      expect(parseAcceptLanguage('pt-BR, en;q=1, fr;q=0.8, de;q=0.8')).to.deep.equal(['pt-BR', 'en', 'fr', 'de']);
    });

    it('parses a typical browser header', () => {
      expect(parseAcceptLanguage('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5')).to.deep.equal([
        'fr-CH',
        'fr',
        'en',
        'de',
      ]);
    });

    it('drops the * wildcard, whatever its q', () => {
      expect(parseAcceptLanguage('*')).to.deep.equal([]);
      expect(parseAcceptLanguage('*, ja;q=0.1')).to.deep.equal(['ja']);
    });

    it('drops tags the user refuses with q=0', () => {
      expect(parseAcceptLanguage('en;q=0, fr')).to.deep.equal(['fr']);
      expect(parseAcceptLanguage('en;q=0.000')).to.deep.equal([]);
    });

    it('tolerates whitespace around tags, separators and parameters', () => {
      expect(parseAcceptLanguage('  de-DE ;  q=0.7 ,en-US ,\tfr ; q=0.9 ')).to.deep.equal(['en-US', 'fr', 'de-DE']);
    });

    it('ignores empty entries and an empty header', () => {
      expect(parseAcceptLanguage('')).to.deep.equal([]);
      expect(parseAcceptLanguage(' , ,en,,')).to.deep.equal(['en']);
    });

    it('drops an entry whose q-value is not a number', () => {
      expect(parseAcceptLanguage('en;q=abc, fr')).to.deep.equal(['fr']);
    });

    it('ignores parameters other than q', () => {
      expect(parseAcceptLanguage('fr;level=1;q=0.4, de;q=0.6')).to.deep.equal(['de', 'fr']);
    });

    it('feeds matchLocale: a Swiss-German browser gets de', () => {
      expect(matchLocale(parseAcceptLanguage('de-CH, de;q=0.9, en;q=0.5'), SEED_LOCALES)).to.equal('de');
    });

    it('feeds matchLocale: an unsupported first choice falls through to the next', () => {
      expect(matchLocale(parseAcceptLanguage('it-IT, it;q=0.9, pt;q=0.8, en;q=0.7'), SEED_LOCALES)).to.equal('pt-BR');
    });
  });

  describe('joinSentences', () => {
    it('puts a space between sentences, none in Japanese or Chinese, and leaves empty ones out', () => {
      expect(joinSentences('fr', 'Votre dossier est ouvert.', 'Vous recevrez un e-mail.')).to.equal('Votre dossier est ouvert. Vous recevrez un e-mail.');
      expect(joinSentences('ja', 'ケースを作成しました。', 'メールが届きます。')).to.equal('ケースを作成しました。メールが届きます。');
      expect(joinSentences('ja-JP', 'A。', 'B。')).to.equal('A。B。');
      expect(joinSentences('zh-Hant', 'A。', 'B。')).to.equal('A。B。');
      expect(joinSentences('de', 'Eins.', '', 'Zwei.')).to.equal('Eins. Zwei.');
    });
  });
});
