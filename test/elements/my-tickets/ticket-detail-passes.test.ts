import { expect, waitUntil } from '@open-wc/testing';
import { createMemoryBackend } from '../../../src/adapters/memory-adapter.js';
import '../../../src/define/support-ticket-detail.js';
import { now, seeded } from './helpers.js';

/** Lets every pending timer and microtask run: what a user sees once the page is quiet. */
async function quiet(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('<support-ticket-detail> update passes (issue 15)', () => {
  afterEach(() => localStorage.clear());

  it('shows a case with 50 comments in few update passes, and renders those comments once', async () => {
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com', now });
    const number = await seeded(backend, 'open');
    for (let i = 0; i < 50; i++) backend.agentReply(number, `Reply ${i + 1}`);
    const el = document.createElement('support-ticket-detail');
    el.backend = backend;
    el.number = number;
    el.locale = 'en';
    // The comments shown after each pass: each pass with comments re-renders all 50.
    const shownPerPass: number[] = [];
    el.addController({ hostUpdated: () => shownPerPass.push(el.shadowRoot?.querySelectorAll('.conversation > li').length ?? 0) });
    document.body.append(el);
    try {
      await waitUntil(() => (el.shadowRoot?.querySelectorAll('.conversation > li').length ?? 0) >= 50, 'the comments did not show');
      await quiet();
      const first = shownPerPass.findIndex((count) => count >= 50);
      expect(first, `passes: ${shownPerPass.join(',')}`).to.be.within(0, 2);
      expect(shownPerPass.length, `passes: ${shownPerPass.join(',')}`).to.be.at.most(2);
    } finally {
      el.remove();
    }
  });

  it('asks the backend who is signed in only when it does not know it already', async () => {
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com', now });
    const number = await seeded(backend, 'open');
    let asked = 0;
    const getSession: typeof backend.getSession = (options) => (asked++, backend.getSession(options));
    const { knownSession: _unknown, ...remote } = backend;
    for (const [shown, expected] of [[{ ...backend, getSession }, 0], [{ ...remote, getSession }, 1]] as const) {
      asked = 0;
      const el = document.createElement('support-ticket-detail');
      el.backend = shown;
      el.number = number;
      el.locale = 'en';
      document.body.append(el);
      try {
        await waitUntil(() => el.shadowRoot?.querySelector('.description'), 'the case did not show');
        expect(asked).to.equal(expected);
      } finally {
        el.remove();
      }
    }
  });
});
