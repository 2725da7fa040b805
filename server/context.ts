/**
 * What a route handler works with: the server's parts (built once by app.ts) and the request
 * (built by the pipeline once the body is read and checked against the contract).
 */
import type { IncomingMessage } from 'node:http';
import type { BackendCapabilities } from '../src/adapters/backend.js';
import type { SupportConfig } from '../src/core/config.js';
import type { TicketLink } from './case-url.js';
import type { CaseConnector } from './connectors/types.js';
import type { EventHub } from './events.js';
import type { Readiness } from './health.js';
import type { ListCache } from './list-cache.js';
import type { ServerLimits } from './limits.js';
import type { SupportStore } from './store/port.js';
import type { JsonObject, ReceivedFile, RouteSpec } from './http.js';
import type { AttachmentUrl, SessionInfo } from './store.js';

export interface ServerParts {
  /** Everything but the cases (sessions, limits, idempotency, uploads, events): SQLite or PostgreSQL (store/port.ts). */
  readonly store: SupportStore;
  /** Where cases live: the SQLite store or a helpdesk (server/connectors/). */
  readonly cases: CaseConnector;
  /** The list's serialized answers, while the connector's `listVersion` holds. */
  readonly listCache: ListCache;
  readonly config: SupportConfig;
  readonly dataDir: string;
  /** The clock of every rule (auto-close, expiries, timestamps). */
  readonly now: () => Date;
  readonly scryptCost: number | undefined;
  /** Per-user limits (case rate, unattached uploads). */
  readonly limits: ServerLimits;
  /** The customer's link to a case in emails; `undefined` when no case page is configured. */
  readonly ticketLink: TicketLink;
  /** Signed, expiring download addresses under `origin`. */
  attachmentUrl(origin: string): AttachmentUrl;
  /** Whether a download link's `expires` and `sig` are this server's and still valid. */
  validDownloadLink(attachmentId: string, expires: number, sig: string): boolean;
  /** Closes every pending case that is due now; returns their numbers. */
  runAutoClose(): Promise<string[]>;
  /** The open live-update streams (`GET /api/events`). */
  readonly events: EventHub;
  /** The secret host JWTs are signed with (`POST /api/session/jwt`); none: that route is off. Never logged, never sent. */
  readonly hostJwtSecret: Buffer | undefined;
  /** What the widget may offer with this connector, sent with every session envelope (routes/session.ts). */
  readonly capabilities: BackendCapabilities;
  /** Whether this process should get traffic now (`GET /readyz`, server/health.ts). */
  readiness(): Promise<Readiness>;
}

/** A file upload, streamed to a temp file. */
export type Upload = ReceivedFile;

export interface Ctx {
  readonly server: ServerParts;
  readonly req: IncomingMessage;
  readonly url: URL;
  readonly origin: string;
  readonly locale: string;
  readonly ip: string;
  readonly session: SessionInfo | undefined;
  /** The JSON body, checked against the contract's types; `{}` when there is none. */
  readonly body: JsonObject;
  /** The file of a `rawBody` route. */
  readonly upload: Upload | undefined;
}

export type ApiRoute = RouteSpec<Ctx>;
