import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { all, find, focusedIsHeading, form, get, memoryFor, nextEvent, root, stepShown, type TicketForm } from './helpers.js';

function focused(el: TicketForm): Element | null {
  return root(el).activeElement;
}

async function tab(): Promise<void> {
  await sendKeys({ press: 'Tab' });
}

/** Tabs until the focused control matches `selector` (at most `limit` presses). */
async function tabTo(el: TicketForm, selector: string, limit = 12): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await tab();
    if (focused(el)?.matches(selector)) return;
  }
  throw new Error(`Tab never reached ${selector}; focus is on ${focused(el)?.outerHTML.slice(0, 80) ?? 'nothing'}`);
}

/** Product by arrows, description typed, contact method by Space, then Submit by Enter. */
async function completeDetailsByKeyboard(el: TicketForm): Promise<void> {
  await tabTo(el, '#productId');
  await sendKeys({ press: 'ArrowDown' });
  await el.updateComplete;
  expect(get<HTMLSelectElement>(el, '#productId').value).to.not.equal('');
  await tabTo(el, '#description');
  await sendKeys({ type: 'Typed with the keyboard only.' });
  await tabTo(el, '#contactMethod');
  await sendKeys({ press: 'Space' });
  await el.updateComplete;
  expect(get<HTMLInputElement>(el, '#contactMethod').checked).to.equal(true);
  await tabTo(el, 'button[part=submit-button]');
  const created = nextEvent(el, 'ticket-created');
  await sendKeys({ press: 'Enter' });
  await created;
  await waitUntil(() => find(el, '.confirmation'), 'no confirmation');
  await el.updateComplete;
  expect(focusedIsHeading(el)).to.equal(true);
}

describe('<ticket-form> by keyboard alone', () => {
  afterEach(() => localStorage.clear());

  it('completes Flow 1 (EN)', async () => {
    const backend = memoryFor('keyboard@example.com');
    const el = await form({ backend, area: 'esign' });
    await stepShown(el, 'What is your case about?');
    await tabTo(el, '#subject');
    await sendKeys({ type: 'envelope void' });
    await waitUntil(() => all(el, '.suggestions a').length > 0, 'no suggestions');
    // The suggestions are reachable by Tab.
    await tabTo(el, '.suggestions a');
    await tabTo(el, 'form button[type=submit]');
    expect(focused(el)?.textContent).to.contain('Add case details');
    await sendKeys({ press: 'Enter' });
    await stepShown(el, 'Add case details');
    expect(focusedIsHeading(el)).to.equal(true);
    await completeDetailsByKeyboard(el);
    const page = await backend.listTickets({ search: 'envelope void' });
    expect(page.total).to.equal(1);
    const ticket = await backend.getTicket(page.items[0]?.number ?? '');
    expect(ticket.description).to.equal('Typed with the keyboard only.');
  });

  it('completes Flow 2 (FR)', async () => {
    const backend = memoryFor('keyboard@example.com');
    const el = await form({ backend, area: 'esign', locale: 'fr' });
    await waitUntil(() => find(el, '#categoryId option[value=account]'), 'no categories');
    await tabTo(el, '#categoryId');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(get<HTMLSelectElement>(el, '#categoryId').value).to.equal('account');
    await tabTo(el, '#subcategoryId');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(get<HTMLSelectElement>(el, '#subcategoryId').value).to.equal('billing');
    await tabTo(el, 'button[type=submit]');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => find(el, '#description'), 'no case form');
    await el.updateComplete;
    expect(focusedIsHeading(el)).to.equal(true);
    await tabTo(el, '#subject');
    await sendKeys({ type: 'Facture en double' });
    await completeDetailsByKeyboard(el);
    const page = await backend.listTickets({ search: 'Facture' });
    expect(page.items[0]?.categoryId).to.equal('account');
    expect(page.items[0]?.subcategoryId).to.equal('billing');
  });
});
