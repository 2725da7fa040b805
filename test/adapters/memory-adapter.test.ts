import { expect } from '@open-wc/testing';
import { createMemoryBackend, DEMO_PASSWORD } from '../../src/adapters/memory-adapter.js';
import { STATUSES } from '../../src/core/ticket.js';

const DAY = 86_400_000;
const KEY = 'memory-adapter-test';

describe('createMemoryBackend', () => {
  afterEach(() => localStorage.clear());

  it('seeds demo cases in every state for alex', async () => {
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com' });
    const page = await backend.listTickets({ limit: 200 });
    expect(new Set(page.items.map((t) => t.status))).to.deep.equal(new Set(STATUSES));
  });

  it('keeps cases across a reload when asked to, and never the session or a password', async () => {
    const first = createMemoryBackend({ storageKey: KEY });
    await first.signIn({ email: 'alex@example.com', password: DEMO_PASSWORD, realm: 'product' });
    const created = await first.createTicket(
      { areaId: 'esign', productId: 'rooms', subject: 'Kept across reloads', description: 'x', contactMethod: 'portal' },
      { idempotencyKey: 'k1' },
    );
    const stored = localStorage.getItem(KEY) ?? '';
    expect(stored).to.contain('Kept across reloads');
    expect(stored).not.to.contain(DEMO_PASSWORD);

    const second = createMemoryBackend({ storageKey: KEY });
    expect(await second.getSession()).to.equal(null);
    await second.signIn({ email: 'alex@example.com', password: DEMO_PASSWORD, realm: 'product' });
    expect((await second.getTicket(created.number)).subject).to.equal('Kept across reloads');
  });

  it('starts afresh when the stored data is not its own', async () => {
    localStorage.setItem(KEY, JSON.stringify({ tickets: [{ number: 1 }], nextNumber: 'x' }));
    const backend = createMemoryBackend({ storageKey: KEY, signedInAs: 'alex@example.com' });
    const page = await backend.listTickets({ limit: 200 });
    expect(page.total).to.be.greaterThan(0);
    expect(page.items.every((t) => typeof t.number === 'string')).to.equal(true);
  });

  it('closes a pending case after the config’s days without activity, not before', async () => {
    let now = new Date('2026-03-01T09:00:00Z');
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com', now: () => now, seed: false });
    const ticket = await backend.createTicket(
      { areaId: 'esign', productId: 'rooms', subject: 'Solved?', description: 'x', contactMethod: 'portal' },
      { idempotencyKey: 'k2' },
    );
    backend.agentReply(ticket.number, 'Try this.', 'pending');
    now = new Date(now.getTime() + 5 * DAY - 1);
    expect(backend.runAutoClose()).to.deep.equal([]);
    now = new Date(now.getTime() + 1);
    expect(backend.runAutoClose()).to.deep.equal([ticket.number]);
    expect((await backend.getTicket(ticket.number)).status).to.equal('closed');
  });

  it('an email reply on a pending case reopens it, like a comment', async () => {
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com' });
    const pending = (await backend.listTickets({ status: 'pending' })).items[0];
    if (!pending) throw new Error('no seeded pending case');
    expect(backend.emailReply(pending.number, 'Still broken.').status).to.equal('open');
  });
});
