// Every word an element renders carries its language (issue 14): on a page whose <html lang>
// is English, each text node of a French or Japanese element resolves, through its closest
// `lang` (across shadow roots), to the element's language, so a screen reader picks the
// right voice (WCAG 3.1.1/3.1.2).
import { expect, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { createMemoryBackend, type MemoryBackend } from '../../src/adapters/memory-adapter.js';
import '../../src/define/all.js';
import { directionOf } from '../../src/localization/element-lang.js';
import { mount, settle } from './helpers.js';

/** The `lang` that applies to `node`: its closest ancestor's, crossing shadow roots. */
function langOf(node: Node): string | undefined {
  let current: Node | null = node;
  while (current) {
    if (current instanceof Element && current.hasAttribute('lang')) return current.getAttribute('lang') ?? undefined;
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return undefined;
}

/** Every non-blank text node under `root`, through open shadow roots. */
function textNodes(root: Node, out: Text[] = []): Text[] {
  for (const child of root.childNodes) {
    if (child instanceof Text && child.data.trim()) out.push(child);
    if (child instanceof Element && !(child instanceof HTMLStyleElement)) {
      if (child.shadowRoot) textNodes(child.shadowRoot, out);
      textNodes(child, out);
    }
  }
  return out;
}

async function render(template: TemplateResult): Promise<HTMLElement & { localeReady: Promise<void> }> {
  const el = await mount<HTMLElement & { localeReady: Promise<void> }>(template);
  await settle(el);
  return el;
}

function expectAllIn(el: HTMLElement, locale: string, what: string): void {
  const nodes = textNodes(el.shadowRoot ?? el);
  expect(nodes.length, `${what}: text nodes`).to.be.greaterThan(3);
  const wrong = nodes.filter((n) => langOf(n)?.toLowerCase() !== locale.toLowerCase());
  expect(wrong.map((n) => `"${n.data.trim()}" → ${langOf(n) ?? 'none'}`), what).to.deep.equal([]);
  expect(el.getAttribute('dir'), `${what}: dir`).to.equal('ltr');
}

const signedIn = (): MemoryBackend => createMemoryBackend({ signedInAs: 'alex@example.com' });

describe('lang on every rendered word', () => {
  const htmlLang = document.documentElement.getAttribute('lang');
  before(() => document.documentElement.setAttribute('lang', 'en'));
  after(() => {
    if (htmlLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', htmlLang);
  });

  for (const locale of ['fr', 'ja']) {
    it(`${locale}: <support-contact>, <ticket-form>, <my-tickets> and the case view`, async () => {
      expectAllIn(await render(html`<support-contact locale=${locale} .backend=${signedIn()}></support-contact>`), locale, 'support-contact');
      expectAllIn(await render(html`<ticket-form locale=${locale} area="esign" .backend=${signedIn()}></ticket-form>`), locale, 'ticket-form');
      const backend = signedIn();
      expectAllIn(await render(html`<my-tickets locale=${locale} .backend=${backend}></my-tickets>`), locale, 'my-tickets');
      const page = await backend.listTickets({ status: 'pending' });
      const number = page.items[0]?.number ?? '';
      expectAllIn(await render(html`<my-tickets locale=${locale} ticket=${number} .backend=${backend}></my-tickets>`), locale, 'case view');
    });
  }

  it('follows a later change of the page language when no locale is set, and never keeps its own stamp', async () => {
    const stage = await render(html`<div lang="de"><support-sign-in .backend=${createMemoryBackend()}></support-sign-in></div>`);
    const el = stage.querySelector('support-sign-in') as HTMLElement & { localeReady: Promise<void>; resolvedLocale: string };
    await settle(el);
    expect(el.getAttribute('lang')).to.equal('de');
    stage.setAttribute('lang', 'ja');
    await settle(el);
    expect(el.resolvedLocale).to.equal('ja');
    expect(el.getAttribute('lang')).to.equal('ja');
    expectAllIn(el, 'ja', 'support-sign-in after the switch');
  });

  it('gives the writing direction of a language from Intl', () => {
    expect(['en', 'fr', 'de', 'pt-BR', 'ja'].map(directionOf)).to.deep.equal(['ltr', 'ltr', 'ltr', 'ltr', 'ltr']);
    expect(directionOf('ar')).to.equal('rtl');
    expect(directionOf('not a tag')).to.equal('ltr');
  });
});
