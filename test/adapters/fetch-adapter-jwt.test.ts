/**
 * The host-session path of docs/EMBEDDING.md end to end, over real HTTP: a reference server
 * with `--jwt-secret-file` (its own instance: `reference-server-jwt`), the host's backend
 * minting a JWT with the shared secret (node side: `host-jwt`; the secret never reaches the
 * browser), the page handing it to `createFetchAdapter().signInWithJwt`, and a signed-in
 * `<my-tickets>`; then the server session ends and the host signs in again the same way.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { createFetchAdapter, type FetchAdapter } from '../../src/adapters/fetch-adapter.js';
import '../../src/define/my-tickets.js';
import type { MyTickets } from '../../src/define/my-tickets.js';
import type { SessionExpiredEvent } from '../../src/events/events.js';
import { shadowText, until } from '../support/dom.js';

const USER = { email: 'host-jwt.user@example.com', name: 'Host Jwt User' };

async function apiBase(): Promise<string> {
  const result = await executeServerCommand<{ url?: string; error?: string }, undefined>('reference-server-jwt');
  if (!result?.url) throw new Error(`reference server with a JWT secret did not start: ${result?.error ?? 'no answer'}`);
  return `${result.url}/api`;
}

/** The host's backend: "give me a JWT for the user signed in to my app". */
async function jwtFromHostBackend(): Promise<string> {
  const result = await executeServerCommand<{ jwt?: string }, typeof USER>('host-jwt', USER);
  if (!result?.jwt) throw new Error('no JWT from the host backend');
  return result.jwt;
}

describe('host-managed sign-in through the fetch adapter (POST /api/session/jwt)', () => {
  it('session-expired → the host exchanges its JWT → <my-tickets> signed in; again after the session ends', async () => {
    const backend: FetchAdapter = createFetchAdapter({ baseUrl: await apiBase(), retry: { retries: 0 } });
    const expired: SessionExpiredEvent[] = [];
    const jwts: string[] = [];
    // The host page: it owns sign-in, so it takes every session-expired and hands back a session.
    const onExpired = (event: SessionExpiredEvent) => {
      expired.push(event);
      event.preventDefault();
      const el = event.target as MyTickets;
      void jwtFromHostBackend()
        .then((jwt) => {
          jwts.push(jwt);
          return backend.signInWithJwt(jwt);
        })
        .then((session) => (el.session = session));
    };
    document.addEventListener('session-expired', onExpired);
    try {
      const el = await fixture<MyTickets>(html`<my-tickets locale="en" .backend=${backend}></my-tickets>`);
      await until(() => shadowText(el).includes('You have no support cases yet'), 'not signed in by the host');
      expect(expired.map((e) => e.hadSession)).to.deep.equal([false]);
      expect(el.session?.user.email).to.equal(USER.email);
      expect(el.shadowRoot?.querySelector('support-sign-in')).to.equal(null);
      await backend.createTicket(
        { areaId: 'esign', productId: 'esignature', subject: 'Opened with a host JWT', description: 'Through the reference server.', contactMethod: 'portal', attachmentTokens: [] },
        { idempotencyKey: crypto.randomUUID() },
      );

      // The server session ends (as it would after 30 days): the next load is refused, the host signs in again.
      await backend.signOut();
      await el.refresh().catch(() => undefined);
      await until(() => expired.length === 2, 'no second session-expired');
      await until(() => el.shadowRoot?.querySelector('.row__open')?.textContent?.includes('Opened with a host JWT'), 'the case is not listed after the second sign-in');
      expect(expired[1]?.hadSession).to.equal(true);
      // Neither the JWTs nor anything derived from them went to storage.
      const stored = [localStorage, sessionStorage].flatMap((storage) => Object.keys(storage).map((key) => `${key}=${storage.getItem(key) ?? ''}`));
      expect(jwts).to.have.length(2);
      for (const jwt of jwts) expect(stored.some((entry) => entry.includes(jwt) || entry.includes(jwt.split('.')[2] ?? jwt))).to.equal(false);
      await expect(el).to.be.accessible();
    } finally {
      document.removeEventListener('session-expired', onExpired);
    }
  });
});
