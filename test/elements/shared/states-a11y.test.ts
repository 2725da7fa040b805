// What axe cannot see in the shared form and state styles (issue 14): the error summary's
// container has a role that may be named by its title (axe aria-prohibited-attr, "needs
// review" on a plain div), the contact-method radios say they are invalid, and in forced
// colors (Windows High Contrast) a case's state keeps a visible border.
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { renderCase, renderList, rows, seeded, $ } from '../my-tickets/helpers.js';
import { all, form, get, memoryFor, seedDraft } from '../ticket-form/helpers.js';
import { createMemoryBackend } from '../../../src/adapters/memory-adapter.js';

interface AxeResult {
  readonly violations: readonly { id: string }[];
  readonly incomplete: readonly { id: string }[];
}
interface Axe {
  run(context: Element, options: { runOnly: { type: 'rule'; values: string[] } }): Promise<AxeResult>;
}

/** axe as chai-a11y-axe loaded it (after a first `to.be.accessible()`). */
function axe(): Axe {
  const loaded = (window as unknown as { axe?: Axe }).axe;
  if (!loaded) throw new Error('axe is not loaded');
  return loaded;
}

const USER = 'states-a11y@example.com';

describe('states axe cannot judge', () => {
  afterEach(async () => {
    localStorage.clear();
    await executeServerCommand('emulate-forced-colors', { active: false });
  });

  it('the error summary is a named group; the contact-method radios are aria-invalid while in error', async () => {
    seedDraft(USER, 'esign', { contactMethod: '' });
    const el = await form({ backend: memoryFor(USER), area: 'esign' });
    await waitUntil(() => el.shadowRoot?.querySelector('#description'), 'the case form');
    const radios = all<HTMLInputElement>(el, 'input[name=contactMethod]');
    expect(radios.length).to.equal(2);
    expect(radios.map((r) => r.getAttribute('aria-invalid'))).to.deep.equal([null, null]);
    get<HTMLButtonElement>(el, 'button[part=submit-button]').click();
    await waitUntil(() => el.shadowRoot?.querySelector('.error-summary'), 'the error summary');
    await el.updateComplete;
    const summary = get(el, '.error-summary');
    expect(summary.getAttribute('role')).to.equal('group');
    expect(summary.getAttribute('aria-labelledby')).to.equal('error-summary-title');
    expect(all<HTMLInputElement>(el, 'input[name=contactMethod]').map((r) => r.getAttribute('aria-invalid'))).to.deep.equal(['true', 'true']);
    await expect(el).to.be.accessible();
    const result = await axe().run(el, { runOnly: { type: 'rule', values: ['aria-prohibited-attr', 'aria-allowed-attr'] } });
    expect([...result.violations, ...result.incomplete].map((r) => r.id)).to.deep.equal([]);
    // Choosing a method clears the error, and aria-invalid with it.
    radios[0]?.click();
    get<HTMLButtonElement>(el, 'button[part=submit-button]').click();
    await el.updateComplete;
    expect(all<HTMLInputElement>(el, 'input[name=contactMethod]').map((r) => r.getAttribute('aria-invalid'))).to.deep.equal([null, null]);
  });

  it('in forced colors, the state in the list and on a case has a visible border', async () => {
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com' });
    const list = await renderList(backend, 'de');
    const [row] = await rows(list);
    const listState = row?.querySelector<HTMLElement>('.row__state strong');
    const { detail } = await renderCase(backend, await seeded(backend, 'pending'), 'de');
    const caseState = $(detail, '.state');
    for (const state of [listState, caseState]) expect(getComputedStyle(state ?? document.body).borderTopStyle).to.equal('none');
    await executeServerCommand('emulate-forced-colors', { active: true });
    expect(matchMedia('(forced-colors: active)').matches, 'forced colors emulated').to.equal(true);
    for (const state of [listState, caseState]) {
      const style = getComputedStyle(state ?? document.body);
      expect(style.borderTopStyle, state?.textContent ?? '').to.equal('solid');
      expect(parseFloat(style.borderTopWidth)).to.be.greaterThan(0);
      expect(style.borderTopColor).to.not.equal(style.backgroundColor);
    }
  });
});
