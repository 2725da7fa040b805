/**
 * `createZendeskAdapter`: the SupportBackend over Zendesk's Requests API, the end user's view
 * of tickets. docs/ZENDESK.md has the full mapping and what Zendesk cannot do.
 *
 * - The host signs the end user in with OAuth and hands the adapter a bearer token through
 *   `getToken`; `signIn` (password) is refused with `forbidden`.
 * - Statuses: new/open/hold → open; pending → action_required; solved → pending; closed → closed.
 * - Area, product, category, subcategory, contact method and the Call-me phone are custom
 *   fields whose ids the options name; their option values are the catalog's ids.
 * - Zendesk has no idempotency keys for end users: writes are never retried, and a repeated
 *   call with the same key and input returns the first call's promise (the UI's double submit).
 */
import { parseCaseSearch } from '../core/access.js';
import { catalogFor, seedCategories, type Article, type Catalog } from '../core/catalog.js';
import { seedConfig, type LocaleCode, type SupportConfig } from '../core/config.js';
import { customFieldsFor, customValuesFromZendesk, zendeskCustomFields } from '../core/custom-fields.js';
import { assertValid, SupportError } from '../core/errors.js';
import { helpCenterLocale, seedHelpCenter, type HelpCenterConfig } from '../core/help-center.js';
import { STATUS_TO_ZENDESK, ZENDESK_TO_STATUS } from '../core/helpdesk-status.js';
import type { Attachment, Comment, ContactMethod, NewTicket, Person, Status, SupportPlan, Ticket, TicketSummary } from '../core/ticket.js';
import { validateComment, validateEmailField, validateNewTicket, validateSignInHelp } from '../core/validation.js';
import type { Account, CallOptions, Session, SignInHelpReceipt, SupportBackend, TicketPage, TicketQuery, UploadedFile, UploadOptions } from './backend.js';
import type { Guard } from './guards.js';
import { buildUrl, parseBody, resolveRetryPolicy, send, successOrThrow, throwIfAborted } from './http.js';
import type { RawResponse, RetryPolicy, Sender } from './http.js';
import { idempotentRunner } from './idempotency.js';
import { createTokenRefresh, type TokenSource } from './token-refresh.js';
import {
  isArticleResults,
  isCommentPage,
  isMe,
  isOffsetList,
  isRequestEnvelope,
  isUpload,
  type ZComment,
  type ZCustomField,
  type ZendeskOrganization,
  type ZRequest,
  type ZUser,
  type EndUserUpdate,
  type ZendeskFieldIds,
  zendeskError,
} from './zendesk-shapes.js';
import { createUploadTokens } from './zendesk-uploads.js';
import { listPage, MAX_PAGE } from './zendesk-list.js';
import { pollZendesk, type ZendeskPollOptions } from './zendesk-watch.js';

export type { EndUserUpdate, ZendeskFieldIds, ZendeskOrganization } from './zendesk-shapes.js';

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
  /** Help Center locales and what narrows article suggestions to a product (default: the seed's). */
  readonly helpCenter?: HelpCenterConfig;
  /** How `watch()` polls (default every 60 s, backing off to 5 min). */
  readonly poll?: ZendeskPollOptions;
  /** The clock upload tokens are aged by (injectable for tests). */
  readonly now?: () => number;
}

// ---------------------------------------------------------------------------------------------
// Status mapping, both ways.

export function statusFromZendesk(status: string): Status {
  const mapped = ZENDESK_TO_STATUS[status];
  if (!mapped) throw new SupportError('bad_response', `Unknown Zendesk status ${status}`);
  return mapped;
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
  const helpCenter = options.helpCenter ?? seedHelpCenter;
  const uploads = createUploadTokens(options.now ?? Date.now);

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
    // Zendesk's first comment is the description (the server's connector reads it the same
    // way): shown once, as the description; its files stay among the attachments.
    const opening = visible[0] !== undefined && (visible[0].plain_body ?? visible[0].body).trim() === request.description.trim() ? visible[0] : undefined;
    return {
      ...summary(request, users),
      description: request.description,
      comments: visible.filter((c) => c !== opening).map(
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
      ...answers(request),
    };
  }

  /** The case's answers to the config's custom fields, read back from its Zendesk fields. */
  function answers(request: ZRequest): Pick<Ticket, 'customFields'> {
    const area = field(request, ids.areaFieldId) ?? '';
    const values = customValuesFromZendesk(request.custom_fields, customFieldsFor(config, area, field(request, ids.categoryFieldId)));
    return Object.keys(values).length > 0 ? { customFields: values } : {};
  }

  /** Every page of a request's public comments (cursor pagination, 100 a page, oldest first). */
  async function allComments(path: string, opts: CallOptions | undefined): Promise<{ comments: ZComment[]; users: ZUser[] }> {
    const comments: ZComment[] = [];
    const users: ZUser[] = [];
    let after: string | undefined;
    // 100 pages of 100: a bound, so that a server repeating its cursor cannot loop forever.
    for (let page = 0; page < 100; page++) {
      const answer = await get(`${path}/comments`, isCommentPage, opts, { 'page[size]': MAX_PAGE, 'page[after]': after, sort: 'created_at' });
      comments.push(...answer.comments);
      users.push(...(answer.users ?? []));
      const next = answer.meta?.has_more ? answer.meta.after_cursor : undefined;
      if (!next || next === after) break;
      after = next;
    }
    return { comments, users };
  }

  async function load(number: string, opts: CallOptions | undefined): Promise<Ticket> {
    const path = `/api/v2/requests/${encodeURIComponent(number)}`;
    const [{ request, users = [] }, thread] = await Promise.all([get(path, isRequestEnvelope, opts, { include: 'users' }), allComments(path, opts)]);
    return ticket(request, thread.comments, [...users, ...thread.users]);
  }

  /** PUT /requests/{id} with `{request: patch}`, then the case as it now is. */
  async function update(number: string, patch: EndUserUpdate, opts: CallOptions | undefined): Promise<Ticket> {
    await requireSession(opts);
    const raw = await exchange('PUT', `/api/v2/requests/${encodeURIComponent(number)}`, opts, { body: { request: patch } });
    parseBody(raw, isRequestEnvelope);
    return load(number, opts);
  }

  /** POST /uploads with the raw bytes (XMLHttpRequest, for progress). */
  async function upload(file: File, opts: UploadOptions | undefined): Promise<UploadedFile> {
    const request = (token: string | undefined) => (): Request => {
      const headers = new Headers({ Accept: 'application/json', 'Content-Type': file.type || 'application/octet-stream' });
      if (token) headers.set('Authorization', `Bearer ${token}`);
      return new Request(buildUrl(options.subdomainUrl, '/api/v2/uploads', { filename: file.name }), { method: 'POST', headers });
    };
    const timeout = options.uploadTimeoutMs ?? 300_000;
    const call = (token: string | undefined) =>
      send(sender, { request: request(token), file, onProgress: opts?.onProgress, retryable: false, timeoutMs: timeout, signal: opts?.signal });
    const raw = await tokens.send({ token: await options.getToken(), refreshable: true }, call, opts?.signal);
    const { upload: answer } = parseBody(successOrThrow(raw, zendeskError), isUpload);
    return {
      token: answer.token,
      name: answer.attachment?.file_name ?? file.name,
      size: answer.attachment?.size ?? file.size,
      contentType: answer.attachment?.content_type ?? (file.type || 'application/octet-stream'),
    };
  }

  /** The upload tokens to send now: any older than Zendesk keeps them is renewed by uploading its file again. */
  function freshTokens(list: readonly string[], opts: CallOptions | undefined): Promise<string[]> {
    return uploads.fresh(list, async (file) => (await upload(file, { signal: opts?.signal })).token, opts?.signal);
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
    capabilities: { addWatcher: true, removeWatcher: false, callMe: 'comment', live: 'poll' },

    watch(scope, onChange, watchOptions) {
      const call = (signal: AbortSignal): CallOptions => ({ signal, locale: watchOptions.locale });
      const reads = {
        recent: async (signal: AbortSignal) => {
          const page = await get('/api/v2/requests', isOffsetList, call(signal), { sort_by: 'updated_at', sort_order: 'desc', page: 1, per_page: 25, include: 'users' });
          return page.requests.map((r) => summary(r, page.users ?? []));
        },
        summary: async (number: string, signal: AbortSignal) => {
          const { request, users = [] } = await get(`/api/v2/requests/${encodeURIComponent(number)}`, isRequestEnvelope, call(signal), { include: 'users' });
          return summary(request, users);
        },
        ticket: (number: string, signal: AbortSignal) => load(number, call(signal)),
      };
      pollZendesk(reads, scope, onChange, watchOptions, options.poll);
    },

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
      // Help Center's own locale codes, and the product's labels / section / category (core/help-center.ts).
      const scope = query.productId ? helpCenter.products[query.productId] : undefined;
      const { results } = await get('/api/v2/help_center/articles/search', isArticleResults, opts, {
        query: query.query,
        locale: helpCenterLocale(helpCenter, opts?.locale ?? config.defaultLocale),
        label_names: scope?.labelNames?.join(','),
        section: scope?.section,
        category: scope?.category,
        per_page: 5,
      });
      return results.map((r): Article => ({ id: String(r.id), title: r.title, url: r.html_url }));
    },

    listTickets(query: TicketQuery, opts): Promise<TicketPage> {
      // Zendesk matches the query itself (every word; a bare number is a request id): the
      // adapter only reads it as every backend does, so "#104" is the number 104.
      const search = parseCaseSearch(query.search);
      return listPage(
        {
          list: (params, o) => get('/api/v2/requests', isOffsetList, o, params),
          search: (params, o) => get('/api/v2/requests/search', isOffsetList, o, params),
          summary,
          statuses: (status) => STATUS_TO_ZENDESK[status].join(','),
        },
        query,
        search ? (search.digits ?? search.words.join(' ')) : undefined,
        opts,
      );
    },

    getTicket: (number, opts) => load(number, opts),

    createTicket: (input: NewTicket, opts) =>
      ticketWrites(`create:${opts.idempotencyKey}`, input, async () => {
        await requireSession(opts);
        const area = config.areas.find((a) => a.id === input.areaId);
        assertValid(validateNewTicket(input, config, { needsCategory: Boolean(input.categoryId) || area?.realm === 'support_center' }));
        const files = await freshTokens(input.attachmentTokens ?? [], opts);
        // No `organization_id`: it is read-only on requests (JSON format); Zendesk files the
        // request under the requester's organization.
        const raw = await exchange('POST', '/api/v2/requests', opts, {
          body: {
            request: {
              subject: input.subject.trim(),
              comment: { body: input.description.trim(), ...(files.length ? { uploads: files } : {}) },
              custom_fields: customFields({
                [ids.areaFieldId]: input.areaId,
                [ids.productFieldId]: input.productId,
                [ids.categoryFieldId]: input.categoryId,
                [ids.subcategoryFieldId]: input.subcategoryId,
                [ids.contactMethodFieldId]: input.contactMethod,
              }).concat(zendeskCustomFields(input.customFields, customFieldsFor(config, input.areaId, input.categoryId))),
              ...(input.followUpOf ? { via_followup_source_id: Number(input.followUpOf) } : {}),
            },
          },
        });
        const { request, users = [] } = parseBody(raw, isRequestEnvelope);
        uploads.used(files);
        // The case exists now: a failed read of it must not look like a failed create, which
        // frees the key and lets a retry open a second case. The answer of the POST stands in.
        return load(String(request.id), opts).catch((error: unknown) => {
          if (opts.signal?.aborted) throw error;
          return ticket(request, [], users);
        });
      }),

    addComment: (number, body, opts) =>
      ticketWrites(`comment:${opts.idempotencyKey}`, { number, body }, async () => {
        assertValid(validateComment(body, config));
        return update(number, { comment: { body: body.trim() } }, opts);
      }),

    async uploadFile(file: File, opts?: UploadOptions): Promise<UploadedFile> {
      throwIfAborted(opts?.signal);
      await requireSession(opts);
      const uploaded = await upload(file, opts);
      uploads.remember(uploaded.token, file);
      return uploaded;
    },

    addAttachments: (number, tokens, opts) =>
      ticketWrites(`attach:${opts.idempotencyKey}`, { number, tokens }, async () => {
        const files = await freshTokens(tokens, opts);
        const updated = await update(number, { comment: { body: options.attachmentCommentBody ?? 'Attached files.', uploads: files } }, opts);
        uploads.used(files);
        return updated;
      }),

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
