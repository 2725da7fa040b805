import { expect, waitUntil } from '@open-wc/testing';
import { createMemoryBackend } from '../../../src/adapters/memory-adapter.js';
import '../../../src/define/ticket-form.js';
import type { TicketForm } from '../../../src/define/ticket-form.js';
import { find, headingText } from './helpers.js';

/** A form as the bench makes it (issue 15): area and product given, the memory backend signed in. */
function formWith(backend = createMemoryBackend({ signedInAs: 'alex@example.com' })): { el: TicketForm; passes: () => number } {
  const el = document.createElement('ticket-form');
  el.backend = backend;
  el.area = 'esign';
  el.product = 'esignature';
  el.locale = 'en';
  let count = 0;
  el.addController({ hostUpdated: () => void count++ });
  return { el, passes: () => count };
}

async function settle(el: TicketForm): Promise<void> {
  await waitUntil(() => find(el, '.step-heading'), 'no first step');
  // Late passes (a task settling after the first step) count too.
  for (let i = 0; i < 5; i++) {
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('<ticket-form> render passes to the first step (issue 15)', () => {
  afterEach(() => {
    document.querySelectorAll('ticket-form').forEach((el) => el.remove());
    localStorage.clear();
  });

  it('renders the subject step in one pass when the backend knows the session: no call, no task with nothing to fetch', async () => {
    const { el, passes } = formWith();
    document.body.append(el);
    await settle(el);
    expect(headingText(el)).to.equal('What is your case about?');
    expect(passes()).to.equal(1);
  });

  it('asks a backend that does not know the session: the answer costs a second pass', async () => {
    const { knownSession: _unknown, ...remote } = createMemoryBackend({ signedInAs: 'alex@example.com' });
    const { el, passes } = formWith(remote);
    document.body.append(el);
    await settle(el);
    expect(headingText(el)).to.equal('What is your case about?');
    expect(passes()).to.equal(2);
  });

  it('renders the subject step in one pass when the host gives the session', async () => {
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com' });
    const session = await backend.getSession();
    const { el, passes } = formWith(backend);
    el.session = session;
    const ready = new Promise<void>((resolve) => el.addEventListener('support-ready', () => resolve(), { once: true }));
    document.body.append(el);
    await settle(el);
    await ready;
    expect(headingText(el)).to.equal('What is your case about?');
    expect(passes()).to.equal(1);
  });
});
