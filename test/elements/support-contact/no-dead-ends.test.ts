// No dead ends for a customer signed in with product credentials (issue 14): "New ticket"
// above My tickets leads into the product area's own flow with the current session (or asks
// which area first, one named button each); a sign-in says which products it is for and
// offers the can't-sign-in help; the top-right "Sign in" (support-center accounts) offers the
// product sign-in to a product user.
import { expect } from '@open-wc/testing';
import { createMemoryBackend, DEMO_PASSWORD } from '../../../src/adapters/memory-adapter.js';
import { $, $$, contact, has, signIn, text, until, waitFor } from './helpers.js';

async function myTickets(locale: string) {
  const el = await contact(locale, { backend: createMemoryBackend({ signedInAs: 'alex@example.com' }) });
  $(el, '#profile-button').click();
  await until(() => !$(el, '#profile-menu').hidden);
  $(el, '#profile-menu [data-action="manage-tickets"]').click();
  await waitFor(el, 'my-tickets');
  return el;
}

describe('no dead ends for a product user', () => {
  afterEach(() => localStorage.clear());

  it('en: "New ticket" asks which area; the product area opens its form with the current session', async () => {
    const el = await myTickets('en');
    const buttons = $$(el, '.actions [data-action="new-ticket"]');
    expect(buttons.map(text)).to.deep.equal(['New ticket for eSignature, Rooms & CLM', 'New ticket for Protect & Sign, CLM.CM & Insight & Analyzer (Seal)']);
    await expect(el).to.be.accessible();
    buttons[0]?.click();
    // Flow 1 with one account: straight to its form, no sign-in.
    const form = await waitFor(el, 'ticket-form');
    expect(form.getAttribute('area')).to.equal('esign');
    expect(has(el, 'support-sign-in')).to.equal(false);
    await until(() => form.shadowRoot?.querySelector('#subject'), 'the subject step of Flow 1');
    expect(form.shadowRoot?.querySelector('support-sign-in')).to.equal(null);
  });

  it('de: a product user gets "New ticket" for the product area (there was none), without signing in again', async () => {
    const el = await myTickets('de');
    const buttons = $$(el, '.actions [data-action="new-ticket"]');
    expect(buttons.map(text)).to.deep.equal(['Neues Ticket']);
    buttons[0]?.click();
    const form = await waitFor(el, 'ticket-form');
    expect(form.getAttribute('area')).to.equal('esign');
    expect(has(el, 'support-sign-in')).to.equal(false);
  });

  it('en: the other area asks for its own sign-in, says which products it is for, offers the help, then opens the form', async () => {
    const el = await myTickets('en');
    $$(el, '.actions [data-action="new-ticket"]')[1]?.click();
    const signInForm = await waitFor(el, 'support-sign-in');
    expect(signInForm.getAttribute('realm')).to.equal('support_center');
    await until(() => signInForm.shadowRoot?.querySelector('[data-products]'), 'the products line');
    expect(text(signInForm.shadowRoot?.querySelector('[data-products]'))).to.equal('This sign-in is for Protect & Sign, CLM.CM, and Insight & Analyzer.');
    expect(signInForm.querySelectorAll('[slot="help"] a, [slot="help"] button').length, 'the can’t-sign-in help').to.be.greaterThan(0);
    await expect(el).to.be.accessible();
    await signIn(el, 'pat@example.com', DEMO_PASSWORD);
    const form = await waitFor(el, 'ticket-form');
    expect(form.getAttribute('area')).to.equal('seal');
  });

  it('en: the top-right "Sign in" says it is for support-center products and routes a product user to the product sign-in', async () => {
    const el = await contact('en');
    $(el, '[data-start="sign_in_top_right"]').click();
    const signInForm = await waitFor(el, 'support-sign-in');
    expect(signInForm.getAttribute('realm')).to.equal('support_center');
    await until(() => signInForm.shadowRoot?.querySelector('[data-products]'), 'the products line');
    expect(text(signInForm.shadowRoot?.querySelector('[data-products]'))).to.contain('Protect & Sign');
    const other = $(el, '[data-realm="product"]');
    expect(text(other)).to.equal('Account for eSignature, Rooms, or CLM? Sign in with it here');
    await expect(el).to.be.accessible();
    other.click();
    await until(() => $(el, 'support-sign-in').getAttribute('realm') === 'product', 'the product sign-in');
    await signIn(el, 'alex@example.com', DEMO_PASSWORD);
    await until(() => has(el, '#profile-button'), 'signed in as a product user');
    expect(text($(el, '[role="status"]'))).to.contain('Alex');
  });
});
