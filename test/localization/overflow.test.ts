// At 320 px wide, in the pseudo-locale (about 40% longer), in German (long words) and in
// Japanese (no spaces), no element shows clipped, overflowing or overlapping text (issue 6).
// Every element is measured in its main states: each descendant (through shadow roots) must
// stay inside the host's inline extent, no text container may be wider inside than its box
// (scrollWidth > clientWidth), and no two runs of text may overlap.
import { expect, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { createMemoryBackend, type MemoryBackend } from '../../src/adapters/memory-adapter.js';
import '../../src/define/my-tickets.js';
import '../../src/define/support-contact.js';
import '../../src/define/support-sign-in-help.js';
import '../../src/define/support-sign-in.js';
import '../../src/define/ticket-form.js';
import { PSEUDO_LOCALE } from '../../src/localization/pseudo-locale.js';
import type { SupportElement } from '../../src/elements/shared/support-element.js';
import { allElements, deepText, mount, settle } from './helpers.js';

const WIDTH = 320;
const LOCALES = [PSEUDO_LOCALE, 'de', 'ja'] as const;

interface Problem {
  readonly selector: string;
  readonly kind: string;
}

/** The parent in the composed tree (slot-agnostic: light-DOM parent or shadow host). */
function composedParent(el: Element): Element | null {
  const parent = el.parentNode;
  if (parent instanceof ShadowRoot) return parent.host;
  return parent instanceof Element ? parent : null;
}

/** Whether `el` is inside a visually hidden box (text for screen readers only). */
function visuallyHidden(el: Element): boolean {
  for (let node: Element | null = el; node; node = composedParent(node)) {
    const style = getComputedStyle(node);
    if (style.clipPath.startsWith('inset(50%') || style.clip.startsWith('rect(0px')) return true;
    if (node.classList.contains('visually-hidden')) return true;
  }
  return false;
}

/** `tag#id.class` of an element and its two nearest ancestors, with `>>>` at shadow roots. */
function describe_(el: Element): string {
  const one = (e: Element) =>
    `${e.localName}${e.id ? `#${e.id}` : ''}${[...e.classList].map((c) => `.${c}`).join('')}`;
  const parts = [one(el)];
  let node: Element = el;
  for (let i = 0; i < 3; i++) {
    const parent = node.parentNode;
    if (parent instanceof ShadowRoot) {
      parts.unshift(`${one(parent.host)} >>>`);
      break;
    }
    if (!(parent instanceof Element)) break;
    parts.unshift(`${one(parent)} >`);
    node = parent;
  }
  return parts.join(' ');
}

const FORM_CONTROLS = new Set(['input', 'textarea', 'select', 'option', 'progress', 'meter', 'img', 'svg']);

function textRects(el: Element): { node: Text; rect: DOMRect }[] {
  const out: { node: Text; rect: DOMRect }[] = [];
  for (const child of el.childNodes) {
    if (child instanceof Text && child.data.trim()) {
      const range = document.createRange();
      range.selectNodeContents(child);
      for (const rect of range.getClientRects()) if (rect.width > 0 && rect.height > 0) out.push({ node: child, rect });
    }
  }
  return out;
}

/** Clipped, overflowing or overlapping text in `host`. */
function overflowProblems(host: HTMLElement): Problem[] {
  const problems: Problem[] = [];
  const box = host.getBoundingClientRect();
  if (box.width > WIDTH + 1) problems.push({ selector: host.localName, kind: `host is ${box.width}px wide` });
  if (host.scrollWidth > host.clientWidth + 1) problems.push({ selector: host.localName, kind: `host scrollWidth ${host.scrollWidth} > ${host.clientWidth}` });
  const runs: { node: Text; rect: DOMRect; selector: string }[] = [];
  for (const el of allElements(host.shadowRoot ?? host)) {
    if (el.getClientRects().length === 0 || visuallyHidden(el)) continue;
    const rect = el.getBoundingClientRect();
    const selector = describe_(el);
    if (rect.width > 0 && (rect.left < box.left - 1 || rect.right > box.right + 1)) {
      problems.push({ selector, kind: `box ${Math.round(rect.left - box.left)}..${Math.round(rect.right - box.left)} outside 0..${Math.round(box.width)}` });
    }
    const style = getComputedStyle(el);
    if (
      !FORM_CONTROLS.has(el.localName) &&
      style.display !== 'inline' &&
      el.clientWidth > 0 &&
      el.scrollWidth > el.clientWidth + 1 &&
      (el.textContent ?? '').trim()
    ) {
      problems.push({ selector, kind: `content ${el.scrollWidth}px wide in a ${el.clientWidth}px box (overflow-x: ${style.overflowX})` });
    }
    for (const run of textRects(el)) {
      if (run.rect.left < box.left - 1 || run.rect.right > box.right + 1) {
        problems.push({ selector, kind: `text "${run.node.data.trim().slice(0, 30)}" sticks out of the host` });
      }
      runs.push({ ...run, selector });
    }
  }
  // Overlapping runs of text (tolerant of line boxes that touch).
  for (let i = 0; i < runs.length; i++) {
    for (let j = i + 1; j < runs.length; j++) {
      const a = runs[i]!;
      const b = runs[j]!;
      if (a.node === b.node) continue;
      const x = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
      const y = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
      if (x > 2 && y > 0.5 * Math.min(a.rect.height, b.rect.height)) {
        problems.push({
          selector: `${a.selector} / ${b.selector}`,
          kind: `text "${a.node.data.trim().slice(0, 20)}" overlaps "${b.node.data.trim().slice(0, 20)}"`,
        });
      }
    }
  }
  return problems;
}

async function render(template: TemplateResult): Promise<SupportElement> {
  const el = await mount<SupportElement>(template, { style: `inline-size: ${WIDTH}px` });
  await settle(el);
  // The element really speaks the language under test.
  const sample = deepText(el.shadowRoot ?? el);
  const marks: Record<string, RegExp> = { [PSEUDO_LOCALE]: /⟦/, de: /[äöüß]|Sie\b/, ja: /[ぁ-んァ-ン]/ };
  const mark = marks[el.getAttribute('locale') ?? ''];
  if (mark) expect(mark.test(sample), `${el.localName} in ${el.getAttribute('locale')}: ${sample.slice(0, 200)}`).to.equal(true);
  return el;
}

function expectNoOverflow(el: HTMLElement, label: string): void {
  const problems = overflowProblems(el);
  expect(problems, `${label}:\n${problems.map((p) => `  ${p.selector}: ${p.kind}`).join('\n')}`).to.deep.equal([]);
}

function click(el: HTMLElement, selector: string): void {
  const target = el.shadowRoot?.querySelector<HTMLElement>(selector);
  if (!target) throw new Error(`No ${selector}`);
  target.click();
}

/** Fills the steps before the case form (subject, or category and subcategory) and goes on to it. */
async function toDetails(el: SupportElement): Promise<void> {
  const root = el.shadowRoot;
  for (let i = 0; i < 5 && !root?.querySelector('#description'); i++) {
    const subject = root?.querySelector<HTMLInputElement>('#subject');
    if (subject && !subject.value) {
      subject.value = 'Envelope stuck in sending';
      subject.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    for (const id of ['categoryId', 'subcategoryId']) {
      await el.updateComplete;
      const select = root?.querySelector<HTMLSelectElement>(`#${id}`);
      const first = [...(select?.options ?? [])].find((o) => o.value);
      if (select && first && !select.value) {
        select.value = first.value;
        select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      }
    }
    await el.updateComplete;
    root?.querySelector<HTMLButtonElement>('form button[type=submit]')?.click();
    await settle(el);
  }
  expect(root?.querySelector('#description'), 'reached the case form').to.not.equal(null);
}

const signedIn = (): MemoryBackend => createMemoryBackend({ signedInAs: 'alex@example.com' });
/** Signed in with the credentials of the area: product (alex) or support center (pat). */
const signedInFor = (area: string): MemoryBackend =>
  createMemoryBackend({ signedInAs: area === 'seal' ? 'pat@example.com' : 'alex@example.com' });

async function caseNumber(backend: MemoryBackend, status: 'pending' | 'closed'): Promise<string> {
  const page = await backend.listTickets({ status });
  const first = page.items[0];
  if (!first) throw new Error(`no ${status} case`);
  return first.number;
}

describe(`no clipped or overlapping text at ${WIDTH} px`, () => {
  afterEach(() => {
    localStorage.clear();
  });

  it('the measure finds clipped, sticking-out and overlapping text (self-test)', async () => {
    const wrapper = document.createElement('div');
    wrapper.style.inlineSize = `${WIDTH}px`;
    const host = document.createElement('section');
    wrapper.append(host);
    document.body.append(wrapper);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `
      <p class="clipped" style="inline-size: 100px; overflow: hidden; white-space: nowrap">Ein sehr langer Text, der abgeschnitten wird</p>
      <p class="wide" style="inline-size: 500px">wide</p>
      <div style="position: relative"><span class="a">Overlapping</span><span class="b" style="position: absolute; inset-inline-start: 0">Overlapping</span></div>
      <p class="hidden" style="position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap">Screen readers only, never measured</p>`;
    const kinds = overflowProblems(host).map((p) => p.selector);
    expect(kinds.some((s) => s.includes('p.clipped'))).to.equal(true, kinds.join('; '));
    expect(kinds.some((s) => s.includes('p.wide'))).to.equal(true, kinds.join('; '));
    expect(kinds.some((s) => s.includes('span.a') && s.includes('span.b'))).to.equal(true, kinds.join('; '));
    expect(kinds.some((s) => s.includes('p.hidden'))).to.equal(false, kinds.join('; '));
    wrapper.remove();
  });

  for (const locale of LOCALES) {
    describe(locale, () => {
      it('<support-sign-in>, empty and with errors', async () => {
        const el = await render(html`<support-sign-in locale=${locale} .backend=${createMemoryBackend()}></support-sign-in>`);
        expectNoOverflow(el, 'empty');
        click(el, 'button[type=submit]');
        await el.updateComplete;
        expectNoOverflow(el, 'with errors');
      });

      it('<support-sign-in-help>, empty and with errors', async () => {
        const el = await render(html`<support-sign-in-help locale=${locale} .backend=${createMemoryBackend()}></support-sign-in-help>`);
        expectNoOverflow(el, 'empty');
        click(el, 'button[type=submit]');
        await el.updateComplete;
        expectNoOverflow(el, 'with errors');
      });

      it('<support-contact>, signed out and signed in', async () => {
        const out = await render(html`<support-contact locale=${locale} .backend=${createMemoryBackend()}></support-contact>`);
        expectNoOverflow(out, 'signed out');
        const inside = await render(html`<support-contact locale=${locale} .backend=${signedIn()}></support-contact>`);
        expectNoOverflow(inside, 'signed in');
      });

      it('<ticket-form> for each product area, empty and with errors', async () => {
        for (const area of ['esign', 'seal']) {
          const el = await render(html`<ticket-form locale=${locale} area=${area} .backend=${signedIn()}></ticket-form>`);
          expectNoOverflow(el, `${area}, first step`);
          const submit = el.shadowRoot?.querySelector<HTMLButtonElement>('button[type=submit]');
          if (submit) {
            submit.click();
            await settle(el);
            expectNoOverflow(el, `${area}, after submitting the first step empty`);
          }
        }
      });

      it('<ticket-form>: the case form, empty and with errors', async () => {
        for (const area of ['esign', 'seal']) {
          const el = await render(html`<ticket-form locale=${locale} area=${area} .backend=${signedInFor(area)}></ticket-form>`);
          if (el.shadowRoot?.querySelector('[data-locale]')) continue; // area not offered in this language
          await toDetails(el);
          expectNoOverflow(el, `${area}, case form`);
          el.shadowRoot?.querySelector<HTMLButtonElement>('[part~="submit-button"]')?.click();
          await settle(el);
          expectNoOverflow(el, `${area}, case form with errors`);
        }
      });

      it('<my-tickets>: the list, a pending case and a closed case', async () => {
        const backend = signedIn();
        const list = await render(html`<my-tickets locale=${locale} .backend=${backend}></my-tickets>`);
        expectNoOverflow(list, 'list');
        for (const status of ['pending', 'closed'] as const) {
          const number = await caseNumber(backend, status);
          const detail = await render(html`<my-tickets locale=${locale} ticket=${number} .backend=${backend}></my-tickets>`);
          expectNoOverflow(detail, `${status} case ${number}`);
        }
      });
    });
  }
});
