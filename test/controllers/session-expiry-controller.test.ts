import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Session } from '../../src/adapters/backend.js';
import { SessionExpiryController } from '../../src/controllers/session-expiry-controller.js';
import type { SessionExpiredEvent } from '../../src/events/events.js';

const session = (email: string): Session => ({
  user: { name: email, email },
  realm: 'support_center',
  accounts: [{ id: 'acc', name: 'Acc', plan: 'paid' }],
  activeAccountId: 'acc',
});

/** An element host without Lit: `update()` runs the controllers' update hooks as Lit would. */
class ExpiryHost extends HTMLElement implements ReactiveControllerHost {
  session: Session | null | undefined;
  readonly controllers: ReactiveController[] = [];
  readonly updateComplete = Promise.resolve(true);
  readonly expiry = new SessionExpiryController(this);
  get renderRoot(): HTMLElement {
    return this;
  }
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {}
  update(): void {
    for (const c of this.controllers) c.hostUpdate?.();
    for (const c of this.controllers) c.hostUpdated?.();
  }
}
customElements.define('session-expiry-host', ExpiryHost);

function setup(take: boolean): { host: ExpiryHost; events: SessionExpiredEvent[] } {
  const host = document.createElement('session-expiry-host') as ExpiryHost;
  document.body.append(host);
  const events: SessionExpiredEvent[] = [];
  host.addEventListener('session-expired', (event) => {
    events.push(event);
    if (take) event.preventDefault();
  });
  return { host, events };
}

const settled = () => new Promise((resolve) => setTimeout(resolve));

describe('SessionExpiryController', () => {
  afterEach(() => document.body.replaceChildren());

  it('not cancelled: one event (realm, hadSession), nothing waits, nothing resumes', async () => {
    const { host, events } = setup(false);
    let resumed = 0;
    expect(host.expiry.expired('product', () => resumed++)).to.equal(false);
    expect(events.map((e) => [e.realm, e.hadSession, e.bubbles, e.composed])).to.deep.equal([['product', false, true, true]]);
    expect(host.expiry.waitingForHost).to.equal(false);
    host.session = session('a@example.com');
    host.update();
    await settled();
    expect(resumed).to.equal(0);
  });

  it('cancelled: calls refused meanwhile wait without a second event; a new session resumes each once, the same one none', async () => {
    const { host, events } = setup(true);
    const given = session('a@example.com');
    host.session = given;
    host.update();
    const resumed: string[] = [];
    const first = () => resumed.push('first');
    expect(host.expiry.expired('support_center', first)).to.equal(true);
    expect(host.expiry.expired('support_center', () => resumed.push('second'))).to.equal(true);
    expect(host.expiry.expired('support_center', first)).to.equal(true);
    expect(events).to.have.length(1);
    expect(events[0]?.hadSession).to.equal(true);
    expect(host.expiry.waitingForHost).to.equal(true);

    host.update(); // the same session object: not a session handed back
    host.session = null; // nor is no session
    host.update();
    await settled();
    expect(resumed).to.deep.equal([]);

    host.session = session('a@example.com');
    host.update();
    await settled();
    expect(resumed).to.deep.equal(['first', 'second']);
    expect(host.expiry.waitingForHost).to.equal(false);
    host.session = session('a@example.com');
    host.update();
    await settled();
    expect(resumed).to.have.length(2);
  });

  it('a session handed back from inside the listener resumes too', async () => {
    const host = document.createElement('session-expiry-host') as ExpiryHost;
    document.body.append(host);
    host.addEventListener('session-expired', (event) => {
      event.preventDefault();
      host.session = session('c@example.com');
    });
    let resumed = 0;
    expect(host.expiry.expired('product', () => resumed++)).to.equal(true);
    host.update();
    await settled();
    expect(resumed).to.equal(1);
  });

  it('hadSession and realm: from the element or any enclosing one (through shadow roots)', () => {
    const outer = document.createElement('session-expiry-host') as ExpiryHost;
    const inner = document.createElement('session-expiry-host') as ExpiryHost;
    outer.attachShadow({ mode: 'open' }).append(inner);
    document.body.append(outer);
    expect(inner.expiry.hadSession).to.equal(false);
    outer.expiry.noteSession(true);
    expect(inner.expiry.hadSession).to.equal(true);
    expect(inner.expiry.realm).to.equal(undefined);
    inner.expiry.noteSession(session('b@example.com'));
    expect(inner.expiry.realm).to.equal('support_center');
  });
});
