import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMemoryBackend } from '../../../src/adapters/memory-adapter.js';
import { seedConfig } from '../../../src/core/config.js';
import '../../../src/define/support-launcher.js';
import type { SupportLauncher } from '../../../src/define/support-launcher.js';
import type { SupportContact } from '../../../src/define/support-contact.js';
import { $, deepActive, until } from '../../support/dom.js';

interface Page {
  readonly launcher: SupportLauncher;
  readonly outside: HTMLButtonElement;
}

async function page(locale = 'en'): Promise<Page> {
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <button type="button" id="outside">Elsewhere on the page</button>
    <support-launcher locale=${locale} .backend=${createMemoryBackend({ signedInAs: 'alex@example.com' })} .config=${seedConfig}></support-launcher>
  </div>`);
  const launcher = wrapper.querySelector<SupportLauncher>('support-launcher');
  const outside = wrapper.querySelector<HTMLButtonElement>('#outside');
  if (!launcher || !outside) throw new Error('fixture');
  await launcher.localeReady;
  await launcher.updateComplete;
  return { launcher, outside };
}

const dialog = (el: SupportLauncher): HTMLDialogElement => $<HTMLDialogElement>(el, 'dialog');
const launcherButton = (el: SupportLauncher): HTMLButtonElement => $<HTMLButtonElement>(el, '[part~="launcher-button"]');

async function contactIn(el: SupportLauncher): Promise<SupportContact> {
  await until(() => el.shadowRoot?.querySelector('support-contact')?.shadowRoot?.querySelector('.page[aria-busy="false"]'), 'no page in the dialog');
  return $<SupportContact>(el, 'support-contact');
}

describe('<support-launcher>', () => {
  afterEach(() => localStorage.clear());

  it('a button opens Contact Support in a modal dialog named like it; focus moves into the dialog', async () => {
    const { launcher } = await page();
    const button = launcherButton(launcher);
    expect(button.textContent?.trim()).to.equal('Contact Support');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(launcher.shadowRoot?.querySelector('support-contact') === null).to.equal(true);
    await expect(launcher).to.be.accessible();

    button.focus();
    await sendKeys({ press: 'Enter' });
    await contactIn(launcher);
    expect(dialog(launcher).open).to.equal(true);
    expect(dialog(launcher).matches(':modal')).to.equal(true);
    expect(dialog(launcher).getAttribute('aria-label')).to.equal('Contact Support');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(dialog(launcher).contains(deepActive()) || launcher.shadowRoot?.activeElement?.closest('dialog') === dialog(launcher)).to.equal(true);
    await expect(launcher).to.be.accessible();
  });

  it('keeps focus inside while open (Tab never reaches the page), Escape closes and focus returns to the button', async () => {
    const { launcher, outside } = await page();
    launcherButton(launcher).click();
    await contactIn(launcher);
    const focused: Element[] = [];
    for (let i = 0; i < 12; i++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActive();
      if (active) focused.push(active);
    }
    // Booleans, not elements: a failing comparison of elements makes chai inspect whole DOM trees.
    expect(focused.includes(outside)).to.equal(false);
    expect(focused.includes(launcherButton(launcher))).to.equal(false);
    expect(focused.length).to.be.greaterThan(0);
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog(launcher).open, 'Escape did not close the dialog');
    // The dialog's close event comes a task later; focus follows it.
    await until(() => deepActive() === launcherButton(launcher), 'focus did not return to the button');
    expect(launcherButton(launcher).getAttribute('aria-expanded')).to.equal('false');
  });

  it('remembers the last view: closed on the case form, it reopens on the case form', async () => {
    const { launcher } = await page('de');
    launcherButton(launcher).click();
    const contact = await contactIn(launcher);
    $(contact, '.area[data-area="esign"] [data-start="create_ticket"]').click();
    await until(() => contact.shadowRoot?.querySelector('ticket-form'), 'no form');
    $<HTMLButtonElement>(launcher, '[part~="close-button"]').click();
    await until(() => !dialog(launcher).open);
    await until(() => deepActive() === launcherButton(launcher), 'focus did not return to the button');
    launcherButton(launcher).click();
    await until(() => dialog(launcher).open);
    expect(contact.isConnected).to.equal(true);
    expect(contact.shadowRoot?.querySelector('ticket-form') !== null).to.equal(true);
  });

  it('speaks the page\'s language: French button and Close', async () => {
    const { launcher } = await page('fr');
    expect(launcherButton(launcher).textContent?.trim()).to.equal('Contacter l’assistance');
    expect($(launcher, '[part~="close-button"]').textContent?.trim()).to.equal('Fermer');
  });

  it('is themeable: its parts and the page\'s parts through it', async () => {
    const style = document.createElement('style');
    style.textContent = `
      support-launcher::part(launcher-button) { background-color: rgb(9, 8, 7); }
      support-launcher::part(start-button) { outline: 4px solid rgb(6, 5, 4); }
    `;
    document.head.append(style);
    try {
      const { launcher } = await page('de');
      expect(getComputedStyle(launcherButton(launcher)).backgroundColor).to.equal('rgb(9, 8, 7)');
      launcherButton(launcher).click();
      const contact = await contactIn(launcher);
      expect(getComputedStyle($(contact, '[part~="start-button"]')).outlineColor).to.equal('rgb(6, 5, 4)');
    } finally {
      style.remove();
    }
  });
});
