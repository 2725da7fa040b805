// The offline outbox's store and drain (src/controllers/outbox.ts, outbox-controller.ts):
// order, binding to the user who wrote an item, the retention question, what a record holds.
import { expect, waitUntil } from '@open-wc/testing';
import type { IdempotentCallOptions, SupportBackend } from '../../src/adapters/backend.js';
import { createMemoryBackend, type MemoryBackend } from '../../src/adapters/memory-adapter.js';
import { indexedDbStore, memoryStore } from '../../src/controllers/file-store.js';
import { OutboxController } from '../../src/controllers/outbox-controller.js';
import { drainOutbox, Outbox, ownerOf, PROFILE_OWNER, type OutboxPayload } from '../../src/controllers/outbox.js';
import { goesToOutbox, OUTBOX_SEND_WITHOUT_ASKING_MS } from '../../src/core/outbox.js';
import { SupportError } from '../../src/core/errors.js';
import { BareHost } from './bare-host.js';

const ALEX = 'alex@example.com';
const SAM = 'sam@example.com';
const HOUR = 60 * 60 * 1000;

async function openCase(backend: SupportBackend): Promise<string> {
  const page = await backend.listTickets({ status: 'open', sort: 'number_asc' });
  const first = page.items[0];
  if (!first) throw new Error('no open case');
  return first.number;
}

/** The backend, recording the comments sent (body and key) in order. */
function recording(memory: MemoryBackend): { backend: SupportBackend; sent: { body: string; key: string }[] } {
  const sent: { body: string; key: string }[] = [];
  const backend: SupportBackend = {
    ...memory,
    addComment: (number: string, body: string, options: IdempotentCallOptions) => {
      sent.push({ body, key: options.idempotencyKey });
      return memory.addComment(number, body, options);
    },
  };
  return { backend, sent };
}

const comment = (number: string, body: string): OutboxPayload => ({ kind: 'comment', number, body });
const signal = () => new AbortController().signal;

describe('offline outbox: store and drain', () => {
  it('sends the user\'s items in the order they were saved, each with its own key, once', async () => {
    const memory = createMemoryBackend({ signedInAs: ALEX });
    const number = await openCase(memory);
    const outbox = new Outbox(memoryStore());
    const at = Date.now();
    for (const [i, body] of ['first', 'second', 'third'].entries()) await outbox.add(ownerOf(ALEX), comment(number, body), `key-${i}`, at);
    // A retry that failed again is the same intent: it keeps its place, no second item.
    await outbox.add(ownerOf(ALEX), comment(number, 'first'), 'key-0', at + 5);
    expect((await outbox.list(ownerOf(ALEX))).map((item) => item.idempotencyKey)).to.deep.equal(['key-0', 'key-1', 'key-2']);

    const { backend, sent } = recording(memory);
    expect(await drainOutbox(outbox, backend, { signal: signal(), force: true })).to.equal('done');
    expect(sent).to.deep.equal([
      { body: 'first', key: 'key-0' },
      { body: 'second', key: 'key-1' },
      { body: 'third', key: 'key-2' },
    ]);
    expect(await outbox.list(ownerOf(ALEX))).to.deep.equal([]);
    expect(await outbox.wasSent(ownerOf(ALEX), 'key-1')).to.equal(true);
    expect(await drainOutbox(outbox, backend, { signal: signal(), force: true })).to.equal('done');
    expect(sent).to.have.length(3);
  });

  it('never sends an item under another user: it waits, and goes when its author is signed in', async () => {
    const alex = createMemoryBackend({ signedInAs: ALEX });
    const number = await openCase(alex);
    const outbox = new Outbox(memoryStore());
    await outbox.add(ownerOf(ALEX), comment(number, 'Alex wrote this'), 'alex-key');
    const sam = recording(createMemoryBackend({ signedInAs: SAM }));
    await drainOutbox(outbox, sam.backend, { signal: signal(), force: true });
    expect(sam.sent).to.deep.equal([]);
    expect(await outbox.list(ownerOf(ALEX))).to.have.length(1);
    const signedOut = recording(createMemoryBackend());
    await drainOutbox(outbox, signedOut.backend, { signal: signal(), force: true });
    expect(signedOut.sent).to.deep.equal([]);
    const author = recording(alex);
    await drainOutbox(outbox, author.backend, { signal: signal(), force: true });
    expect(author.sent.map((s) => s.key)).to.deep.equal(['alex-key']);
  });

  it('asks before sending an item older than it sends without asking; "send anyway" sends it', async () => {
    const memory = createMemoryBackend({ signedInAs: ALEX });
    const number = await openCase(memory);
    const outbox = new Outbox(memoryStore());
    const now = Date.now();
    await outbox.add(ownerOf(ALEX), comment(number, 'from last week'), 'old-key', now - OUTBOX_SEND_WITHOUT_ASKING_MS - HOUR);
    await outbox.add(ownerOf(ALEX), comment(number, 'from this morning'), 'new-key', now - 2 * HOUR);
    const { backend, sent } = recording(memory);
    await drainOutbox(outbox, backend, { signal: signal(), now: () => now, force: true });
    expect(sent.map((s) => s.key)).to.deep.equal(['new-key']);
    const [old] = await outbox.list(ownerOf(ALEX));
    expect(old?.state).to.equal('ask');
    await drainOutbox(outbox, backend, { signal: signal(), now: () => now, force: true });
    expect(sent).to.have.length(1);
    if (!old) throw new Error('the old item is gone');
    await outbox.update(old, { state: 'approved' });
    await drainOutbox(outbox, backend, { signal: signal(), now: () => now, force: true });
    expect(sent.map((s) => s.key)).to.deep.equal(['new-key', 'old-key']);
  });

  it('stops at a failure retrying may fix (order kept); a refusal is kept for the user and the next goes', async () => {
    const memory = createMemoryBackend({ signedInAs: ALEX });
    const number = await openCase(memory);
    const outbox = new Outbox(memoryStore());
    await outbox.add(ownerOf(ALEX), comment(number, 'refused'), 'k1');
    await outbox.add(ownerOf(ALEX), comment(number, 'fine'), 'k2');
    let failure: SupportError | undefined = new SupportError('network', 'offline');
    const { backend, sent } = recording(memory);
    const failing: SupportBackend = {
      ...backend,
      addComment: (n, body, options) => (failure ? Promise.reject(failure) : backend.addComment(n, body, options)),
    };
    expect(await drainOutbox(outbox, failing, { signal: signal(), force: true })).to.equal('wait');
    expect((await outbox.list(ownerOf(ALEX))).map((item) => item.state)).to.deep.equal(['waiting', 'waiting']);
    failure = new SupportError('validation', 'no', { status: 422 });
    const refuseFirst: SupportBackend = {
      ...failing,
      addComment: (n, body, options) => {
        if (body === 'refused') return Promise.reject(failure);
        return backend.addComment(n, body, options);
      },
    };
    expect(await drainOutbox(outbox, refuseFirst, { signal: signal(), force: true })).to.equal('done');
    const left = await outbox.list(ownerOf(ALEX));
    expect(left.map((item) => [item.idempotencyKey, item.state, item.refusal])).to.deep.equal([['k1', 'refused', 'validation']]);
    expect(sent.map((s) => s.body)).to.deep.equal(['fine']);
  });

  it('does not retry a send that has just failed unless the network is back (online) or the user approved it', async () => {
    const memory = createMemoryBackend({ signedInAs: ALEX });
    const number = await openCase(memory);
    const outbox = new Outbox(memoryStore());
    const now = Date.now();
    await outbox.add(ownerOf(ALEX), comment(number, 'just failed'), 'fresh-key', now);
    const { backend, sent } = recording(memory);
    expect(await drainOutbox(outbox, backend, { signal: signal(), now: () => now + 1000 })).to.equal('wait');
    expect(sent).to.deep.equal([]);
    expect(await drainOutbox(outbox, backend, { signal: signal(), now: () => now + 5000 })).to.equal('done');
    expect(sent.map((s) => s.key)).to.deep.equal(['fresh-key']);
  });

  it('queues only failures without an answer: network and timeout, or anything without a status while offline', () => {
    expect(goesToOutbox(new SupportError('network', 'x'), true)).to.equal(true);
    expect(goesToOutbox(new SupportError('timeout', 'x'), true)).to.equal(true);
    for (const status of [400, 403, 404, 409, 413, 422]) {
      expect(goesToOutbox(new SupportError('validation', 'x', { status }), false), `${status}`).to.equal(false);
      expect(goesToOutbox(new SupportError('conflict', 'x', { status }), false), `${status}`).to.equal(false);
    }
    expect(goesToOutbox(new SupportError('server', 'x'), false)).to.equal(true);
    expect(goesToOutbox(new SupportError('server', 'x', { status: 500 }), false)).to.equal(false);
  });

  it('stores what the user wrote and the files as Blobs in IndexedDB: no password, no token', async () => {
    const store = indexedDbStore(`outbox-test-${crypto.randomUUID()}`);
    const outbox = new Outbox(store);
    // Whatever else the caller's objects carry stays out of the record.
    const ticket = { areaId: 'esign', productId: 'esignature', subject: 'S', description: 'D', contactMethod: 'portal' as const, attachmentTokens: ['upload-token-1'], token: 'bearer-1' };
    const request = { name: 'Kim', email: 'kim@example.com', areaId: 'esign', description: 'Locked out', password: 'hunter2' };
    await outbox.add(ownerOf(ALEX), { kind: 'case', ticket, files: [{ name: 'a.txt', type: 'text/plain', blob: new Blob(['hello']) }] }, 'case-key');
    await outbox.add(PROFILE_OWNER, { kind: 'sign-in-help', request }, 'help-key');
    const records = await store.list('outbox:');
    expect(records).to.have.length(2);
    const text = JSON.stringify(records);
    for (const secret of ['hunter2', 'bearer-1', 'upload-token-1', 'password', 'attachmentTokens', ALEX]) expect(text, secret).to.not.include(secret);
    const [caseItem] = await outbox.list(ownerOf(ALEX));
    const file = caseItem?.payload.kind === 'case' ? caseItem.payload.files[0] : undefined;
    expect(file?.blob).to.be.instanceOf(Blob);
    expect(await file?.blob.text()).to.equal('hello');
  });

  it('the controller renders its host again only when the items it shows changed', async () => {
    const memory = createMemoryBackend({ signedInAs: ALEX });
    const number = await openCase(memory);
    const outbox = new Outbox(memoryStore());
    const host = new BareHost();
    const controller = new OutboxController(host, { backend: () => memory, viewer: () => ALEX, shows: () => true, outbox });
    host.connect();
    await controller.refresh();
    await controller.refresh();
    expect(host.updates).to.equal(0);
    await outbox.add(ownerOf(ALEX), comment(number, 'waiting'), 'wait-key');
    await controller.refresh();
    await controller.refresh();
    expect(host.updates).to.equal(1);
    expect(controller.items.map((item) => item.idempotencyKey)).to.deep.equal(['wait-key']);
    host.disconnect();
  });

  it('the controller retries on its timer with backoff, and stops when its host goes', async () => {
    const memory = createMemoryBackend({ signedInAs: ALEX });
    const number = await openCase(memory);
    const outbox = new Outbox(memoryStore());
    let up = false;
    let attempts = 0;
    const { backend, sent } = recording(memory);
    const flaky: SupportBackend = {
      ...backend,
      getSession: (options) => {
        attempts += 1;
        return up ? backend.getSession(options) : Promise.reject(new SupportError('network', 'offline'));
      },
    };
    await outbox.add(ownerOf(ALEX), comment(number, 'sent by the timer'), 'timer-key');
    const host = new BareHost();
    const controller = new OutboxController(host, { backend: () => flaky, viewer: () => ALEX, shows: () => true, outbox, backoff: { baseMs: 5, maxMs: 20 } });
    host.connect();
    await waitUntil(() => attempts >= 3, 'no retries');
    up = true;
    await waitUntil(() => sent.length === 1, 'the timer did not send it');
    expect(controller.items).to.deep.equal([]);
    expect(controller.lastSent?.idempotencyKey).to.equal('timer-key');
    host.disconnect();
    up = false;
    const before = attempts;
    await outbox.add(ownerOf(ALEX), comment(number, 'after disconnect'), 'late-key');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(attempts).to.equal(before);
  });
});
