// Issue 11 for <support-contact> and <support-sign-in-help>: a malformed GET /session with a
// valid host token shows the error with a retry (not a sign-in form the token does not need),
// and the retry recovers; a bad answer to the sign-in help form keeps what was typed and the
// form's own submit recovers.
import { expect, fixture, html } from '@open-wc/testing';
import { createFetchAdapter } from '../../../src/adapters/fetch-adapter.js';
import { createMemoryBackend } from '../../../src/adapters/memory-adapter.js';
import { seedConfig } from '../../../src/core/config.js';
import '../../../src/define/support-contact.js';
import type { SupportContact } from '../../../src/define/support-contact.js';
import type { SupportSignInHelp } from '../../../src/define/support-sign-in-help.js';
import '../../../src/define/support-sign-in-help.js';
import { badBodies, RECEIPT, SESSION } from '../../adapters/fuzz-bodies.js';
import { failingOnce, refusedBodies } from '../recovery-support.js';
import { $, has, until } from './helpers.js';
import fc from 'fast-check';

describe('<support-contact> recovers from a bad GET /session', () => {
  afterEach(() => localStorage.clear());

  it('each fuzzed bad answer, with a valid host token: the error and "Try again", no sign-in form; the retry signs in', async () => {
    const bodies = fc.sample(badBodies({ session: SESSION }), 30).filter((body) => body.text.length < 200_000);
    let checked = 0;
    for (const body of bodies) {
      let calls = 0;
      const backend = createFetchAdapter({
        baseUrl: 'https://api.example.test',
        getToken: () => 'host-token',
        retry: { retries: 0 },
        fetch: () => {
          calls++;
          const text = calls === 1 ? body.text : JSON.stringify({ session: SESSION });
          return Promise.resolve(new Response(text, { status: 200, headers: { 'Content-Type': 'application/json' } }));
        },
      });
      const el = await fixture<SupportContact>(html`<support-contact locale="en" .backend=${backend} .config=${seedConfig}></support-contact>`);
      await el.localeReady;
      await until(() => el.shadowRoot?.querySelector('.page')?.getAttribute('aria-busy') === 'false', `${body.label}: session never known`);
      await el.updateComplete;
      if (!has(el, '.session-error')) {
        // The adapter accepted this body (a broken node it does not read): a session or none, both usable.
        continue;
      }
      checked++;
      expect(has(el, 'support-sign-in'), body.label).to.equal(false);
      expect(has(el, '[data-start="sign_in_top_right"]'), body.label).to.equal(false);
      expect($(el, '.session-error').textContent, body.label).to.include('could not read');
      $<HTMLButtonElement>(el, '.session-error button.retry').click();
      await until(() => has(el, '#profile-button'), `${body.label}: the retry did not sign in`);
      expect(has(el, '.session-error')).to.equal(false);
      expect(calls).to.equal(2);
    }
    expect(checked).to.be.greaterThan(10);
  });

  it('a 401 from GET /session is "nobody signed in", not a failure: the page works as signed out', async () => {
    const backend = createFetchAdapter({
      baseUrl: 'https://api.example.test',
      retry: { retries: 0 },
      fetch: () => Promise.resolve(new Response('{"title":"Unauthorized"}', { status: 401, headers: { 'Content-Type': 'application/problem+json' } })),
    });
    const el = await fixture<SupportContact>(html`<support-contact locale="en" .backend=${backend} .config=${seedConfig}></support-contact>`);
    await until(() => el.shadowRoot?.querySelector('.page')?.getAttribute('aria-busy') === 'false', 'session never known');
    await el.updateComplete;
    expect(has(el, '.session-error')).to.equal(false);
    expect(has(el, '[data-start="sign_in_top_right"]')).to.equal(true);
  });
});

describe('<support-sign-in-help> recovers from a bad answer', () => {
  afterEach(() => localStorage.clear());

  it('a fuzzed bad answer: an error, what was typed kept; sending again gives the reference', async () => {
    const [refused] = await refusedBodies(RECEIPT, (b) => b.submitSignInHelp({ name: 'a', email: 'a@example.com', areaId: 'esign', description: 'd' }, { idempotencyKey: 'k' }), 1);
    if (!refused) throw new Error('no refused body');
    const backend = failingOnce(createMemoryBackend(), 'submitSignInHelp', refused.error);
    const el = await fixture<SupportSignInHelp>(html`<support-sign-in-help locale="en" area="esign" .backend=${backend}></support-sign-in-help>`);
    await el.updateComplete;
    for (const [field, value] of [['name', 'Kim Lee'], ['email', 'kim@example.com'], ['description', 'Locked out.']] as const) {
      const control = $<HTMLInputElement>(el, `#${field}`);
      control.value = value;
      control.dispatchEvent(new Event('input'));
    }
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await until(() => el.shadowRoot?.querySelector('.notice--error'), 'no error');
    expect($(el, '.notice--error').textContent).to.include('could not read');
    expect($<HTMLTextAreaElement>(el, '#description').value).to.equal('Locked out.');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await until(() => el.shadowRoot?.querySelector('[part="confirmation"]'), 'sending again did not give a reference');
    expect(backend.calls()).to.equal(2);
  });
});
