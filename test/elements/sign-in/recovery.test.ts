// Issue 11 for <support-sign-in>: a fuzzed bad answer to POST /session shows an error and keeps
// the email; signing in again (the form's own retry) works.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createFetchAdapter } from '../../../src/adapters/fetch-adapter.js';
import '../../../src/define/support-sign-in.js';
import type { SupportSignIn } from '../../../src/define/support-sign-in.js';
import { SESSION } from '../../adapters/fuzz-bodies.js';
import { refusedBodies } from '../recovery-support.js';
import { $ } from '../../support/dom.js';

function fill(el: SupportSignIn, selector: string, value: string): void {
  const control = $<HTMLInputElement>(el, selector);
  control.value = value;
  control.dispatchEvent(new Event('input'));
}

describe('<support-sign-in> recovers from a bad answer', () => {
  it('each fuzzed bad answer: an error, the email kept; signing in again works', async () => {
    const refused = await refusedBodies({ session: SESSION, token: 'tok' }, (b) => b.signIn({ email: 'a@example.com', password: 'p', realm: 'product' }), 3);
    expect(refused.length).to.equal(3);
    for (const { body } of refused) {
      let calls = 0;
      const backend = createFetchAdapter({
        baseUrl: 'https://api.example.test',
        retry: { retries: 0 },
        fetch: () => {
          calls++;
          const text = calls === 1 ? body.text : JSON.stringify({ session: SESSION, token: 'tok' });
          return Promise.resolve(new Response(text, { status: 200, headers: { 'Content-Type': 'application/json' } }));
        },
      });
      const el = await fixture<SupportSignIn>(html`<support-sign-in locale="en" .backend=${backend}></support-sign-in>`);
      await el.updateComplete;
      fill(el, '#email', 'alex@example.com');
      fill(el, '#password', 'secret');
      $<HTMLButtonElement>(el, 'button[type="submit"]').click();
      await waitUntil(() => el.shadowRoot?.querySelector('.notice--error'), `${body.label}: no error`);
      expect($(el, '.notice--error').textContent, body.label).to.include('could not read');
      expect($<HTMLInputElement>(el, '#email').value).to.equal('alex@example.com');
      const changed = new Promise<Event>((resolve) => el.addEventListener('session-changed', resolve, { once: true }));
      fill(el, '#password', 'secret');
      $<HTMLButtonElement>(el, 'button[type="submit"]').click();
      await changed;
      expect(calls).to.equal(2);
    }
  });
});
