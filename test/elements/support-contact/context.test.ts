// What <support-contact> hands down through @lit/context: its theme and its backend reach
// every step it composes, with nothing passed to the steps themselves.
import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryBackend, DEMO_PASSWORD, type MemoryBackend } from '../../../src/adapters/memory-adapter.js';
import type { SupportContact } from '../../../src/define/support-contact.js';
import type { SupportElement } from '../../../src/elements/shared/support-element.js';
import { $, area, signIn, until, waitFor } from './helpers.js';

// The dark palette of src/elements/shared/styles.ts: surface #1c1c1f, text #f2f2f4.
const DARK = { background: 'rgb(28, 28, 31)', color: 'rgb(242, 242, 244)' };

function look(el: Element): { background: string; color: string } {
  const style = getComputedStyle(el);
  return { background: style.backgroundColor, color: style.color };
}

async function darkPage(backend: MemoryBackend): Promise<SupportContact> {
  const el = await fixture<SupportContact>(html`<support-contact theme="dark" locale="en" .backend=${backend}></support-contact>`);
  await until(() => el.shadowRoot?.querySelector('.page')?.getAttribute('aria-busy') === 'false', 'session never known');
  await el.localeReady;
  return el;
}

/** A step shown by `el`: dark, and working for the backend given to `el` alone. */
async function expectStep(el: SupportContact, backend: MemoryBackend, selector: string): Promise<SupportElement> {
  const step = (await waitFor(el, selector)) as SupportElement;
  await step.updateComplete;
  expect(step.theme, `${selector} theme`).to.equal('dark');
  expect(step.getAttribute('theme'), `${selector} theme attribute`).to.equal('dark');
  expect(look(step), `${selector} look`).to.deep.equal(DARK);
  expect(step.backend, `${selector} backend`).to.equal(backend);
  return step;
}

async function back(el: SupportContact): Promise<void> {
  $(el, '[data-action="back"]').click();
  await until(() => el.shadowRoot?.querySelector('.areas'), 'back home');
}

describe('<support-contact> context', () => {
  afterEach(() => localStorage.clear());

  it('a dark <support-contact> renders every nested step dark, and its backend serves them all', async () => {
    const backend = createMemoryBackend();
    const el = await darkPage(backend);
    expect(look(el)).to.deep.equal(DARK);

    // Sign-in: signing in there signs in with the page's backend.
    $(area(el, 'esign'), '[data-start="continue"]').click();
    await expectStep(el, backend, 'support-sign-in');
    await signIn(el, 'alex@example.com', DEMO_PASSWORD);

    // The case form, for the session signed in above.
    const form = await expectStep(el, backend, 'ticket-form');
    expect((await backend.getSession())?.user.email).to.equal('alex@example.com');
    expect(form.session?.user.email).to.equal('alex@example.com');

    // The list of cases.
    await back(el);
    $(el, '#profile-button').click();
    await until(() => !$(el, '#profile-menu').hidden);
    $(el, '#profile-menu [data-action="manage-tickets"]').click();
    const list = await expectStep(el, backend, 'my-tickets');
    expect(list.session?.user.email).to.equal('alex@example.com');
    await until(() => list.shadowRoot?.querySelector('.row__open[data-number]'), 'the cases listed');

    // Sign-in help: what is sent reaches the page's backend.
    await back(el);
    $(el, '[part="more-options"] [data-help-form]').click();
    const help = await expectStep(el, backend, 'support-sign-in-help');
    for (const [field, value] of Object.entries({ name: 'Kim Lee', email: 'kim@example.com', areaId: 'esign', description: 'Refused.' })) {
      const control = $<HTMLInputElement | HTMLSelectElement>(help, `#${field}`);
      control.value = value;
      control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input'));
    }
    $(help, 'button[type="submit"]').click();
    await until(() => help.shadowRoot?.querySelector('[part="confirmation"]'), 'sent');
    expect(backend.signInHelpRequests).to.have.length(1);
  });

  it('a step\'s own theme still wins', async () => {
    const el = await darkPage(createMemoryBackend());
    $(el, '[part="more-options"] [data-help-form]').click();
    const help = (await waitFor(el, 'support-sign-in-help')) as SupportElement;
    help.theme = 'light';
    await help.updateComplete;
    expect(look(help).background).to.equal('rgb(255, 255, 255)');
    expect(look(el)).to.deep.equal(DARK);
  });
});
