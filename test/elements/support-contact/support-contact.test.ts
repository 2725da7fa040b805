import { expect } from '@open-wc/testing';
import { createMemoryBackend, DEMO_PASSWORD } from '../../../src/adapters/memory-adapter.js';
import type { Session } from '../../../src/adapters/backend.js';
import { $, $$, area, contact, deepActive, has, signIn, text, nextEvent, waitFor, until } from './helpers.js';

describe('<support-contact> home, per language', () => {
  afterEach(() => localStorage.clear());

  it('en: "Open a support case" at the top, Continue under each area, Sign in at the top end', async () => {
    const el = await contact('en');
    expect(text($(el, 'h1'))).to.equal('Contact Support');
    const top = $(el, '[data-start="open_case_top"]');
    expect(text(top)).to.equal('Open a support case');
    expect(text($(area(el, 'esign'), '[data-start="continue"]'))).to.equal('Continue');
    expect(has(area(el, 'esign'), '[data-start="create_ticket"]')).to.equal(false);
    expect(text($(area(el, 'seal'), '[data-start="continue"]'))).to.equal('Continue');
    const signInTop = $(el, 'header [data-start="sign_in_top_right"]');
    expect(text(signInTop)).to.equal('Sign in');
    // Insight & Analyzer is offered in English: not marked.
    expect(has(area(el, 'seal'), '[data-product="insight"] [data-not-offered]')).to.equal(false);
    // "Open a support case" leads to the product areas.
    top.click();
    expect(deepActive()?.id).to.equal('areas-heading');
    await expect(el).to.be.accessible();
  });

  it('fr: "Create ticket" in the eSignature box; Sign in + Continue for Seal; Insight & Analyzer marked', async () => {
    const el = await contact('fr');
    expect(has(el, '[data-start="open_case_top"]')).to.equal(false);
    expect(has(area(el, 'esign'), '[data-start="create_ticket"]')).to.equal(true);
    expect(has(area(el, 'esign'), '[data-start="continue"]')).to.equal(false);
    expect(has(area(el, 'seal'), '[data-start="continue"]')).to.equal(true);
    expect(has(el, 'header [data-start="sign_in_top_right"]')).to.equal(true);
    const insight = $(area(el, 'seal'), '[data-product="insight"]');
    expect(has(insight, '[data-not-offered]')).to.equal(true);
    expect($$(insight, '[data-locale]').map((b) => b.dataset['locale'])).to.deep.equal(['en']);
    expect(text($(insight, '[data-locale="en"]'))).to.contain('anglais');
    expect(has(area(el, 'seal'), '[data-product="protect_sign"] [data-not-offered]')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  for (const locale of ['de', 'pt-BR', 'ja']) {
    it(`${locale}: "Create ticket" for eSignature; Seal not offered, with buttons to English and French`, async () => {
      const el = await contact(locale);
      expect(has(el, '[data-start="open_case_top"]')).to.equal(false);
      expect(has(el, '[data-start="sign_in_top_right"]')).to.equal(false);
      expect(has(area(el, 'esign'), '[data-start="create_ticket"]')).to.equal(true);
      const seal = area(el, 'seal');
      expect(seal.dataset['offered']).to.equal('false');
      expect(has(seal, '[data-start]')).to.equal(false);
      const buttons = $$(seal, '.not-offered [data-locale]');
      expect(buttons.map((b) => b.dataset['locale'])).to.deep.equal(['en', 'fr']);
      // Each language named in the page's language (test/localization/words.test.ts has the words).
      expect(text(buttons[0])).not.to.contain('English');
      expect(text(buttons[1])).not.to.contain('français');
      await expect(el).to.be.accessible();
    });
  }

  it('switches language when "Continue in English" is chosen; the request event comes first', async () => {
    const el = await contact('de');
    const requested = nextEvent(el, 'locale-change-request');
    $(area(el, 'seal'), '[data-locale="en"]').click();
    const event = await requested;
    expect(event.locale).to.equal('en');
    await until(() => el.locale === 'en' && has(area(el, 'seal'), '[data-start="continue"]'));
    expect(has(el, '[data-start="open_case_top"]')).to.equal(true);
    await until(() => deepActive()?.id === 'area-seal');
  });

  it('lets the host veto the language switch', async () => {
    const el = await contact('ja');
    el.addEventListener('locale-change-request', (e) => e.preventDefault());
    $(area(el, 'seal'), '[data-locale="fr"]').click();
    await el.updateComplete;
    expect(el.locale).to.equal('ja');
    expect(area(el, 'seal').dataset['offered']).to.equal('false');
  });

  it('lists the sign-in help forms under "More support options": one per area in en, one elsewhere', async () => {
    const en = await contact('en');
    expect(text($(en, '#more-heading'))).to.equal('More support options');
    expect($$(en, '[part="more-options"] [data-help-form]').map((b) => b.dataset['area'])).to.deep.equal(['esign', 'seal']);
    for (const locale of ['fr', 'de', 'pt-BR', 'ja']) {
      const el = await contact(locale);
      expect($$(el, '[part="more-options"] [data-help-form]')).to.have.length(1);
    }
  });

  it('works at 320 px wide', async () => {
    const el = await contact('en');
    el.style.inlineSize = '320px';
    el.style.display = 'block';
    await el.updateComplete;
    const page = $(el, '.page');
    expect(page.scrollWidth).to.be.at.most(320);
  });
});

describe('<support-contact> sign-in', () => {
  afterEach(() => localStorage.clear());

  it('asks for product credentials for eSignature; a wrong password gets an error; the right one proceeds', async () => {
    const backend = createMemoryBackend();
    const el = await contact('en', { backend });
    $(area(el, 'esign'), '[data-start="continue"]').click();
    const form = await waitFor(el, 'support-sign-in');
    expect(form.getAttribute('realm')).to.equal('product');
    await until(() => text(deepActive()) === 'Sign in', 'focus on the sign-in heading');
    await expect(el).to.be.accessible();

    await signIn(el, 'alex@example.com', 'wrong password');
    await until(() => form.shadowRoot?.querySelector('.notice--error'));
    expect(text($(form, '.notice--error'))).to.contain('not right');
    await expect(el).to.be.accessible();

    const changed = nextEvent(el, 'session-changed');
    await signIn(el, 'alex@example.com', DEMO_PASSWORD);
    expect((await changed).session?.user.email).to.equal('alex@example.com');
    const ticketForm = await waitFor(el, 'ticket-form');
    expect(ticketForm.getAttribute('area')).to.equal('esign');
    expect(has(el, 'support-sign-in')).to.equal(false);
    expect(JSON.stringify({ ...localStorage })).not.to.contain(DEMO_PASSWORD);
  });

  it('asks for support-center credentials for Seal, then goes to Manage my tickets (Flow 3)', async () => {
    const el = await contact('fr');
    $(area(el, 'seal'), '[data-start="continue"]').click();
    const form = await waitFor(el, 'support-sign-in');
    expect(form.getAttribute('realm')).to.equal('support_center');
    await signIn(el, 'pat@example.com', DEMO_PASSWORD);
    await waitFor(el, 'my-tickets');
    expect(has(el, '[data-action="new-ticket"]')).to.equal(true);
  });

  it('shows no sign-in when the host gives a session', async () => {
    const session: Session = {
      user: { name: 'Alex Martin', email: 'alex@example.com' },
      realm: 'product',
      accounts: [{ id: 'acc-alex', name: 'Alex Example Inc.', plan: 'paid' }],
      activeAccountId: 'acc-alex',
    };
    const el = await contact('fr', { backend: createMemoryBackend({ signedInAs: 'alex@example.com' }), session });
    expect(has(el, '[data-start="sign_in_top_right"]')).to.equal(false);
    expect(text($(el, '#profile-button .avatar'))).to.equal('AM');
    expect(text($(el, '#profile-button .visually-hidden'))).to.contain('Alex Martin');
    $(area(el, 'esign'), '[data-start="create_ticket"]').click();
    await waitFor(el, 'ticket-form');
    expect(has(el, 'support-sign-in')).to.equal(false);
  });

  it('shows no sign-in when the backend reports a session', async () => {
    const el = await contact('de', { backend: createMemoryBackend({ signedInAs: 'alex@example.com' }) });
    expect(has(el, '#profile-button')).to.equal(true);
    $(area(el, 'esign'), '[data-start="create_ticket"]').click();
    const form = await waitFor(el, 'ticket-form');
    expect(form.getAttribute('area')).to.equal('esign');
    expect(has(el, 'support-sign-in')).to.equal(false);
    $(el, '[data-action="back"]').click();
    await until(() => deepActive()?.tagName === 'H1');
  });

  it('asks for support-center credentials when the session holds product ones (Seal needs its own)', async () => {
    const el = await contact('en', { backend: createMemoryBackend({ signedInAs: 'alex@example.com' }) });
    $(area(el, 'seal'), '[data-start="continue"]').click();
    const form = await waitFor(el, 'support-sign-in');
    expect(form.getAttribute('realm')).to.equal('support_center');
    await signIn(el, 'pat@example.com', DEMO_PASSWORD);
    await waitFor(el, 'my-tickets');
  });

  it('never starts a flow the language lacks', async () => {
    const el = await contact('de', { backend: createMemoryBackend({ signedInAs: 'pat@example.com' }) });
    // The profile menu offers no "New ticket" for Seal in German.
    expect(has(el, '#profile-menu [data-action="new-ticket"]')).to.equal(false);
    expect(has(area(el, 'seal'), 'button[data-start]')).to.equal(false);
  });
});
