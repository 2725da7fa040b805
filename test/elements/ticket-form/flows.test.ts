import { expect, waitUntil } from '@open-wc/testing';
import { createMemoryBackend, DEMO_PASSWORD, type MemoryBackend } from '../../../src/adapters/memory-adapter.js';
import type { TicketCreatedEvent } from '../../../src/events/events.js';
import {
  all,
  button,
  check,
  choose,
  fill,
  find,
  focusedIsHeading,
  form,
  draftKey,
  get,
  headingText,
  memoryFor,
  root,
  stepShown,
  text,
  type TicketForm,
  nextEvent,
} from './helpers.js';

async function fillDetails(el: TicketForm, product: string, contact: 'email' | 'portal'): Promise<void> {
  choose(el, '#productId', product);
  fill(el, '#description', 'The void button does nothing on a sent envelope.');
  check(el, contact === 'email' ? '#contactMethod' : '#contactMethod-portal');
  await el.updateComplete;
}

async function submitAndConfirm(el: TicketForm): Promise<TicketCreatedEvent> {
  const created = nextEvent(el, 'ticket-created');
  get<HTMLButtonElement>(el, 'button[part=submit-button]').click();
  const event = await created;
  await waitUntil(() => find(el, '.confirmation'), 'no confirmation');
  await el.updateComplete;
  return event;
}

/** Chooses a category and subcategory (Flows 2 and 3) and continues to the form. */
async function classify(el: TicketForm, category: string, subcategory: string): Promise<void> {
  await waitUntil(() => find(el, '#categoryId'), 'no category select');
  choose(el, '#categoryId', category);
  await el.updateComplete;
  choose(el, '#subcategoryId', subcategory);
  await el.updateComplete;
  get<HTMLButtonElement>(el, 'form button[type=submit]').click();
  await waitUntil(() => find(el, '#description'), 'no case form');
  await el.updateComplete;
  expect(focusedIsHeading(el)).to.equal(true);
}

async function signInWith(el: TicketForm, email: string): Promise<void> {
  const signIn = await waitUntil(() => find(el, 'support-sign-in'), 'no sign-in').then(() => get(el, 'support-sign-in'));
  await (signIn as unknown as { updateComplete: Promise<boolean> }).updateComplete;
  fill(signIn, '#email', email);
  fill(signIn, '#password', DEMO_PASSWORD);
  const changed = nextEvent(el, 'session-changed');
  get<HTMLButtonElement>(signIn, 'button[type=submit]').click();
  await changed;
  await el.updateComplete;
}

describe('<ticket-form> flows', () => {
  afterEach(() => localStorage.clear());

  it('EN Flow 1: subject, quick answers, details, submit, confirmation with the case number', async () => {
    const backend = memoryFor('flows@example.com');
    const el = await form({ backend, area: 'esign' });
    await stepShown(el, 'What is your case about?');
    await expect(el).to.be.accessible();

    fill(el, '#subject', 'envelope void');
    await waitUntil(() => all(el, '.suggestions a').length > 0, 'no suggestions');
    const titles = all(el, '.suggestions a').map((a) => a.textContent?.trim());
    expect(titles).to.include('Void or correct a sent envelope');
    expect(get(el, '.quick-answers [role=status]').textContent).to.contain('1 article may answer your question');
    expect(text(el)).to.contain('Need quick answers?');
    await expect(el).to.be.accessible();

    button(el, 'Add case details').click();
    await stepShown(el, 'Add case details');
    expect(focusedIsHeading(el)).to.equal(true);
    expect(get<HTMLInputElement>(el, '#subject').value).to.equal('envelope void');
    expect(get<HTMLInputElement>(el, '#subject').required).to.equal(true);
    expect(get(el, 'label[for=subject]').textContent).to.contain('*');
    expect(find(el, 'button[part=add-attachment]')?.textContent).to.contain('Add attachment');
    expect(get(el, 'button[part=submit-button]').textContent?.trim()).to.equal('Submit ticket');
    await fillDetails(el, 'esignature', 'email');
    await expect(el).to.be.accessible();

    const event = await submitAndConfirm(el);
    expect(event.ticket.subject).to.equal('envelope void');
    expect(focusedIsHeading(el)).to.equal(true);
    expect(headingText(el)).to.contain(event.ticket.number);
    expect(get(el, '.case-number').textContent?.trim()).to.equal(event.ticket.number);
    expect(get(el, '.case-status').textContent?.trim()).to.equal('Open');
    expect(text(el)).to.contain('a support expert is looking at it');
    expect(text(el)).to.contain('email with a link to your case');
    expect(text(el)).to.contain('reply directly to that email');
    await expect(el).to.be.accessible();
    const page = await backend.listTickets({ search: 'envelope void' });
    expect(page.items.map((t) => t.number)).to.deep.equal([event.ticket.number]);
  });

  it('EN Flow 1: an article that solves the problem ends the flow without a case', async () => {
    const backend = memoryFor('flows@example.com');
    const el = await form({ backend, area: 'esign' });
    await stepShown(el, 'What is your case about?');
    fill(el, '#subject', 'reset password');
    await waitUntil(() => all(el, '.suggestions a').length > 0, 'no suggestions');
    const link = get<HTMLAnchorElement>(el, '.suggestions a');
    link.addEventListener('click', (e) => e.preventDefault());
    const opened = nextEvent(el, 'article-opened');
    link.click();
    expect((await opened).article.title).to.equal('Reset your password');
    await el.updateComplete;
    await expect(el).to.be.accessible();
    button(el, 'This solved my problem').click();
    await stepShown(el, 'Glad you found an answer');
    expect(focusedIsHeading(el)).to.equal(true);
    expect(localStorage.getItem(draftKey('flows@example.com', 'esign'))).to.equal(null);
    await expect(el).to.be.accessible();
    const page = await backend.listTickets({ search: 'reset password' });
    expect(page.total).to.equal(0);
  });

  it('shows the confirmation for the online support center preference', async () => {
    const backend = memoryFor('flows@example.com');
    const el = await form({ backend, area: 'esign' });
    await stepShown(el, 'What is your case about?');
    fill(el, '#subject', 'Signer never got the email');
    button(el, 'Add case details').click();
    await stepShown(el, 'Add case details');
    await fillDetails(el, 'rooms', 'portal');
    await submitAndConfirm(el);
    expect(text(el)).to.contain('“no-reply” address, so do not reply to it');
    expect(text(el)).to.contain('sign in to the support center');
    const manage = nextEvent(el, 'manage-tickets-request');
    button(el, 'View my tickets').click();
    expect((await manage).cancelable).to.equal(true);
    button(el, 'Open another case').click();
    await stepShown(el, 'What is your case about?');
    expect(focusedIsHeading(el)).to.equal(true);
    expect(get<HTMLInputElement>(el, '#subject').value).to.equal('');
  });

  for (const [locale, category, subcategory, categoryLabel] of [
    ['fr', 'signing', 'sending', 'Envoi et signature'],
    ['de', 'account', 'billing', 'Konto und Abrechnung'],
    ['pt-BR', 'integrations', 'api', 'Integrações e API'],
    ['ja', 'clm', 'workflows', 'CLM'],
  ] as const) {
    it(`${locale.toUpperCase()} Flow 2: category, subcategory, form, submit`, async () => {
      const backend = memoryFor('flows@example.com');
      const el = await form({ backend, area: 'esign', locale });
      await waitUntil(() => find(el, '#categoryId option[value=account]'), 'no categories');
      expect(find(el, '#subject')).to.equal(null);
      expect(find(el, '.quick-answers')).to.equal(null);
      const labels = all<HTMLOptionElement>(el, '#categoryId option').map((o) => o.textContent?.trim());
      expect(labels).to.include(categoryLabel);
      // Only this area's categories.
      expect(all<HTMLOptionElement>(el, '#categoryId option').map((o) => o.value)).not.to.include('protect_sign');
      await expect(el).to.be.accessible();
      await classify(el, category, subcategory);
      fill(el, '#subject', `Case in ${locale}`);
      await fillDetails(el, 'clm', 'portal');
      await expect(el).to.be.accessible();
      const event = await submitAndConfirm(el);
      expect(event.ticket.categoryId).to.equal(category);
      expect(event.ticket.subcategoryId).to.equal(subcategory);
      expect(get(el, '.confirmation-review').dataset['confirmation']).to.equal('open_reviewed');
      // Two sentences: Japanese writes the second right after the full stop, the others after a space.
      const review = get(el, '.confirmation-review').textContent?.trim() ?? '';
      if (locale === 'ja') expect(review).to.match(/。[^\s]/u).and.not.to.match(/\s/u);
      else expect(review).to.match(/\. \p{Lu}/u);
      expect(get(el, '.case-number').textContent?.trim()).to.equal(event.ticket.number);
      await expect(el).to.be.accessible();
    });
  }

  it('Flow 2: changing the category clears the subcategory and lists the new one’s', async () => {
    const backend = memoryFor('flows@example.com');
    const el = await form({ backend, area: 'esign', locale: 'fr' });
    await waitUntil(() => find(el, '#categoryId option[value=account]'), 'no categories');
    expect(find(el, '#subcategoryId')).to.equal(null);
    choose(el, '#categoryId', 'account');
    await el.updateComplete;
    choose(el, '#subcategoryId', 'plan');
    choose(el, '#categoryId', 'signing');
    await el.updateComplete;
    expect(get<HTMLSelectElement>(el, '#subcategoryId').value).to.equal('');
    const subs = all<HTMLOptionElement>(el, '#subcategoryId option').map((o) => o.value);
    expect(subs).to.deep.equal(['', 'sending', 'signing', 'templates']);
  });

  for (const locale of ['en', 'fr'] as const) {
    it(`${locale.toUpperCase()} Flow 3: area seal signed in as pat@example.com`, async () => {
      const backend = createMemoryBackend({ signedInAs: 'pat@example.com' });
      localStorage.removeItem(draftKey('pat@example.com', 'seal'));
      const el = await form({ backend, area: 'seal', locale });
      await waitUntil(() => find(el, '#categoryId option[value=protect_sign]'), 'no categories');
      const values = all<HTMLOptionElement>(el, '#categoryId option').map((o) => o.value);
      // Insight & Analyzer is only supported in English: its category is not offered in French.
      expect(values).to.deep.equal(locale === 'en' ? ['', 'protect_sign', 'clm', 'insight'] : ['', 'protect_sign', 'clm']);
      await classify(el, 'protect_sign', 'certificates');
      const products = all<HTMLOptionElement>(el, '#productId option').map((o) => o.value);
      expect(products).to.deep.equal(locale === 'en' ? ['', 'protect_sign', 'clm_cm', 'insight'] : ['', 'protect_sign', 'clm_cm']);
      fill(el, '#subject', 'Certificate expired');
      await fillDetails(el, 'protect_sign', 'email');
      const event = await submitAndConfirm(el);
      expect(event.ticket.areaId).to.equal('seal');
      expect(event.ticket.requester.email).to.equal('pat@example.com');
      expect(get(el, '.confirmation-review').dataset['confirmation']).to.equal('open_reviewed');
    });
  }

  it('asks to sign in first with the area’s credentials, then continues', async () => {
    const backend = createMemoryBackend();
    localStorage.removeItem(draftKey('pat@example.com', 'seal'));
    const el = await form({ backend, area: 'seal' });
    await waitUntil(() => find(el, 'support-sign-in'), 'no sign-in');
    expect(get(el, 'support-sign-in').getAttribute('realm')).to.equal('support_center');
    await expect(el).to.be.accessible();
    await signInWith(el, 'pat@example.com');
    await waitUntil(() => find(el, '#categoryId'), 'no category step');
    await el.updateComplete;
    expect(focusedIsHeading(el)).to.equal(true);
  });

  it('asks for support-center credentials when the session holds product ones', async () => {
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com' });
    const el = await form({ backend, area: 'seal' });
    await waitUntil(() => find(el, 'support-sign-in'), 'no sign-in');
    expect(get(el, 'support-sign-in').getAttribute('realm')).to.equal('support_center');
    await signInWith(el, 'pat@example.com');
    await waitUntil(() => find(el, '#categoryId'), 'no category step');
  });

  it('uses the session the host gives and shows which account the case is for', async () => {
    const backend = createMemoryBackend({ signedInAs: 'sam@example.com' });
    const session = await backend.selectAccount('acc-contoso');
    const el = await form({ backend, area: 'esign' });
    el.session = session;
    await stepShown(el, 'What is your case about?');
    expect(find(el, 'support-sign-in')).to.equal(null);
    fill(el, '#subject', 'Invoices');
    button(el, 'Add case details').click();
    await stepShown(el, 'Add case details');
    expect(get(el, '.account').textContent).to.contain('Contoso');
  });

  it('lists the areas offered in the language when no area is given', async () => {
    const backend = memoryFor('flows@example.com');
    const el = await form({ backend });
    expect(all(el, '.area-list button').map((b) => b.dataset['area'])).to.deep.equal(['esign', 'seal']);
    await expect(el).to.be.accessible();
    get<HTMLButtonElement>(el, '.area-list button[data-area=esign]').click();
    await stepShown(el, 'What is your case about?');
    expect(el.area).to.equal('esign');
    expect(focusedIsHeading(el)).to.equal(true);

    const de = await form({ backend, locale: 'de' });
    expect(all(de, '.area-list button').map((b) => b.dataset['area'])).to.deep.equal(['esign']);
  });

  it('goes back from the first screen to the list of areas, and what was typed is there again', async () => {
    const backend = memoryFor('flows@example.com');
    const el = await form({ backend });
    get<HTMLButtonElement>(el, '.area-list button[data-area=esign]').click();
    await stepShown(el, 'What is your case about?');
    fill(el, '#subject', 'Invoices');
    await el.updateComplete;
    button(el, 'Back').click();
    await stepShown(el, 'Which products is your case about?');
    expect(focusedIsHeading(el)).to.equal(true);
    expect(el.area).to.equal(undefined);
    // Another area, of the other realm: its sign-in, from which "Back" leads to the list too.
    get<HTMLButtonElement>(el, '.area-list button[data-area=seal]').click();
    await waitUntil(() => find(el, 'support-sign-in'), 'the sign-in of the support center');
    await expect(el).to.be.accessible();
    button(el, 'Back').click();
    await stepShown(el, 'Which products is your case about?');
    get<HTMLButtonElement>(el, '.area-list button[data-area=esign]').click();
    await stepShown(el, 'What is your case about?');
    expect(get<HTMLInputElement>(el, '#subject').value).to.equal('Invoices');
    await expect(el).to.be.accessible();

    // An area the page set: no list to go back to.
    const given = await form({ backend, area: 'esign' });
    await stepShown(given, 'What is your case about?');
    expect(all(given, 'button').map((b) => b.textContent?.trim())).not.to.include('Back');
  });

  for (const locale of ['de', 'pt-BR', 'ja'] as const) {
    it(`seal in ${locale}: says it is not offered and switches to a language that offers it`, async () => {
      const backend = memoryFor('flows-seal@example.com', {}, 'support_center');
      const el = await form({ backend, area: 'seal', locale });
      expect(find(el, '.step-heading')).to.not.equal(null);
      expect(get(el, '.not-offered').textContent).to.contain('Protect & Sign, CLM.CM & Insight & Analyzer (Seal)');
      expect(find(el, 'form')).to.equal(null);
      const switches = all(el, 'button[data-locale]');
      expect(switches.map((b) => b.dataset['locale'])).to.deep.equal(['en', 'fr']);
      // Each language named in the current language (test/localization/words.test.ts has the words).
      expect(switches[0]?.textContent).not.to.contain('English');
      expect(switches[1]?.textContent).not.to.contain('Français');
      await expect(el).to.be.accessible();
      const request = nextEvent(el, 'locale-change-request');
      switches[1]?.click();
      expect((await request).locale).to.equal('fr');
      await el.localeReady;
      await el.updateComplete;
      expect(el.locale).to.equal('fr');
      await waitUntil(() => find(el, '#categoryId option[value=protect_sign]'), 'no Flow 3 after switching');
      await el.updateComplete;
      expect(focusedIsHeading(el)).to.equal(true);
    });
  }

  it('leaves the language to the host when it cancels the change request', async () => {
    const backend = memoryFor('flows-seal@example.com', {}, 'support_center');
    const el = await form({ backend, area: 'seal', locale: 'de' });
    el.addEventListener('locale-change-request', (e) => e.preventDefault());
    get<HTMLButtonElement>(el, 'button[data-locale=en]').click();
    await el.updateComplete;
    expect(el.locale).to.equal('de');
    expect(find(el, '.not-offered')).to.not.equal(null);
  });

  it('Insight & Analyzer outside English: left out of the products with a note and a switch to English', async () => {
    const backend = memoryFor('flows-seal@example.com', {}, 'support_center');
    const el = await form({ backend, area: 'seal', locale: 'fr', product: 'insight' });
    await classify(el, 'clm', 'contracts');
    expect(all<HTMLOptionElement>(el, '#productId option').map((o) => o.value)).not.to.include('insight');
    expect(get<HTMLSelectElement>(el, '#productId').value).to.equal('');
    const note = get(el, '.product-not-offered[data-product=insight]');
    expect(note.textContent).to.contain('Insight & Analyzer');
    expect([...note.querySelectorAll<HTMLElement>('button[data-locale]')].map((b) => b.dataset['locale'])).to.deep.equal(['en']);
    await expect(el).to.be.accessible();
    note.querySelector<HTMLButtonElement>('button[data-locale=en]')?.click();
    await el.localeReady;
    await el.updateComplete;
    await waitUntil(() => find(el, '#productId option[value=insight]'), 'insight not offered after switching');
    expect(find(el, '.product-not-offered')).to.equal(null);
    // The classification chosen before the switch is kept (labels now in English).
    await waitUntil(() => get(el, '.classification').textContent?.includes('Contracts'), 'category lost');
  });

  it('follow-up-of: the closed case number is in the description and sent with the case', async () => {
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com' });
    localStorage.removeItem(draftKey('alex@example.com', 'esign'));
    const closed = (await backend.listTickets({ status: 'closed' })).items[0]?.number ?? '';
    expect(closed).to.not.equal('');
    const el = await form({ backend, area: 'esign', followUpOf: closed });
    await stepShown(el, 'What is your case about?');
    expect(get(el, '.follow-up').textContent).to.contain(`Follow-up of case ${closed}`);
    await expect(el).to.be.accessible();
    fill(el, '#subject', 'Certificate still missing');
    button(el, 'Add case details').click();
    await stepShown(el, 'Add case details');
    const description = get<HTMLTextAreaElement>(el, '#description');
    expect(description.value.split('\n')[0]).to.equal(`Follow-up of case ${closed}`);
    choose(el, '#productId', 'esignature');
    fill(el, '#description', `${description.value}It happens again.`);
    check(el, '#contactMethod');
    await el.updateComplete;
    const event = await submitAndConfirm(el);
    expect(event.ticket.followUpOf).to.equal(closed);
    expect(event.ticket.description).to.contain(closed);
  });

  it('follow-up-of a case that is not the customer’s closed case: says so and can go on without it', async () => {
    const backend = memoryFor('flows@example.com');
    const el = await form({ backend, area: 'esign', followUpOf: '10000005' });
    await stepShown(el, 'What is your case about?');
    fill(el, '#subject', 'Not mine');
    button(el, 'Add case details').click();
    await stepShown(el, 'Add case details');
    choose(el, '#productId', 'esignature');
    check(el, '#contactMethod');
    await el.updateComplete;
    get<HTMLButtonElement>(el, 'button[part=submit-button]').click();
    await waitUntil(() => root(el).activeElement?.classList.contains('error-summary'), 'no summary');
    expect(get(el, '.error-summary a').getAttribute('href')).to.equal('#followUpOf');
    expect(get(el, '.follow-up').textContent).to.contain('Case 10000005 is not one of your closed cases');
    await expect(el).to.be.accessible();
    button(el, 'Open it as a new case instead').click();
    await el.updateComplete;
    const event = await submitAndConfirm(el);
    expect(event.ticket.followUpOf).to.equal(undefined);
  });

  it('fits a 320 px wide column', async () => {
    const backend: MemoryBackend = memoryFor('flows@example.com');
    const el = await form({ backend, area: 'esign' });
    el.style.inlineSize = '320px';
    await stepShown(el, 'What is your case about?');
    fill(el, '#subject', 'x');
    button(el, 'Add case details').click();
    await stepShown(el, 'Add case details');
    expect(el.scrollWidth).to.be.at.most(320);
    expect(root(el).querySelector('form')?.scrollWidth).to.be.at.most(320);
  });
});
