/**
 * Host-managed tokens (issue 13) seen from the elements, over real HTTP against the reference
 * server: when the host's token has expired, the adapter asks the host's `refreshToken()` once
 * and the element carries on as if nothing happened (no sign-in form, no `session-expired`, the
 * typed comment sent once); when the host cannot renew it, `session-expired` follows and the
 * typed comment is still there.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { SupportBackend } from '../../../src/adapters/backend.js';
import { createFetchAdapter } from '../../../src/adapters/fetch-adapter.js';
import { DEMO_PASSWORD } from '../../../src/adapters/memory-adapter.js';
import '../../../src/define/my-tickets.js';
import type { MyTickets } from '../../../src/define/my-tickets.js';
import type { SessionExpiredEvent } from '../../../src/events/events.js';
import { namedReferenceServer } from '../../adapters/servers.js';
import { $, has, setValue, shadowText, until } from '../../support/dom.js';

const USER = { email: 'alex@example.com', password: DEMO_PASSWORD, realm: 'product' } as const;

/** A token of the host's own, as its backend would hold one. */
async function hostToken(api: string): Promise<string> {
  const res = await fetch(`${api}/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify(USER),
  });
  const body = (await res.json()) as { token?: unknown };
  if (typeof body.token !== 'string') throw new Error(`no token (${res.status})`);
  return body.token;
}

/** A token the server no longer accepts: signed in, then signed out. */
async function expiredToken(api: string): Promise<string> {
  const token = await hostToken(api);
  await fetch(`${api}/session`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
  return token;
}

async function commentsOn(api: string, token: string, number: string): Promise<string[]> {
  const ticket = await createFetchAdapter({ baseUrl: api, getToken: () => token }).getTicket(number);
  return ticket.comments.map((c) => c.body);
}

/** A case of Alex's, opened in `<my-tickets ticket=…>` through `backend`. */
async function openCase(api: string, backend: SupportBackend): Promise<{ el: MyTickets; detail: HTMLElement; number: string }> {
  const setup = createFetchAdapter({ baseUrl: api });
  await setup.signIn({ email: USER.email, password: USER.password, realm: 'product' });
  const subject = `Token refresh ${crypto.randomUUID().slice(0, 8)}`;
  const ticket = await setup.createTicket(
    { areaId: 'esign', productId: 'esignature', subject, description: 'Seeded for this test.', contactMethod: 'portal', attachmentTokens: [] },
    { idempotencyKey: crypto.randomUUID() },
  );
  const el = await fixture<MyTickets>(html`<my-tickets locale="en" ticket=${ticket.number} .backend=${backend}></my-tickets>`);
  const detail = $(el, 'support-ticket-detail');
  await until(() => shadowText(detail).includes(subject), 'case not shown');
  return { el, detail, number: ticket.number };
}

describe('host token refresh in the elements (reference server)', () => {
  let api: string;
  const expired: SessionExpiredEvent[] = [];
  const onExpired = (event: SessionExpiredEvent) => expired.push(event);

  before(async () => {
    api = await namedReferenceServer('token-refresh-elements');
  });
  beforeEach(() => {
    expired.length = 0;
    document.addEventListener('session-expired', onExpired);
  });
  afterEach(() => {
    document.removeEventListener('session-expired', onExpired);
    localStorage.clear();
  });

  it('renews an expired token once and sends the comment once, with no sign-in and no session-expired', async () => {
    let token = await hostToken(api);
    let refreshes = 0;
    const backend = createFetchAdapter({
      baseUrl: api,
      getToken: () => token,
      refreshToken: async () => {
        refreshes += 1;
        token = await hostToken(api);
        return token;
      },
    });
    const { el, detail, number } = await openCase(api, backend);
    const text = `Renewed token comment ${crypto.randomUUID().slice(0, 8)}`;
    setValue($<HTMLTextAreaElement>(detail, '#comment'), text);

    // The host's token ends while the user types (signed out elsewhere).
    await fetch(`${api}/session`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
    $<HTMLButtonElement>(detail, '.comment-form button[type=submit]').click();

    await until(() => shadowText(detail).includes(text) && !$<HTMLTextAreaElement>(detail, '#comment').value, 'the comment was not sent');
    expect(refreshes).to.equal(1);
    expect(expired).to.have.length(0);
    expect(has(el, 'support-sign-in') || has(detail, 'support-sign-in')).to.equal(false);
    expect((await commentsOn(api, token, number)).filter((body) => body === text)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('when the host cannot renew it: session-expired, sign-in in place, the typed comment kept', async () => {
    let token: string | undefined = await hostToken(api);
    let refreshes = 0;
    const backend = createFetchAdapter({
      baseUrl: api,
      getToken: () => token,
      // The host's own session is gone too: it has no token left to give.
      refreshToken: () => {
        refreshes += 1;
        token = undefined;
        return Promise.resolve(undefined);
      },
    });
    const { el, detail } = await openCase(api, backend);
    const text = `Kept comment ${crypto.randomUUID().slice(0, 8)}`;
    setValue($<HTMLTextAreaElement>(detail, '#comment'), text);

    token = await expiredToken(api);
    $<HTMLButtonElement>(detail, '.comment-form button[type=submit]').click();

    await until(() => expired.length === 1, 'no session-expired');
    expect(refreshes).to.equal(1);
    await until(() => has(detail, 'support-sign-in'), 'no sign-in in place');
    const signIn = $(detail, 'support-sign-in');
    await (signIn as unknown as { updateComplete: Promise<boolean> }).updateComplete;
    setValue($<HTMLInputElement>(signIn, '#email'), USER.email);
    setValue($<HTMLInputElement>(signIn, '#password'), USER.password);
    $<HTMLButtonElement>(signIn, 'button[type=submit]').click();
    await until(() => !has(detail, 'support-sign-in') && has(detail, '#comment'), 'the case did not come back after sign-in');
    expect($<HTMLTextAreaElement>(detail, '#comment').value).to.equal(text);
    expect(el.isConnected).to.equal(true);
  });
});
