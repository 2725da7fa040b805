/**
 * The one interface every backend implements. Elements and controllers only ever talk to a
 * `SupportBackend`; `createFetchAdapter` (HTTP), `createMemoryBackend` (in-browser) and the
 * Zendesk adapter are interchangeable behind it.
 *
 * Every call takes `signal` and rejects with an `AbortError` when it fires, and with a
 * `SupportError` (see `core/errors.ts`) for every other failure.
 */
import type { Article, Catalog } from '../core/catalog.js';
import type { ChangeKind } from '../core/changes.js';
import type { LocaleCode } from '../core/config.js';
import type {
  NewTicket,
  Person,
  Realm,
  Status,
  SupportPlan,
  Ticket,
  TicketSummary,
} from '../core/ticket.js';
import type { SignInHelpRequest } from '../core/validation.js';

export interface CallOptions {
  readonly signal?: AbortSignal | undefined;
  /** The element's language, for localized backend content (catalog, emails, messages). */
  readonly locale?: LocaleCode | undefined;
}

/** For operations that create something: the same key always yields the first result. */
export interface IdempotentCallOptions extends CallOptions {
  readonly idempotencyKey: string;
}

export interface UploadOptions extends CallOptions {
  /** Called as bytes leave: `loaded` and `total` in bytes. */
  readonly onProgress?: ((loaded: number, total: number) => void) | undefined;
  /** The key of this file's intent, the same for every retry of it (one made per call if absent). */
  readonly idempotencyKey?: string | undefined;
}

export interface Account {
  readonly id: string;
  readonly name: string;
  readonly plan: SupportPlan;
}

/**
 * Who is signed in. It carries no password and no token: a token, when there is one, stays
 * inside the adapter that received it.
 */
export interface Session {
  readonly user: Person;
  readonly realm: Realm;
  readonly accounts: readonly Account[];
  readonly activeAccountId: string;
}

export interface Credentials {
  readonly email: string;
  readonly password: string;
  readonly realm: Realm;
}

export const TICKET_SORTS = ['updated_desc', 'updated_asc', 'number_desc', 'number_asc'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

export interface TicketQuery {
  readonly status?: Status | undefined;
  /** Matches the case number or any word of the subject. */
  readonly search?: string | undefined;
  readonly sort?: TicketSort | undefined;
  /** Opaque; from the previous page's `nextCursor`. */
  readonly cursor?: string | undefined;
  readonly limit?: number | undefined;
}

export interface TicketPage {
  readonly items: readonly TicketSummary[];
  /** Absent on the last page. */
  readonly nextCursor?: string | undefined;
  /** Number of cases matching the query, all pages together. */
  readonly total: number;
}

/** A file stored by the backend but not yet attached to a case. */
export interface UploadedFile {
  readonly token: string;
  readonly name: string;
  readonly size: number;
  readonly contentType: string;
}

export interface ArticleQuery {
  readonly query: string;
  readonly areaId: string;
  readonly productId?: string | undefined;
}

/** Receipt of a can't-sign-in request: there is no case to follow yet, only a reference. */
export interface SignInHelpReceipt {
  readonly reference: string;
}

/**
 * What a backend can do, declared so that elements hide or adapt what is not supported instead
 * of failing on click.
 */
export interface BackendCapabilities {
  /**
   * Whether a watcher may be added to an existing case (the reference server's Freshdesk
   * connector cannot: Freshdesk's "Update a Ticket" has no `cc_emails`).
   */
  readonly addWatcher: boolean;
  /** Whether a watcher may be removed from a case (Zendesk's end-user Requests API does not allow it). */
  readonly removeWatcher: boolean;
  /**
   * How "Call me" reaches support: `request` is `requestCallback()` (a callback record);
   * `comment` is an end-user comment carrying the number, in the user's language, through `addComment()`.
   */
  readonly callMe: 'request' | 'comment';
  /** How changes made by support reach an open element: pushed, polled, or only on reload. */
  readonly live: 'push' | 'poll' | 'none';
}

/** The capabilities of a backend that does everything the contract describes (memory, reference server). */
export const FULL_CAPABILITIES: BackendCapabilities = { addWatcher: true, removeWatcher: true, callMe: 'request', live: 'none' };

/** `watch()` for a backend that cannot follow changes (`capabilities.live: 'none'`). */
export function watchNothing(_scope: WatchScope, _onChange: (change: TicketChange) => void, _options: WatchOptions): void {
  // Nothing to follow: elements refresh on their own actions only.
}

/** What `watch()` follows: every case the session may see (the list), or one case (the case view). */
export type WatchScope = { readonly kind: 'cases' } | { readonly kind: 'case'; readonly number: string };

/** What changed in a case. One change may carry several (a reply that also sets "Action required"). */
export type TicketChangeKind = ChangeKind;

export interface TicketChange {
  /**
   * Stable for one change of one case, the same after a reconnect or a poll that sees it again:
   * an element that has applied a change with this id ignores it the second time.
   */
  readonly id: string;
  readonly kinds: readonly TicketChangeKind[];
  /** The whole case as it is after the change, checked at the adapter boundary like `getTicket()`. */
  readonly ticket: Ticket;
}

/** Where a subscription stands, for an element that tells its user ("Reconnecting…"). */
export type WatchState = 'live' | 'reconnecting';

export interface WatchOptions extends CallOptions {
  /** Ends the subscription: its connection, timers and retries. Required: nothing may outlive its element. */
  readonly signal: AbortSignal;
  readonly onState?: ((state: WatchState) => void) | undefined;
}

export interface SupportBackend {
  readonly capabilities: BackendCapabilities;
  /**
   * Follows changes made elsewhere (by support, by another tab) until `options.signal` aborts.
   * It never rejects and never throws for a network problem: it reconnects or polls again by
   * itself, and reports through `onState`. A backend whose `capabilities.live` is `'none'` calls
   * nothing. Changes the caller made itself may come back too: apply them idempotently.
   */
  watch(scope: WatchScope, onChange: (change: TicketChange) => void, options: WatchOptions): void;
  /** The current session, or null when nobody is signed in. */
  getSession(options?: CallOptions): Promise<Session | null>;
  /**
   * What `getSession()` would answer, when the adapter knows it without a call; undefined when
   * it would have to ask. Optional: an element whose first render can use it skips the
   * round trip and the extra update pass it costs (issue 15). Read it again at each use: a
   * sign-in or sign-out through the adapter changes it.
   */
  knownSession?(): Session | null | undefined;
  signIn(credentials: Credentials, options?: CallOptions): Promise<Session>;
  signOut(options?: CallOptions): Promise<void>;
  /** Makes another of the session's accounts the one cases are opened for. */
  selectAccount(accountId: string, options?: CallOptions): Promise<Session>;

  getCatalog(options?: CallOptions): Promise<Catalog>;
  suggestArticles(query: ArticleQuery, options?: CallOptions): Promise<readonly Article[]>;

  listTickets(query: TicketQuery, options?: CallOptions): Promise<TicketPage>;
  getTicket(number: string, options?: CallOptions): Promise<Ticket>;
  createTicket(input: NewTicket, options: IdempotentCallOptions): Promise<Ticket>;
  addComment(number: string, body: string, options: IdempotentCallOptions): Promise<Ticket>;

  uploadFile(file: File, options?: UploadOptions): Promise<UploadedFile>;
  addAttachments(number: string, tokens: readonly string[], options: IdempotentCallOptions): Promise<Ticket>;

  addWatcher(number: string, email: string, options?: CallOptions): Promise<Ticket>;
  removeWatcher(number: string, email: string, options?: CallOptions): Promise<Ticket>;

  requestCallback(number: string, phone: string, options: IdempotentCallOptions): Promise<Ticket>;

  /** The can't-sign-in web form: needs no session. */
  submitSignInHelp(request: SignInHelpRequest, options: IdempotentCallOptions): Promise<SignInHelpReceipt>;
}

