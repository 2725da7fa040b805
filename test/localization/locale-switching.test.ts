// Switching an element's language re-renders it without a reload, and each language's
// messages load lazily, only when first needed (issue 6). Uses <support-sign-in>.
import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryBackend } from '../../src/adapters/memory-adapter.js';
import '../../src/define/support-sign-in.js';
import '../../src/define/ticket-form.js';
import type { SupportSignIn } from '../../src/define/support-sign-in.js';
import { getLocale } from '../../src/localization/localization.js';
import { PSEUDO_LOCALE } from '../../src/localization/pseudo-locale.js';
import { mount, settle, tick } from './helpers.js';

/** Whether the browser fetched the generated messages module of `locale`. */
function requested(locale: string): boolean {
  return performance
    .getEntriesByType('resource')
    .some((entry) => entry.name.includes(`/generated/locales/${locale}.`));
}

function text(el: SupportSignIn, selector: string): string {
  return el.shadowRoot?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

async function switchTo(el: SupportSignIn, locale: string | undefined): Promise<void> {
  el.locale = locale;
  await el.localeReady;
  await el.updateComplete;
}

describe('switching language', () => {
  const htmlLang = document.documentElement.getAttribute('lang');
  afterEach(() => {
    localStorage.clear();
    if (htmlLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', htmlLang);
  });

  // First test of the file: nothing but English has been loaded in this page yet.
  it('starts in English with no translation loaded, and loads French only on switch', async () => {
    const el = await fixture<SupportSignIn>(html`<support-sign-in .backend=${createMemoryBackend()}></support-sign-in>`);
    await el.localeReady;
    expect(getLocale()).to.equal('en');
    expect(text(el, 'h2')).to.equal('Sign in');
    for (const locale of ['fr', 'de', 'ja', 'pt-BR', PSEUDO_LOCALE]) expect(requested(locale), locale).to.equal(false);

    await switchTo(el, 'fr');
    expect(requested('fr')).to.equal(true);
    expect(requested('de')).to.equal(false);
    expect(getLocale()).to.equal('fr');
    expect(text(el, 'h2')).to.equal('S’identifier');
  });

  it('re-renders its strings in French, German and Japanese when the locale attribute changes', async () => {
    const el = await fixture<SupportSignIn>(html`<support-sign-in .backend=${createMemoryBackend()}></support-sign-in>`);
    const rows: readonly { locale: string; heading: string; email: string; submit: string }[] = [
      { locale: 'fr', heading: 'S’identifier', email: 'Adresse e-mail', submit: 'S’identifier' },
      { locale: 'de', heading: 'Anmelden', email: 'E-Mail-Adresse', submit: 'Anmelden' },
      { locale: 'ja', heading: 'サインイン', email: 'メールアドレス', submit: 'サインイン' },
      { locale: 'pt-BR', heading: 'Entrar', email: 'Endereço de e-mail', submit: 'Entrar' },
      { locale: 'en', heading: 'Sign in', email: 'Email address', submit: 'Sign in' },
    ];
    for (const row of rows) {
      el.setAttribute('locale', row.locale);
      await el.localeReady;
      await el.updateComplete;
      expect(el.resolvedLocale, row.locale).to.equal(row.locale);
      expect(text(el, 'h2'), row.locale).to.equal(row.heading);
      expect(text(el, 'label[for=email]'), row.locale).to.equal(`${row.email} *`);
      expect(text(el, 'button[type=submit]'), row.locale).to.equal(row.submit);
    }
    await expect(el).to.be.accessible();
  });

  it('translates error messages shown after a failed submit, and they follow a later switch', async () => {
    const el = await fixture<SupportSignIn>(
      html`<support-sign-in locale="de" .backend=${createMemoryBackend()}></support-sign-in>`,
    );
    await el.localeReady;
    await el.updateComplete;
    el.shadowRoot?.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await el.updateComplete;
    expect(text(el, '.error-summary__title')).to.equal('Bitte korrigieren Sie die folgenden Fehler');
    expect(text(el, '#email-error')).to.equal('Fehler: Geben Sie Ihre E-Mail-Adresse ein');
    await switchTo(el, 'ja');
    expect(text(el, '.error-summary__title')).to.equal('次のエラーを修正してください');
    expect(text(el, '#email-error')).to.equal('エラー： メールアドレスを入力してください');
  });

  it('follows the nearest lang, and a change of it, when there is no locale attribute', async () => {
    const el = await mount<SupportSignIn>(html`<support-sign-in .backend=${createMemoryBackend()}></support-sign-in>`, {
      lang: 'de-CH',
    });
    const wrapper = el.parentElement!;
    await el.localeReady;
    await el.updateComplete;
    expect(el.resolvedLocale).to.equal('de');
    expect(text(el, 'h2')).to.equal('Anmelden');
    wrapper.setAttribute('lang', 'ja-JP');
    await el.updateComplete;
    await el.localeReady;
    await el.updateComplete;
    expect(el.resolvedLocale).to.equal('ja');
    expect(text(el, 'h2')).to.equal('サインイン');
  });

  it('follows <html lang> (pt → pt-BR)', async () => {
    document.documentElement.setAttribute('lang', 'pt');
    const el = await fixture<SupportSignIn>(html`<support-sign-in .backend=${createMemoryBackend()}></support-sign-in>`);
    await el.localeReady;
    await el.updateComplete;
    expect(el.resolvedLocale).to.equal('pt-BR');
    expect(text(el, 'h2')).to.equal('Entrar');
  });

  it('shows the pseudo-locale when asked, while flows and formats stay in the default language', async () => {
    const el = await fixture<SupportSignIn>(html`<support-sign-in .backend=${createMemoryBackend()}></support-sign-in>`);
    await switchTo(el, PSEUDO_LOCALE);
    expect(requested(PSEUDO_LOCALE)).to.equal(true);
    expect(getLocale()).to.equal(PSEUDO_LOCALE);
    expect(el.resolvedLocale).to.equal('en');
    const heading = text(el, 'h2');
    expect(heading.startsWith('⟦Šîĝñ îñ')).to.equal(true, heading);
    expect(heading.endsWith('⟧')).to.equal(true, heading);
    expect(heading.length).to.be.greaterThan('Sign in'.length * 1.4);
    await expect(el).to.be.accessible();
  });

  it('settles when two elements ask for different languages: the last switch wins, no back and forth', async () => {
    const first = await fixture<SupportSignIn>(html`<support-sign-in locale="fr" .backend=${createMemoryBackend()}></support-sign-in>`);
    await first.localeReady;
    const second = await mount<SupportSignIn>(html`<support-sign-in locale="de" .backend=${createMemoryBackend()}></support-sign-in>`);
    await second.localeReady;
    await settle(first);
    await settle(second);
    const loads = performance.getEntriesByType('resource').length;
    for (let i = 0; i < 50; i++) await tick();
    expect(getLocale()).to.equal('de');
    expect(text(first, 'h2')).to.equal('Anmelden');
    expect(text(second, 'h2')).to.equal('Anmelden');
    expect(performance.getEntriesByType('resource').length).to.equal(loads);
    // The first element's own language is still French: switching it back wins again.
    expect(first.resolvedLocale).to.equal('fr');
  });

  it('keeps an element that a pseudo-locale element renders in the pseudo-locale', async () => {
    // A support-center area with a product-realm session: <ticket-form> renders a
    // <support-sign-in locale="en"> (its resolvedLocale) inside itself.
    const form = await fixture<HTMLElement & { localeReady: Promise<void> }>(
      html`<ticket-form locale=${PSEUDO_LOCALE} area="seal" .backend=${createMemoryBackend({ signedInAs: 'alex@example.com' })}></ticket-form>`,
    );
    await settle(form);
    const inner = form.shadowRoot?.querySelector('support-sign-in');
    expect(inner, 'the nested sign-in').to.not.equal(null);
    if (!inner) return;
    await settle(inner);
    expect(getLocale()).to.equal(PSEUDO_LOCALE);
    expect(text(inner, 'h2').startsWith('⟦')).to.equal(true, text(inner, 'h2'));
    expect(inner.resolvedLocale).to.equal('en');
  });
});
