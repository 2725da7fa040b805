/**
 * `createFetchAdapter`: the SupportBackend over the REST contract (docs/openapi.yaml), with
 * `fetch` for JSON calls and XMLHttpRequest for uploads (fetch has no upload progress).
 *
 * What it does for the elements:
 * - Bearer token: from the host's `getToken()` when given, else the token `signIn` (or
 *   `signInWithJwt`, the host-managed sign-in) received,
 *   held in this closure only (never in localStorage, sessionStorage or a cookie). A 401 on a
 *   call that used the held token forgets it. A 401 on any other call (host token, or none)
 *   calls the host's `refreshToken()` when given, once for all concurrent 401s, and sends the
 *   call once more with the new token (token-refresh.ts); only then is it `unauthorized`.
 * - `Accept-Language` from the call's `locale`; the host's extra `headers`; `onRequest`
 *   interceptors that may replace the Request (for uploads they see a body-less Request whose
 *   URL and headers are used; the body is always the file).
 * - Timeouts (`timeoutMs` per attempt, `uploadTimeoutMs` for uploads) → `timeout`; the caller's
 *   `signal` → an AbortError DOMException (never a SupportError).
 * - Retries only what is safe to send twice: GET, PUT and DELETE, and POSTs that carry an
 *   `Idempotency-Key` the server deduplicates on (create case, comment, attachments, call me,
 *   can't-sign-in form, add watcher, uploads). `signIn` and `signInWithJwt` are never retried (a second attempt would
 *   start a second session and count twice against the sign-in rate limit). Retried: network
 *   failures, timeouts, 408, 429, 502, 503, 504; never other statuses. Backoff is exponential
 *   with full jitter; `Retry-After` (seconds or HTTP date) on 429/503 replaces the backoff, up
 *   to `retry.maxRetryAfterMs`; past that the call fails at once with `retryAfterSeconds`.
 * - Every non-2xx becomes a SupportError from its status and problem+json body; a 2xx body
 *   that is not JSON or not the expected shape becomes `bad_response`.
 * - `watch()` follows the server's `GET /events` stream, or polls with `If-None-Match` where
 *   there is none (live-stream.ts).
 * - `capabilities` starts as everything the contract describes with `live: 'push'`, and takes
 *   what the server declares in each session envelope (capabilities.ts) before `getSession()`,
 *   `signIn()`, `signInWithJwt()` or `selectAccount()` resolve. It stays one object, changed in
 *   place, so an element that renders after its session loaded reads the server's values; a
 *   declared `live: 'poll'` makes `watch()` poll without asking for the stream.
 */
import type { Article, Catalog, Category } from '../core/catalog.js';
import { SupportError } from '../core/errors.js';
import type { Ticket } from '../core/ticket.js';
import { FULL_CAPABILITIES } from './backend.js';
import { adoptCapabilities, type MutableCapabilities } from './capabilities.js';
import type { CallOptions, IdempotentCallOptions, Session, SignInHelpReceipt, SupportBackend, TicketPage, UploadedFile, UploadOptions } from './backend.js';
import { hasStrings, isArrayOf, isNumber, isOptionalString, isRecord, isString, type Guard } from './guards.js';
import { buildUrl, newIdempotencyKey, parseBody, resolveRetryPolicy, send, successOrThrow, throwIfAborted } from './http.js';
import type { OutgoingCall, RawResponse, RetryPolicy, Sender } from './http.js';
import { removedOrAbsent } from './idempotency.js';
import { watchLive, type LiveTiming, type LiveTransport, type Polled } from './live-stream.js';
import { createTokenRefresh, type TokenSource, type TokenUse } from './token-refresh.js';
import { isSession, isTicket, isTicketSummary } from './shapes.js';

export { isSession, isTicket, isTicketSummary } from './shapes.js';
export type { RetryPolicy } from './http.js';

/** Sees (and may replace) every request before it is sent: add a header, sign, log. */
export type RequestInterceptor = (request: Request) => Request | Promise<Request>;

export interface FetchAdapterOptions {
  /** Where the API lives, e.g. `https://support.example.com/api` (no trailing slash needed). */
  readonly baseUrl: string;
  /** Defaults to the global `fetch`. */
  readonly fetch?: typeof globalThis.fetch;
  /**
   * The host's own bearer token for the signed-in user (called before every request). When
   * absent, or when it returns undefined, the token from `signIn` is used.
   */
  readonly getToken?: TokenSource | undefined;
  /**
   * Renews the host's token after a 401 and returns the new one (undefined: cannot renew). Not
   * used for the token `signIn` received: a 401 on that one signs the user out.
   */
  readonly refreshToken?: TokenSource | undefined;
  /** Extra headers on every request (the adapter's own headers win on conflict). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly onRequest?: RequestInterceptor | readonly RequestInterceptor[];
  /** Per attempt, for JSON calls (default 15000). */
  readonly timeoutMs?: number;
  /** Per attempt, for uploads (default 300000: 20 MB on a slow uplink). */
  readonly uploadTimeoutMs?: number;
  readonly retry?: RetryPolicy;
  /** Source of randomness for the backoff jitter (tests pass a fixed one). */
  readonly random?: () => number;
  /** `watch()`: reconnect backoff, poll interval (tests shorten them). */
  readonly live?: LiveTiming;
}

// ---------------------------------------------------------------------------------------------
// Shapes of the contract's responses (the domain's own shapes are in shapes.ts).

const isTicketPage: Guard<TicketPage> = (v): v is TicketPage =>
  isRecord(v) && isArrayOf(v.items, isTicketSummary) && isNumber(v.total) && isOptionalString(v.nextCursor);

const isCategory: Guard<Category> = (v): v is Category =>
  hasStrings(v, ['id', 'areaId', 'label']) && isArrayOf(v.subcategories, (s): s is Category['subcategories'][number] => hasStrings(s, ['id', 'label']));
const isCatalog: Guard<Catalog> = (v): v is Catalog => isRecord(v) && isArrayOf(v.categories, isCategory);

/**
 * Drops what cannot be chosen: a category with no subcategory (choosing it would leave an empty
 * list and no way on), a second category with the same id in the same area, a repeated
 * subcategory id. What is left is a usable choice; an area left with nothing is the element's
 * "bad answer, try again".
 */
export function usableCatalog(catalog: Catalog): Catalog {
  const seen = new Set<string>();
  const categories = catalog.categories.flatMap((category) => {
    const key = JSON.stringify([category.areaId, category.id]);
    if (seen.has(key)) return [];
    seen.add(key);
    const ids = new Set<string>();
    const subcategories = category.subcategories.filter((sub) => !ids.has(sub.id) && Boolean(ids.add(sub.id)));
    return subcategories.length > 0 ? [{ ...category, subcategories }] : [];
  });
  return { categories };
}
const isArticle: Guard<Article> = (v): v is Article => hasStrings(v, ['id', 'title', 'url']);
const isArticleList = (v: unknown): v is { items: Article[] } => isRecord(v) && isArrayOf(v.items, isArticle);
const isUploadedFile: Guard<UploadedFile> = (v): v is UploadedFile =>
  hasStrings(v, ['token', 'name', 'contentType']) && isNumber(v.size);
const isReceipt: Guard<SignInHelpReceipt> = (v): v is SignInHelpReceipt => hasStrings(v, ['reference']);
/** `capabilities` is checked by adoptCapabilities, field by field. */
type Envelope<S> = { session: S; capabilities?: unknown };
const isSessionEnvelope = (v: unknown): v is Envelope<Session | null> => isRecord(v) && (v.session === null || isSession(v.session));
const isSignInResult = (v: unknown): v is Envelope<Session> & { token: string } => isRecord(v) && isSession(v.session) && isString(v.token);
const isSessionResult = (v: unknown): v is Envelope<Session> => isRecord(v) && isSession(v.session);

/** JSON null for an optional field means "absent" (the domain types use undefined): drops such fields before the guard looks. */
function withoutNulls(value: unknown): unknown {
  return isRecord(value) ? Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== null)) : value;
}

function pageWithoutNulls(value: unknown): unknown {
  const page = withoutNulls(value);
  return isRecord(page) && Array.isArray(page.items) ? { ...page, items: page.items.map(withoutNulls) } : page;
}

// ---------------------------------------------------------------------------------------------

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface CallSpec {
  readonly method: Method;
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly body?: unknown;
  readonly idempotencyKey?: string;
  /** Sent as If-None-Match: a 304 then comes back as it is instead of as an error. */
  readonly etag?: string | undefined;
  readonly retryable: boolean;
  readonly options?: CallOptions | undefined;
}

/**
 * The fetch adapter: a `SupportBackend`, plus the reference server's host-managed sign-in.
 */
export interface FetchAdapter extends SupportBackend {
  /**
   * Signs in with a JWT the host app's backend minted (`POST /session/jwt` of the reference
   * server; docs/EMBEDDING.md): the session token it returns is held like `signIn`'s, in this
   * closure only. Hand the session to the elements (`session` property) afterwards.
   */
  signInWithJwt(jwt: string, options?: CallOptions): Promise<Session>;
}

export function createFetchAdapter(options: FetchAdapterOptions): FetchAdapter {
  const sender: Sender = {
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    policy: resolveRetryPolicy(options.retry),
    random: options.random,
  };
  const timeoutMs = options.timeoutMs ?? 15_000;
  const uploadTimeoutMs = options.uploadTimeoutMs ?? 300_000;
  const interceptors: readonly RequestInterceptor[] =
    options.onRequest === undefined ? [] : typeof options.onRequest === 'function' ? [options.onRequest] : options.onRequest;

  /** The token `signIn` received: memory only, for the life of this adapter. */
  let heldToken: string | undefined;
  /**
   * The session `heldToken` was last answered with (`knownSession`). Only that one: nothing
   * but a 401 here can end it, and a 401 forgets the token. A cookie session (another tab may
   * end it) and the host's tokens (the host may switch users) are asked for each time.
   */
  let heldSession: Session | undefined;
  const noteSession = <S extends Session | null>(session: S): S => {
    heldSession = heldToken !== undefined && !options.getToken && session ? session : undefined;
    return session;
  };
  const tokens = createTokenRefresh(options.refreshToken);
  const capabilities: MutableCapabilities = { ...FULL_CAPABILITIES, live: 'push' };
  /** The session of an envelope, once its capabilities are adopted. */
  const sessionOf = <S>(envelope: Envelope<S>): S => {
    adoptCapabilities(capabilities, envelope.capabilities);
    return envelope.session;
  };

  /** The host's token wins; the held one is never refreshed by the host. */
  async function currentToken(): Promise<TokenUse> {
    const fromHost = options.getToken ? await options.getToken() : undefined;
    if (fromHost) return { token: fromHost, refreshable: true };
    return { token: heldToken, refreshable: heldToken === undefined };
  }

  function baseHeaders(spec: Pick<CallSpec, 'options' | 'idempotencyKey'>, token: string | undefined): Headers {
    const headers = new Headers(options.headers);
    headers.set('Accept', 'application/json, application/problem+json');
    if (spec.options?.locale) headers.set('Accept-Language', spec.options.locale);
    if (token) headers.set('Authorization', `Bearer ${token}`);
    if (spec.idempotencyKey) headers.set('Idempotency-Key', spec.idempotencyKey);
    return headers;
  }

  async function intercept(request: Request): Promise<Request> {
    let current = request;
    for (const interceptor of interceptors) current = await interceptor(current);
    return current;
  }

  /**
   * Sends one call with retries and returns its 2xx response; any other status becomes its
   * SupportError. A 401 on a call that used the held token forgets it; on another, the
   * host's token is refreshed and the call sent once more.
   */
  async function deliver(
    call: Omit<OutgoingCall, 'request'>,
    request: (token: string | undefined, signal: AbortSignal) => Request | Promise<Request>,
  ): Promise<RawResponse> {
    throwIfAborted(call.signal);
    const first = await currentToken();
    const raw = await tokens.send(first, (token) => send(sender, { ...call, request: (signal) => request(token, signal) }), call.signal);
    if (raw.status === 401 && !first.refreshable && heldToken === first.token) heldToken = undefined;
    return raw.status === 304 ? raw : successOrThrow(raw);
  }

  function exchange(spec: CallSpec): Promise<RawResponse> {
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    return deliver({ retryable: spec.retryable, timeoutMs, signal: spec.options?.signal }, (token, signal) => {
      const headers = baseHeaders(spec, token);
      if (body !== undefined) headers.set('Content-Type', 'application/json');
      if (spec.etag !== undefined) headers.set('If-None-Match', spec.etag);
      return intercept(new Request(buildUrl(options.baseUrl, spec.path, spec.query), { method: spec.method, headers, body: body ?? null, signal }));
    });
  }

  async function json<T>(spec: CallSpec, guard: Guard<T>, prepare?: (body: unknown) => unknown): Promise<T> {
    return parseBody(await exchange(spec), guard, prepare);
  }

  async function empty(spec: CallSpec): Promise<void> {
    await exchange(spec);
  }

  const ticket = (spec: CallSpec): Promise<Ticket> => json(spec, isTicket, withoutNulls);

  const path = (number: string, rest = '') => `/tickets/${encodeURIComponent(number)}${rest}`;

  const post = (p: string, body: unknown, opts: IdempotentCallOptions): CallSpec => ({
    method: 'POST',
    path: p,
    body,
    idempotencyKey: opts.idempotencyKey,
    retryable: true,
    options: opts,
  });

  async function upload(file: File, opts: UploadOptions | undefined): Promise<UploadedFile> {
    const idempotencyKey = opts?.idempotencyKey ?? newIdempotencyKey();
    const call = { retryable: true, timeoutMs: uploadTimeoutMs, signal: opts?.signal, file, onProgress: opts?.onProgress };
    const raw = await deliver(call, (token) => {
      const headers = baseHeaders({ options: opts, idempotencyKey }, token);
      headers.set('Content-Type', file.type || 'application/octet-stream');
      headers.set('X-File-Name', encodeURIComponent(file.name));
      return intercept(new Request(buildUrl(options.baseUrl, '/uploads'), { method: 'POST', headers }));
    });
    return parseBody(raw, isUploadedFile);
  }

  /** The event stream's response as it is: `watchLive` reads its body and its status. */
  async function openEvents(lastEventId: string | undefined, signal: AbortSignal): Promise<Response> {
    throwIfAborted(signal);
    const first = await currentToken();
    let response: Response | undefined;
    const raw = await tokens.send(
      first,
      async (token) => {
        // A 401 answered first: its body is not read, the refreshed attempt replaces it.
        void response?.body?.cancel().catch(() => undefined);
        const headers = baseHeaders({}, token);
        headers.set('Accept', 'text/event-stream');
        if (lastEventId !== undefined) headers.set('Last-Event-ID', lastEventId);
        const request = await intercept(new Request(buildUrl(options.baseUrl, '/events'), { headers, signal }));
        response = await sender.fetch(request, { signal });
        return { status: response.status, headers: response.headers, text: '' };
      },
      signal,
    );
    if (raw.status === 401 && !first.refreshable && heldToken === first.token) heldToken = undefined;
    if (!response) throw new SupportError('network', 'No response');
    return response;
  }

  /** A GET with `If-None-Match`: undefined on 304, else the checked body and its ETag. */
  async function conditionalGet<T>(spec: CallSpec, guard: Guard<T>, prepare: (body: unknown) => unknown): Promise<Polled<T>> {
    const raw = await exchange(spec);
    return raw.status === 304 ? undefined : { etag: raw.headers.get('ETag') ?? undefined, value: parseBody(raw, guard, prepare) };
  }

  const live: LiveTransport = {
    streams: () => capabilities.live === 'push',
    openStream: openEvents,
    pollCase: (number, etag, signal) => conditionalGet({ method: 'GET', path: path(number), etag, retryable: true, options: { signal } }, isTicket, withoutNulls),
    async pollCases(etag, signal) {
      const page = await conditionalGet({ method: 'GET', path: '/tickets', etag, retryable: true, options: { signal } }, isTicketPage, pageWithoutNulls);
      return page && { etag: page.etag, value: page.value.items };
    },
    getTicket: (number, signal) => ticket({ method: 'GET', path: path(number), retryable: true, options: { signal } }),
    checkTicket(value) {
      const checked = withoutNulls(value);
      return isTicket(checked) ? checked : undefined;
    },
  };

  return {
    capabilities,
    watch: (scope, onChange, watchOptions) => watchLive(live, scope, onChange, watchOptions, { random: options.random, ...options.live }),

    async getSession(opts) {
      return noteSession(sessionOf(await json({ method: 'GET', path: '/session', retryable: true, options: opts }, isSessionEnvelope)));
    },

    knownSession: () => (heldToken === undefined ? undefined : heldSession),

    async signIn(credentials, opts) {
      const result = await json(
        {
          method: 'POST',
          path: '/session',
          body: { email: credentials.email, password: credentials.password, realm: credentials.realm },
          idempotencyKey: newIdempotencyKey(),
          retryable: false,
          options: opts,
        },
        isSignInResult,
      );
      heldToken = result.token;
      return noteSession(sessionOf(result));
    },

    async signInWithJwt(jwt, opts) {
      const result = await json(
        { method: 'POST', path: '/session/jwt', body: { jwt }, idempotencyKey: newIdempotencyKey(), retryable: false, options: opts },
        isSignInResult,
      );
      heldToken = result.token;
      return noteSession(sessionOf(result));
    },

    async signOut(opts) {
      try {
        await empty({ method: 'DELETE', path: '/session', retryable: true, options: opts });
      } catch (error) {
        // Already signed out on the server: the goal is reached.
        if (!(error instanceof SupportError && error.kind === 'unauthorized')) throw error;
      } finally {
        heldToken = undefined;
        heldSession = undefined;
      }
    },

    async selectAccount(accountId, opts) {
      return noteSession(sessionOf(await json({ method: 'PUT', path: '/session/account', body: { accountId }, retryable: true, options: opts }, isSessionResult)));
    },

    getCatalog: async (opts) => usableCatalog(await json({ method: 'GET', path: '/catalog', retryable: true, options: opts }, isCatalog)),

    async suggestArticles(query, opts) {
      const { items } = await json(
        {
          method: 'GET',
          path: '/articles',
          query: { query: query.query, areaId: query.areaId, productId: query.productId },
          retryable: true,
          options: opts,
        },
        isArticleList,
      );
      return items;
    },

    async listTickets(query, opts) {
      const page = await json(
        {
          method: 'GET',
          path: '/tickets',
          query: { status: query.status, search: query.search, sort: query.sort, cursor: query.cursor, limit: query.limit },
          retryable: true,
          options: opts,
        },
        isTicketPage,
        pageWithoutNulls,
      );
      return { items: page.items, total: page.total, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
    },

    getTicket: (number, opts) => ticket({ method: 'GET', path: path(number), retryable: true, options: opts }),

    createTicket: (input, opts) => ticket(post('/tickets', input, opts)),

    addComment: (number, body, opts) => ticket(post(path(number, '/comments'), { body }, opts)),

    uploadFile: (file, opts) => upload(file, opts),

    addAttachments: (number, tokens, opts) => ticket(post(path(number, '/attachments'), { tokens }, opts)),

    addWatcher: (number, email, opts) =>
      ticket(post(path(number, '/watchers'), { email }, { ...opts, idempotencyKey: newIdempotencyKey() })),

    removeWatcher(number, email, opts) {
      // One key for the call's attempts: a retry after a lost answer gets that answer, also when
      // the user removed themselves and no longer sees the case.
      const idempotencyKey = newIdempotencyKey();
      return removedOrAbsent(
        () => ticket({ method: 'DELETE', path: path(number, `/watchers/${encodeURIComponent(email)}`), idempotencyKey, retryable: true, options: opts }),
        () => ticket({ method: 'GET', path: path(number), retryable: true, options: opts }),
        email,
      );
    },

    requestCallback: (number, phone, opts) => ticket(post(path(number, '/callbacks'), { phone }, opts)),

    submitSignInHelp: (request, opts) => json(post('/sign-in-help', request, opts), isReceipt),
  };
}
