import { expect, waitUntil } from '@open-wc/testing';
import { createMemoryBackend, type MemoryBackend } from '../../../src/adapters/memory-adapter.js';
import { SupportError } from '../../../src/core/errors.js';
import type { NewTicket } from '../../../src/core/ticket.js';
import { $, $$, input, nextEvent, now, renderCase, shownState, text } from './helpers.js';

interface Row {
  readonly who: 'alex@example.com' | 'sam@example.com' | 'pat@example.com';
  /** Account the case is opened for (sam has a paid and a free one). */
  readonly account?: string;
  readonly productId: string;
  readonly categoryId?: string;
  readonly subcategoryId?: string;
  readonly locale: string;
  readonly offered: boolean;
}

/** The seed's rule: EN only; eSignature with a paid plan, Rooms, CLM, and CLM.CM when its category is CLM. */
const table: readonly Row[] = [
  { who: 'alex@example.com', productId: 'esignature', locale: 'en', offered: true },
  { who: 'alex@example.com', productId: 'rooms', locale: 'en', offered: true },
  { who: 'alex@example.com', productId: 'clm', locale: 'en', offered: true },
  { who: 'sam@example.com', account: 'acc-northwind', productId: 'esignature', locale: 'en', offered: true },
  { who: 'sam@example.com', account: 'acc-contoso', productId: 'esignature', locale: 'en', offered: false },
  { who: 'sam@example.com', account: 'acc-contoso', productId: 'rooms', locale: 'en', offered: true },
  { who: 'sam@example.com', account: 'acc-contoso', productId: 'clm', locale: 'en', offered: true },
  { who: 'pat@example.com', productId: 'clm_cm', categoryId: 'clm', subcategoryId: 'contracts', locale: 'en', offered: true },
  { who: 'pat@example.com', productId: 'clm_cm', categoryId: 'protect_sign', subcategoryId: 'certificates', locale: 'en', offered: false },
  { who: 'pat@example.com', productId: 'protect_sign', categoryId: 'protect_sign', subcategoryId: 'certificates', locale: 'en', offered: false },
  { who: 'pat@example.com', productId: 'insight', categoryId: 'insight', subcategoryId: 'analysis', locale: 'en', offered: false },
  // Not offered in any other language, whatever the product and plan.
  { who: 'alex@example.com', productId: 'esignature', locale: 'fr', offered: false },
  { who: 'alex@example.com', productId: 'rooms', locale: 'de', offered: false },
  { who: 'alex@example.com', productId: 'clm', locale: 'ja', offered: false },
  { who: 'sam@example.com', account: 'acc-northwind', productId: 'esignature', locale: 'pt-BR', offered: false },
  { who: 'pat@example.com', productId: 'clm_cm', categoryId: 'clm', subcategoryId: 'contracts', locale: 'fr', offered: false },
];

async function caseFor(row: Row): Promise<{ backend: MemoryBackend; number: string }> {
  const backend = createMemoryBackend({ signedInAs: row.who, now });
  if (row.account) await backend.selectAccount(row.account);
  const areaId = ['esignature', 'rooms', 'clm'].includes(row.productId) ? 'esign' : 'seal';
  const input: NewTicket = {
    areaId,
    productId: row.productId,
    categoryId: row.categoryId,
    subcategoryId: row.subcategoryId,
    subject: `Question about ${row.productId}`,
    description: 'Please call.',
    contactMethod: 'portal',
  };
  const ticket = await backend.createTicket(input, { idempotencyKey: crypto.randomUUID(), locale: 'en' });
  return { backend, number: ticket.number };
}

describe('<my-tickets> Call me', () => {
  afterEach(() => localStorage.clear());

  for (const row of table) {
    const name = `${row.productId}${row.categoryId ? ` (category ${row.categoryId})` : ''}, ${row.who}${row.account ? ` ${row.account}` : ''}, ${row.locale}`;
    it(`${row.offered ? 'offers' : 'does not offer'} Call me for ${name}`, async () => {
      const { backend, number } = await caseFor(row);
      const { detail } = await renderCase(backend, number, row.locale);
      expect(Boolean(detail.shadowRoot?.querySelector('.callback'))).to.equal(row.offered);
      expect(Boolean(detail.shadowRoot?.querySelector('#phone'))).to.equal(row.offered);
    });
  }

  it('asks for a phone number the GOV.UK way', async () => {
    const { backend, number } = await caseFor(table[1] as Row);
    const { el, detail } = await renderCase(backend, number);
    const phone = $<HTMLInputElement>(detail, '#phone');
    expect(phone.type).to.equal('tel');
    expect(phone.autocomplete).to.equal('tel');

    $<HTMLButtonElement>(detail, '.callback-form button[type=submit]').click();
    await waitUntil(() => detail.shadowRoot?.activeElement?.classList.contains('error-summary'));
    expect($(detail, '.error-summary').textContent).to.contain('Enter the phone number support should call');
    input(detail, '#phone', 'call me maybe');
    $<HTMLButtonElement>(detail, '.callback-form button[type=submit]').click();
    await waitUntil(() => $(detail, '.error-summary').textContent?.includes('Enter a phone number, like'));
    expect($(detail, '#phone').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('sends the request with the number, shows it was requested, and keeps the case state', async () => {
    const { backend, number } = await caseFor(table[1] as Row);
    backend.agentReply(number, 'Try this fix.', 'pending');
    const { el, detail } = await renderCase(backend, number);
    input(detail, '#phone', '+1 555 010 0199');
    const requested = nextEvent(el, 'callback-requested');
    $<HTMLButtonElement>(detail, '.callback-form button[type=submit]').click();
    const event = await requested;
    expect(event.phone).to.equal('+1 555 010 0199');
    expect(event.ticket.callbacks).to.have.length(1);
    await detail.updateComplete;
    expect($(detail, '.announce').textContent).to.contain('A support expert will call you at +1 555 010 0199');
    expect($$(detail, '.callbacks li')[0]?.textContent).to.contain('Call requested on');
    expect($$(detail, '.callbacks li')[0]?.textContent).to.contain('+1 555 010 0199');
    expect(shownState(detail)).to.equal('Pending');
    await expect(el).to.be.accessible();
  });

  it('still lists a requested call where the form is not offered (another language)', async () => {
    const { backend, number } = await caseFor(table[2] as Row);
    await backend.requestCallback(number, '+1 555 010 0199', { idempotencyKey: crypto.randomUUID() });
    const { el, detail } = await renderCase(backend, number, 'ja');
    expect(detail.shadowRoot?.querySelector('#phone')).to.equal(null);
    // In Japanese once the Japanese messages are in.
    await waitUntil(() => $$(detail, '.callbacks li')[0]?.textContent?.includes('電話を依頼済み'));
    const calls = $$(detail, '.callbacks li');
    expect(calls).to.have.length(1);
    expect(calls[0]?.textContent).to.contain('+1 555 010 0199');
    await expect(el).to.be.accessible();
  });

  it('disappears when the case is closed', async () => {
    const { backend, number } = await caseFor(table[0] as Row);
    const open = await renderCase(backend, number);
    expect(open.detail.shadowRoot?.querySelector('.callback')).to.not.equal(null);
    open.el.remove();
    backend.agentReply(number, 'Solved, closing.', 'closed');
    const { detail } = await renderCase(backend, number);
    expect(shownState(detail)).to.equal('Closed');
    expect(detail.shadowRoot?.querySelector('.callback')).to.equal(null);
    expect(text(detail)).to.not.contain('Call me');
  });

  it('retries with the same key, and another case never reuses it', async () => {
    const { backend, number } = await caseFor(table[1] as Row);
    const other = await backend.createTicket(
      { areaId: 'esign', productId: 'rooms', subject: 'Another question', description: 'Please call.', contactMethod: 'portal' },
      { idempotencyKey: crypto.randomUUID(), locale: 'en' },
    );
    const keys: { readonly number: string; readonly key: string }[] = [];
    let fail = true;
    const recording: MemoryBackend = {
      ...backend,
      requestCallback: (n, phone, options) => {
        keys.push({ number: n, key: options.idempotencyKey });
        return fail ? Promise.reject(new SupportError('server', 'boom')) : backend.requestCallback(n, phone, options);
      },
    };
    const { el, detail } = await renderCase(recording, number);
    const send = async () => {
      input(detail, '#phone', '+1 555 010 0199');
      await detail.updateComplete;
      $<HTMLButtonElement>(detail, '.callback-form button[type=submit]').click();
      await waitUntil(() => detail.shadowRoot?.querySelector('.failure') || $(detail, '.announce').textContent?.trim(), 'no outcome');
    };
    await send();
    await send();
    expect(keys).to.have.length(2);
    expect(keys[1]?.key).to.equal(keys[0]?.key);
    fail = false;
    el.ticket = other.number;
    await el.updateComplete;
    await detail.updateComplete;
    await detail.loaded;
    await detail.updateComplete;
    await send();
    expect(keys[2]?.number).to.equal(other.number);
    expect(keys[2]?.key).to.not.equal(keys[0]?.key);
  });
});
