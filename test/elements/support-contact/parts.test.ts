import { expect } from '@open-wc/testing';
import { createMemoryBackend } from '../../../src/adapters/memory-adapter.js';
import { $, area, contact, until, waitFor } from './helpers.js';

// A host theme written as THEMING.md documents it: `support-contact::part(<step>-<part>)`.
const HOST_CSS = `
  support-contact::part(ticket-form-step-heading) { color: rgb(1, 2, 3); }
  support-contact::part(ticket-form-form) { border-inline-start: 7px solid rgb(4, 5, 6); }
  support-contact::part(sign-in-submit) { background-color: rgb(7, 8, 9); }
  support-contact::part(my-tickets-empty) { outline: 5px solid rgb(10, 11, 12); }
`;

function hostStyle(): HTMLStyleElement {
  const style = document.createElement('style');
  style.textContent = HOST_CSS;
  document.head.append(style);
  return style;
}

describe('<support-contact> exports its steps\' parts', () => {
  let style: HTMLStyleElement;
  beforeEach(() => {
    style = hostStyle();
  });
  afterEach(() => {
    style.remove();
    localStorage.clear();
  });

  it('ticket-form-*: the host styles the nested form\'s heading and form', async () => {
    const el = await contact('de', { backend: createMemoryBackend({ signedInAs: 'alex@example.com' }) });
    $(area(el, 'esign'), '[data-start="create_ticket"]').click();
    const form = await waitFor(el, 'ticket-form');
    await (form as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(getComputedStyle($(form, '[part~="step-heading"]')).color).to.equal('rgb(1, 2, 3)');
    const formPart = $(form, '[part~="form"]');
    expect(getComputedStyle(formPart).borderInlineStartColor).to.equal('rgb(4, 5, 6)');
    expect(getComputedStyle(formPart).borderInlineStartWidth).to.equal('7px');
    await expect(el).to.be.accessible();
  });

  it('sign-in-*: the host styles the nested sign-in button; the page\'s own parts keep their names', async () => {
    const el = await contact('en');
    $(area(el, 'esign'), '[data-start="continue"]').click();
    const signIn = await waitFor(el, 'support-sign-in');
    await (signIn as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(getComputedStyle($(signIn, '[part~="submit"]')).backgroundColor).to.equal('rgb(7, 8, 9)');
    // `sign-in-submit` is not one of <support-contact>'s own buttons.
    expect(getComputedStyle($(el, '[part~="back-button"]')).backgroundColor).not.to.equal('rgb(7, 8, 9)');
  });

  it('my-tickets-*: the host styles the nested list of cases (its empty notice)', async () => {
    const el = await contact('en', { backend: createMemoryBackend({ signedInAs: 'pat@example.com' }) });
    $(area(el, 'seal'), '[data-start="continue"]').click();
    const tickets = await waitFor(el, 'my-tickets');
    await (tickets as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    await until(() => tickets.shadowRoot?.querySelector('[part~="empty"]'), 'no empty notice');
    const empty = $(tickets, '[part~="empty"]');
    expect(getComputedStyle(empty).outlineColor).to.equal('rgb(10, 11, 12)');
  });
});
