/**
 * The store seam (issue 17): everything the routes, the pipeline, the live-update hub and the
 * periodic job read or write outside the case connector, as one asynchronous interface. Two
 * implementations: `sqliteStore` (store/sqlite-store.ts, today's synchronous functions over
 * better-sqlite3, the default) and `postgresStore` (store/postgres.ts, several processes on one
 * database). SQL stays in server/store/.
 */
import type { Session } from '../../src/adapters/backend.js';
import type { CaseParticipants } from '../../src/core/access.js';
import type { SupportConfig } from '../../src/core/config.js';
import type { Status, Ticket } from '../../src/core/ticket.js';
import type { TicketLink } from '../case-url.js';
import type { CaseConnector, ConnectorBase } from '../connectors/types.js';
import type { Realm, SessionInfo, UserRow } from './accounts.js';
import type { EventRow } from './events.js';
import type { IdempotencyRow } from './idempotency.js';
import type { OutboxRow } from './outbox.js';
import type { AttachmentRow, AttachmentUrl } from './tickets.js';

export type StoreName = 'sqlite' | 'postgres';

export interface NewUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly realm: Realm;
  readonly passwordHash: string;
  readonly accounts: readonly { id: string; name: string; plan: 'free' | 'paid' }[];
}

export interface NewUpload {
  readonly id: string;
  readonly token: string;
  readonly ownerUserId: string;
  readonly name: string;
  readonly size: number;
  readonly contentType: string;
  readonly at: string;
}

/** An attachment's bytes: a file on disk (sqlite: `DIR/attachments/`) or the bytes themselves (postgres: `bytea`). */
export type AttachmentBody = { readonly file: string } | { readonly bytes: Buffer };

/** What the periodic job (auto-close.ts) asks the store to do at `at`. */
export interface JobRun {
  readonly at: Date;
  readonly config: SupportConfig;
  readonly ticketLink: TicketLink;
  /** Idempotency keys created before this (ms) are forgotten. */
  readonly idempotencyBeforeMs: number;
  /** Failed sign-ins before this (ms) are forgotten. */
  readonly failuresBeforeMs: number;
  /** Uploads attached to no case since before this are swept. */
  readonly orphansBeforeIso: string;
  /** How many change events to keep. */
  readonly eventsKept: number;
}

/** An agent's side of a case, simulated by the dev routes (`/api/_dev/*`). */
export interface AgentChange {
  readonly body: string;
  readonly to: Status | undefined;
  readonly at: string;
  readonly link: TicketLink;
}

export interface SupportStore {
  readonly name: StoreName;
  /** The secret that signs download links: made at the first start, kept in the database. */
  readonly urlSecret: string;
  /** This store's own case connector (`sqlite` or `postgres`). */
  connector(base: Omit<ConnectorBase, 'db'>): CaseConnector;
  /** Resolves when the database answers (readiness: `/readyz`); rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;

  // Users, sessions, failed sign-ins, host JWT ids (store/accounts.ts).
  findSession(tokenHash: string, at: string): Promise<SessionInfo | undefined>;
  sessionView(userId: string, activeAccountId: string): Promise<Session>;
  findUserByEmail(email: string): Promise<UserRow | undefined>;
  insertUser(user: NewUser): Promise<void>;
  firstAccountId(userId: string): Promise<string | undefined>;
  accountOf(userId: string, accountId: string): Promise<{ id: string } | undefined>;
  accountPlan(accountId: string): Promise<'free' | 'paid' | undefined>;
  insertSession(s: { tokenHash: string; userId: string; accountId: string; at: string; expiresAt: string }): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  setActiveAccount(tokenHash: string, accountId: string): Promise<void>;
  recentFailures(email: string, ip: string, sinceMs: number): Promise<number[]>;
  recordFailure(email: string, ip: string, atMs: number): Promise<void>;
  clearFailures(email: string, ip: string): Promise<void>;
  useJwtId(jti: string, expiresMs: number, nowMs: number): Promise<boolean>;

  // Per-user limits (store/limits.ts).
  caseRateMark(userId: string): Promise<number | undefined>;
  setCaseRateMark(userId: string, markMs: number): Promise<void>;
  pendingUploadsOf(ownerUserId: string, sinceIso: string): Promise<{ count: number; bytes: number; oldestAt: string | null }>;

  // Idempotency keys (store/idempotency.ts).
  claimIdempotencyKey(scope: string, key: string, fingerprint: string, nowMs: number, expiredBeforeMs: number): Promise<IdempotencyRow | undefined>;
  recordIdempotentAnswer(scope: string, key: string, answer: { status: number; contentType: string | null; body: string | null }): Promise<void>;
  releaseIdempotencyKey(scope: string, key: string): Promise<void>;

  // Uploads and attachments (store/attachments.ts); `tempPath` is the received file, moved or read.
  storeUpload(upload: NewUpload, tempPath: string): Promise<void>;
  getAttachment(id: string): Promise<AttachmentRow | undefined>;
  attachmentBody(row: AttachmentRow): Promise<AttachmentBody | undefined>;
  unattachedUpload(token: string, ownerUserId: string): Promise<AttachmentRow | undefined>;
  /** The people on case `number` (for `maySeeCase`), undefined when there is no such case. */
  caseParticipants(number: number): Promise<CaseParticipants | undefined>;

  // The outbox (store/outbox.ts).
  outboxRows(): Promise<OutboxRow[]>;

  // Live updates (store/events.ts).
  lastEventSeq(): Promise<number>;
  eventsAfter(seq: number, limit: number): Promise<EventRow[]>;
  /** Case `number` as the event stream sends it, with the people who may see it. */
  caseView(number: number, urlOf: AttachmentUrl): Promise<{ participants: CaseParticipants; ticket: Ticket } | undefined>;
  /**
   * Calls `onChange` when another writer (another process) may have logged events; returns
   * how to stop. A store whose writes all pass through this process (sqlite) never calls it.
   */
  watchEvents(onChange: () => void): Promise<() => Promise<void>>;

  // The periodic job (auto-close.ts): closes due cases (in one process at a time), then forgets what expired.
  runJobs(run: JobRun): Promise<{ closed: string[]; swept: number }>;

  // The dev routes' agent simulation (routes/dev.ts). `undefined`: no such case; 409 when it is closed, 422 when the change is empty.
  agentChange(numberText: string, change: AgentChange, urlOf: AttachmentUrl): Promise<Ticket | undefined>;
  /** The requester's reply by email: a user comment via `email` (409 when closed, 422 when invalid). */
  emailReply(numberText: string, body: string, at: string, config: SupportConfig, urlOf: AttachmentUrl): Promise<Ticket | undefined>;
}
