// <my-tickets> through the fetch adapter in front of the reference server's Freshdesk connector
// (issue 13): the server declares that watchers cannot be changed there, so the case view never
// offers "Add watcher" (which would answer 403 on click); the capabilities come with the
// session the element loads itself, on an adapter that started with the defaults.
import { expect } from '@open-wc/testing';
import { createFetchAdapter } from '../../../src/adapters/fetch-adapter.js';
import { DEMO_PASSWORD } from '../../../src/adapters/memory-adapter.js';
import { connectorServer } from '../../adapters/servers.js';
import { $, $$, renderCase, text } from './helpers.js';

describe('<my-tickets> on a Freshdesk-connector server', () => {
  afterEach(() => localStorage.clear());

  it('shows the watchers section without the "Add watcher" form', async () => {
    const baseUrl = await connectorServer('freshdesk');
    const writer = createFetchAdapter({ baseUrl });
    await writer.signIn({ email: 'alex@example.com', password: DEMO_PASSWORD, realm: 'product' });
    const created = await writer.createTicket(
      { areaId: 'esign', productId: 'esignature', subject: `No CC changes ${crypto.randomUUID()}`, description: 'Freshdesk keeps its CCs.', contactMethod: 'portal' },
      { idempotencyKey: crypto.randomUUID() },
    );
    const signedIn = await fetch(`${baseUrl}/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({ email: 'alex@example.com', password: DEMO_PASSWORD, realm: 'product' }),
    });
    const { token } = (await signedIn.json()) as { token: string };
    // The host's token: the element's own getSession() is the first answer this adapter reads.
    const backend = createFetchAdapter({ baseUrl, getToken: () => token });
    expect(backend.capabilities.addWatcher).to.equal(true);

    const { el, detail } = await renderCase(backend, created.number);
    expect(backend.capabilities.addWatcher).to.equal(false);
    expect($(detail, '#watchers-title').textContent).to.contain('Manage watchers');
    expect(text(detail)).to.contain('No one else follows this case.');
    expect($$(detail, '.watcher-form').length, 'the Add watcher form').to.equal(0);
    expect($$(detail, '#watcher-email').length, 'the watcher email field').to.equal(0);
    await expect(el).to.be.accessible();
  });
});
