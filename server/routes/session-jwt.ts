/**
 * `POST /api/session/jwt`: the host app's backend vouches for its signed-in user with a
 * short-lived HS256 JWT (server/host-jwt.ts has the rules); the answer is the session and
 * token `POST /api/session` gives. A user the server does not know yet is created from the
 * token's `email`, `name` and `realm`, with one free account and no password (only a host JWT
 * signs them in). Only routed when the server has a secret (`--jwt-secret-file`): 404 else.
 */
import { randomUUID } from 'node:crypto';
import { validateEmailField } from '../../src/core/validation.js';
import type { ApiRoute, Ctx } from '../context.js';
import { CLOCK_SKEW_S, HostJwtError, verifyHostJwt, type HostJwtClaims } from '../host-jwt.js';
import { HttpError, invalid, text, type Reply } from '../http.js';
import type { UserRow } from '../store.js';
import { startSession } from './session.js';

/** No password hash matches this (verifyPassword wants `scrypt$...`): such a user signs in by JWT only. */
const NO_PASSWORD = '!host-jwt';

const refused = (detail: string): HttpError => new HttpError(401, 'unauthorized', detail);

function claimsOf(ctx: Ctx, secret: Buffer): HostJwtClaims {
  const token = text(ctx.body, 'jwt') ?? '';
  if (!token) throw invalid([{ field: 'jwt', code: 'required' }]);
  try {
    return verifyHostJwt(token, secret, Math.floor(ctx.server.now().getTime() / 1000));
  } catch (error) {
    if (error instanceof HostJwtError) throw refused(error.message);
    throw error;
  }
}

async function userOf(ctx: Ctx, claims: HostJwtClaims): Promise<UserRow> {
  const { store } = ctx.server;
  const known = await store.findUserByEmail(claims.email);
  if (known) return known;
  const id = randomUUID();
  const accounts = [{ id: `acc-${id}`, name: claims.name, plan: 'free' as const }];
  await store.insertUser({ id, email: claims.email, name: claims.name, realm: claims.realm, passwordHash: NO_PASSWORD, accounts });
  return { id, realm: claims.realm, password_hash: NO_PASSWORD };
}

async function signInWithJwt(ctx: Ctx): Promise<Reply> {
  const { store, hostJwtSecret, now } = ctx.server;
  if (!hostJwtSecret) throw new HttpError(404, 'not_found', 'Host JWT sign-in is not enabled on this server.');
  const claims = claimsOf(ctx, hostJwtSecret);
  if (validateEmailField('email', claims.email).length > 0) throw refused('The token email claim is not an email address.');
  // Recorded a little past `exp`: a replay within the clock skew is still one.
  if (!(await store.useJwtId(claims.jti, (claims.exp + CLOCK_SKEW_S) * 1000, now().getTime()))) throw refused('This token was already used.');
  const user = await userOf(ctx, claims);
  if (user.realm !== claims.realm) throw refused('The token realm is not this user\u2019s realm.');
  return startSession(ctx, user.id);
}

export const sessionJwtRoutes: readonly ApiRoute[] = [
  { method: 'POST', path: '/api/session/jwt', handler: signInWithJwt, public: true, idempotent: 'key-only' },
];
