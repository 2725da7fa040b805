/**
 * What the widget may offer comes from the server (issue 13): every session envelope carries
 * the connector's `capabilities`, also before sign-in, and a helpdesk connector serves no
 * event stream by default, so the widget is told to poll.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { BackendCapabilities } from '../../src/adapters/backend.js';
import { connectorFor } from '../../server/connectors/index.js';
import { mintHostJwt } from '../../server/host-jwt.js';
import { startFreshdeskMock } from '../support/freshdesk-mock.mjs';
import { startZendeskTicketsMock } from '../support/zendesk-tickets-mock.mjs';
import { start, type Started } from './helpers.js';

type Envelope = { capabilities?: BackendCapabilities; token?: string; session: { accounts: { id: string }[] } | null };

/** The capabilities of each envelope a widget can receive, in order: before sign-in, sign-in, session, account, host JWT. */
async function envelopes(s: Started, jwtSecret?: Buffer): Promise<(BackendCapabilities | undefined)[]> {
  const anonymous = await s.api.call<Envelope>('GET', '/api/session');
  const signedIn = await s.api.call<Envelope>('POST', '/api/session', { json: { email: 'alex@example.com', password: 'correct horse battery', realm: 'product' } });
  assert.equal(signedIn.status, 201, JSON.stringify(signedIn.body));
  const token = signedIn.body.token ?? '';
  const session = await s.api.call<Envelope>('GET', '/api/session', { token });
  const accountId = session.body.session?.accounts[0]?.id ?? '';
  const account = await s.api.call<Envelope>('PUT', '/api/session/account', { token, json: { accountId } });
  assert.equal(account.status, 200, JSON.stringify(account.body));
  const all = [anonymous, signedIn, session, account].map((r) => r.body.capabilities);
  if (jwtSecret) {
    const jwt = await s.api.call<Envelope>('POST', '/api/session/jwt', { json: { jwt: mintHostJwt({ email: 'host.caps@example.com', name: 'Host Caps' }, jwtSecret) } });
    assert.equal(jwt.status, 201, JSON.stringify(jwt.body));
    all.push(jwt.body.capabilities);
  }
  return all;
}

async function eventsStatus(s: Started): Promise<number> {
  const token = await s.api.signIn('alex@example.com');
  const controller = new AbortController();
  const res = await fetch(`${s.url}/api/events`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  controller.abort();
  await res.body?.cancel().catch(() => undefined);
  return res.status;
}

describe('capabilities in the session envelope', () => {
  test('sqlite: everything, pushed; on every envelope, also before sign-in and after a host JWT', async () => {
    const secret = randomBytes(32);
    const s = await start({ hostJwtSecret: secret });
    try {
      const full: BackendCapabilities = { addWatcher: true, removeWatcher: true, callMe: 'request', live: 'push' };
      assert.deepEqual(await envelopes(s, secret), [full, full, full, full, full]);
      assert.equal(await eventsStatus(s), 200);
    } finally {
      await s.close();
    }
  });

  test('sqlite with the stream turned off: poll', async () => {
    const s = await start({ events: { off: true } });
    try {
      assert.equal((await s.api.call<Envelope>('GET', '/api/session')).body.capabilities?.live, 'poll');
      assert.equal(await eventsStatus(s), 404);
    } finally {
      await s.close();
    }
  });

  describe('Freshdesk connector', () => {
    let mock: Awaited<ReturnType<typeof startFreshdeskMock>>;
    let s: Started;
    before(async () => {
      mock = await startFreshdeskMock({ apiKey: 'fd-caps-key' });
      s = await start({ connector: connectorFor({ name: 'freshdesk', baseUrl: mock.url, apiKey: 'fd-caps-key' }) });
    });
    after(async () => {
      await s.close();
      await mock.close();
    });

    test('no adding or removing watchers (Update a Ticket has no cc_emails), Call me as a request, polled: no stream', async () => {
      const declared: BackendCapabilities = { addWatcher: false, removeWatcher: false, callMe: 'request', live: 'poll' };
      assert.deepEqual(await envelopes(s), [declared, declared, declared, declared]);
      assert.equal(await eventsStatus(s), 404);
    });
  });

  describe('Zendesk connector', () => {
    let mock: Awaited<ReturnType<typeof startZendeskTicketsMock>>;
    let s: Started;
    before(async () => {
      mock = await startZendeskTicketsMock();
      s = await start({ connector: connectorFor({ name: 'zendesk', baseUrl: mock.url, email: mock.email, token: mock.token }) });
    });
    after(async () => {
      await s.close();
      await mock.close();
    });

    test('the agent token adds and removes email CCs; Call me as a request; polled: no stream', async () => {
      const declared: BackendCapabilities = { addWatcher: true, removeWatcher: true, callMe: 'request', live: 'poll' };
      assert.deepEqual(await envelopes(s), [declared, declared, declared, declared]);
      assert.equal(await eventsStatus(s), 404);
    });
  });
});
