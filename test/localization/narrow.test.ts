// At 320 CSS px (a small phone, or 1280 px zoomed to 400 %), in German, Japanese and the
// pseudo-locale (issue 14): a case's state stays one readable badge in the list, comment
// dates stay on a line or two, and no native drop-down cuts the text of any of its options
// (a drop-down cannot wrap: "Letzte Aktualisierung, neueste zuerst" and the area
// "Protect & Sign, CLM.CM & Insight & Analyzer (Seal)" were cut).
import { expect, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import { createMemoryBackend } from '../../src/adapters/memory-adapter.js';
import '../../src/define/all.js';
import { allElements, mount, settle } from './helpers.js';

type Localized = HTMLElement & { localeReady: Promise<void> };

/** Room a native drop-down leaves for its text: its box less padding, border and the arrow. */
const ARROW_PX = 24;

async function render(template: TemplateResult): Promise<Localized> {
  const el = await mount<Localized>(template);
  await settle(el);
  return el;
}

function textWidth(text: string, like: Element): number {
  const span = document.createElement('span');
  span.style.font = getComputedStyle(like).font;
  span.style.whiteSpace = 'pre';
  span.style.position = 'absolute';
  span.textContent = text;
  document.body.append(span);
  const width = span.getBoundingClientRect().width;
  span.remove();
  return width;
}

/** Options of every drop-down under `el` whose text is wider than the drop-down shows. */
function cutOptions(el: Element): string[] {
  const cut: string[] = [];
  for (const select of allElements(el.shadowRoot ?? el).filter((e): e is HTMLSelectElement => e instanceof HTMLSelectElement)) {
    const style = getComputedStyle(select);
    const room = select.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd) - ARROW_PX;
    for (const option of select.options) {
      const text = option.textContent?.trim() ?? '';
      const width = textWidth(text, select);
      if (width > room) cut.push(`#${select.id} "${text}": ${Math.round(width)} px in ${Math.round(room)} px`);
    }
  }
  return cut;
}

function lines(element: Element): number {
  const lineHeight = parseFloat(getComputedStyle(element).lineHeight);
  return Math.round(element.getBoundingClientRect().height / lineHeight);
}

describe('at 320 CSS px', () => {
  before(() => setViewport({ width: 320, height: 640 }));
  after(() => setViewport({ width: 800, height: 600 }));

  for (const locale of ['de', 'ja', 'en-XA']) {
    it(`${locale}: state badges on one line, comment dates on at most two, no drop-down cuts an option`, async () => {
      const backend = createMemoryBackend({ signedInAs: 'alex@example.com' });
      const list = await render(html`<my-tickets locale=${locale} .backend=${backend}></my-tickets>`);
      const root = list.shadowRoot;
      const states = [...(root?.querySelectorAll<HTMLElement>('.row__state strong') ?? [])];
      expect(states.length, 'rows shown').to.be.greaterThan(2);
      const fontSize = parseFloat(getComputedStyle(states[0] ?? list).fontSize);
      for (const state of states) {
        expect(state.getClientRects().length, `"${state.textContent}" on one line`).to.equal(1);
        expect(state.getBoundingClientRect().width, `"${state.textContent}" as wide as its text`).to.be.at.least(textWidth(state.textContent ?? '', state) - 1);
        // The line the state starts is the row's own width, not a squeezed column.
        expect(state.parentElement?.getBoundingClientRect().width ?? 0, 'state line').to.be.at.least(12 * fontSize);
      }
      expect(cutOptions(list), 'list drop-downs').to.deep.equal([]);
      list.remove();

      const pending = (await backend.listTickets({ status: 'pending' })).items[0]?.number ?? '';
      const shown = await render(html`<my-tickets locale=${locale} ticket=${pending} .backend=${backend}></my-tickets>`);
      const detail = shown.shadowRoot?.querySelector('support-ticket-detail');
      const dates = [...(detail?.shadowRoot?.querySelectorAll('.conversation time') ?? [])];
      expect(dates.length, 'comment dates').to.be.greaterThan(0);
      for (const date of dates) expect(lines(date), `"${date.textContent}"`).to.be.at.most(2);
      shown.remove();

      for (const template of [
        html`<ticket-form locale=${locale} area="esign" .backend=${backend}></ticket-form>`,
        html`<support-sign-in-help locale=${locale} .backend=${backend}></support-sign-in-help>`,
      ]) {
        const el = await render(template);
        expect(cutOptions(el), el.localName).to.deep.equal([]);
        el.remove();
      }
    });
  }
});
