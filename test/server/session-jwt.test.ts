/**
 * `POST /api/session/jwt` (issue 13): a JWT minted by the host's backend with
 * `mintHostJwt` (the code docs/EMBEDDING.md shows) becomes a session, exactly as a password
 * sign-in does; every broken rule of server/host-jwt.ts is a 401 that says which.
 */
import assert from 'node:assert/strict';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { createSupportServer } from '../../server/app.js';
import { mintHostJwt } from '../../server/host-jwt.js';
import { clock, start, type Problem, type Started } from './helpers.js';

const SECRET = randomBytes(32);
const MAIN = fileURLToPath(new URL('../../server/main.ts', import.meta.url));
const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token with any header and claims, signed (HS256) with `secret`: for the rules `mintHostJwt` never breaks. */
function forge(header: Record<string, unknown>, claims: Record<string, unknown>, secret: Buffer = SECRET): string {
  const signed = `${b64(header)}.${b64(claims)}`;
  return `${signed}.${createHmac('sha256', secret).update(signed).digest('base64url')}`;
}

interface SignedIn {
  session: { user: { email: string; name: string }; realm: string; accounts: { id: string }[]; activeAccountId: string };
  token: string;
}

describe('POST /api/session/jwt', () => {
  const time = clock('2026-06-01T10:00:00.000Z');
  const nowS = () => Math.floor(time.now().getTime() / 1000);
  const claims = (extra: Record<string, unknown> = {}) => ({
    email: 'host.user@example.com', name: 'Host User', iat: nowS(), exp: nowS() + 60, jti: randomUUID(), ...extra,
  });
  let s: Started;
  before(async () => {
    s = await start({ now: time.now, hostJwtSecret: SECRET });
  });
  after(() => s.close());

  const post = (jwt: unknown) => s.api.call<SignedIn & Problem>('POST', '/api/session/jwt', { json: { jwt } });

  async function refused(jwt: unknown, detail: RegExp): Promise<void> {
    const res = await post(jwt);
    assert.equal(res.status, 401, JSON.stringify(res.body));
    assert.equal(res.body.kind, 'unauthorized');
    assert.match(res.body.detail ?? '', detail);
    assert.equal(res.body.token, undefined);
  }

  test('a valid token: the session of POST /api/session, whose bearer token works; a known user keeps their accounts', async () => {
    const res = await post(mintHostJwt({ email: 'Host.User@Example.com', name: 'Host User' }, SECRET, { nowS: nowS() }));
    assert.equal(res.status, 201);
    assert.equal(res.body.session.user.email, 'host.user@example.com');
    assert.equal(res.body.session.realm, 'product');
    assert.equal(res.body.session.accounts.length, 1);
    const me = await s.api.call<{ session: { user: { name: string } } }>('GET', '/api/session', { token: res.body.token });
    assert.equal(me.body.session.user.name, 'Host User');
    assert.equal((await s.api.call('GET', '/api/tickets', { token: res.body.token })).status, 200);

    const sam = await post(mintHostJwt({ email: 'sam@example.com', name: 'Sam' }, SECRET, { nowS: nowS() }));
    assert.equal(sam.status, 201);
    assert.deepEqual(sam.body.session.accounts.map((a) => a.id), ['acc-northwind', 'acc-contoso']);
    const pat = await post(mintHostJwt({ email: 'pat@example.com', name: 'Pat', realm: 'support_center' }, SECRET, { nowS: nowS() }));
    assert.equal(pat.body.session.realm, 'support_center');
  });

  test('expired, too long-lived, not yet valid, issued in the future: 401 (30 s of clock skew allowed)', async () => {
    await refused(forge({ alg: 'HS256' }, claims({ iat: nowS() - 120, exp: nowS() - 31 })), /expired/);
    assert.equal((await post(forge({ alg: 'HS256' }, claims({ iat: nowS() - 60, exp: nowS() - 20 })))).status, 201);
    await refused(forge({ alg: 'HS256' }, claims({ exp: nowS() + 3600 })), /longer than 300 seconds/);
    await refused(forge({ alg: 'HS256' }, claims({ iat: undefined, exp: nowS() + 301 })), /longer than 300 seconds/);
    await refused(forge({ alg: 'HS256' }, claims({ nbf: nowS() + 60 })), /not valid yet/);
    await refused(forge({ alg: 'HS256' }, claims({ iat: nowS() + 60, exp: nowS() + 90 })), /future/);
  });

  test('a bad signature, another secret, alg none and other algorithms: 401', async () => {
    const good = mintHostJwt({ email: 'host.user@example.com', name: 'Host User' }, SECRET, { nowS: nowS() });
    const [header, payload, signature = ''] = good.split('.');
    const flipped = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    await refused(`${header}.${payload}.${flipped}`, /signature/);
    await refused(mintHostJwt({ email: 'host.user@example.com', name: 'Host User' }, randomBytes(32), { nowS: nowS() }), /signature/);
    // A changed claim under the old signature (an attacker raising their own privileges).
    await refused(`${header}.${b64({ ...claims(), email: 'alex@example.com' })}.${signature}`, /signature/);
    await refused(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`, /not a JWT|HS256/);
    await refused(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.${signature}`, /Only HS256/);
    await refused(forge({ alg: 'HS512' }, claims()), /Only HS256/);
    await refused(forge({ alg: 'RS256' }, claims()), /Only HS256/);
    await refused('not-a-jwt', /not a JWT/);
  });

  test('a replayed jti: the second use is 401', async () => {
    const jwt = mintHostJwt({ email: 'host.user@example.com', name: 'Host User' }, SECRET, { nowS: nowS() });
    assert.equal((await post(jwt)).status, 201);
    await refused(jwt, /already used/);
    // Another token with the same id is a replay too.
    const jti = randomUUID();
    assert.equal((await post(forge({ alg: 'HS256' }, claims({ jti })))).status, 201);
    await refused(forge({ alg: 'HS256' }, claims({ jti })), /already used/);
  });

  test('missing or wrong claims: 401; no jwt in the body: 422', async () => {
    await refused(forge({ alg: 'HS256' }, claims({ exp: undefined })), /no expiry/);
    await refused(forge({ alg: 'HS256' }, claims({ jti: undefined })), /no id/);
    await refused(forge({ alg: 'HS256' }, claims({ email: undefined })), /email or name/);
    await refused(forge({ alg: 'HS256' }, claims({ name: ' ' })), /email or name/);
    await refused(forge({ alg: 'HS256' }, claims({ email: 'not an address' })), /not an email address/);
    await refused(forge({ alg: 'HS256' }, claims({ realm: 'admin' })), /realm/);
    // A user of the other realm cannot be signed into this one.
    await refused(forge({ alg: 'HS256' }, claims({ email: 'pat@example.com', realm: 'product' })), /realm/);
    const missing = await s.api.call<Problem>('POST', '/api/session/jwt', { json: {} });
    assert.equal(missing.status, 422);
    assert.deepEqual(missing.body.errors, [{ field: 'jwt', code: 'required' }]);
  });
});

describe('POST /api/session/jwt without a secret', () => {
  test('the route does not exist: 404', async () => {
    const s = await start();
    try {
      const res = await s.api.call<Problem>('POST', '/api/session/jwt', { json: { jwt: mintHostJwt({ email: 'a@example.com', name: 'A' }, SECRET) } });
      assert.equal(res.status, 404);
    } finally {
      await s.close();
    }
  });

  test('a secret shorter than 32 bytes is refused at start', () => {
    // Checked before anything is opened or written.
    assert.throws(() => createSupportServer({ dataDir: join(tmpdir(), 'never-made'), hostJwtSecret: Buffer.from('short') }), /at least 32 bytes/);
  });
});

test('server/main.ts --jwt-secret-file: the route works with the file\u2019s secret, which is never printed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'support-jwt-'));
  const secret = randomBytes(32).toString('hex');
  writeFileSync(join(dir, 'secret.txt'), `${secret}\n`);
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--port', '0', '--data', join(dir, 'data'), '--jwt-secret-file', join(dir, 'secret.txt')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    const first = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`exited with ${String(code)}: ${output}`)));
    });
    output += first;
    const url = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(first)?.[1];
    assert.ok(url, first);
    const res = await fetch(`${url}/api/session/jwt`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
      // The trailing newline of the file is not part of the secret.
      body: JSON.stringify({ jwt: mintHostJwt({ email: 'cli.user@example.com', name: 'CLI User' }, secret) }),
    });
    assert.equal(res.status, 201);
    assert.ok(!output.includes(secret));
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
});
