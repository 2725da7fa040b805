import { expect } from '@open-wc/testing';
import { BareHost } from './bare-host.js';
import type { Session } from '../../src/adapters/backend.js';
import { ContactSessionController } from '../../src/controllers/contact-session-controller.js';


interface Load {
  readonly signal: AbortSignal;
  resolve(session: Session | null): void;
  reject(error: unknown): void;
}

const someone: Session = {
  user: { name: 'Alex Kim', email: 'alex@example.com' },
  realm: 'product',
  accounts: [{ id: 'acc-a', name: 'Acme', plan: 'paid' }],
  activeAccountId: 'acc-a',
};

function setup() {
  const host = new BareHost();
  const loads: Load[] = [];
  const known: (Session | null)[] = [];
  const controller = new ContactSessionController(host, {
    load: (signal) =>
      new Promise<Session | null>((resolve, reject) => {
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        loads.push({ signal, resolve, reject });
      }),
    onKnown: (session) => known.push(session),
  });
  return { host, loads, known, controller };
}

const tick = () => new Promise((resolve) => setTimeout(resolve));

describe('ContactSessionController', () => {
  it("takes the host's session at once, without asking the backend", () => {
    const { loads, known, controller } = setup();
    controller.sync(someone);
    controller.sync(null);
    expect(known).to.deep.equal([someone, null]);
    expect(loads).to.have.length(0);
  });

  it("asks the backend when the host gives none; a newer sync drops the older answer", async () => {
    const { loads, known, controller } = setup();
    controller.sync(undefined);
    expect(controller.loading).to.equal(true);
    controller.sync(undefined);
    expect(loads[0]?.signal.aborted).to.equal(true);
    loads[1]?.resolve(someone);
    await tick();
    expect(known).to.deep.equal([someone]);
    expect(controller.loading).to.equal(false);
  });

  it('a failed load counts as nobody signed in', async () => {
    const { loads, known, controller } = setup();
    controller.sync(undefined);
    loads[0]?.reject(new Error('down'));
    await tick();
    expect(known).to.deep.equal([null]);
  });

  it('disconnecting aborts the load; reconnecting asks again', async () => {
    const { host, loads, known, controller } = setup();
    controller.sync(undefined);
    host.disconnect();
    expect(loads[0]?.signal.aborted).to.equal(true);
    await tick();
    expect(known).to.deep.equal([]);
    host.connect();
    expect(loads).to.have.length(2);
    loads[1]?.resolve(null);
    await tick();
    expect(known).to.deep.equal([null]);
    // Once known, a reconnect asks nothing more.
    host.disconnect();
    host.connect();
    expect(loads).to.have.length(2);
  });
});
