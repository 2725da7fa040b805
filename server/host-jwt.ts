/**
 * Host-managed sign-in for the reference server: the host app's backend mints a short-lived
 * JWT (HS256, RFC 7519 / RFC 7518 §3.2) with a secret it shares with this server, the browser
 * posts it to `POST /api/session/jwt`, and gets a session as `POST /api/session` gives one.
 *
 * `mintHostJwt` is the host backend's side (node:crypto only: copy it, docs/EMBEDDING.md shows
 * it); `verifyHostJwt` is this server's. The rules, each a clear 401 when broken:
 * - the header's `alg` is exactly `HS256` (`none`, `HS512`, `RS256`... are refused before any
 *   signature work), the signature is compared in constant time;
 * - `exp` is required, in the future (with `CLOCK_SKEW_S`), and at most `MAX_LIFETIME_S` away
 *   (from `iat` when given, else from now): a long-lived token is refused, not trusted longer;
 * - `iat` and `nbf`, when given, are not in the future (with the same skew);
 * - `jti` is required and single-use until `exp` (the caller records it: store/accounts.ts);
 * - `email` (an address) and `name` are required; `realm` is `product` (default) or
 *   `support_center`.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Realm } from './store.js';

/** The longest a host JWT may live: it is a one-time hand-over, not a session. */
export const MAX_LIFETIME_S = 300;
/** How far the host's clock and this server's may disagree. */
export const CLOCK_SKEW_S = 30;
/** RFC 7518 §3.2: an HS256 key is at least as long as the hash output. */
export const MIN_SECRET_BYTES = 32;

export interface HostJwtClaims {
  readonly email: string;
  readonly name: string;
  readonly realm: Realm;
  readonly jti: string;
  /** Seconds since the epoch. */
  readonly exp: number;
}

/** Why a JWT was refused (said in the 401's detail; never the token itself). */
export class HostJwtError extends Error {}

const b64 = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/**
 * The host backend's side: a JWT for the signed-in user of the host app, valid `lifetimeS`
 * seconds (default 60). Mint one per hand-over; never send the secret to a browser.
 */
export function mintHostJwt(
  user: { readonly email: string; readonly name: string; readonly realm?: Realm },
  secret: string | Buffer,
  { lifetimeS = 60, nowS = Math.floor(Date.now() / 1000) }: { lifetimeS?: number; nowS?: number } = {},
): string {
  const header = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64(JSON.stringify({ ...user, iat: nowS, exp: nowS + lifetimeS, jti: randomUUID() }));
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

function jsonPart(part: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new HostJwtError('The token is not a JWT.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new HostJwtError('The token is not a JWT.');
  return value as Record<string, unknown>;
}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The claims of a valid host JWT at `nowS`; throws HostJwtError otherwise (replay is the caller's check). */
export function verifyHostJwt(token: string, secret: Buffer, nowS: number): HostJwtClaims {
  const parts = token.split('.');
  const [header, payload, signature] = parts;
  if (parts.length !== 3 || !header || !payload || !signature) throw new HostJwtError('The token is not a JWT.');
  const alg = jsonPart(header)['alg'];
  if (alg !== 'HS256') throw new HostJwtError(`Only HS256 tokens are accepted, not ${typeof alg === 'string' ? alg : 'this one'}.`);
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new HostJwtError('The token signature is not valid.');

  const claims = jsonPart(payload);
  const { exp, iat, nbf, jti, email, name, realm } = claims;
  if (!isTime(exp)) throw new HostJwtError('The token has no expiry (exp).');
  if (exp <= nowS - CLOCK_SKEW_S) throw new HostJwtError('The token has expired.');
  if (iat !== undefined && (!isTime(iat) || iat > nowS + CLOCK_SKEW_S)) throw new HostJwtError('The token was issued in the future (iat).');
  if (nbf !== undefined && (!isTime(nbf) || nbf > nowS + CLOCK_SKEW_S)) throw new HostJwtError('The token is not valid yet (nbf).');
  if (exp - (isTime(iat) ? iat : nowS) > MAX_LIFETIME_S) throw new HostJwtError(`The token lives longer than ${MAX_LIFETIME_S} seconds.`);
  if (typeof jti !== 'string' || jti === '' || jti.length > 200) throw new HostJwtError('The token has no id (jti).');
  if (typeof email !== 'string' || typeof name !== 'string' || name.trim() === '') throw new HostJwtError('The token lacks the email or name claim.');
  if (realm !== undefined && realm !== 'product' && realm !== 'support_center') throw new HostJwtError('The token realm is not product or support_center.');
  return { email: email.trim().toLowerCase(), name: name.trim(), realm: realm ?? 'product', jti, exp };
}
