// Right-to-left needs no CSS change: the styles use logical properties only, so with
// dir="rtl" the layout mirrors (issue 6). Measured on <support-sign-in>.
import { expect, html } from '@open-wc/testing';
import { createMemoryBackend } from '../../src/adapters/memory-adapter.js';
import '../../src/define/support-contact.js';
import '../../src/define/support-sign-in.js';
import type { SupportSignIn } from '../../src/define/support-sign-in.js';
import { mount, settle } from './helpers.js';

/** The box of the text inside `element` (not of the element, which may span the whole line). */
function textBox(element: Element): DOMRect {
  const range = document.createRange();
  range.selectNodeContents(element);
  return range.getBoundingClientRect();
}

function part(el: SupportSignIn, selector: string): HTMLElement {
  const found = el.shadowRoot?.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`No ${selector}`);
  return found;
}

async function render(dir: 'ltr' | 'rtl'): Promise<SupportSignIn> {
  // On the element itself: a host's `dir` wins over the direction of its language (English).
  const el = await mount<SupportSignIn>(html`<support-sign-in dir=${dir} .backend=${createMemoryBackend()}></support-sign-in>`, {
    style: 'inline-size: 480px',
  });
  await el.localeReady;
  await el.updateComplete;
  return el;
}

async function showErrors(el: SupportSignIn): Promise<void> {
  part(el, 'button[type=submit]').click();
  await el.updateComplete;
}

const near = (a: number, b: number) => Math.abs(a - b) <= 2;

describe('right-to-left layout', () => {
  it('starts labels, headings and fields at the left edge in LTR (the reference)', async () => {
    const el = await render('ltr');
    const form = part(el, 'form').getBoundingClientRect();
    expect(near(textBox(part(el, 'label[for=email]')).left, form.left)).to.equal(true);
    expect(near(textBox(part(el, 'h2')).left, el.getBoundingClientRect().left)).to.equal(true);
  });

  it('starts labels, headings and hints at the right edge in RTL', async () => {
    const el = await render('rtl');
    const host = el.getBoundingClientRect();
    const form = part(el, 'form').getBoundingClientRect();
    const label = textBox(part(el, 'label[for=email]'));
    expect(near(label.right, form.right), `label right ${label.right} vs form right ${form.right}`).to.equal(true);
    expect(label.left).to.be.greaterThan(form.left + 100);
    const heading = textBox(part(el, 'h2'));
    expect(near(heading.right, host.right), `heading right ${heading.right} vs ${host.right}`).to.equal(true);
    const hint = textBox(part(el, 'p.hint'));
    expect(near(hint.right, host.right)).to.equal(true);
    const input = part(el, '#email').getBoundingClientRect();
    expect(near(input.right, form.right)).to.equal(true);
  });

  it('puts the first action at the right end of the action row in RTL', async () => {
    const ltr = await render('ltr');
    const ltrSubmit = part(ltr, 'button[type=submit]').getBoundingClientRect();
    const ltrLink = part(ltr, '.actions a').getBoundingClientRect();
    expect(ltrSubmit.left).to.be.lessThan(ltrLink.left);
    const rtl = await render('rtl');
    const submit = part(rtl, 'button[type=submit]').getBoundingClientRect();
    const link = part(rtl, '.actions a').getBoundingClientRect();
    expect(near(submit.right, part(rtl, 'form').getBoundingClientRect().right)).to.equal(true);
    expect(submit.left).to.be.greaterThan(link.left);
  });

  it('draws the error bar of a field on its start side: right in RTL, left in LTR', async () => {
    const rtl = await render('rtl');
    await showErrors(rtl);
    const field = getComputedStyle(part(rtl, '.field--error'));
    expect(field.borderRightWidth).to.equal('4px');
    expect(field.borderLeftWidth).to.equal('0px');
    expect(field.paddingRight).to.not.equal('0px');
    const list = getComputedStyle(part(rtl, '.error-summary__list'));
    expect(list.paddingRight).to.not.equal('0px');
    expect(list.paddingLeft).to.equal('0px');
    await expect(rtl).to.be.accessible();

    const ltr = await render('ltr');
    await showErrors(ltr);
    const ltrField = getComputedStyle(part(ltr, '.field--error'));
    expect(ltrField.borderLeftWidth).to.equal('4px');
    expect(ltrField.borderRightWidth).to.equal('0px');
  });

  it('puts Contact Support’s "Sign in" at the top left in RTL (top right in LTR)', async () => {
    for (const dir of ['ltr', 'rtl'] as const) {
      const el = await mount<HTMLElement & { localeReady: Promise<void> }>(
        html`<support-contact dir=${dir} .backend=${createMemoryBackend()}></support-contact>`,
        { style: 'inline-size: 640px' },
      );
      await settle(el);
      const header = el.shadowRoot?.querySelector('header')?.getBoundingClientRect();
      const signIn = el.shadowRoot?.querySelector('[data-start="sign_in_top_right"]')?.getBoundingClientRect();
      const heading = el.shadowRoot?.querySelector('h1');
      expect(signIn, 'the Sign in button').to.not.equal(undefined);
      if (!signIn || !heading || !header) return;
      const title = textBox(heading);
      if (dir === 'ltr') {
        expect(near(signIn.right, header.right)).to.equal(true, `${signIn.right} vs ${header.right}`);
        expect(near(title.left, header.left)).to.equal(true, `${title.left} vs ${header.left}`);
      } else {
        expect(near(signIn.left, header.left)).to.equal(true, `${signIn.left} vs ${header.left}`);
        expect(near(title.right, header.right)).to.equal(true, `${title.right} vs ${header.right}`);
      }
    }
  });
});
