import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryBackend } from '../../../src/adapters/memory-adapter.js';
import { seedConfig } from '../../../src/core/config.js';
import '../../../src/define/support-contact.js';
import type { SupportContact } from '../../../src/define/support-contact.js';
import { $, until } from '../../support/dom.js';

// React's Vite template centres the page's text; other hosts set uppercase headings, spaced
// letters or `pre` white-space on a wrapper. None of it may reach the widget's layout.
const HOST_CSS = `
  .host-page {
    text-align: center;
    text-transform: uppercase;
    line-height: 3;
    letter-spacing: 0.5em;
    word-spacing: 2em;
    font-style: italic;
    white-space: pre;
  }
`;

describe('shared styles: inherited host CSS stops at :host', () => {
  let style: HTMLStyleElement;
  beforeEach(() => {
    style = document.createElement('style');
    style.textContent = HOST_CSS;
    document.head.append(style);
  });
  afterEach(() => style.remove());

  it('a centred, uppercase, italic host leaves the widget start-aligned and as written', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div class="host-page">
      <support-contact locale="en" .backend=${createMemoryBackend()} .config=${seedConfig}></support-contact>
    </div>`);
    const el = wrapper.querySelector<SupportContact>('support-contact');
    if (!el) throw new Error('no <support-contact>');
    await until(() => el.shadowRoot?.querySelector('.page')?.getAttribute('aria-busy') === 'false', 'session never known');
    const heading = $(el, 'h1');
    const computed = getComputedStyle(heading);
    expect(computed.textAlign).to.equal('start');
    expect(computed.textTransform).to.equal('none');
    expect(computed.fontStyle).to.equal('normal');
    expect(computed.letterSpacing).to.equal('normal');
    expect(computed.wordSpacing).to.equal('0px');
    expect(computed.whiteSpace).to.equal('normal');
    // The widget's own line height (1.5 by default), not the host's 3.
    expect(parseFloat(getComputedStyle(el).lineHeight) / parseFloat(getComputedStyle(el).fontSize)).to.be.closeTo(1.5, 0.01);
    // What a user sees: the heading as written, starting at the inline start of its box.
    expect(heading.innerText).to.equal('Contact Support');
    const range = document.createRange();
    range.selectNodeContents(heading);
    expect(range.getBoundingClientRect().left - heading.getBoundingClientRect().left).to.be.lessThan(2);
    await expect(el).to.be.accessible();
  });
});
