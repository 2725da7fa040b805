/**
 * The default store: the synchronous better-sqlite3 functions of server/store/ behind the
 * asynchronous `SupportStore` seam (port.ts). One process owns the file, so `watchEvents`
 * never fires: the hub pumps after each request of this process.
 */
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { validateComment } from '../../src/core/validation.js';
import { autoClose, sweepOrphans } from '../auto-close.js';
import { closedConflict, invalid } from '../http.js';
import { notifyAgentComment, notifyClosed } from '../notify.js';
import { act } from '../routes/shared.js';
import { sqliteConnector } from '../connectors/sqlite.js';
import { urlSecret } from './meta.js';
import * as accounts from './accounts.js';
import * as attachments from './attachments.js';
import type { Db } from './db.js';
import * as events from './events.js';
import * as idempotency from './idempotency.js';
import * as limits from './limits.js';
import { outboxRows } from './outbox.js';
import type { SupportStore } from './port.js';
import { getTicketRow, insertComment, parseNumber, participantsOf, ticketOf } from './tickets.js';

/** `fn` now, its result or its error as a settled promise. */
function now<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

export function sqliteStore(db: Db, dataDir: string): SupportStore {
  const rowOf = (numberText: string): ReturnType<typeof getTicketRow> => {
    const number = parseNumber(numberText);
    return number === undefined ? undefined : getTicketRow(db, number);
  };
  return {
    name: 'sqlite',
    urlSecret: urlSecret(db),
    connector: (base) => sqliteConnector({ ...base, db }),
    ping: () => now(() => void db.prepare('SELECT 1').get()),
    close: () => now(() => void db.close()),

    findSession: (tokenHash, at) => now(() => accounts.findSession(db, tokenHash, at)),
    sessionView: (userId, activeAccountId) => now(() => accounts.sessionView(db, userId, activeAccountId)),
    findUserByEmail: (email) => now(() => accounts.findUserByEmail(db, email)),
    insertUser: (user) => now(() => db.transaction(() => accounts.insertUser(db, user))()),
    firstAccountId: (userId) => now(() => accounts.firstAccountId(db, userId)),
    accountOf: (userId, accountId) => now(() => accounts.accountOf(db, userId, accountId)),
    accountPlan: (accountId) => now(() => accounts.accountPlan(db, accountId)),
    insertSession: (s) => now(() => accounts.insertSession(db, s)),
    deleteSession: (tokenHash) => now(() => accounts.deleteSession(db, tokenHash)),
    setActiveAccount: (tokenHash, accountId) => now(() => accounts.setActiveAccount(db, tokenHash, accountId)),
    recentFailures: (email, ip, sinceMs) => now(() => accounts.recentFailures(db, email, ip, sinceMs)),
    recordFailure: (email, ip, atMs) => now(() => accounts.recordFailure(db, email, ip, atMs)),
    clearFailures: (email, ip) => now(() => accounts.clearFailures(db, email, ip)),
    useJwtId: (jti, expiresMs, nowMs) => now(() => accounts.useJwtId(db, jti, expiresMs, nowMs)),

    caseRateMark: (userId) => now(() => limits.caseRateMark(db, userId)),
    setCaseRateMark: (userId, markMs) => now(() => limits.setCaseRateMark(db, userId, markMs)),
    pendingUploadsOf: (owner, sinceIso) => now(() => limits.pendingUploadsOf(db, owner, sinceIso)),

    claimIdempotencyKey: (scope, key, fingerprint, nowMs, expiredBeforeMs) =>
      now(() => idempotency.claimIdempotencyKey(db, scope, key, fingerprint, nowMs, expiredBeforeMs)),
    recordIdempotentAnswer: (scope, key, answer) => now(() => idempotency.recordIdempotentAnswer(db, scope, key, answer)),
    releaseIdempotencyKey: (scope, key) => now(() => idempotency.releaseIdempotencyKey(db, scope, key)),

    storeUpload: (u, tempPath) =>
      now(() => {
        renameSync(tempPath, join(dataDir, 'attachments', u.id));
        attachments.insertAttachment(db, { ...u, ticketNumber: null, file: u.id });
      }),
    getAttachment: (id) => now(() => attachments.getAttachment(db, id)),
    attachmentBody: (row) => now(() => ({ file: join(dataDir, 'attachments', row.file) })),
    unattachedUpload: (token, owner) => now(() => attachments.unattachedUpload(db, token, owner)),
    caseParticipants: (number) =>
      now(() => {
        const row = getTicketRow(db, number);
        return row ? participantsOf(db, row) : undefined;
      }),

    outboxRows: () => now(() => outboxRows(db)),

    lastEventSeq: () => now(() => events.lastEventSeq(db)),
    eventsAfter: (seq, limit) => now(() => events.eventsAfter(db, seq, limit)),
    caseView: (number, urlOf) =>
      now(() => {
        const row = getTicketRow(db, number);
        return row ? { participants: participantsOf(db, row), ticket: ticketOf(db, row, urlOf) } : undefined;
      }),
    watchEvents: () => Promise.resolve(() => Promise.resolve()),

    runJobs: (run) =>
      now(() => {
        const closed = autoClose({ db, config: run.config, ticketLink: run.ticketLink }, run.at);
        const swept = sweepOrphans(db, dataDir, run.orphansBeforeIso);
        events.purgeEvents(db, run.eventsKept);
        return { closed, swept };
      }),

    agentChange: (numberText, change, urlOf) =>
      now(() => {
        const row = rowOf(numberText);
        if (!row) return undefined;
        if (row.status === 'closed') throw closedConflict();
        const { body, to, at, link } = change;
        if (!body && to === undefined) throw invalid([{ field: 'comment', code: 'required' }]);
        db.transaction(() => {
          if (body) {
            act(db, row, { type: 'comment', by: 'agent', via: 'web' }, at);
            insertComment(db, row.number, { author: AGENT, role: 'agent', body, via: 'web', at });
          }
          let closed = false;
          if (to !== undefined) closed = act(db, getTicketRow(db, row.number) ?? row, { type: 'set_status', to }, at) === 'closed';
          // The emails tell the case's state after the whole change (a reply that sets Pending says Pending).
          const after = getTicketRow(db, row.number) ?? row;
          if (body) notifyAgentComment(db, after, body, link, at);
          if (closed) notifyClosed(db, after, link, at, false);
        })();
        const after = getTicketRow(db, row.number) ?? row;
        return ticketOf(db, after, urlOf);
      }),
    emailReply: (numberText, body, at, config, urlOf) =>
      now(() => {
        const row = rowOf(numberText);
        if (!row) return undefined;
        if (row.status === 'closed') throw closedConflict();
        const errors = validateComment(body, config);
        if (errors.length > 0) throw invalid(errors);
        db.transaction(() => {
          act(db, row, { type: 'comment', by: 'user', via: 'email' }, at);
          insertComment(db, row.number, { author: { name: row.requester_name, email: row.requester_email }, role: 'user', body: body.trim(), via: 'email', at });
        })();
        return ticketOf(db, getTicketRow(db, row.number) ?? row, urlOf);
      }),
  };
}

/** The simulated expert of the dev routes. */
export const AGENT = { name: 'Morgan (Support)', email: 'morgan@support.example.com' } as const;

