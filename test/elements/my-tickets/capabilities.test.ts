// What a backend declares it cannot do is not offered (Zendesk: no removing a CC; Call me is a
// comment), instead of failing on click.
import { expect, waitUntil } from '@open-wc/testing';
import type { BackendCapabilities } from '../../../src/adapters/backend.js';
import { createMemoryBackend, type MemoryBackend } from '../../../src/adapters/memory-adapter.js';
import { $, $$, input, nextEvent, now, renderCase, text } from './helpers.js';

async function caseWithWatcher(capabilities: BackendCapabilities): Promise<{ backend: MemoryBackend; number: string; calls: string[] }> {
  const memory = createMemoryBackend({ signedInAs: 'alex@example.com', now });
  const created = await memory.createTicket(
    { areaId: 'esign', productId: 'rooms', subject: 'Room templates vanish', description: 'Please help.', contactMethod: 'portal' },
    { idempotencyKey: crypto.randomUUID(), locale: 'en' },
  );
  await memory.addWatcher(created.number, 'colleague@example.com');
  const calls: string[] = [];
  const backend: MemoryBackend = {
    ...memory,
    capabilities,
    requestCallback: (n, phone, options) => {
      calls.push('requestCallback');
      return memory.requestCallback(n, phone, options);
    },
    addComment: (n, body, options) => {
      calls.push(`addComment:${options.idempotencyKey.length > 0 ? 'keyed' : 'unkeyed'}`);
      return memory.addComment(n, body, options);
    },
  };
  return { backend, number: created.number, calls };
}

/** Renders the case on a backend with `capabilities` and submits Call me with a number. */
async function sendCallMe(capabilities: BackendCapabilities) {
  const { backend, number, calls } = await caseWithWatcher(capabilities);
  const { el, detail } = await renderCase(backend, number);
  input(detail, '#phone', '+1 555 010 0199');
  const requested = nextEvent(el, 'callback-requested');
  $<HTMLButtonElement>(detail, '.callback-form button[type=submit]').click();
  return { el, detail, event: await requested, calls };
}

const zendeskLike: BackendCapabilities = { addWatcher: true, removeWatcher: false, callMe: 'comment', live: 'none' };
const full: BackendCapabilities = { addWatcher: true, removeWatcher: true, callMe: 'request', live: 'none' };
const freshdeskLike: BackendCapabilities = { addWatcher: false, removeWatcher: false, callMe: 'request', live: 'none' };

describe('<my-tickets> follows the backend capabilities', () => {
  afterEach(() => localStorage.clear());

  it('offers "Remove" for a watcher only where the backend can remove one', async () => {
    const offered = await caseWithWatcher(full);
    const withRemove = await renderCase(offered.backend, offered.number);
    // Its text: "Remove", then the watcher's address for screen readers only.
    expect($$(withRemove.detail, '.watchers button').map((b) => b.textContent?.replace(/\s+/g, ' ').trim())).to.deep.equal(['Remove colleague@example.com']);
    withRemove.el.remove();

    const { backend, number } = await caseWithWatcher(zendeskLike);
    const { el, detail } = await renderCase(backend, number);
    expect($(detail, '.watchers').textContent).to.contain('colleague@example.com');
    expect($$(detail, '.watchers button')).to.have.length(0);
    // Adding a watcher stays offered: Zendesk lets an end user add CCs.
    expect(detail.shadowRoot?.querySelector('#watcher-email')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('offers no "Add watcher" where the backend cannot add one, and still lists the watchers', async () => {
    const { backend, number } = await caseWithWatcher(freshdeskLike);
    const { el, detail } = await renderCase(backend, number);
    expect($(detail, '.watchers').textContent).to.contain('colleague@example.com');
    expect($$(detail, '.watcher-form').length, 'the Add watcher form').to.equal(0);
    expect(text(detail)).not.to.contain('Add watcher');
    expect($$(detail, '.watchers button')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('sends Call me as an end-user comment carrying the number where the backend takes it that way', async () => {
    const { el, detail, event, calls } = await sendCallMe(zendeskLike);
    expect(calls).to.deep.equal(['addComment:keyed']);
    expect(event.ticket.comments.at(-1)?.body).to.equal('Please call me at +1 555 010 0199.');
    await waitUntil(() => text(detail).includes('Please call me at +1 555 010 0199.'), 'the comment is not in the conversation');
    expect($(detail, '.announce').textContent).to.contain('A support expert will call you at +1 555 010 0199');
    await expect(el).to.be.accessible();
  });

  it('sends Call me as a callback request where the backend records one', async () => {
    const { event, calls } = await sendCallMe(full);
    expect(event.ticket.callbacks).to.have.length(1);
    expect(calls).to.deep.equal(['requestCallback']);
  });
});
