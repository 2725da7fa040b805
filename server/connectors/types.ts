/**
 * The connector: where the case routes read and write cases. The routes keep the seed's rules
 * (validation, status.ts, access.ts, flows.ts) and the server's own duties (sessions,
 * idempotency, limits, upload staging); a connector only stores and fetches, in the reference
 * server's SQLite (`sqlite`, the default) or in a real helpdesk (`freshdesk`, `zendesk`), whose
 * keys stay on the server.
 */
import type { CustomFieldDef } from '../../src/core/custom-fields.js';
import type { BackendCapabilities, TicketSort } from '../../src/adapters/backend.js';
import type { CaseSearch } from '../../src/core/access.js';
import type { Status, Ticket, TicketSummary } from '../../src/core/ticket.js';
import type { TicketLink } from '../case-url.js';
import type { AttachmentRow, AttachmentUrl, Db, ListCursor, SessionInfo } from '../store.js';

export const CONNECTOR_NAMES = ['sqlite', 'freshdesk', 'zendesk'] as const;
export type ConnectorName = (typeof CONNECTOR_NAMES)[number];

/** Who asks, and where attachment links point. */
export interface CaseCaller {
  readonly user: SessionInfo;
  /** The server's own origin (signed download links of the sqlite connector). */
  readonly origin: string;
  readonly locale: string;
}

export interface CaseListQuery {
  readonly status: Status | undefined;
  readonly search: CaseSearch | undefined;
  readonly sort: TicketSort;
  readonly limit: number;
  /** Where the page starts: after the case with these sort keys (the route encodes and checks cursors). */
  readonly cursor: ListCursor | undefined;
}

/** Up to `limit` cases in the asked order, and how many match in all. */
export interface CasePage {
  readonly items: readonly TicketSummary[];
  readonly total: number;
}

/** What status.ts decided an action does to the case: the route applies the rule, the connector records it. */
export interface Outcome {
  readonly status: Status;
  readonly countsAsActivity: boolean;
}

export interface NewCase {
  readonly areaId: string;
  readonly productId: string;
  readonly subject: string;
  readonly description: string;
  readonly categoryId: string | undefined;
  readonly subcategoryId: string | undefined;
  readonly contactMethod: Ticket['contactMethod'];
  readonly followUpOf: string | undefined;
  /** Answers to the config's custom fields, checked (src/core/custom-fields.ts); absent when none. */
  readonly customFields?: Readonly<Record<string, string | boolean>> | undefined;
  /** The config's definitions of the fields the case asks: where each value goes in a helpdesk. */
  readonly customFieldDefs?: readonly CustomFieldDef[] | undefined;
  /** Staged uploads (server/store/attachments.ts) to attach. */
  readonly uploads: readonly AttachmentRow[];
  /** The requester's new case-rate mark (server/limits.ts), written with the case (inside the store's transaction; after the helpdesk answered otherwise). */
  readonly rateMark: { readonly userId: string; readonly markMs: number };
}

export interface SignInHelpRequest {
  readonly name: string;
  readonly email: string;
  readonly areaId: string;
  readonly description: string;
  readonly locale: string;
}

export interface CaseConnector {
  /** `postgres`: the PostgreSQL store's own connector (`--store postgres`, server/store/postgres.ts). */
  readonly name: ConnectorName | 'postgres';
  /**
   * What the helpdesk lets the server do, advertised to the widget (`capabilities` of the
   * session envelope) so that it hides what would fail. `callMe` is always `request` here:
   * the connector turns a callback into a note. `live`: `push` only when the cases' changes
   * reach the `events` table behind `GET /api/events` (sqlite); a helpdesk's own changes never
   * do, so the server leaves the stream out by default and clients poll.
   */
  readonly capabilities: BackendCapabilities;
  list(caller: CaseCaller, query: CaseListQuery): Promise<CasePage>;
  /**
   * A counter of the store's list-relevant writes (cases, watchers, participants), the same
   * in every process on the database: while it holds, a list page does not change, so the
   * list route may answer from its cache (server/list-cache.ts). Absent for a helpdesk, whose
   * changes the server does not see: its lists are never cached.
   */
  listVersion?(): Promise<number>;
  /** The case when the caller is its requester or a watcher (CC); `undefined` otherwise, whatever the number. */
  find(caller: CaseCaller, number: string): Promise<Ticket | undefined>;
  create(caller: CaseCaller, input: NewCase): Promise<Ticket>;
  comment(caller: CaseCaller, ticket: Ticket, body: string, outcome: Outcome): Promise<Ticket>;
  attach(caller: CaseCaller, ticket: Ticket, uploads: readonly AttachmentRow[], outcome: Outcome): Promise<Ticket>;
  addWatcher(caller: CaseCaller, ticket: Ticket, email: string, outcome: Outcome): Promise<Ticket>;
  removeWatcher(caller: CaseCaller, ticket: Ticket, email: string, outcome: Outcome): Promise<Ticket>;
  callMe(caller: CaseCaller, ticket: Ticket, phone: string, outcome: Outcome): Promise<Ticket>;
  /** A request from someone who cannot sign in: no session, a reference to quote. */
  signInHelp(request: SignInHelpRequest): Promise<{ reference: string }>;
  close(): Promise<void>;
}

/** What the server hands a connector when it starts. */
export interface ConnectorBase {
  readonly db: Db;
  readonly dataDir: string;
  readonly now: () => Date;
  readonly ticketLink: TicketLink;
  readonly attachmentUrl: (origin: string) => AttachmentUrl;
  readonly log: (line: string) => void;
}

export type ConnectorFactory = (base: ConnectorBase) => CaseConnector;
