/**
 * The PostgreSQL store (`--store postgres --database-url URL`, issue 17): the `SupportStore`
 * seam (port.ts) and the `postgres` case connector over one database that several server
 * processes share. Sessions, failed sign-ins, rate marks, idempotency keys, uploads (bytes in
 * `bytea`) and the event log all live in the database, so any process answers any request;
 * `LISTEN support_events` tells each process's live-update hub what the others wrote.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg, { type PoolClient } from 'pg';
import { FULL_CAPABILITIES } from '../../src/adapters/backend.js';
import { maySeeCase, sameEmail } from '../../src/core/access.js';
import { applyAction } from '../../src/core/status.js';
import { isDueForAutoClose } from '../../src/core/status.js';
import type { Status } from '../../src/core/ticket.js';
import { validateComment } from '../../src/core/validation.js';
import { hashPasswordSync } from '../auth.js';
import type { CaseCaller, CaseConnector, Outcome } from '../connectors/types.js';
import { closedConflict, invalid, notFound } from '../http.js';
import { notifyAgentComment, notifyClosed, notifyCreated, notifySignInHelp, notifyWatcherAdded } from '../notify.js';
import { DEMO_CASES, DEMO_PASSWORD, DEMO_USERS } from '../seed.js';
import type { Realm, SessionInfo, UserRow } from './accounts.js';
import type { EventRow } from './events.js';
import type { IdempotencyRow } from './idempotency.js';
import type { OutboxRow } from './outbox.js';
import type { NewUser, SupportStore } from './port.js';
import {
  pgAttach,
  pgInsertAttachment,
  pgInsertComment,
  pgInsertTicket,
  pgSaveCustomFields,
  pgInsertWatcher,
  pgListTickets,
  pgParticipants,
  pgTicketOf,
  pgTicketRow,
  pgText,
  pgTouchTicket,
  type Queryable,
} from './postgres-cases.js';
import { EVENTS_CHANNEL, LOCKS, migratePostgres } from './postgres-schema.js';
import { formatNumber, parseNumber, type AttachmentRow, type TicketRow } from './tickets.js';

/** A claim still `running` after this long belongs to a process that died: the key is free again. */
const ABANDONED_CLAIM_MS = 2 * 60 * 1000;

export interface PostgresStoreOptions {
  readonly url: string;
  /** Writes the demo users (and, with `seedDemo`, Alex's cases) when the database has no user. */
  readonly seedDemo: boolean;
  readonly scryptCost: number;
  readonly now: () => Date;
  /** Connections per process (default 10). */
  readonly poolSize?: number;
  readonly log?: (line: string) => void;
}

// BIGINT (oid 20) as a JS number: ms timestamps, counts; all far below 2^53.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (value: string): number => Number(value) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

type Email = Omit<OutboxRow, 'id'>;

async function insertEmails(q: Queryable, emails: readonly Email[]): Promise<void> {
  for (const e of emails) {
    await q.query('INSERT INTO outbox (to_addr, from_addr, subject, body, ticket_number, kind, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      e.to_addr, e.from_addr, pgText(e.subject), pgText(e.body), e.ticket_number, e.kind, e.created_at,
    ]);
  }
}

async function insertUser(q: Queryable, user: NewUser): Promise<void> {
  await q.query('INSERT INTO users (id, email, name, realm, password_hash) VALUES ($1, $2, $3, $4, $5)', [user.id, user.email, user.name, user.realm, user.passwordHash]);
  for (const [i, a] of user.accounts.entries()) {
    await q.query('INSERT INTO accounts (id, user_id, name, plan, position) VALUES ($1, $2, $3, $4, $5)', [a.id, user.id, a.name, a.plan, i]);
  }
}

/** Opens the pool, migrates (once, under the advisory lock), seeds an empty database, and returns the store. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<SupportStore> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, types });
  const log = options.log ?? ((): void => undefined);
  pool.on('error', (error) => log(`postgres: ${error.message}`));
  const first = await pool.connect();
  try {
    await migratePostgres(first, async () => {
      const { rows } = await first.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
      if ((rows[0]?.n ?? 0) > 0) return;
      await first.query('BEGIN');
      await seed(first, options);
      await first.query('COMMIT');
    });
    await first.query("INSERT INTO meta (key, value) VALUES ('url_secret', $1) ON CONFLICT DO NOTHING", [randomBytes(32).toString('base64url')]);
  } finally {
    first.release();
  }
  const secret = await pool.query<{ value: string }>("SELECT value FROM meta WHERE key = 'url_secret'");
  return postgresStore(pool, secret.rows[0]?.value ?? '', log);
}

async function seed(q: PoolClient, options: PostgresStoreOptions): Promise<void> {
  const ids = new Map<string, string>();
  for (const user of DEMO_USERS) {
    const id = randomUUID();
    ids.set(user.email, id);
    await insertUser(q, { ...user, id, passwordHash: hashPasswordSync(DEMO_PASSWORD, options.scryptCost) });
  }
  if (!options.seedDemo) return;
  const now = options.now().getTime();
  const at = (daysAgo: number): string => new Date(now - daysAgo * 24 * 60 * 60 * 1000).toISOString();
  for (const demo of DEMO_CASES) {
    const number = await pgInsertTicket(q, { ...demo.base, status: 'open', at: at(demo.openedDaysAgo) });
    for (const step of demo.steps) {
      if (step.type === 'comment') await pgInsertComment(q, number, { ...step.comment, at: at(step.daysAgo) });
      else if (step.type === 'status') await pgTouchTicket(q, number, step.status, at(step.daysAgo), true);
      else if (step.type === 'watcher') await pgInsertWatcher(q, number, step.email, at(step.daysAgo));
      else {
        await pgInsertAttachment(q, {
          id: randomUUID(), token: randomBytes(16).toString('base64url'), ownerUserId: ids.get(demo.base.requester.email) ?? '', ticketNumber: number,
          name: step.name, size: step.content.length, contentType: step.contentType, bytes: step.content, at: at(step.daysAgo),
        });
      }
    }
  }
}

function postgresStore(pool: pg.Pool, urlSecret: string, log: (line: string) => void): SupportStore {
  async function tx<T>(fn: (c: PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
  const one = async <T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T | undefined> => (await pool.query<T>(sql, params)).rows[0];
  const rowOf = async (q: Queryable, numberText: string, lock = false): Promise<TicketRow | undefined> => {
    const number = parseNumber(numberText);
    return number === undefined ? undefined : pgTicketRow(q, number, lock);
  };
  /** Runs a write on a case with the emails it sends, in one transaction. */
  const withEmails = (fn: (c: PoolClient, email: (row: Email) => void) => Promise<void>): Promise<void> =>
    tx(async (c) => {
      const emails: Email[] = [];
      await fn(c, (row) => emails.push(row));
      await insertEmails(c, emails);
    });

  const store: SupportStore = {
    name: 'postgres',
    urlSecret,
    async ping() {
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
    connector: (base) => postgresConnector(pool, tx, withEmails, base),

    async findSession(tokenHash, at) {
      const row = await one<{ user_id: string; active_account_id: string; expires_at: string; email: string; name: string; realm: Realm }>(
        'SELECT s.user_id, s.active_account_id, s.expires_at, u.email, u.name, u.realm FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1',
        [tokenHash],
      );
      if (!row || row.expires_at <= at) return undefined;
      const session: SessionInfo = { tokenHash, userId: row.user_id, email: row.email, name: row.name, realm: row.realm, activeAccountId: row.active_account_id };
      return session;
    },
    async sessionView(userId, activeAccountId) {
      const [user, accounts] = await Promise.all([
        one<{ email: string; name: string; realm: Realm }>('SELECT email, name, realm FROM users WHERE id = $1', [userId]),
        pool.query<{ id: string; name: string; plan: 'free' | 'paid' }>('SELECT id, name, plan FROM accounts WHERE user_id = $1 ORDER BY position', [userId]),
      ]);
      if (!user) throw notFound('The user');
      return { user: { name: user.name, email: user.email }, realm: user.realm, accounts: accounts.rows, activeAccountId };
    },
    findUserByEmail: (email) => one<UserRow>('SELECT id, realm, password_hash FROM users WHERE email = $1', [email]),
    insertUser: (user) => tx((c) => insertUser(c, user)),
    async firstAccountId(userId) {
      return (await one<{ id: string }>('SELECT id FROM accounts WHERE user_id = $1 ORDER BY position LIMIT 1', [userId]))?.id;
    },
    accountOf: (userId, accountId) => one<{ id: string }>('SELECT id FROM accounts WHERE id = $1 AND user_id = $2', [accountId, userId]),
    async accountPlan(accountId) {
      return (await one<{ plan: 'free' | 'paid' }>('SELECT plan FROM accounts WHERE id = $1', [accountId]))?.plan;
    },
    async insertSession(s) {
      await pool.query('INSERT INTO sessions (token_hash, user_id, active_account_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
        s.tokenHash, s.userId, s.accountId, s.at, s.expiresAt,
      ]);
    },
    async deleteSession(tokenHash) {
      await pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    },
    async setActiveAccount(tokenHash, accountId) {
      await pool.query('UPDATE sessions SET active_account_id = $1 WHERE token_hash = $2', [accountId, tokenHash]);
    },
    async recentFailures(email, ip, sinceMs) {
      const { rows } = await pool.query<{ at: number }>('SELECT at FROM login_failures WHERE email = $1 AND ip = $2 AND at > $3 ORDER BY at', [email, ip, sinceMs]);
      return rows.map((r) => r.at);
    },
    async recordFailure(email, ip, atMs) {
      await pool.query('INSERT INTO login_failures (email, ip, at) VALUES ($1, $2, $3)', [email, ip, atMs]);
    },
    async clearFailures(email, ip) {
      await pool.query('DELETE FROM login_failures WHERE email = $1 AND ip = $2', [email, ip]);
    },
    async useJwtId(jti, expiresMs, nowMs) {
      await pool.query('DELETE FROM used_jwt_ids WHERE expires_ms < $1', [nowMs]);
      const res = await pool.query('INSERT INTO used_jwt_ids (jti, expires_ms) VALUES ($1, $2) ON CONFLICT DO NOTHING', [jti, expiresMs]);
      return res.rowCount === 1;
    },

    async caseRateMark(userId) {
      return (await one<{ mark_ms: number }>('SELECT mark_ms FROM case_rate WHERE user_id = $1', [userId]))?.mark_ms;
    },
    async setCaseRateMark(userId, markMs) {
      await setRateMark(pool, userId, markMs);
    },
    async pendingUploadsOf(owner, sinceIso) {
      const row = await one<{ count: number; bytes: number; oldestAt: string | null }>(
        'SELECT count(*)::int AS count, coalesce(sum(size), 0)::bigint AS bytes, min(created_at) AS "oldestAt" FROM attachments WHERE owner_user_id = $1 AND ticket_number IS NULL AND created_at > $2',
        [owner, sinceIso],
      );
      return row ?? { count: 0, bytes: 0, oldestAt: null };
    },

    async claimIdempotencyKey(scope, key, fingerprint, nowMs, expiredBeforeMs) {
      // Expired answers and abandoned claims (a process that died mid-request) free the key first.
      await pool.query("DELETE FROM idempotency WHERE scope = $1 AND key = $2 AND (created_at < $3 OR (state = 'running' AND created_at < $4))", [
        scope, key, expiredBeforeMs, nowMs - ABANDONED_CLAIM_MS,
      ]);
      for (;;) {
        // The unique (scope, key): of two processes racing on one key, exactly one inserts.
        const claimed = await pool.query(
          "INSERT INTO idempotency (scope, key, fingerprint, state, created_at) VALUES ($1, $2, $3, 'running', $4) ON CONFLICT (scope, key) DO NOTHING",
          [scope, key, fingerprint, nowMs],
        );
        if (claimed.rowCount === 1) return undefined;
        const row = await one<IdempotencyRow>('SELECT fingerprint, state, status, content_type, body FROM idempotency WHERE scope = $1 AND key = $2', [scope, key]);
        if (row) return row;
        // Released between the two statements (its request failed): try the claim again.
      }
    },
    async recordIdempotentAnswer(scope, key, answer) {
      await pool.query("UPDATE idempotency SET state = 'done', status = $1, content_type = $2, body = $3 WHERE scope = $4 AND key = $5", [
        answer.status, answer.contentType, answer.body, scope, key,
      ]);
    },
    async releaseIdempotencyKey(scope, key) {
      await pool.query('DELETE FROM idempotency WHERE scope = $1 AND key = $2', [scope, key]);
    },

    async storeUpload(u, tempPath) {
      await pgInsertAttachment(pool, { ...u, ticketNumber: null, bytes: readFileSync(tempPath) });
    },
    getAttachment: (id) =>
      one<AttachmentRow>('SELECT id, token, owner_user_id, ticket_number, name, size, content_type, file, created_at FROM attachments WHERE id = $1', [id]),
    async attachmentBody(row) {
      const found = await one<{ bytes: Buffer }>('SELECT bytes FROM attachments WHERE id = $1', [row.id]);
      return found ? { bytes: found.bytes } : undefined;
    },
    unattachedUpload: (token, owner) =>
      one<AttachmentRow>(
        'SELECT id, token, owner_user_id, ticket_number, name, size, content_type, file, created_at FROM attachments WHERE token = $1 AND owner_user_id = $2 AND ticket_number IS NULL',
        [token, owner],
      ),
    async caseParticipants(number) {
      const row = await pgTicketRow(pool, number);
      return row ? pgParticipants(pool, row) : undefined;
    },

    async outboxRows() {
      return (await pool.query<OutboxRow>('SELECT * FROM outbox ORDER BY id')).rows;
    },

    async lastEventSeq() {
      return (await one<{ n: number }>('SELECT coalesce(max(seq), 0)::int AS n FROM events', []))?.n ?? 0;
    },
    async eventsAfter(seq, limit) {
      return (await pool.query<EventRow>('SELECT seq, ticket_number, kind FROM events WHERE seq > $1 ORDER BY seq LIMIT $2', [seq, limit])).rows;
    },
    async caseView(number, urlOf) {
      const row = await pgTicketRow(pool, number);
      if (!row) return undefined;
      const [participants, ticket] = await Promise.all([pgParticipants(pool, row), pgTicketOf(pool, row, urlOf)]);
      return { participants, ticket };
    },
    async watchEvents(onChange) {
      // One connection of its own per process, outside the pool: LISTEN lasts as long as it.
      const client = new pg.Client({ connectionString: pool.options.connectionString, types });
      client.on('error', (error) => log(`postgres listener: ${error.message}`));
      client.on('notification', () => onChange());
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      return () => client.end();
    },

    async runJobs(run) {
      const at = run.at.toISOString();
      const closed: string[] = [];
      const due = (row: TicketRow): boolean => isDueForAutoClose({ status: row.status, activityAt: row.activity_at }, run.config.autoCloseDays, run.at);
      await withEmails(async (c, email) => {
        // One process at a time; another one that finds the lock taken skips this round.
        const lock = await c.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [LOCKS.autoClose]);
        if (!lock.rows[0]?.ok) return;
        // Rows a write holds are skipped (their case just changed: not due); the others are locked until commit.
        const { rows } = await c.query<TicketRow>("SELECT * FROM tickets WHERE status = 'pending' FOR UPDATE SKIP LOCKED");
        for (const row of rows) {
          if (!due(row)) continue;
          const outcome = applyAction(row.status, { type: 'set_status', to: 'closed' });
          if (!outcome.ok) continue;
          await pgTouchTicket(c, row.number, outcome.status, at, outcome.countsAsActivity);
          notifyClosed(email, row, run.ticketLink, at, true, run.config.autoCloseDays);
          closed.push(formatNumber(row.number));
        }
      });
      await pool.query('DELETE FROM idempotency WHERE created_at < $1', [run.idempotencyBeforeMs]);
      await pool.query('DELETE FROM login_failures WHERE at < $1', [run.failuresBeforeMs]);
      await pool.query('DELETE FROM sessions WHERE expires_at < $1', [at]);
      const swept = await pool.query('DELETE FROM attachments WHERE ticket_number IS NULL AND created_at <= $1', [run.orphansBeforeIso]);
      await pool.query('DELETE FROM events WHERE seq <= (SELECT max(seq) FROM events) - $1', [run.eventsKept]);
      return { closed, swept: swept.rowCount ?? 0 };
    },

    async agentChange(numberText, change, urlOf) {
      const found = await rowOf(pool, numberText);
      if (!found) return undefined;
      const { body, to, at, link } = change;
      await withEmails(async (c, email) => {
        const row = await pgTicketRow(c, found.number, true);
        if (!row || row.status === 'closed') throw closedConflict();
        if (!body && to === undefined) throw invalid([{ field: 'comment', code: 'required' }]);
        let status: Status = row.status;
        if (body) {
          const outcome = applyAction(status, { type: 'comment', by: 'agent', via: 'web' });
          if (!outcome.ok) throw closedConflict();
          await pgTouchTicket(c, row.number, outcome.status, at, outcome.countsAsActivity);
          await pgInsertComment(c, row.number, { author: AGENT, role: 'agent', body, via: 'web', at });
          status = outcome.status;
        }
        if (to !== undefined) {
          const outcome = applyAction(status, { type: 'set_status', to });
          if (!outcome.ok) throw closedConflict();
          await pgTouchTicket(c, row.number, outcome.status, at, outcome.countsAsActivity);
        }
        const after = (await pgTicketRow(c, row.number)) ?? row;
        if (body) notifyAgentComment(email, after, body, link, at);
        if (to === 'closed' && after.status === 'closed') notifyClosed(email, after, link, at, false);
      });
      const after = await pgTicketRow(pool, found.number);
      return after ? pgTicketOf(pool, after, urlOf) : undefined;
    },
    async emailReply(numberText, body, at, config, urlOf) {
      const found = await rowOf(pool, numberText);
      if (!found) return undefined;
      await tx(async (c) => {
        const row = await pgTicketRow(c, found.number, true);
        if (!row || row.status === 'closed') throw closedConflict();
        const errors = validateComment(body, config);
        if (errors.length > 0) throw invalid(errors);
        const outcome = applyAction(row.status, { type: 'comment', by: 'user', via: 'email' });
        if (!outcome.ok) throw closedConflict();
        await pgTouchTicket(c, row.number, outcome.status, at, outcome.countsAsActivity);
        await pgInsertComment(c, row.number, { author: { name: row.requester_name, email: row.requester_email }, role: 'user', body: body.trim(), via: 'email', at });
      });
      const after = await pgTicketRow(pool, found.number);
      return after ? pgTicketOf(pool, after, urlOf) : undefined;
    },
  };
  return store;
}

const AGENT = { name: 'Morgan (Support)', email: 'morgan@support.example.com' } as const;

async function setRateMark(q: Queryable, userId: string, markMs: number): Promise<void> {
  await q.query('INSERT INTO case_rate (user_id, mark_ms) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET mark_ms = excluded.mark_ms', [userId, markMs]);
}

type Tx = <T>(fn: (c: PoolClient) => Promise<T>) => Promise<T>;
type WithEmails = (fn: (c: PoolClient, email: (row: Email) => void) => Promise<void>) => Promise<void>;

/** The `postgres` case connector: each write is one transaction with its status change, its events (triggers) and its emails. */
function postgresConnector(pool: pg.Pool, tx: Tx, withEmails: WithEmails, base: Parameters<SupportStore['connector']>[0]): CaseConnector {
  const at = (): string => base.now().toISOString();
  async function reply(origin: string, number: number): Promise<ReturnType<typeof pgTicketOf>> {
    const row = await pgTicketRow(pool, number);
    if (!row) throw notFound('The case');
    return pgTicketOf(pool, row, base.attachmentUrl(origin));
  }
  /** One write to a case: the status change of `outcome` and `write` in one transaction, then the case as it now is. */
  async function touched(
    caller: CaseCaller,
    ticket: { readonly number: string },
    outcome: Outcome,
    write: (c: PoolClient, number: number, when: string) => Promise<void>,
  ): ReturnType<typeof pgTicketOf> {
    const number = Number(ticket.number);
    const when = at();
    await tx(async (c) => {
      await pgTouchTicket(c, number, outcome.status, when, outcome.countsAsActivity);
      await write(c, number, when);
    });
    return reply(caller.origin, number);
  }
  return {
    name: 'postgres',
    capabilities: { ...FULL_CAPABILITIES, live: 'push' },
    list: (caller, query) => pgListTickets(pool, { email: caller.user.email, ...query }),
    async listVersion() {
      const { rows } = await pool.query<{ v: string }>({ name: 'list_version', text: 'SELECT v FROM list_version WHERE id = 1' });
      return Number(rows[0]?.v ?? 0);
    },
    async find(caller, numberText) {
      const number = parseNumber(numberText);
      const row = number === undefined ? undefined : await pgTicketRow(pool, number);
      if (!row || !maySeeCase(await pgParticipants(pool, row), caller.user.email)) return undefined;
      return pgTicketOf(pool, row, base.attachmentUrl(caller.origin));
    },
    async create(caller, input) {
      const { user } = caller;
      const when = at();
      let number = 0;
      await withEmails(async (c, email) => {
        number = await pgInsertTicket(c, {
          areaId: input.areaId, productId: input.productId, subject: input.subject, description: input.description,
          categoryId: input.categoryId, subcategoryId: input.subcategoryId, status: 'open', contactMethod: input.contactMethod,
          accountId: user.activeAccountId, requester: { name: user.name, email: user.email }, at: when, followUpOf: input.followUpOf, locale: caller.locale,
        });
        await pgSaveCustomFields(c, number, input.customFields);
        for (const upload of input.uploads) await pgAttach(c, upload.id, number);
        await setRateMark(c, input.rateMark.userId, input.rateMark.markMs);
        const row = await pgTicketRow(c, number);
        if (row) notifyCreated(email, row, base.ticketLink, when);
      });
      return reply(caller.origin, number);
    },
    comment(caller, ticket, body, outcome) {
      return touched(caller, ticket, outcome, (c, number, when) =>
        pgInsertComment(c, number, { author: { name: caller.user.name, email: caller.user.email }, role: 'user', body, via: 'web', at: when }),
      );
    },
    attach(caller, ticket, uploads, outcome) {
      return touched(caller, ticket, outcome, async (c, number) => {
        for (const upload of uploads) await pgAttach(c, upload.id, number);
      });
    },
    async addWatcher(caller, ticket, email, outcome) {
      const number = Number(ticket.number);
      const when = at();
      await withEmails(async (c, send) => {
        await pgTouchTicket(c, number, outcome.status, when, outcome.countsAsActivity);
        const row = await pgTicketRow(c, number);
        if ((await pgInsertWatcher(c, number, email, when)) && row) notifyWatcherAdded(send, row, email, caller.user.name, base.ticketLink, when);
      });
      return reply(caller.origin, number);
    },
    async removeWatcher(caller, ticket, email, outcome) {
      // Nothing to delete: already done (a retry) or never there; the case as it is, untouched.
      if (!ticket.watchers.some((w) => sameEmail(w.email, email))) return ticket;
      return touched(caller, ticket, outcome, async (c, number) => {
        await c.query('DELETE FROM watchers WHERE ticket_number = $1 AND email = $2', [number, email]);
      });
    },
    callMe(caller, ticket, phone, outcome) {
      return touched(caller, ticket, outcome, async (c, number, when) => {
        await c.query('INSERT INTO callbacks (id, ticket_number, phone, requested_at) VALUES ($1, $2, $3, $4)', [randomUUID(), number, phone, when]);
      });
    },
    async signInHelp(request) {
      const reference = `SH-${randomBytes(4).toString('hex').toUpperCase()}`;
      const when = at();
      await withEmails(async (c, email) => {
        await c.query('INSERT INTO sign_in_help (reference, name, email, area_id, description, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
          reference, pgText(request.name), request.email, request.areaId, pgText(request.description), when,
        ]);
        notifySignInHelp(email, { to: request.email, name: request.name, reference, locale: request.locale }, when);
      });
      return { reference };
    },
    close: () => Promise.resolve(),
  };
}
