import { createHash } from 'node:crypto';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedConfig } from '../../src/core/config.js';
import { validateSignInHelp } from '../../src/core/validation.js';
import { checked, clock, PASSWORD, sql, start, type Started } from './helpers.js';

describe('sessions, catalog, sign-in help', () => {
  let s: Started;
  before(async () => {
    s = await start();
  });
  after(() => s.close());

  const anonymous = { session: null, capabilities: { addWatcher: true, removeWatcher: true, callMe: 'request', live: 'push' } };

  test('GET /api/session is null without a token and with a bad one', async () => {
    assert.deepEqual((await s.api.call('GET', '/api/session')).body, anonymous);
    assert.deepEqual((await s.api.call('GET', '/api/session', { token: 'nope' })).body, anonymous);
  });

  test('sign in, read the session, switch account, sign out', async () => {
    const res = await s.api.call<{ session: { activeAccountId: string; accounts: { id: string; plan: string }[]; realm: string }; token: string }>(
      'POST', '/api/session', { json: { email: 'Sam@Example.com', password: PASSWORD, realm: 'product' } },
    );
    assert.equal(res.status, 201);
    assert.equal(res.body.session.realm, 'product');
    assert.deepEqual(res.body.session.accounts.map((a) => [a.id, a.plan]), [['acc-northwind', 'paid'], ['acc-contoso', 'free']]);
    assert.equal(res.body.session.activeAccountId, 'acc-northwind');
    const token = res.body.token;
    // Stored: the scrypt hash of the password, and only the SHA-256 of the token.
    const stored = await sql<{ token_hash: string }>(s, 'SELECT token_hash FROM sessions');
    assert.ok(stored.some((r) => r.token_hash === createHash('sha256').update(token).digest('hex')));
    assert.ok(stored.every((r) => r.token_hash !== token));
    const [hash] = await sql<{ password_hash: string }>(s, 'SELECT password_hash FROM users WHERE email = ?', ['sam@example.com']);
    assert.match(hash?.password_hash ?? '', /^scrypt\$\d+\$[\w-]+\$[\w-]+$/);
    const current = await s.api.call<{ session: { user: { email: string } } }>('GET', '/api/session', { token });
    assert.equal(current.body.session.user.email, 'sam@example.com');

    const switched = await s.api.call<{ session: { activeAccountId: string } }>('PUT', '/api/session/account', { token, json: { accountId: 'acc-contoso' } });
    assert.equal(switched.status, 200);
    assert.equal(switched.body.session.activeAccountId, 'acc-contoso');
    const stays = await s.api.call<{ session: { activeAccountId: string } }>('GET', '/api/session', { token });
    assert.equal(stays.body.session.activeAccountId, 'acc-contoso');
    const foreign = await s.api.call<{ kind: string }>('PUT', '/api/session/account', { token, json: { accountId: 'acc-alex' } });
    assert.equal(foreign.status, 403);
    assert.equal(foreign.body.kind, 'forbidden');

    assert.equal((await s.api.call('DELETE', '/api/session', { token })).status, 204);
    assert.deepEqual((await s.api.call('GET', '/api/session', { token })).body, anonymous);
    assert.equal((await s.api.call('GET', '/api/tickets', { token })).status, 401);
  });

  test('wrong password, unknown user and wrong realm are 401; missing fields 422', async () => {
    for (const json of [
      { email: 'alex@example.com', password: 'wrong', realm: 'product' },
      { email: 'nobody@example.com', password: PASSWORD, realm: 'product' },
      { email: 'pat@example.com', password: PASSWORD, realm: 'product' },
    ]) {
      const res = await s.api.call<{ kind: string }>('POST', '/api/session', { json });
      assert.equal(res.status, 401);
      assert.equal(res.body.kind, 'unauthorized');
    }
    assert.equal((await s.api.call('POST', '/api/session', { json: { email: 'pat@example.com', password: PASSWORD, realm: 'support_center' } })).status, 201);
    const missing = await s.api.call<{ errors: { field: string; code: string }[] }>('POST', '/api/session', { json: { email: 'x' } });
    assert.equal(missing.status, 422);
    assert.deepEqual(missing.body.errors.map((e) => `${e.field}:${e.code}`), ['email:invalid_email', 'password:required', 'realm:required']);
  });

  test('routes that need a session answer 401 without one', async () => {
    const calls: [string, string][] = [
      ['GET', '/api/tickets'], ['POST', '/api/tickets'], ['GET', '/api/tickets/10000001'], ['POST', '/api/tickets/10000001/comments'],
      ['POST', '/api/uploads'], ['POST', '/api/tickets/10000001/attachments'], ['POST', '/api/tickets/10000001/watchers'],
      ['DELETE', '/api/tickets/10000001/watchers/jamie%40example.com'], ['POST', '/api/tickets/10000001/callbacks'],
      ['DELETE', '/api/session'], ['PUT', '/api/session/account'], ['GET', '/api/attachments/whatever'],
    ];
    for (const [method, path] of calls) {
      const res = await s.api.call<{ kind: string }>(method, path, method === 'GET' || method === 'DELETE' ? {} : { json: {} });
      assert.equal(res.status, 401, `${method} ${path}`);
      assert.equal(res.body.kind, 'unauthorized');
    }
  });

  test('catalog labels follow Accept-Language through matchLocale', async () => {
    const fr = await s.api.call<{ categories: { id: string; label: string }[] }>('GET', '/api/catalog', { lang: 'fr-CA,fr;q=0.9' });
    assert.equal(fr.body.categories[0]?.label, 'Compte et facturation');
    assert.equal(fr.headers.get('content-language'), 'fr');
    const pt = await s.api.call<{ categories: { label: string }[] }>('GET', '/api/catalog', { lang: 'pt' });
    assert.equal(pt.body.categories[0]?.label, 'Conta e cobrança');
    const other = await s.api.call<{ categories: { label: string }[] }>('GET', '/api/catalog', { lang: 'ko' });
    assert.equal(other.body.categories[0]?.label, 'Account and billing');
  });

  test('articles match the subject within an area', async () => {
    const res = await s.api.call<{ items: { id: string }[] }>('GET', '/api/articles?query=reset%20my%20password&areaId=esign');
    assert.equal(res.body.items[0]?.id, 'kb-reset');
    assert.deepEqual((await s.api.call('GET', '/api/articles?query=password&areaId=seal')).body, { items: [] });
    assert.equal((await s.api.call('GET', '/api/articles?query=password')).status, 400);
  });

  test('sign-in help needs no session, validates, and answers a reference', async () => {
    const ok = await s.api.call<{ reference: string }>('POST', '/api/sign-in-help', {
      json: { name: 'Lee', email: 'lee@example.com', areaId: 'seal', description: 'My password reset mail never arrives.' },
    });
    assert.equal(ok.status, 201);
    assert.match(ok.body.reference, /^SH-/);
    const outbox = await s.api.call<{ items: { kind: string; body: string }[] }>('GET', '/api/_dev/outbox?to=lee%40example.com');
    assert.equal(outbox.body.items[0]?.kind, 'sign_in_help');
    assert.ok(outbox.body.items[0]?.body.includes(ok.body.reference));
    const input = { name: '', email: 'no', areaId: 'x', description: '' };
    const bad = await s.api.call<{ errors: { field: string; code: string }[] }>('POST', '/api/sign-in-help', { json: input });
    assert.equal(bad.status, 422);
    // The server answers exactly what src/core/validation.ts says.
    assert.deepEqual(bad.body.errors, validateSignInHelp(input, seedConfig));
    assert.deepEqual(bad.body.errors.map((e) => e.field), ['name', 'email', 'areaId', 'description']);
  });

  test('CORS: preflight and headers on answers', async () => {
    const res = await fetch(`${s.url}/api/tickets`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'idempotency-key,authorization' },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /X-File-Name/);
    const get = await checked('GET', new URL(`${s.url}/api/session`), await fetch(`${s.url}/api/session`, { headers: { Origin: 'http://x.test' } }));
    assert.equal(get.headers.get('access-control-allow-origin'), '*');
    assert.match(get.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
  });
});

test('sign-in rate limit: 5 failures per email and address in 15 minutes, then 429 with Retry-After', async () => {
  const c = clock();
  const s = await start({ now: c.now });
  try {
    for (let i = 0; i < 5; i++) {
      assert.equal((await s.api.call('POST', '/api/session', { json: { email: 'alex@example.com', password: `bad${i}`, realm: 'product' } })).status, 401);
      c.advance(60_000);
    }
    const limited = await s.api.call<{ kind: string }>('POST', '/api/session', { json: { email: 'alex@example.com', password: PASSWORD, realm: 'product' } });
    assert.equal(limited.status, 429);
    assert.equal(limited.body.kind, 'rate_limited');
    assert.equal(limited.headers.get('retry-after'), String(15 * 60 - 5 * 60));
    // Another email from the same address is not limited.
    assert.equal((await s.api.call('POST', '/api/session', { json: { email: 'sam@example.com', password: PASSWORD, realm: 'product' } })).status, 201);
    // Once the oldest failure leaves the window, one more attempt is allowed.
    c.advance(10 * 60_000 + 1);
    assert.equal((await s.api.call('POST', '/api/session', { json: { email: 'alex@example.com', password: PASSWORD, realm: 'product' } })).status, 201);
  } finally {
    await s.close();
  }
});
