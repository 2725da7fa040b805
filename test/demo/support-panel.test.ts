import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../demo/main.js';
import type { DemoApp } from '../../demo/demo-app.js';
import { $, $$, setValue } from '../support/dom.js';

// The demo's "Act as support" panel over the memory backend: what support does shows in <my-tickets> by itself.
describe('demo "Act as support" panel', () => {
  afterEach(() => {
    fixtureCleanup();
    localStorage.clear();
  });

  it('replies and sets a state on the chosen case; the list shows both without a reload', async () => {
    const app = await fixture<DemoApp>(html`<demo-app
      .syncUrl=${false}
      .latencyMs=${0}
      .settings=${{ locale: 'en', theme: 'light', width: 'desktop', backend: 'memory', user: 'alex', element: 'my-tickets', area: '', ticket: '' }}
    ></demo-app>`);
    await app.ready();
    const panel = $(app, 'demo-support-panel');
    const list = $(app, 'my-tickets');
    await waitUntil(() => $$(panel, 'select')[0]?.querySelectorAll('option').length === 5, 'the panel did not list the cases');
    const [caseSelect, stateSelect] = $$<HTMLSelectElement>(panel, 'select');
    if (!caseSelect || !stateSelect) throw new Error('no selects');
    const room = [...caseSelect.options].find((o) => o.textContent?.includes('Room permissions'))?.value ?? '';
    setValue(caseSelect, room, 'change');
    setValue($<HTMLTextAreaElement>(panel, 'textarea'), 'Done on our side.');
    setValue(stateSelect, 'action_required', 'change');
    $<HTMLButtonElement>(panel, 'button[type="submit"]').click();
    await waitUntil(() => list.shadowRoot?.querySelector(`.row__open[data-number="${room}"] .row__new`), 'no New reply on the row');
    expect($(panel, '[role="status"]').textContent).to.equal(`Support replied and set it to Action required on case ${room}.`);
    const row = $$(list, '.row').find((r) => r.querySelector(`[data-number="${room}"]`));
    expect(row?.querySelector('.row__state strong')?.textContent).to.equal('Action required');
    await expect(panel).to.be.accessible();
  });
});
