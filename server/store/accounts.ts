/**
 * Users, their accounts, sessions and failed sign-ins in SQLite.
 */
import type { Session } from '../../src/adapters/backend.js';
import { prepared, type Db } from './db.js';

export type Realm = 'product' | 'support_center';

/** A valid session as the request pipeline sees it. */
export interface SessionInfo {
  readonly tokenHash: string;
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly realm: Realm;
  readonly activeAccountId: string;
}

export interface UserRow {
  readonly id: string;
  readonly realm: Realm;
  readonly password_hash: string;
}

export function countUsers(db: Db): number {
  return (prepared(db, 'SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
}

export function insertUser(
  db: Db,
  user: { id: string; email: string; name: string; realm: Realm; passwordHash: string; accounts: readonly { id: string; name: string; plan: 'free' | 'paid' }[] },
): void {
  prepared(db, 'INSERT INTO users (id, email, name, realm, password_hash) VALUES (?, ?, ?, ?, ?)').run(user.id, user.email, user.name, user.realm, user.passwordHash);
  user.accounts.forEach((a, i) =>
    prepared(db, 'INSERT INTO accounts (id, user_id, name, plan, position) VALUES (?, ?, ?, ?, ?)').run(a.id, user.id, a.name, a.plan, i),
  );
}

export function findUserByEmail(db: Db, email: string): UserRow | undefined {
  return prepared(db, 'SELECT id, realm, password_hash FROM users WHERE email = ?').get(email) as UserRow | undefined;
}

/** The session with this token hash, when it has not expired at `at`. */
export function findSession(db: Db, tokenHash: string, at: string): SessionInfo | undefined {
  const row = prepared(
    db,
    `SELECT s.user_id, s.active_account_id, s.expires_at, u.email, u.name, u.realm
     FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`,
  ).get(tokenHash) as
    | { user_id: string; active_account_id: string; expires_at: string; email: string; name: string; realm: Realm }
    | undefined;
  if (!row || row.expires_at <= at) return undefined;
  return { tokenHash, userId: row.user_id, email: row.email, name: row.name, realm: row.realm, activeAccountId: row.active_account_id };
}

/** The contract's `Session`: the user, their realm and accounts in order, and the active one. */
export function sessionView(db: Db, userId: string, activeAccountId: string): Session {
  const user = prepared(db, 'SELECT email, name, realm FROM users WHERE id = ?').get(userId) as { email: string; name: string; realm: Realm };
  const accounts = prepared(db, 'SELECT id, name, plan FROM accounts WHERE user_id = ? ORDER BY position').all(userId) as {
    id: string;
    name: string;
    plan: 'free' | 'paid';
  }[];
  return { user: { name: user.name, email: user.email }, realm: user.realm, accounts, activeAccountId };
}

export function firstAccountId(db: Db, userId: string): string | undefined {
  return (prepared(db, 'SELECT id FROM accounts WHERE user_id = ? ORDER BY position LIMIT 1').get(userId) as { id: string } | undefined)?.id;
}

export function accountOf(db: Db, userId: string, accountId: string): { id: string } | undefined {
  return prepared(db, 'SELECT id FROM accounts WHERE id = ? AND user_id = ?').get(accountId, userId) as { id: string } | undefined;
}

export function accountPlan(db: Db, accountId: string): 'free' | 'paid' | undefined {
  return (prepared(db, 'SELECT plan FROM accounts WHERE id = ?').get(accountId) as { plan: 'free' | 'paid' } | undefined)?.plan;
}

export function insertSession(db: Db, s: { tokenHash: string; userId: string; accountId: string; at: string; expiresAt: string }): void {
  prepared(db, 'INSERT INTO sessions (token_hash, user_id, active_account_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
    s.tokenHash,
    s.userId,
    s.accountId,
    s.at,
    s.expiresAt,
  );
}

export function deleteSession(db: Db, tokenHash: string): void {
  prepared(db, 'DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
}

export function setActiveAccount(db: Db, tokenHash: string, accountId: string): void {
  prepared(db, 'UPDATE sessions SET active_account_id = ? WHERE token_hash = ?').run(accountId, tokenHash);
}

/** The times (ms) of the failed sign-ins of this email from this address since `sinceMs`, oldest first. */
export function recentFailures(db: Db, email: string, ip: string, sinceMs: number): number[] {
  const rows = prepared(db, 'SELECT at FROM login_failures WHERE email = ? AND ip = ? AND at > ? ORDER BY at').all(email, ip, sinceMs) as { at: number }[];
  return rows.map((r) => r.at);
}

export function recordFailure(db: Db, email: string, ip: string, atMs: number): void {
  prepared(db, 'INSERT INTO login_failures (email, ip, at) VALUES (?, ?, ?)').run(email, ip, atMs);
}

export function clearFailures(db: Db, email: string, ip: string): void {
  prepared(db, 'DELETE FROM login_failures WHERE email = ? AND ip = ?').run(email, ip);
}

/**
 * Records the id of a host JWT (until `expiresMs`, when the token is refused anyway); false
 * when it was already used: a replay. Ids of expired tokens are forgotten first.
 */
export function useJwtId(db: Db, jti: string, expiresMs: number, nowMs: number): boolean {
  prepared(db, 'DELETE FROM used_jwt_ids WHERE expires_ms < ?').run(nowMs);
  return prepared(db, 'INSERT OR IGNORE INTO used_jwt_ids (jti, expires_ms) VALUES (?, ?)').run(jti, expiresMs).changes === 1;
}

/** Forgets failed sign-ins older than `beforeMs` and sessions expired at `at`. */
export function purgeAccounts(db: Db, beforeMs: number, at: string): void {
  prepared(db, 'DELETE FROM login_failures WHERE at < ?').run(beforeMs);
  prepared(db, 'DELETE FROM sessions WHERE expires_at < ?').run(at);
}
