import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMemoryBackend, DEMO_PASSWORD, type MemoryBackend } from '../../../src/adapters/memory-adapter.js';
import { SupportError } from '../../../src/core/errors.js';
import { FollowUpRequestedEvent, ManageTicketsRequestEvent } from '../../../src/events/events.js';
import { $, area, contact, deepActive, has, signIn, text, nextEvent, waitFor, until } from './helpers.js';

describe('<support-contact> accounts and profile menu', () => {
  afterEach(() => localStorage.clear());

  it('Flow 1: with several accounts, a popup asks for the account right after sign-in, before anything else', async () => {
    const backend = createMemoryBackend();
    const el = await contact('en', { backend });
    $(area(el, 'esign'), '[data-start="continue"]').click();
    await signIn(el, 'sam@example.com', DEMO_PASSWORD);
    const dialog = await waitFor(el, '#account-dialog');
    await until(() => (dialog as HTMLDialogElement).open, 'the dialog opens');
    expect(has(el, 'ticket-form')).to.equal(false);
    expect((deepActive() as HTMLElement | null)?.dataset['account']).to.equal('acc-northwind');
    expect(text($(dialog, '[data-account="acc-contoso"]'))).to.contain('Contoso');
    await expect(el).to.be.accessible();
  });

  it('Flow 1: Escape closes the account popup, focus returns, no form; choosing an account opens the form', async () => {
    const backend = createMemoryBackend({ signedInAs: 'sam@example.com' });
    const el = await contact('en', { backend });
    $(area(el, 'esign'), '[data-start="continue"]').click();
    const dialog = await waitFor(el, '#account-dialog');
    await until(() => (dialog as HTMLDialogElement).open && deepActive()?.closest('dialog') === dialog, 'the dialog opens');

    // Escape closes it without a choice: focus returns to the button that reopens it; no form.
    await sendKeys({ press: 'Escape' });
    await until(() => !(dialog as HTMLDialogElement).open && deepActive()?.id === 'account-trigger');
    expect(has(el, 'ticket-form')).to.equal(false);

    $(el, '#account-trigger').click();
    await until(() => (dialog as HTMLDialogElement).open);
    const changed = nextEvent(el, 'session-changed');
    $(dialog, '[data-account="acc-contoso"]').click();
    expect((await changed).session?.activeAccountId).to.equal('acc-contoso');
    const form = await waitFor(el, 'ticket-form');
    expect(form.getAttribute('area')).to.equal('esign');
    expect((await backend.getSession())?.activeAccountId).to.equal('acc-contoso');
    expect(has(el, '#account-dialog')).to.equal(false);
  });

  it('Flow 1: one account goes straight to the form', async () => {
    const el = await contact('en', { backend: createMemoryBackend({ signedInAs: 'alex@example.com' }) });
    $(area(el, 'esign'), '[data-start="continue"]').click();
    await waitFor(el, 'ticket-form');
    expect(has(el, '#account-dialog')).to.equal(false);
  });

  it('Flow 2: the profile menu switches account with "My accounts"', async () => {
    const backend = createMemoryBackend({ signedInAs: 'sam@example.com' });
    const el = await contact('fr', { backend });
    const button = $(el, '#profile-button');
    expect(text(button)).to.contain('Sam Rivera');
    expect(text($(button, '.avatar'))).to.equal('SR');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !$(el, '#profile-menu').hidden);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(button.getAttribute('aria-controls')).to.equal('profile-menu');
    expect(el.profileMenu.positioning).to.equal(true);
    await expect(el).to.be.accessible();

    const select = $<HTMLSelectElement>(el, '#account-select');
    // The seed's French words.
    expect(text($(el, 'label[for="account-select"]'))).to.equal('Mes comptes');
    expect(select.value).to.equal('acc-northwind');
    const changed = nextEvent(el, 'session-changed');
    select.value = 'acc-contoso';
    select.dispatchEvent(new Event('change'));
    expect((await changed).session?.activeAccountId).to.equal('acc-contoso');
    expect((await backend.getSession())?.activeAccountId).to.equal('acc-contoso');
    await until(() => text($(el, '[role="status"]')).includes('Contoso'));

    select.focus();
    await sendKeys({ press: 'Escape' });
    await until(() => $(el, '#profile-menu').hidden);
    expect(deepActive()).to.equal(button);
    expect(el.profileMenu.positioning).to.equal(false);
  });

  it('Flow 2: Create ticket goes to the form with no account popup', async () => {
    const el = await contact('ja', { backend: createMemoryBackend({ signedInAs: 'sam@example.com' }) });
    $(area(el, 'esign'), '[data-start="create_ticket"]').click();
    await waitFor(el, 'ticket-form');
    expect(has(el, '#account-dialog')).to.equal(false);
  });

  it('offers no account switch in the menu where the language picks the account in a popup (en)', async () => {
    const el = await contact('en', { backend: createMemoryBackend({ signedInAs: 'sam@example.com' }) });
    $(el, '#profile-button').click();
    await until(() => !$(el, '#profile-menu').hidden);
    expect(has(el, '#account-select')).to.equal(false);
    expect(has(el, '#profile-menu [data-action="manage-tickets"]')).to.equal(true);
  });

  it('Flow 3: Sign in at the top as pat, then profile, Manage my tickets, New ticket opens the Seal form', async () => {
    const el = await contact('en');
    $(el, '[data-start="sign_in_top_right"]').click();
    const form = await waitFor(el, 'support-sign-in');
    expect(form.getAttribute('realm')).to.equal('support_center');
    await signIn(el, 'pat@example.com', DEMO_PASSWORD);
    await until(() => has(el, '#profile-button') && deepActive()?.tagName === 'H1');
    expect(text($(el, '[role="status"]'))).to.contain('Pat Lee');

    $(el, '#profile-button').click();
    await until(() => !$(el, '#profile-menu').hidden);
    const requested = nextEvent(el, 'manage-tickets-request');
    $(el, '#profile-menu [data-action="manage-tickets"]').click();
    await requested;
    await waitFor(el, 'my-tickets');
    expect($(el, '#profile-menu').hidden).to.equal(true);
    const newTicket = $(el, '.actions [data-action="new-ticket"]');
    expect(text(newTicket)).to.equal('New ticket');
    newTicket.click();
    const ticketForm = await waitFor(el, 'ticket-form');
    expect(ticketForm.getAttribute('area')).to.equal('seal');
  });

  it('Flow 3 in fr: the profile menu has "New ticket" for Seal', async () => {
    const el = await contact('fr', { backend: createMemoryBackend({ signedInAs: 'pat@example.com' }) });
    $(el, '#profile-button').click();
    await until(() => !$(el, '#profile-menu').hidden);
    $(el, '#profile-menu [data-action="new-ticket"]').click();
    const ticketForm = await waitFor(el, 'ticket-form');
    expect(ticketForm.getAttribute('area')).to.equal('seal');
  });

  it('lets the host take over "Manage my tickets"', async () => {
    const el = await contact('en', { backend: createMemoryBackend({ signedInAs: 'alex@example.com' }) });
    el.addEventListener('manage-tickets-request', (e) => e.preventDefault());
    $(el, '#profile-button').click();
    await until(() => !$(el, '#profile-menu').hidden);
    $(el, '#profile-menu [data-action="manage-tickets"]').click();
    await el.updateComplete;
    expect(has(el, 'my-tickets')).to.equal(false);
  });

  it('signs out from the profile menu', async () => {
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com' });
    const el = await contact('en', { backend });
    $(el, '#profile-button').click();
    await until(() => !$(el, '#profile-menu').hidden);
    const changed = nextEvent(el, 'session-changed');
    $(el, '#profile-menu [data-action="sign-out"]').click();
    expect((await changed).session).to.equal(null);
    await until(() => has(el, '[data-start="sign_in_top_right"]'));
    expect(has(el, '#profile-button')).to.equal(false);
    expect(await backend.getSession()).to.equal(null);
  });

  it('keyboard only: opens a case in Flow 1 from the top of the page to the form', async () => {
    const backend = createMemoryBackend();
    const el = await contact('en', { backend });
    $(el, '[data-start="open_case_top"]').focus();
    await sendKeys({ press: 'Enter' });
    expect(deepActive()?.id).to.equal('areas-heading');
    await sendKeys({ press: 'Tab' });
    expect((deepActive() as HTMLElement | null)?.dataset['start']).to.equal('continue');
    expect(deepActive()?.closest('.area')?.getAttribute('data-area')).to.equal('esign');
    await sendKeys({ press: 'Enter' });
    await until(() => text(deepActive()) === 'Sign in' && deepActive()?.tagName === 'H2', 'focus on the sign-in heading');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.id).to.equal('email');
    await sendKeys({ type: 'sam@example.com' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.id).to.equal('password');
    await sendKeys({ type: DEMO_PASSWORD });
    await sendKeys({ press: 'Enter' });
    await until(() => (deepActive() as HTMLElement | null)?.dataset['account'] === 'acc-northwind', 'focus in the account popup');
    await sendKeys({ press: 'Tab' });
    expect((deepActive() as HTMLElement | null)?.dataset['account']).to.equal('acc-contoso');
    await sendKeys({ press: 'Enter' });
    const form = await waitFor(el, 'ticket-form');
    expect(form.getAttribute('area')).to.equal('esign');
    await until(() => deepActive()?.tagName === 'H2' && form.shadowRoot?.contains(deepActive()), 'focus on the form heading');
    expect((await backend.getSession())?.activeAccountId).to.equal('acc-contoso');
  });

  it('composes its steps: a follow-up from <my-tickets> opens <ticket-form follow-up-of>, and back', async () => {
    const el = await contact('en', { backend: createMemoryBackend({ signedInAs: 'alex@example.com' }) });
    $(el, '#profile-button').click();
    await until(() => !$(el, '#profile-menu').hidden);
    $(el, '#profile-menu [data-action="manage-tickets"]').click();
    const list = await waitFor(el, 'my-tickets');
    const forwarded = nextEvent(el, 'follow-up-requested');
    const request = new FollowUpRequestedEvent('10000005', 'esign');
    list.dispatchEvent(request);
    expect(request.defaultPrevented).to.equal(true);
    expect((await forwarded).ticketNumber).to.equal('10000005');
    const form = await waitFor(el, 'ticket-form');
    expect(form.getAttribute('follow-up-of')).to.equal('10000005');
    expect(form.getAttribute('area')).to.equal('esign');

    // "View my tickets" from the form's confirmation comes back to <my-tickets>.
    form.dispatchEvent(new ManageTicketsRequestEvent());
    await waitFor(el, 'my-tickets');
    $(el, '[data-action="back"]').click();
    await until(() => deepActive()?.tagName === 'H1');
    expect(has(el, '.areas')).to.equal(true);
  });

  it('Flow 1: while an account is being chosen its button keeps focus (aria-disabled); a failure says so in the dialog', async () => {
    const backend = createMemoryBackend({ signedInAs: 'sam@example.com' });
    let calls = 0;
    let settle: (fail: boolean) => void = () => {};
    const slow: MemoryBackend = {
      ...backend,
      selectAccount: async (accountId, options) => {
        calls += 1;
        const fail = await new Promise<boolean>((resolve) => (settle = resolve));
        if (fail) throw new SupportError('network', 'down');
        return backend.selectAccount(accountId, options);
      },
    };
    const el = await contact('en', { backend: slow });
    $(area(el, 'esign'), '[data-start="continue"]').click();
    const dialog = await waitFor(el, '#account-dialog');
    await until(() => (dialog as HTMLDialogElement).open, 'the dialog opens');
    const choice = $(dialog, '[data-account="acc-contoso"]');
    choice.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => choice.getAttribute('aria-disabled') === 'true');
    expect(choice.hasAttribute('disabled')).to.equal(false);
    expect(deepActive()).to.equal(choice);
    expect(dialog.getAttribute('aria-busy')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    expect(calls).to.equal(1);

    settle(true);
    await until(() => dialog.querySelector('[role="alert"]'), 'the failure shows');
    expect(text(dialog.querySelector('[role="alert"]'))).to.not.equal('');
    expect(choice.getAttribute('aria-disabled')).to.equal('false');
    expect(has(el, 'ticket-form')).to.equal(false);

    // Trying again forgets the failure; this time it works.
    choice.click();
    await until(() => !dialog.querySelector('[role="alert"]'), 'the failure is forgotten');
    settle(false);
    const form = await waitFor(el, 'ticket-form');
    expect(form.getAttribute('area')).to.equal('esign');
  });
});
