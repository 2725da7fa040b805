// Which language an element speaks (issue 6): its `locale` attribute, else the nearest `lang`
// up the tree (through shadow roots), else <html lang>, else the browser's languages; matched
// to the config's languages. The pseudo-locale only when asked for explicitly.
import { expect } from '@open-wc/testing';
import { seedConfig } from '../../src/core/config.js';
import { uiLocales } from '../../src/localization/localization.js';
import { isPseudoLocale, PSEUDO_LOCALE } from '../../src/localization/pseudo-locale.js';
import { closestLang, resolveElementLocale, resolveLocale } from '../../src/localization/resolve-locale.js';

const SEED = seedConfig.locales;

/** A container in the document, removed after each test. */
function mount(markup: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = markup;
  document.body.append(div);
  return div;
}

/** An element inside the shadow root of `host`. */
function inShadowOf(host: Element): HTMLElement {
  const root = host.attachShadow({ mode: 'open' });
  const inner = document.createElement('span');
  root.append(inner);
  return inner;
}

/** Makes `navigator.languages` answer `languages` until `restore()`. */
function fakeBrowserLanguages(languages: readonly string[]): () => void {
  Object.defineProperty(navigator, 'languages', { configurable: true, get: () => languages });
  return () => {
    delete (navigator as { languages?: readonly string[] }).languages;
  };
}

describe('localization/resolve-locale', () => {
  const htmlLang = document.documentElement.getAttribute('lang');
  let restoreLanguages: (() => void) | undefined;
  let container: HTMLElement | undefined;

  afterEach(() => {
    container?.remove();
    container = undefined;
    restoreLanguages?.();
    restoreLanguages = undefined;
    if (htmlLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', htmlLang);
  });

  describe('closestLang', () => {
    it('reads the element’s own lang first, then its ancestors’', () => {
      container = mount('<section lang="de"><p><b id="b"></b><i id="i" lang="ja"></i></p></section>');
      expect(closestLang(container.querySelector('#b')!)).to.equal('de');
      expect(closestLang(container.querySelector('#i')!)).to.equal('ja');
    });

    it('crosses shadow-root boundaries up to the host’s ancestors', () => {
      container = mount('<div lang="pt-BR"><span id="host"></span></div>');
      const inner = inShadowOf(container.querySelector('#host')!);
      expect(closestLang(inner)).to.equal('pt-BR');
    });

    it('ends at <html lang>, and is undefined when no one has a lang', () => {
      container = mount('<p id="p"></p>');
      document.documentElement.setAttribute('lang', 'fr-CA');
      expect(closestLang(container.querySelector('#p')!)).to.equal('fr-CA');
      document.documentElement.removeAttribute('lang');
      expect(closestLang(container.querySelector('#p')!)).to.equal(undefined);
    });

    it('skips an empty lang attribute', () => {
      container = mount('<div lang="ja"><p lang=""><b id="b"></b></p></div>');
      expect(closestLang(container.querySelector('#b')!)).to.equal('ja');
    });
  });

  describe('resolveLocale, in order: attribute, nearest lang, <html lang>, browser', () => {
    it('takes the locale attribute before any lang', () => {
      container = mount('<div lang="de"><p id="p"></p></div>');
      expect(resolveLocale(container.querySelector('#p')!, 'ja', SEED, 'en')).to.equal('ja');
    });

    it('takes the nearest lang when there is no attribute', () => {
      container = mount('<div lang="de"><p id="p"></p></div>');
      document.documentElement.setAttribute('lang', 'fr');
      expect(resolveLocale(container.querySelector('#p')!, undefined, SEED, 'en')).to.equal('de');
    });

    it('takes <html lang> when no ancestor has one', () => {
      container = mount('<p id="p"></p>');
      document.documentElement.setAttribute('lang', 'fr');
      expect(resolveLocale(container.querySelector('#p')!, undefined, SEED, 'en')).to.equal('fr');
    });

    it('takes the first of the browser’s languages that matches, when no lang is set', () => {
      container = mount('<p id="p"></p>');
      document.documentElement.removeAttribute('lang');
      restoreLanguages = fakeBrowserLanguages(['it-IT', 'ja-JP', 'en-US']);
      expect(resolveLocale(container.querySelector('#p')!, undefined, SEED, 'en')).to.equal('ja');
    });

    it('falls back to the default when nothing matches', () => {
      container = mount('<p id="p"></p>');
      document.documentElement.removeAttribute('lang');
      restoreLanguages = fakeBrowserLanguages(['it-IT', 'zh-CN']);
      expect(resolveLocale(container.querySelector('#p')!, undefined, SEED, 'en')).to.equal('en');
    });

    it('skips an attribute no config language matches, and goes on with lang', () => {
      container = mount('<div lang="de"><p id="p"></p></div>');
      expect(resolveLocale(container.querySelector('#p')!, 'it', SEED, 'en')).to.equal('de');
    });

    const matches: readonly [string, string][] = [
      ['pt', 'pt-BR'],
      ['pt-PT', 'pt-BR'],
      ['ja-JP', 'ja'],
      ['de-CH', 'de'],
      ['de-AT', 'de'],
      ['fr-CA', 'fr'],
      ['en-GB', 'en'],
      ['PT-br', 'pt-BR'],
    ];
    for (const [asked, expected] of matches) {
      it(`matches ${asked} to ${expected}, as attribute and as lang`, () => {
        container = mount(`<div lang="${asked}"><p id="p"></p></div>`);
        const p = container.querySelector('#p')!;
        expect(resolveLocale(p, asked, SEED, 'en')).to.equal(expected);
        expect(resolveLocale(p, undefined, SEED, 'en')).to.equal(expected);
      });
    }
  });

  describe('resolveElementLocale (what the locale controller uses)', () => {
    it('gives the config language and the same messages language', () => {
      container = mount('<div lang="ja-JP"><p id="p"></p></div>');
      expect(resolveElementLocale(container.querySelector('#p')!, undefined, seedConfig, uiLocales)).to.deep.equal({
        locale: 'ja',
        messages: 'ja',
      });
    });

    it('knows every seed language and the pseudo-locale as UI languages', () => {
      expect([...uiLocales].sort()).to.deep.equal([...SEED, PSEUDO_LOCALE].sort());
    });

    it('only offers the config languages that have messages', () => {
      container = mount('<p id="p"></p>');
      const config = { ...seedConfig, locales: [...SEED, 'it'] };
      const p = container.querySelector('#p')!;
      expect(resolveElementLocale(p, 'it', config, uiLocales).locale).to.equal(config.defaultLocale);
      expect(resolveElementLocale(p, 'it', config, [...uiLocales, 'it'])).to.deep.equal({ locale: 'it', messages: 'it' });
    });

    it('takes the pseudo-locale from the locale attribute: messages in pseudo, the rest in the default language', () => {
      container = mount('<div lang="de"><p id="p"></p></div>');
      expect(resolveElementLocale(container.querySelector('#p')!, PSEUDO_LOCALE, seedConfig, uiLocales)).to.deep.equal({
        locale: seedConfig.defaultLocale,
        messages: PSEUDO_LOCALE,
      });
    });

    it('takes the pseudo-locale from the nearest lang too (case-insensitive)', () => {
      container = mount('<div lang="en-xa"><p id="p"></p></div>');
      expect(resolveElementLocale(container.querySelector('#p')!, undefined, seedConfig, uiLocales).messages).to.equal(
        PSEUDO_LOCALE,
      );
    });

    it('never takes the pseudo-locale from the browser’s languages', () => {
      container = mount('<p id="p"></p>');
      document.documentElement.removeAttribute('lang');
      restoreLanguages = fakeBrowserLanguages([PSEUDO_LOCALE, 'de']);
      expect(resolveElementLocale(container.querySelector('#p')!, undefined, seedConfig, uiLocales)).to.deep.equal({
        locale: 'en',
        messages: 'en',
      });
    });

    it('in pseudo mode (another element asked for it), shows the pseudo-locale instead of the default language only', () => {
      container = mount('<div lang="en"><p id="p"></p></div>');
      const p = container.querySelector('#p')!;
      expect(resolveElementLocale(p, 'en', seedConfig, uiLocales, true)).to.deep.equal({ locale: 'en', messages: PSEUDO_LOCALE });
      expect(resolveElementLocale(p, undefined, seedConfig, uiLocales, true)).to.deep.equal({ locale: 'en', messages: PSEUDO_LOCALE });
      expect(resolveElementLocale(p, 'ja', seedConfig, uiLocales, true)).to.deep.equal({ locale: 'ja', messages: 'ja' });
    });

    it('treats the pseudo-locale as English when its messages are not built', () => {
      container = mount('<p id="p"></p>');
      const withoutPseudo = uiLocales.filter((l) => !isPseudoLocale(l));
      expect(resolveElementLocale(container.querySelector('#p')!, PSEUDO_LOCALE, seedConfig, withoutPseudo)).to.deep.equal({
        locale: 'en',
        messages: 'en',
      });
    });
  });
});
