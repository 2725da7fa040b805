/**
 * The reference support server: the REST contract of docs/openapi.yaml over node:http and
 * SQLite, with the seed's rules taken from src/core (never re-implemented here). This file
 * wires the parts: the store (server/store/), the route table (server/routes/), the request
 * pipeline (pipeline.ts), the auto-close timer (auto-close.ts) and the live-update streams
 * (events.ts), which look for new changes after every request.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { seedConfig, type SupportConfig } from '../src/core/config.js';
import { DEFAULT_SCRYPT_COST } from './auth.js';
import { MIN_SECRET_BYTES } from './host-jwt.js';
import type { ServerParts } from './context.js';
import { HttpError, problemReply, sendReply } from './http.js';
import { DEFAULT_LIMITS, type ServerLimits } from './limits.js';
import { DEFAULT_LIST_CACHE, ListCache, type ListCacheLimits } from './list-cache.js';
import { createEventHub } from './events.js';
import { NotReady, readiness, type ReadinessCheck } from './health.js';
import { createPipeline } from './pipeline.js';
import { loadRequestSchemas } from './request-schema.js';
import { apiRoutes, devRoutes, sessionJwtRoutes } from './routes/index.js';
import type { ConnectorFactory } from './connectors/types.js';
import { seedIfEmpty } from './seed.js';
import { caseLink } from './case-url.js';
import { IDEMPOTENCY_TTL_MS } from './idempotency.js';
import { LOGIN_WINDOW_MS } from './routes/session.js';
import { openDatabase, releaseRunningKeys, type Db } from './store.js';
import type { SupportStore } from './store/port.js';
import { sqliteStore } from './store/sqlite-store.js';

export interface SupportServerOptions {
  /** Folder of the SQLite file and the attachments (the received files' temp folder with `store`). */
  readonly dataDir: string;
  /**
   * An opened store (server/store/port.ts), e.g. `await openPostgresStore(...)` (store/postgres.ts),
   * which then holds the cases too; default: the SQLite file of `dataDir`.
   */
  readonly store?: SupportStore;
  /** The clock of every rule (auto-close, expiries, timestamps). */
  readonly now?: () => Date;
  /** Enables `/api/_dev/*`: the outbox and the agent simulation. */
  readonly dev?: boolean;
  readonly config?: SupportConfig;
  /** How often the auto-close job runs; 0 turns the timer off (call `runAutoClose` yourself). Default 60 s. */
  readonly autoCloseIntervalMs?: number;
  /** The emails' link to a case: the page that embeds the widget, `{number}` where the case number goes (server/case-url.ts). */
  readonly caseUrl?: string | undefined;
  /** Older form of `caseUrl`: `${publicUrl}/?ticket={number}`. Neither: the emails carry no link. */
  readonly publicUrl?: string | undefined;
  /** Writes Alex's demo cases at first start (the demo users are always written). Default true. */
  readonly seedDemo?: boolean;
  /** The shared secret of host JWTs (at least 32 bytes); enables `POST /api/session/jwt` (server/host-jwt.ts). */
  readonly hostJwtSecret?: Buffer | undefined;
  /** Per-user limits; each defaults to `DEFAULT_LIMITS` (server/limits.ts). */
  readonly limits?: Partial<ServerLimits>;
  /** How many list answers (and bytes of them) the list cache keeps; default `DEFAULT_LIST_CACHE` (server/list-cache.ts). */
  readonly listCache?: ListCacheLimits;
  /** scrypt cost (N) for new password hashes; default 16384. Tests may lower it. */
  readonly scryptCost?: number;
  /** Test hooks. `beforeHandle` runs after the idempotency check, before the handler. */
  readonly hooks?: {
    readonly beforeHandle?: (info: { readonly method: string; readonly path: string }) => Promise<void> | void;
  };
  readonly log?: (line: string) => void;
  /** Where cases live; default the SQLite store of `dataDir` (server/connectors/sqlite.ts). See connectors/index.ts. */
  readonly connector?: ConnectorFactory;
  /**
   * Live updates (`GET /api/events`): heartbeat interval (default 15 s), `retry:` hint (default 1 s), events kept
   * (default 10 000); `off` leaves the route out (404), as a backend without a stream (clients then poll).
   * `off` defaults to true with a connector whose `capabilities.live` is not `push` (a helpdesk's
   * own changes never reach the events table), false otherwise.
   */
  readonly events?: { readonly heartbeatMs?: number; readonly retryMs?: number; readonly keep?: number; readonly off?: boolean };
  /** More checks of `GET /readyz` (server/health.ts), after "not shutting down" and "the database answers". */
  readonly readinessChecks?: readonly ReadinessCheck[];
}

export interface SupportServer {
  listen(port: number, host?: string): Promise<{ url: string }>;
  /**
   * Stops: `/readyz` turns 503, no new connections, every event stream gets a last `retry:`
   * hint and ends, requests in flight get up to `timeoutMs` (default 0: cut at once) to finish
   * (their answers say `Connection: close`), then the connections still open are cut, and the
   * store and the database close. Calling it again returns the same promise.
   */
  close(options?: { readonly timeoutMs?: number }): Promise<void>;
  /** Closes every pending case that is due now; returns their numbers. */
  runAutoClose(): Promise<string[]>;
  readonly store: SupportStore;
  /** The SQLite database (tests look into it); throws when the server runs on another store. */
  readonly db: Db;
}

const HOUR_S = 60 * 60;

/** How many change events the log keeps: a client that was away for more than that many changes misses the oldest. */
export const DEFAULT_EVENTS_KEPT = 10_000;

export function createSupportServer(options: SupportServerOptions): SupportServer {
  const config = options.config ?? seedConfig;
  if (options.hostJwtSecret && options.hostJwtSecret.length < MIN_SECRET_BYTES) throw new Error(`The host JWT secret must be at least ${MIN_SECRET_BYTES} bytes.`);
  const now = options.now ?? ((): Date => new Date());
  const log = options.log ?? ((): void => undefined);
  let sqlite: Db | undefined;
  let store = options.store;
  // Received files land here first (and stay here with the SQLite store).
  mkdirSync(join(options.dataDir, 'attachments'), { recursive: true });
  if (!store) {
    sqlite = openDatabase(options.dataDir);
    seedIfEmpty(sqlite, options.dataDir, now(), options.seedDemo ?? true, options.scryptCost ?? DEFAULT_SCRYPT_COST);
    releaseRunningKeys(sqlite);
    store = sqliteStore(sqlite, options.dataDir);
  }
  const theStore = store;
  const secret = store.urlSecret;

  let ownOrigin = 'http://127.0.0.1';
  const signature = (id: string, expires: number): string => createHmac('sha256', secret).update(`${id}.${expires}`).digest('base64url');

  const attachmentUrl = (origin: string) => (attachmentId: string): string => {
    // Valid 1 to 2 hours, as the contract says: rounded to the hour, so a case reads the same within it.
    const expires = (Math.floor(now().getTime() / 1000 / HOUR_S) + 2) * HOUR_S;
    return `${origin}/api/attachments/${attachmentId}?expires=${expires}&sig=${signature(attachmentId, expires)}`;
  };
  const ticketLink = caseLink(options.caseUrl ?? (options.publicUrl === undefined ? undefined : `${options.publicUrl.replace(/\/+$/, '')}/?ticket={number}`));
  const events = createEventHub({
    store,
    now,
    attachmentUrl,
    heartbeatMs: options.events?.heartbeatMs ?? 15_000,
    retryMs: options.events?.retryMs ?? 1_000,
    log,
  });
  const eventsKept = options.events?.keep ?? DEFAULT_EVENTS_KEPT;

  const base = { dataDir: options.dataDir, now, ticketLink, attachmentUrl, log };
  if (options.connector && !sqlite) throw new Error('A helpdesk connector runs with the SQLite store only (its uploads are staged there).');
  const cases = options.connector && sqlite ? options.connector({ ...base, db: sqlite }) : store.connector(base);
  const eventsOff = options.events?.off ?? cases.capabilities.live !== 'push';
  const parts: ServerParts = {
    store,
    cases,
    listCache: new ListCache(options.listCache ?? DEFAULT_LIST_CACHE),
    capabilities: { ...cases.capabilities, live: eventsOff ? 'poll' : 'push' },
    events,
    config,
    dataDir: options.dataDir,
    now,
    scryptCost: options.scryptCost,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    ticketLink,
    attachmentUrl,
    validDownloadLink(attachmentId, expires, sig) {
      const expected = Buffer.from(signature(attachmentId, expires));
      const given = Buffer.from(sig);
      return Number.isFinite(expires) && expires * 1000 > now().getTime() && expected.length === given.length && timingSafeEqual(expected, given);
    },
    runAutoClose,
    hostJwtSecret: options.hostJwtSecret,
    readiness: () => readiness([notShuttingDown, () => theStore.ping(), ...(options.readinessChecks ?? [])], { log }),
  };

  async function runAutoClose(): Promise<string[]> {
    const at = now();
    const { closed, swept } = await theStore.runJobs({
      at,
      config,
      ticketLink,
      idempotencyBeforeMs: at.getTime() - IDEMPOTENCY_TTL_MS,
      failuresBeforeMs: at.getTime() - LOGIN_WINDOW_MS,
      orphansBeforeIso: new Date(at.getTime() - parts.limits.orphanTtlMs).toISOString(),
      eventsKept,
    });
    events.pump();
    if (swept > 0) log(`swept ${swept} unattached uploads`);
    if (closed.length > 0) log(`auto-closed ${closed.join(', ')}`);
    return closed;
  }

  let shuttingDown = false;
  let closing: Promise<void> | undefined;
  async function notShuttingDown(): Promise<void> {
    if (shuttingDown) throw new NotReady('The server is shutting down.');
  }
  /** Answers not started yet: told to close their connection once the server is shutting down. */
  const pending = new Set<ServerResponse>();

  const handle = createPipeline({
    server: parts,
    routes: [...apiRoutes, ...(options.hostJwtSecret ? sessionJwtRoutes : []), ...(options.dev ? devRoutes : [])].filter((r) => !(eventsOff && r.path === '/api/events')),
    schemas: loadRequestSchemas(),
    beforeHandle: options.hooks?.beforeHandle,
    log,
  });
  const server: Server = createServer((req, res) => {
    if (shuttingDown) res.setHeader('Connection', 'close');
    pending.add(res);
    res.once('close', () => {
      pending.delete(res);
      // A connection kept alive after its answer is idle now: while shutting down, close it.
      if (shuttingDown) setImmediate(() => server.closeIdleConnections());
    });
    handle(req, res)
      .catch((error: unknown) => {
        log(`unhandled: ${String(error)}`);
        if (!res.headersSent) sendReply(res, problemReply(new HttpError(500, 'server', 'Unexpected error.')));
      })
      // Whatever the request wrote (through the triggers of the events table) goes out to the streams now.
      .finally(() => events.pump());
  });
  let timer: NodeJS.Timeout | undefined;
  const interval = options.autoCloseIntervalMs ?? 60_000;

  return {
    store,
    get db(): Db {
      if (!sqlite) throw new Error(`This server runs on the ${theStore.name} store: it has no SQLite database.`);
      return sqlite;
    },
    runAutoClose,
    listen(port: number, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          ownOrigin = `http://${host}:${address.port}`;
          if (interval > 0) {
            timer = setInterval(() => {
              runAutoClose().catch((error: unknown) => log(`auto-close failed: ${String(error)}`));
            }, interval);
            timer.unref();
          }
          resolve({ url: ownOrigin });
        });
      });
    },
    close({ timeoutMs = 0 } = {}) {
      closing ??= new Promise((resolve) => {
        shuttingDown = true;
        if (timer) clearInterval(timer);
        for (const res of pending) if (!res.headersSent) res.setHeader('Connection', 'close');
        events.close();
        const deadline = setTimeout(() => server.closeAllConnections(), timeoutMs);
        server.close(() => {
          clearTimeout(deadline);
          void parts.cases
            .close()
            .then(() => theStore.close())
            .catch((error: unknown) => log(`closing the store: ${String(error)}`))
            .finally(resolve);
        });
        setImmediate(() => server.closeIdleConnections());
      });
      return closing;
    },
  };
}
