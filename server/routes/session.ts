/**
 * Sign-in, the session, sign-out and the active account. Failed sign-ins are limited per
 * email and client address.
 */
import type { Session } from '../../src/adapters/backend.js';
import type { FieldError } from '../../src/core/errors.js';
import { validateEmailField } from '../../src/core/validation.js';
import { newToken, sha256, verifyPassword } from '../auth.js';
import type { ApiRoute, Ctx } from '../context.js';
import { HttpError, invalid, text, type Reply } from '../http.js';
import { requireSession } from './shared.js';

const SESSION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
const LOGIN_MAX_FAILURES = 5;

/**
 * Every session envelope carries the connector's capabilities: `GET /api/session` is the
 * first (and public) call a widget makes, so it knows them before sign-in, with no extra
 * request and no extra route.
 */
function envelope(ctx: Ctx, session: Session | null, token?: string): Reply['body'] {
  return { session, capabilities: ctx.server.capabilities, ...(token === undefined ? {} : { token }) };
}

async function getSession(ctx: Ctx): Promise<Reply> {
  const { session } = ctx;
  return { status: 200, body: envelope(ctx, session ? await ctx.server.store.sessionView(session.userId, session.activeAccountId) : null) };
}

async function signIn(ctx: Ctx): Promise<Reply> {
  const { store, now, scryptCost } = ctx.server;
  const email = (text(ctx.body, 'email') ?? '').trim().toLowerCase();
  const password = text(ctx.body, 'password') ?? '';
  const realm = text(ctx.body, 'realm');
  const errors: FieldError[] = [...validateEmailField('email', email)];
  if (!password) errors.push({ field: 'password', code: 'required' });
  if (!realm) errors.push({ field: 'realm', code: 'required' });
  else if (realm !== 'product' && realm !== 'support_center') errors.push({ field: 'realm', code: 'invalid_choice' });
  if (errors.length > 0) throw invalid(errors);

  const nowMs = now().getTime();
  const failures = await store.recentFailures(email, ctx.ip, nowMs - LOGIN_WINDOW_MS);
  const oldest = failures[0];
  if (failures.length >= LOGIN_MAX_FAILURES && oldest !== undefined) {
    const retryAfter = Math.max(1, Math.ceil((oldest + LOGIN_WINDOW_MS - nowMs) / 1000));
    throw new HttpError(429, 'rate_limited', 'Too many failed sign-ins. Try again later.', { headers: { 'Retry-After': String(retryAfter) } });
  }
  const user = await store.findUserByEmail(email);
  const passwordOk = await verifyPassword(password, user?.password_hash, scryptCost);
  if (!user || !passwordOk || user.realm !== realm) {
    await store.recordFailure(email, ctx.ip, nowMs);
    throw new HttpError(401, 'unauthorized', 'The email address, password or kind of account is not right.');
  }
  await store.clearFailures(email, ctx.ip);
  return startSession(ctx, user.id);
}

/** A new session of `userId` on their first account: the 201 of every sign-in (password or host JWT). */
export async function startSession(ctx: Ctx, userId: string): Promise<Reply> {
  const { store, now } = ctx.server;
  const accountId = (await store.firstAccountId(userId)) ?? '';
  const token = newToken();
  const createdAt = now();
  await store.insertSession({
    tokenHash: sha256(token),
    userId,
    accountId,
    at: createdAt.toISOString(),
    expiresAt: new Date(createdAt.getTime() + SESSION_DAYS * DAY_MS).toISOString(),
  });
  return { status: 201, body: envelope(ctx, await store.sessionView(userId, accountId), token) };
}

async function signOut(ctx: Ctx): Promise<Reply> {
  await ctx.server.store.deleteSession(requireSession(ctx).tokenHash);
  return { status: 204 };
}

async function selectAccount(ctx: Ctx): Promise<Reply> {
  const { store } = ctx.server;
  const session = requireSession(ctx);
  const accountId = text(ctx.body, 'accountId');
  if (!accountId) throw invalid([{ field: 'accountId', code: 'required' }]);
  if (!(await store.accountOf(session.userId, accountId))) throw new HttpError(403, 'forbidden', 'Not one of your accounts.');
  await store.setActiveAccount(session.tokenHash, accountId);
  return { status: 200, body: envelope(ctx, await store.sessionView(session.userId, accountId)) };
}

export const sessionRoutes: readonly ApiRoute[] = [
  { method: 'GET', path: '/api/session', handler: getSession, public: true },
  { method: 'POST', path: '/api/session', handler: signIn, public: true, idempotent: 'key-only' },
  { method: 'DELETE', path: '/api/session', handler: signOut },
  { method: 'PUT', path: '/api/session/account', handler: selectAccount },
];
