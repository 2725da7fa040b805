import { expect } from '@open-wc/testing';
import type { SupportBackend, TicketChange, WatchOptions, WatchScope, WatchState } from '../../src/adapters/backend.js';
import { createMemoryBackend, type MemoryBackend } from '../../src/adapters/memory-adapter.js';
import { LiveController } from '../../src/controllers/live-controller.js';
import { BareHost } from './bare-host.js';

/** Watches the host asked for, each with its signal and callback, over a real memory backend. */
interface Watch {
  readonly scope: WatchScope;
  readonly onChange: (change: TicketChange) => void;
  readonly signal: AbortSignal;
}

function recording(memory: MemoryBackend): { backend: SupportBackend; watches: Watch[] } {
  const watches: Watch[] = [];
  const backend: SupportBackend = {
    ...memory,
    watch: (scope, onChange, options: WatchOptions) => {
      watches.push({ scope, onChange, signal: options.signal });
      memory.watch(scope, onChange, options);
    },
  };
  return { backend, watches };
}

/** A bare host: the test connects and disconnects it. */
function setup(backend: SupportBackend, scope: () => WatchScope | undefined = () => ({ kind: 'cases' })) {
  const host = new BareHost();
  const changes: TicketChange[] = [];
  let catchUps = 0;
  const controller = new LiveController(host, {
    backend: () => backend,
    scope,
    onChange: (change) => changes.push(change),
    catchUp: () => catchUps++,
  });
  return { host, changes, controller, catchUps: () => catchUps };
}

let visibility: DocumentVisibilityState = 'visible';
function setVisibility(value: DocumentVisibilityState): void {
  visibility = value;
  document.dispatchEvent(new Event('visibilitychange'));
}

/** The memory backend delivers on a later task. */
const delivered = () => new Promise((resolve) => setTimeout(resolve, 5));

async function firstCase(memory: MemoryBackend): Promise<string> {
  const page = await memory.listTickets({ status: 'open', sort: 'number_asc' });
  const number = page.items[0]?.number;
  if (!number) throw new Error('no open case');
  return number;
}

describe('LiveController', () => {
  beforeEach(() => {
    visibility = 'visible';
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  });
  afterEach(() => {
    Reflect.deleteProperty(document, 'visibilityState');
    localStorage.clear();
  });

  it('subscribes on connect, hands over support replies, and aborts on disconnect: nothing arrives after', async () => {
    const memory = createMemoryBackend({ signedInAs: 'alex@example.com' });
    const { backend, watches } = recording(memory);
    const { host, changes } = setup(backend);
    const number = await firstCase(memory);
    host.connect();
    expect(watches).to.have.length(1);
    expect(watches[0]?.scope).to.deep.equal({ kind: 'cases' });
    memory.agentReply(number, 'We are looking into it.', 'action_required');
    expect(changes, 'never inside the writer’s stack').to.have.length(0);
    await delivered();
    expect(changes).to.have.length(1);
    expect(changes[0]?.kinds).to.have.members(['comment', 'status']);
    expect(changes[0]?.ticket.status).to.equal('action_required');

    host.disconnect();
    expect(watches[0]?.signal.aborted).to.equal(true);
    memory.agentReply(number, 'Anything else?');
    await delivered();
    // A backend that ignored the abort still reaches nobody.
    watches[0]?.onChange({ id: 'late', kinds: ['comment'], ticket: await memory.getTicket(number) });
    setVisibility('hidden');
    setVisibility('visible');
    expect(changes).to.have.length(1);
    expect(watches).to.have.length(1);
  });

  it('pauses while the page is hidden, then subscribes again and catches up once', async () => {
    const memory = createMemoryBackend({ signedInAs: 'alex@example.com' });
    const { backend, watches } = recording(memory);
    const { host, changes, catchUps } = setup(backend);
    const number = await firstCase(memory);
    host.connect();
    setVisibility('hidden');
    expect(watches[0]?.signal.aborted).to.equal(true);
    memory.agentReply(number, 'Written while the page was hidden.');
    await delivered();
    expect(changes).to.have.length(0);
    expect(catchUps()).to.equal(0);

    setVisibility('visible');
    expect(watches).to.have.length(2);
    expect(watches[1]?.signal.aborted).to.equal(false);
    expect(catchUps()).to.equal(1);
    memory.agentReply(number, 'Written once visible again.');
    await delivered();
    expect(changes.map((c) => c.ticket.comments.at(-1)?.body)).to.deep.equal(['Written once visible again.']);
    host.disconnect();
  });

  it('ignores a change whose id it has applied (a reconnect or a poll seeing it again)', async () => {
    const memory = createMemoryBackend({ signedInAs: 'alex@example.com' });
    const { backend, watches } = recording(memory);
    const { host, changes } = setup(backend);
    const number = await firstCase(memory);
    host.connect();
    const ticket = await memory.getTicket(number);
    const watch = watches[0];
    if (!watch) throw new Error('no watch');
    watch.onChange({ id: 'change-1', kinds: ['comment'], ticket });
    watch.onChange({ id: 'change-1', kinds: ['comment'], ticket });
    watch.onChange({ id: 'change-2', kinds: ['status'], ticket });
    expect(changes.map((c) => c.id)).to.deep.equal(['change-1', 'change-2']);
    host.disconnect();
  });

  it('follows a new scope when it changes, and nothing when the backend cannot follow', async () => {
    const memory = createMemoryBackend({ signedInAs: 'alex@example.com' });
    const { backend, watches } = recording(memory);
    let scope: WatchScope | undefined;
    const { host } = setup(backend, () => scope);
    host.connect();
    expect(watches, 'nothing to follow yet').to.have.length(0);
    scope = { kind: 'case', number: '10000001' };
    host.controllers.forEach((c) => c.hostUpdate?.());
    scope = { kind: 'case', number: '10000002' };
    host.controllers.forEach((c) => c.hostUpdate?.());
    expect(watches.map((w) => [w.scope, w.signal.aborted])).to.deep.equal([
      [{ kind: 'case', number: '10000001' }, true],
      [{ kind: 'case', number: '10000002' }, false],
    ]);
    host.disconnect();

    const still = recording(memory);
    const none: SupportBackend = { ...still.backend, capabilities: { ...memory.capabilities, live: 'none' } };
    const other = setup(none);
    other.host.connect();
    setVisibility('hidden');
    setVisibility('visible');
    expect(still.watches).to.have.length(0);
    expect(other.catchUps()).to.equal(0);
    other.host.disconnect();
  });

  it('is interrupted only once the backend has been reconnecting a while, and not after live, a hidden page or disconnect', async () => {
    const memory = createMemoryBackend({ signedInAs: 'alex@example.com' });
    const reports: Array<(state: WatchState) => void> = [];
    const backend: SupportBackend = {
      ...memory,
      watch: (_scope, _onChange, options: WatchOptions) => {
        if (options.onState) reports.push(options.onState);
      },
    };
    const host = new BareHost();
    const live = new LiveController(host, { backend: () => backend, scope: () => ({ kind: 'cases' }), onChange: () => undefined, catchUp: () => undefined, interruptionNoticeMs: 40 });
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    host.connect();
    const report = (state: WatchState) => reports.at(-1)?.(state);

    report('live');
    report('reconnecting');
    expect(live.interrupted, 'a reconnect that is quick says nothing').to.equal(false);
    report('live');
    await wait(80);
    expect(live.interrupted, 'back in time: no notice later either').to.equal(false);

    report('reconnecting');
    await wait(80);
    expect(live.interrupted).to.equal(true);
    const updates = host.updates;
    report('live');
    expect(live.interrupted).to.equal(false);
    expect(host.updates).to.be.greaterThan(updates);

    report('reconnecting');
    await wait(80);
    setVisibility('hidden');
    expect(live.interrupted, 'a hidden page is paused, not interrupted').to.equal(false);
    setVisibility('visible');
    report('reconnecting');
    host.disconnect();
    const afterDisconnect = host.updates;
    await wait(80);
    expect(live.interrupted).to.equal(false);
    expect(host.updates, 'no timer outlives the element').to.equal(afterDisconnect);
  });
});
