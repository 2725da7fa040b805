/**
 * `createZendeskAdapter`: the SupportBackend over Zendesk's Requests API, the end user's view
 * of tickets. docs/ZENDESK.md has the full mapping and what Zendesk cannot do.
 *
 * - The host signs the end user in with OAuth and hands the adapter a bearer token through
 *   `getToken`; `signIn` (password) is refused with `forbidden`.
 * - Statuses: new/open/hold → open; pending → action_required; solved → pending; closed → closed.
 * - Area, product, category, subcategory, contact method and the Call-me phone are ticket
 *   custom fields whose ids the options name; their option values are the catalog's ids.
 * - Zendesk has no idempotency keys for end users: writes are never retried, and a repeated
 *   call with the same key and input returns the first call's promise (the UI's double submit).
 */
import { parseCaseSearch } from '../core/access.js';
import type { Article, Catalog } from '../core/catalog.js';
import { catalogFor, seedCategories } from '../core/catalog.js';
import type { LocaleCode, SupportConfig } from '../core/config.js';
import { seedConfig } from '../core/config.js';
import { assertValid, SupportError, type FieldError } from '../core/errors.js';
import type { Attachment, Comment, ContactMethod, NewTicket, Person, Status, SupportPlan, Ticket, TicketSummary } from '../core/ticket.js';
import { validateComment, validateEmailField, validateNewTicket, validateSignInHelp } from '../core/validation.js';
import { watchNothing } from './backend.js';
import { STATUS_TO_ZENDESK, ZENDESK_TO_STATUS } from '../core/helpdesk-status.js';
import type { Account, CallOptions, Session, SignInHelpReceipt, SupportBackend, TicketPage, UploadedFile, UploadOptions } from './backend.js';
import { hasDates, hasNumbers, hasStrings, isArrayOf, isBoolean, isNullable, isNumber, isOptional, isRecord, isString, type Guard } from './guards.js';
import { buildUrl, errorFromResponse, parseBody, resolveRetryPolicy, send, successOrThrow, throwIfAborted } from './http.js';
import type { RawResponse, RetryPolicy, Sender } from './http.js';
import { idempotentRunner } from './idempotency.js';
import { createTokenRefresh, type TokenSource } from './token-refresh.js';

export interface ZendeskFieldIds {
  readonly categoryFieldId: number;
  readonly subcategoryFieldId: number;
  readonly productFieldId: number;
  readonly areaFieldId: number;
  readonly contactMethodFieldId: number;
  /** A phone number support recorded for a call (read only: end users cannot write custom fields after creation). */
  readonly callbackPhoneFieldId: number;
}

export interface ZendeskOrganization {
  readonly id: number;
  readonly name: string;
  readonly tags: readonly string[];
}

export interface ZendeskAdapterOptions {
  /** The Zendesk instance (or brand) base, e.g. `https://acme.zendesk.com`. */
  readonly subdomainUrl: string;
  readonly fetch?: typeof globalThis.fetch;
  /** The end user's OAuth access token (scope `read write`); undefined means anonymous. */
  readonly getToken: TokenSource;
  /** Renews the access token after a 401 (e.g. with the OAuth refresh token); undefined: cannot renew. */
  readonly refreshToken?: TokenSource | undefined;
  readonly fields: ZendeskFieldIds;
  /** Rules for validation and Call me (default: the seed preset). */
  readonly config?: SupportConfig;
  /** Categories and subcategories (Zendesk has no end-user API for them). Default: the seed catalog. */
  readonly catalog?: (locale: LocaleCode) => Catalog;
  /** Support plan of an organization (default: `paid` when it has the tag `support_plan_paid`). */
  readonly planOf?: (organization: ZendeskOrganization) => SupportPlan;
  /** Realm reported in the session (Zendesk users are support-center users). Default `support_center`. */
  readonly realm?: Session['realm'];
  /** Body of the comment that carries attachments (Zendesk attaches files through a comment). */
  readonly attachmentCommentBody?: string;
  /** Subject of requests made by the can't-sign-in form. */
  readonly signInHelpSubject?: string;
  readonly timeoutMs?: number;
  readonly uploadTimeoutMs?: number;
  /** Retries for reads only. */
  readonly retry?: RetryPolicy;
}

// ---------------------------------------------------------------------------------------------
// Zendesk shapes (only what the adapter reads).

interface ZUser {
  readonly id: number;
  readonly name: string;
  readonly email?: string | undefined;
  readonly agent?: boolean | undefined;
  readonly role?: string | undefined;
}

interface ZCustomField {
  readonly id: number;
  readonly value: unknown;
}

interface ZRequest {
  readonly id: number;
  readonly subject: string;
  readonly description: string;
  readonly status: string;
  readonly requester_id: number;
  readonly organization_id?: number | null;
  readonly collaborator_ids?: readonly number[];
  readonly custom_fields?: readonly ZCustomField[];
  readonly followup_source_id?: number | null;
  readonly via?: { readonly channel?: unknown } | undefined;
  readonly created_at: string;
  readonly updated_at: string;
}

interface ZAttachment {
  readonly id: number;
  readonly file_name: string;
  readonly content_url: string;
  readonly content_type: string;
  readonly size: number;
}

interface ZComment {
  readonly id: number;
  readonly body: string;
  readonly plain_body?: string;
  readonly public?: boolean;
  readonly author_id: number;
  readonly attachments?: readonly ZAttachment[];
  readonly created_at: string;
  readonly via?: { readonly channel?: unknown } | undefined;
}

const isChannel = (v: unknown): v is { readonly channel?: unknown } => isRecord(v);
const isUser: Guard<ZUser> = (v): v is ZUser =>
  hasNumbers(v, ['id']) && isString(v.name) && isOptional(v.email, isString) && isOptional(v.agent, isBoolean) && isOptional(v.role, isString);
const isOrganization: Guard<ZendeskOrganization> = (v): v is ZendeskOrganization =>
  hasNumbers(v, ['id']) && isString(v.name) && isArrayOf(v.tags, isString);
const isCustomField: Guard<ZCustomField> = (v): v is ZCustomField => hasNumbers(v, ['id']);
const isRequest: Guard<ZRequest> = (v): v is ZRequest =>
  hasNumbers(v, ['id', 'requester_id']) &&
  hasStrings(v, ['subject', 'description', 'status']) &&
  hasDates(v, ['created_at', 'updated_at']) &&
  isNullable(v.organization_id, isNumber) &&
  isNullable(v.followup_source_id, isNumber) &&
  isOptional(v.custom_fields, (f) => isArrayOf(f, isCustomField)) &&
  isOptional(v.collaborator_ids, (ids) => isArrayOf(ids, isNumber)) &&
  isOptional(v.via, isChannel);
const isAttachment: Guard<ZAttachment> = (v): v is ZAttachment =>
  hasNumbers(v, ['id', 'size']) && typeof v.size === 'number' && v.size >= 0 && hasStrings(v, ['file_name', 'content_url', 'content_type']);
const isComment: Guard<ZComment> = (v): v is ZComment =>
  hasNumbers(v, ['id', 'author_id']) &&
  hasStrings(v, ['body']) &&
  hasDates(v, ['created_at']) &&
  isOptional(v.plain_body, isString) &&
  isOptional(v.public, isBoolean) &&
  isOptional(v.attachments, (a) => isArrayOf(a, isAttachment)) &&
  isOptional(v.via, isChannel);

const optionalUsers = (v: Record<string, unknown>) => isOptional(v.users, (users) => isArrayOf(users, isUser));
const isMe = (v: unknown): v is { user: { id: number | null; name: string; email?: string; organization_id?: number | null }; organizations?: ZendeskOrganization[] } =>
  isRecord(v) &&
  isRecord(v.user) &&
  (v.user.id === null || isNumber(v.user.id)) &&
  isString(v.user.name) &&
  isOptional(v.user.email, isString) &&
  isNullable(v.user.organization_id, isNumber) &&
  isOptional(v.organizations, (orgs) => isArrayOf(orgs, isOrganization));
const isRequestEnvelope = (v: unknown): v is { request: ZRequest; users?: ZUser[] } => isRecord(v) && isRequest(v.request) && optionalUsers(v);
const isComments = (v: unknown): v is { comments: ZComment[]; users?: ZUser[] } => isRecord(v) && isArrayOf(v.comments, isComment) && optionalUsers(v);
const isCursorList = (
  v: unknown,
): v is { requests: ZRequest[]; users?: ZUser[]; meta: { has_more: boolean; after_cursor?: string | null } } =>
  isRecord(v) &&
  isArrayOf(v.requests, isRequest) &&
  optionalUsers(v) &&
  isRecord(v.meta) &&
  isBoolean(v.meta.has_more) &&
  isNullable(v.meta.after_cursor, isString);
const isSearchList = (v: unknown): v is { requests: ZRequest[]; users?: ZUser[]; count: number; next_page: string | null } =>
  isRecord(v) && isArrayOf(v.requests, isRequest) && optionalUsers(v) && isNumber(v.count) && (v.next_page === null || isString(v.next_page));
const isUpload = (v: unknown): v is { upload: { token: string; attachment?: ZAttachment } } =>
  isRecord(v) && isRecord(v.upload) && isString(v.upload.token) && isOptional(v.upload.attachment, isAttachment);
const isArticle = (r: unknown): r is { id: number; title: string; html_url: string } => hasNumbers(r, ['id']) && hasStrings(r, ['title', 'html_url']);
const isArticleResults = (v: unknown): v is { results: { id: number; title: string; html_url: string }[] } => isRecord(v) && isArrayOf(v.results, isArticle);

// ---------------------------------------------------------------------------------------------
// Status mapping, both ways.

const ZENDESK_STATUSES: Readonly<Record<Status, string>> = {
  open: STATUS_TO_ZENDESK.open.join(','),
  action_required: STATUS_TO_ZENDESK.action_required.join(','),
  pending: STATUS_TO_ZENDESK.pending.join(','),
  closed: STATUS_TO_ZENDESK.closed.join(','),
};

export function statusFromZendesk(status: string): Status {
  const mapped = ZENDESK_TO_STATUS[status];
  if (!mapped) throw new SupportError('bad_response', `Unknown Zendesk status ${status}`);
  return mapped;
}

/** Cursor of our own: which Zendesk list it continues, and how many rows came before. */
interface Cursor {
  readonly mode: 'list' | 'search';
  readonly after: string;
  readonly seen: number;
}

function encodeCursor(cursor: Cursor): string {
  return btoa(JSON.stringify(cursor));
}

function decodeCursor(value: string | undefined): Cursor | undefined {
  if (!value) return undefined;
  try {
    const parsed: unknown = JSON.parse(atob(value));
    if (isRecord(parsed) && (parsed.mode === 'list' || parsed.mode === 'search') && isString(parsed.after) && isNumber(parsed.seen)) {
      return { mode: parsed.mode, after: parsed.after, seen: parsed.seen };
    }
  } catch {
    // fall through
  }
  throw new SupportError('validation', 'Unknown cursor', { fieldErrors: [{ field: 'cursor', code: 'invalid_choice' }] });
}

// ---------------------------------------------------------------------------------------------

export function createZendeskAdapter(options: ZendeskAdapterOptions): SupportBackend {
  const sender: Sender = { fetch: options.fetch ?? globalThis.fetch.bind(globalThis), policy: resolveRetryPolicy(options.retry) };
  const config = options.config ?? seedConfig;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const ids = options.fields;
  const planOf = options.planOf ?? ((org: ZendeskOrganization) => (org.tags.includes('support_plan_paid') ? 'paid' : 'free'));
  const catalog = options.catalog ?? ((locale: LocaleCode) => catalogFor(seedCategories, locale));
  const ticketWrites = idempotentRunner<Ticket>();
  const signInHelpWrites = idempotentRunner<SignInHelpReceipt>();
  const tokens = createTokenRefresh(options.refreshToken);

  /** Current session: refreshed by getSession; carries the chosen organization. */
  let session: Session | null = null;

  async function exchange(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    opts: CallOptions | undefined,
    init: { query?: Record<string, string | number | undefined>; body?: unknown; anonymous?: boolean } = {},
  ): Promise<RawResponse> {
    throwIfAborted(opts?.signal);
    const first = init.anonymous ? undefined : await options.getToken();
    const body = init.body === undefined ? undefined : JSON.stringify(init.body);
    const request = (token: string | undefined) => (signal: AbortSignal): Request => {
      const headers = new Headers({ Accept: 'application/json' });
      if (token) headers.set('Authorization', `Bearer ${token}`);
      if (opts?.locale) headers.set('Accept-Language', opts.locale);
      if (body !== undefined) headers.set('Content-Type', 'application/json');
      return new Request(buildUrl(options.subdomainUrl, path, init.query), { method, headers, body: body ?? null, signal });
    };
    // Writes are never sent twice (no idempotency keys for end users), except once after a 401 and a token refresh.
    const call = (token: string | undefined) => send(sender, { request: request(token), retryable: method === 'GET', timeoutMs, signal: opts?.signal });
    const raw = await tokens.send({ token: first, refreshable: !init.anonymous }, call, opts?.signal);
    return successOrThrow(raw, zendeskError);
  }

  async function get<T>(path: string, guard: Guard<T>, opts: CallOptions | undefined, query?: Record<string, string | number | undefined>): Promise<T> {
    return parseBody(await exchange('GET', path, opts, query ? { query } : {}), guard);
  }

  function field(request: ZRequest, id: number): string | undefined {
    const value = request.custom_fields?.find((f) => f.id === id)?.value;
    return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
  }

  function person(users: readonly ZUser[], id: number): Person {
    const user = users.find((u) => u.id === id);
    return { name: user?.name ?? `User ${id}`, email: user?.email ?? '' };
  }

  function summary(request: ZRequest, users: readonly ZUser[]): TicketSummary {
    const contact = field(request, ids.contactMethodFieldId);
    const contactMethod: ContactMethod = contact === 'email' || contact === 'portal' ? contact : request.via?.channel === 'email' ? 'email' : 'portal';
    const followUp = request.followup_source_id;
    return {
      id: String(request.id),
      number: String(request.id),
      subject: request.subject,
      areaId: field(request, ids.areaFieldId) ?? '',
      productId: field(request, ids.productFieldId) ?? '',
      categoryId: field(request, ids.categoryFieldId),
      subcategoryId: field(request, ids.subcategoryFieldId),
      status: statusFromZendesk(request.status),
      contactMethod,
      accountId: request.organization_id ? String(request.organization_id) : `user-${request.requester_id}`,
      requester: person(users, request.requester_id),
      createdAt: request.created_at,
      updatedAt: request.updated_at,
      // Zendesk does not tell apart changes that count for its own auto-close.
      activityAt: request.updated_at,
      ...(followUp ? { followUpOf: String(followUp) } : {}),
    };
  }

  function ticket(request: ZRequest, comments: readonly ZComment[], users: readonly ZUser[]): Ticket {
    const visible = comments.filter((c) => c.public !== false);
    const phone = field(request, ids.callbackPhoneFieldId);
    return {
      ...summary(request, users),
      description: request.description,
      comments: visible.map(
        (c): Comment => ({
          id: String(c.id),
          author: person(users, c.author_id),
          authorRole: users.find((u) => u.id === c.author_id)?.agent ? 'agent' : 'user',
          body: c.plain_body ?? c.body,
          via: c.via?.channel === 'email' ? 'email' : 'web',
          createdAt: c.created_at,
        }),
      ),
      attachments: visible.flatMap((c) =>
        (c.attachments ?? []).map(
          (a): Attachment => ({ id: String(a.id), name: a.file_name, size: a.size, contentType: a.content_type, url: a.content_url, createdAt: c.created_at }),
        ),
      ),
      watchers: (request.collaborator_ids ?? []).map((id) => ({
        // End users may not see other users' addresses; the name stands in when it is missing.
        email: users.find((u) => u.id === id)?.email ?? person(users, id).name,
        addedAt: request.created_at,
      })),
      callbacks: phone ? [{ id: `${request.id}-callback`, phone, requestedAt: request.updated_at }] : [],
    };
  }

  async function load(number: string, opts: CallOptions | undefined): Promise<Ticket> {
    const path = `/api/v2/requests/${encodeURIComponent(number)}`;
    const [{ request, users = [] }, { comments, users: commentUsers = [] }] = await Promise.all([
      get(path, isRequestEnvelope, opts, { include: 'users' }),
      get(`${path}/comments`, isComments, opts),
    ]);
    return ticket(request, comments, [...users, ...commentUsers]);
  }

  /** PUT /requests/{id} with `{request: patch}`, then the case as it now is. */
  async function update(number: string, patch: Record<string, unknown>, opts: CallOptions | undefined): Promise<Ticket> {
    await requireSession(opts);
    const raw = await exchange('PUT', `/api/v2/requests/${encodeURIComponent(number)}`, opts, { body: { request: patch } });
    parseBody(raw, isRequestEnvelope);
    return load(number, opts);
  }

  async function requireSession(opts: CallOptions | undefined): Promise<Session> {
    const current = session ?? (await backend.getSession(opts));
    if (!current) throw new SupportError('unauthorized', 'Sign in to Zendesk first', { status: 401 });
    return current;
  }

  function customFields(values: Readonly<Record<number, string | undefined>>): ZCustomField[] {
    return Object.entries(values).flatMap(([id, value]) => (value === undefined ? [] : [{ id: Number(id), value }]));
  }

  const backend: SupportBackend = {
    // The Requests API lets an end user write only a comment, `solved` and additional
    // collaborators: no removing a CC, no custom fields after creation (docs/ZENDESK.md).
    capabilities: { removeWatcher: false, callMe: 'comment', live: 'none' },
    watch: watchNothing,

    async getSession(opts) {
      const me = await get('/api/v2/users/me', isMe, opts, { include: 'organizations' });
      if (me.user.id === null) {
        session = null;
        return null;
      }
      const userId = me.user.id;
      const organizations = me.organizations ?? [];
      const accounts: Account[] = organizations.length
        ? organizations.map((org) => ({ id: String(org.id), name: org.name, plan: planOf(org) }))
        : [{ id: `user-${userId}`, name: me.user.name, plan: 'free' }];
      const preferred = session?.activeAccountId ?? (me.user.organization_id ? String(me.user.organization_id) : undefined);
      const active = accounts.find((a) => a.id === preferred) ?? accounts[0];
      session = {
        user: { name: me.user.name, email: me.user.email ?? '' },
        realm: options.realm ?? 'support_center',
        accounts,
        activeAccountId: active?.id ?? `user-${userId}`,
      };
      return session;
    },

    async signIn() {
      throw new SupportError('forbidden', 'Zendesk end users sign in through OAuth in the host page, not with a password here', { status: 403 });
    },

    async signOut() {
      // The OAuth token belongs to the host, which revokes or drops it; nothing is held here.
      session = null;
    },

    async selectAccount(accountId, opts) {
      const current = await requireSession(opts);
      if (!current.accounts.some((a) => a.id === accountId)) throw new SupportError('forbidden', 'Not one of your organizations', { status: 403 });
      session = { ...current, activeAccountId: accountId };
      return session;
    },

    getCatalog: async (opts) => {
      throwIfAborted(opts?.signal);
      return catalog(opts?.locale ?? config.defaultLocale);
    },

    async suggestArticles(query, opts) {
      if (query.query.trim().length < 3) return [];
      const { results } = await get('/api/v2/help_center/articles/search', isArticleResults, opts, {
        query: query.query,
        locale: opts?.locale,
        per_page: 5,
      });
      return results.map((r): Article => ({ id: String(r.id), title: r.title, url: r.html_url }));
    },

    async listTickets(query, opts): Promise<TicketPage> {
      const cursor = decodeCursor(query.cursor);
      const limit = Math.min(Math.max(query.limit ?? 25, 1), 100);
      const status = query.status ? ZENDESK_STATUSES[query.status] : undefined;
      const [sortBy, sortOrder] = (query.sort ?? 'updated_desc').startsWith('number')
        ? ['created_at', query.sort === 'number_asc' ? 'asc' : 'desc']
        : ['updated_at', query.sort === 'updated_asc' ? 'asc' : 'desc'];
      // Zendesk matches the query itself (every word; a bare number is a request id): the
      // adapter only reads it as every backend does, so "#104" is the number 104.
      const search = parseCaseSearch(query.search);
      if (search) {
        const page = cursor?.mode === 'search' ? Number(cursor.after) : 1;
        const result = await get('/api/v2/requests/search', isSearchList, opts, {
          query: search.digits ?? search.words.join(' '),
          status,
          page,
          per_page: limit,
          sort_by: sortBy,
          sort_order: sortOrder,
          include: 'users',
        });
        const items = result.requests.map((r) => summary(r, result.users ?? []));
        return {
          items,
          total: result.count,
          ...(result.next_page ? { nextCursor: encodeCursor({ mode: 'search', after: String(page + 1), seen: (cursor?.seen ?? 0) + items.length }) } : {}),
        };
      }
      const result = await get('/api/v2/requests', isCursorList, opts, {
        status,
        sort_by: sortBy,
        sort_order: sortOrder,
        'page[size]': limit,
        'page[after]': cursor?.mode === 'list' ? cursor.after : undefined,
        include: 'users',
      });
      const items = result.requests.map((r) => summary(r, result.users ?? []));
      const seen = (cursor?.seen ?? 0) + items.length;
      const after = result.meta.after_cursor;
      const more = result.meta.has_more && typeof after === 'string';
      // Cursor pagination gives no count: exact on the last page, "at least one more" before it.
      return { items, total: more ? seen + 1 : seen, ...(more ? { nextCursor: encodeCursor({ mode: 'list', after, seen }) } : {}) };
    },

    getTicket: (number, opts) => load(number, opts),

    createTicket: (input: NewTicket, opts) =>
      ticketWrites(`create:${opts.idempotencyKey}`, input, async () => {
        const current = await requireSession(opts);
        const area = config.areas.find((a) => a.id === input.areaId);
        assertValid(validateNewTicket(input, config, { needsCategory: Boolean(input.categoryId) || area?.realm === 'support_center' }));
        const organization = Number(current.activeAccountId);
        const raw = await exchange('POST', '/api/v2/requests', opts, {
          body: {
            request: {
              subject: input.subject.trim(),
              comment: { body: input.description.trim(), ...(input.attachmentTokens?.length ? { uploads: input.attachmentTokens } : {}) },
              custom_fields: customFields({
                [ids.areaFieldId]: input.areaId,
                [ids.productFieldId]: input.productId,
                [ids.categoryFieldId]: input.categoryId,
                [ids.subcategoryFieldId]: input.subcategoryId,
                [ids.contactMethodFieldId]: input.contactMethod,
              }),
              ...(Number.isInteger(organization) ? { organization_id: organization } : {}),
              ...(input.followUpOf ? { via_followup_source_id: Number(input.followUpOf) } : {}),
            },
          },
        });
        const { request } = parseBody(raw, isRequestEnvelope);
        return load(String(request.id), opts);
      }),

    addComment: (number, body, opts) =>
      ticketWrites(`comment:${opts.idempotencyKey}`, { number, body }, async () => {
        assertValid(validateComment(body, config));
        return update(number, { comment: { body: body.trim() } }, opts);
      }),

    uploadFile(file: File, opts?: UploadOptions): Promise<UploadedFile> {
      return (async () => {
        throwIfAborted(opts?.signal);
        await requireSession(opts);
        const request = (token: string | undefined) => (): Request => {
          const headers = new Headers({ Accept: 'application/json', 'Content-Type': file.type || 'application/octet-stream' });
          if (token) headers.set('Authorization', `Bearer ${token}`);
          return new Request(buildUrl(options.subdomainUrl, '/api/v2/uploads', { filename: file.name }), { method: 'POST', headers });
        };
        const timeout = options.uploadTimeoutMs ?? 300_000;
        const call = (token: string | undefined) =>
          send(sender, { request: request(token), file, onProgress: opts?.onProgress, retryable: false, timeoutMs: timeout, signal: opts?.signal });
        const raw = await tokens.send({ token: await options.getToken(), refreshable: true }, call, opts?.signal);
        const { upload } = parseBody(successOrThrow(raw, zendeskError), isUpload);
        return {
          token: upload.token,
          name: upload.attachment?.file_name ?? file.name,
          size: upload.attachment?.size ?? file.size,
          contentType: upload.attachment?.content_type ?? (file.type || 'application/octet-stream'),
        };
      })();
    },

    addAttachments: (number, tokens, opts) =>
      ticketWrites(`attach:${opts.idempotencyKey}`, { number, tokens }, () =>
        update(number, { comment: { body: options.attachmentCommentBody ?? 'Attached files.', uploads: tokens } }, opts),
      ),

    async addWatcher(number, email, opts) {
      assertValid(validateEmailField('email', email));
      return update(number, { additional_collaborators: [email.trim().toLowerCase()] }, opts);
    },

    // Declared unsupported in `capabilities`: the elements do not offer these. A host that calls
    // them anyway gets a clear refusal, and Zendesk is never sent a write it would reject.
    removeWatcher: () => Promise.reject(unsupported('Zendesk does not let an end user remove a CC')),
    requestCallback: () => Promise.reject(unsupported('On Zendesk, Call me is an end-user comment (capabilities.callMe)')),

    submitSignInHelp: (request, opts) =>
      signInHelpWrites(`signin-help:${opts.idempotencyKey}`, request, async () => {
        assertValid(validateSignInHelp(request, config));
        // An anonymous request: Zendesk creates (or finds) the user by email.
        const raw = await exchange('POST', '/api/v2/requests', opts, {
          anonymous: true,
          body: {
            request: {
              requester: { name: request.name.trim(), email: request.email.trim() },
              subject: options.signInHelpSubject ?? 'Sign-in help',
              comment: { body: request.description.trim() },
              custom_fields: customFields({ [ids.areaFieldId]: request.areaId }),
            },
          },
        });
        const created = parseBody(raw, isRequestEnvelope);
        return { reference: String(created.request.id) };
      }),
  };

  return backend;
}

function unsupported(why: string): SupportError {
  return new SupportError('forbidden', why, { status: 403 });
}

/**
 * Zendesk errors are `{error, description, details}`, not problem+json. A 422 whose details
 * name the status ("closed prevents ticket update") is the closed-case conflict; other 422
 * details become field errors (`BlankValue` → required).
 */
function zendeskError(raw: RawResponse): SupportError {
  if (raw.status !== 422) return errorFromResponse(raw);
  let body: unknown;
  try {
    body = JSON.parse(raw.text);
  } catch {
    return errorFromResponse(raw);
  }
  const details = isRecord(body) && isRecord(body.details) ? body.details : {};
  const text = JSON.stringify(details.status ?? '');
  if (/closed/i.test(text)) return new SupportError('conflict', 'The case is closed', { status: 422, conflict: 'closed' });
  const fieldErrors: FieldError[] = Object.entries(details).flatMap(([name, entries]) =>
    (Array.isArray(entries) ? entries : []).map((entry): FieldError => ({
      field: name === 'base' ? 'description' : name,
      code: isRecord(entry) && entry.error === 'BlankValue' ? 'required' : 'invalid_choice',
    })),
  );
  return new SupportError('validation', 'Zendesk rejected the request', { status: 422, fieldErrors });
}
