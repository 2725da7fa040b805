// Custom fields and prefill in <ticket-form>: rendered on the details step, checked with the
// GOV.UK error pattern, kept in the draft, sent with the case; read-only prefill shown and sent.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { sharedStore } from '../../../src/controllers/file-store.js';
import type { SupportConfig } from '../../../src/core/config.js';
import type { TicketPrefill } from '../../../src/core/prefill.js';
import { seedConfig } from '../../../src/core/config.js';
import '../../../src/define/support-contact.js';
import { deepActive } from '../../support/dom.js';
import { customConfig } from '../../fixtures/custom-fields.js';
import { all, button, fill, find, form, get, memoryFor, nextEvent, root, seedDraft, storedDraft, text, type TicketForm } from './helpers.js';

const ROBIN = 'custom-fields@example.com';
const ORDER = '#customFields\\.order';

async function detailsShown(el: TicketForm): Promise<void> {
  await waitUntil(() => find(el, '#description'), 'no case form');
  await el.updateComplete;
}

async function submit(el: TicketForm): Promise<void> {
  get<HTMLButtonElement>(el, 'button[part=submit-button]').click();
  await el.updateComplete;
}

describe('<ticket-form> custom fields and prefill', () => {
  afterEach(async () => {
    // Elements first, then their storage: a form still on the page would save its draft again.
    fixtureCleanup();
    await new Promise((resolve) => setTimeout(resolve));
    localStorage.clear();
    await sharedStore().deletePrefix('outbox');
  });

  it('renders the area’s fields on the details step, labelled, hinted, marked required; accessible', async () => {
    seedDraft(ROBIN, 'esign');
    const el = await form({ backend: memoryFor(ROBIN, { config: customConfig }), area: 'esign', config: customConfig });
    await detailsShown(el);
    const ids = all(el, '[data-custom-field]').map((f) => f.dataset['customField']);
    // English esign is Flow 1 (no category step): the account category's field is not asked.
    expect(ids).to.deep.equal(['order', 'steps', 'browser', 'urgent', 'since']);
    const order = get<HTMLInputElement>(el, ORDER);
    expect(get(el, `label[for="customFields.order"]`).textContent).to.contain('Order number').and.contain('*');
    expect(order.getAttribute('aria-describedby')).to.equal('customFields.order-hint');
    expect(get(el, '#customFields\\.since').getAttribute('type')).to.equal('date');
    expect(get(el, '#customFields\\.urgent').getAttribute('type')).to.equal('checkbox');
    expect(all<HTMLOptionElement>(el, '#customFields\\.browser option').map((o) => o.textContent?.trim())).to.deep.equal(['Choose an option', 'Chrome', 'Firefox', 'Another browser']);
    await expect(el).to.be.accessible();
  });

  it('in French: the config’s French labels, and the English fallback marked lang="en"', async () => {
    seedDraft(ROBIN, 'esign', { categoryId: 'account', subcategoryId: 'billing' });
    const el = await form({ backend: memoryFor(ROBIN, { config: customConfig }), area: 'esign', locale: 'fr', config: customConfig });
    await detailsShown(el);
    const label = (id: string) => get(el, `label[for="customFields.${id}"]`);
    expect(label('order').textContent).to.contain('Numéro de commande');
    expect(label('order').hasAttribute('lang')).to.equal(false);
    expect(label('steps').textContent).to.contain('Steps to reproduce');
    expect(label('steps').getAttribute('lang')).to.equal('en');
    expect(get(el, '#customFields\\.browser option[value=chrome]').getAttribute('lang')).to.equal('en');
    expect(get(el, '#customFields\\.browser option[value=other]').hasAttribute('lang')).to.equal(false);
    // French Flow 2 has categories: the account category asks the invoice number.
    expect(find(el, '#customFields\\.invoice')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a failed submit lists each field’s error in the summary and inline; the links focus the field', async () => {
    seedDraft(ROBIN, 'esign');
    const el = await form({ backend: memoryFor(ROBIN, { config: customConfig }), area: 'esign', config: customConfig });
    await detailsShown(el);
    fill(el, ORDER, 'XY');
    fill(el, '#customFields\\.since', '');
    await submit(el);
    await waitUntil(() => find(el, '.error-summary'), 'no error summary');
    const links = all<HTMLAnchorElement>(el, '.error-summary a').map((a) => a.textContent?.trim());
    expect(links).to.deep.equal(['“Order number” must be 3 characters or more', 'Choose an option for “Browser”']);
    const order = get<HTMLInputElement>(el, ORDER);
    expect(order.getAttribute('aria-invalid')).to.equal('true');
    expect(order.getAttribute('aria-describedby')).to.equal('customFields.order-hint customFields.order-error');
    expect(get(el, '#customFields\\.order-error').textContent).to.contain('Error:');
    await expect(el).to.be.accessible();
    all<HTMLAnchorElement>(el, '.error-summary a')[1]?.click();
    expect(root(el).activeElement?.id).to.equal('customFields.browser');

    fill(el, ORDER, 'ABCD');
    await submit(el);
    await waitUntil(() => text(el).includes('Enter an order number like ORD-1234'), 'the config’s pattern message is not shown');
  });

  it('in French, errors are French sentences: the French label, or no label when it is only in English', async () => {
    seedDraft(ROBIN, 'esign', { categoryId: 'account', subcategoryId: 'billing' });
    const el = await form({ backend: memoryFor(ROBIN, { config: customConfig }), area: 'esign', locale: 'fr', config: customConfig });
    await detailsShown(el);
    fill(el, '#customFields\\.steps', 'x'.repeat(201));
    await submit(el);
    await waitUntil(() => find(el, '.error-summary'), 'no error summary');
    const links = all<HTMLAnchorElement>(el, '.error-summary a').map((a) => a.textContent?.trim());
    expect(links).to.deep.equal([
      'Remplissez le champ «\u202fNuméro de commande\u202f»',
      // "Steps to reproduce" has no French label: the sentence does not quote the English one.
      'Ce texte est trop long. Raccourcissez-le.',
      'Choisissez une option pour «\u202fNavigateur\u202f»',
      'Remplissez le champ «\u202fNuméro de facture\u202f»',
    ]);
    await expect(el).to.be.accessible();
  });

  it('sends the values with the case; a reload keeps what was typed (the draft)', async () => {
    seedDraft(ROBIN, 'esign');
    const backend = memoryFor(ROBIN, { config: customConfig });
    const first = await form({ backend, area: 'esign', config: customConfig });
    await detailsShown(first);
    fill(first, ORDER, ' ORD-77 ');
    get<HTMLSelectElement>(first, '#customFields\\.browser').value = 'chrome';
    get<HTMLSelectElement>(first, '#customFields\\.browser').dispatchEvent(new Event('change'));
    get<HTMLInputElement>(first, '#customFields\\.urgent').click();
    fill(first, '#customFields\\.since', '2026-11-30');
    await first.updateComplete;
    expect(storedDraft(ROBIN, 'esign')['customFields']).to.deep.equal({ order: ' ORD-77 ', browser: 'chrome', urgent: true, since: '2026-11-30' });
    fixtureCleanup();

    const again = await form({ backend, area: 'esign', config: customConfig });
    await detailsShown(again);
    expect(get<HTMLInputElement>(again, ORDER).value).to.equal(' ORD-77 ');
    expect(get<HTMLSelectElement>(again, '#customFields\\.browser').value).to.equal('chrome');
    expect(get<HTMLInputElement>(again, '#customFields\\.urgent').checked).to.equal(true);
    const created = nextEvent(again, 'ticket-created');
    await submit(again);
    const { ticket } = await created;
    expect(ticket.customFields).to.deep.equal({ order: 'ORD-77', browser: 'chrome', urgent: true, since: '2026-11-30' });
    expect((await backend.getTicket(ticket.number, {})).customFields).to.deep.equal(ticket.customFields);
  });

  it('the keyboard: typing fills a field, Tab goes through the fields in order, Space ticks the checkbox', async () => {
    seedDraft(ROBIN, 'esign');
    const el = await form({ backend: memoryFor(ROBIN, { config: customConfig }), area: 'esign', config: customConfig });
    await detailsShown(el);
    get(el, ORDER).focus();
    await sendKeys({ type: 'ORD-5' });
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await sendKeys({ press: 'Tab' });
      order.push(root(el).activeElement?.id ?? '');
    }
    expect(order).to.deep.equal(['customFields.steps', 'customFields.browser', 'customFields.urgent', 'customFields.since']);
    get(el, '#customFields\\.urgent').focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(get<HTMLInputElement>(el, '#customFields\\.urgent').checked).to.equal(true);
    expect(storedDraft(ROBIN, 'esign')['customFields']).to.deep.equal({ order: 'ORD-5', urgent: true });
  });

  it('prefill: read-only values are shown read-only (focusable, named) and sent; editable ones do not override a draft', async () => {
    seedDraft(ROBIN, 'esign', { description: 'Typed by the customer.' });
    const prefill: TicketPrefill = {
      subject: { value: 'Order ORD-5 is stuck', readOnly: true },
      description: { value: 'From the host' },
      contactMethod: { value: 'portal', readOnly: true },
      customFields: { order: { value: 'ORD-5', readOnly: true }, browser: { value: 'firefox', readOnly: true }, urgent: { value: true, readOnly: true } },
    };
    const backend = memoryFor(ROBIN, { config: customConfig });
    const el = await fixture<TicketForm>(html`<ticket-form locale="en" area="esign" .config=${customConfig} .backend=${backend} .prefill=${prefill}></ticket-form>`);
    await el.localeReady;
    await detailsShown(el);
    const subject = get<HTMLInputElement>(el, '#subject');
    expect(subject.readOnly).to.equal(true);
    expect(subject.value).to.equal('Order ORD-5 is stuck');
    expect(get<HTMLTextAreaElement>(el, '#description').value).to.equal('Typed by the customer.');
    const order = get<HTMLInputElement>(el, ORDER);
    expect(order.readOnly).to.equal(true);
    expect(order.disabled).to.equal(false);
    order.focus();
    expect(root(el).activeElement).to.equal(order);
    await sendKeys({ type: 'zz' });
    expect(order.value).to.equal('ORD-5');
    // A read-only select is a read-only text box with the choice's label.
    const browser = get<HTMLInputElement>(el, '#customFields\\.browser');
    expect([browser.localName, browser.readOnly, browser.value]).to.deep.equal(['input', true, 'Firefox']);
    const urgent = get<HTMLInputElement>(el, '#customFields\\.urgent');
    urgent.click();
    expect([urgent.checked, urgent.getAttribute('aria-readonly')]).to.deep.equal([true, 'true']);
    get<HTMLInputElement>(el, '#contactMethod').click();
    await el.updateComplete;
    expect(get<HTMLInputElement>(el, '#contactMethod-portal').checked).to.equal(true);
    expect(get(el, 'fieldset[aria-readonly=true]').getAttribute('role')).to.equal('radiogroup');
    await expect(el).to.be.accessible();

    const created = nextEvent(el, 'ticket-created');
    button(el, 'Submit ticket').click();
    const { ticket } = await created;
    expect([ticket.subject, ticket.contactMethod]).to.deep.equal(['Order ORD-5 is stuck', 'portal']);
    expect(ticket.customFields).to.deep.equal({ order: 'ORD-5', browser: 'firefox', urgent: true });
    await waitUntil(() => deepActive()?.classList.contains('step-heading'), 'focus is not on the confirmation heading');
  });

  it('prefill as an attribute (JSON) fills an empty form', async () => {
    const backend = memoryFor(ROBIN, { config: customConfig });
    const el = await fixture<TicketForm>(html`<ticket-form
      locale="en"
      area="esign"
      prefill='{"subject":{"value":"From the attribute"},"customFields":{"order":{"value":"ORD-9"}}}'
      .config=${customConfig}
      .backend=${backend}
    ></ticket-form>`);
    await el.localeReady;
    await waitUntil(() => find(el, '#subject'), 'no subject step');
    expect(get<HTMLInputElement>(el, '#subject').value).to.equal('From the attribute');
    expect(get<HTMLInputElement>(el, '#subject').readOnly).to.equal(false);
    button(el, 'Add case details').click();
    await detailsShown(el);
    expect(get<HTMLInputElement>(el, ORDER).value).to.equal('ORD-9');
  });

  it('<support-contact prefill> passes the prefill to its <ticket-form>', async () => {
    const prefill: TicketPrefill = { subject: { value: 'From the contact page', readOnly: true } };
    const backend = memoryFor(ROBIN, { config: customConfig });
    const el = await fixture(html`<support-contact locale="en" .config=${customConfig} .backend=${backend} .prefill=${prefill}></support-contact>`);
    await waitUntil(() => el.shadowRoot?.querySelector('[data-area="esign"] [data-start="continue"], [data-start="open_case_top"]'), 'no way to open a case');
    const start = el.shadowRoot?.querySelector<HTMLElement>('[data-start="open_case_top"]');
    start?.click();
    await waitUntil(() => el.shadowRoot?.querySelector('[data-area="esign"]'), 'no product areas');
    el.shadowRoot?.querySelector<HTMLElement>('[data-area="esign"]')?.click();
    await waitUntil(() => el.shadowRoot?.querySelector('ticket-form'), 'no ticket form');
    const inner = el.shadowRoot?.querySelector<TicketForm>('ticket-form');
    if (!inner) throw new Error('no ticket-form');
    await waitUntil(() => find(inner, '#subject'), 'no subject field');
    expect(get<HTMLInputElement>(inner, '#subject').value).to.equal('From the contact page');
    expect(get<HTMLInputElement>(inner, '#subject').readOnly).to.equal(true);
  });

  it('the docs’ snippet (docs/snippets/custom-fields.ts) opens a case about an order, its number read-only and sent', async () => {
    interface Snippet {
      openOrderCase(form: TicketForm, config: SupportConfig, order: string): void;
    }
    const isSnippet = (v: unknown): v is Snippet => typeof v === 'object' && v !== null && 'openOrderCase' in v && typeof v.openOrderCase === 'function';
    // A variable specifier: the file is the docs' own, imported as a page would (it imports the package's types only).
    const path = '/docs/snippets/custom-fields.ts';
    const snippet: unknown = await import(path);
    if (!isSnippet(snippet)) throw new Error('the snippet has no openOrderCase');
    const el = await fixture<TicketForm>(html`<ticket-form locale="en" area="esign" .backend=${memoryFor(ROBIN)}></ticket-form>`);
    snippet.openOrderCase(el, seedConfig, 'ORD-1234');
    // The backend checks with the same config as the form.
    el.backend = memoryFor(ROBIN, { config: el.config });
    await el.localeReady;
    await waitUntil(() => find(el, '#subject'), 'no subject step');
    expect(get<HTMLInputElement>(el, '#subject').value).to.equal('Order ORD-1234');
    fill(el, '#subject', 'Order ORD-1234 never arrived');
    button(el, 'Add case details').click();
    await detailsShown(el);
    const order = get<HTMLInputElement>(el, ORDER);
    expect([order.value, order.readOnly]).to.deep.equal(['ORD-1234', true]);
    fill(el, '#description', 'Ordered on Monday.');
    get<HTMLSelectElement>(el, '#productId').value = 'esignature';
    get<HTMLSelectElement>(el, '#productId').dispatchEvent(new Event('change'));
    await el.updateComplete;
    const created = nextEvent(el, 'ticket-created');
    await submit(el);
    const { ticket } = await created;
    expect(ticket.customFields).to.deep.equal({ order: 'ORD-1234' });
  });
});
