// A mock Zendesk written from Zendesk's documentation (not from the adapter), for
// test/adapters/zendesk-rules.test.ts. In memory, on 127.0.0.1, one store per mock.
//
// What it enforces, with the page each rule comes from (docs/ZENDESK.md has the table):
// - End-user auth: `Authorization: Bearer <token>`; none → anonymous (users/me answers id null,
//   reads answer 401) — Requests API "Authentication".
// - Update Request writes only `comment`, `solved`, `additional_collaborators`; Create Request
//   refuses read-only properties (JSON format table: organization_id, requester_id, … are
//   read-only). Refusals use Zendesk's error shape {error, description, details}.
// - A closed request cannot be updated ("Status: closed prevents ticket update").
// - Pagination: `page[size]` (cursor, ≤ 100) with meta.has_more / after_cursor and links.next;
//   `page` + `per_page` (offset, ≤ 100, 100 pages at most) with next_page and count.
//   On List Requests, cursor pagination ignores sort_by/sort_order (reported by Zendesk users:
//   support.zendesk.com/hc/en-us/community/posts/8403358233882); offset pagination sorts.
// - Search Requests: `query`, `status` (comma-separated), offset only, 1,000 results at most:
//   a page past it answers 422.
// - Listing Comments: cursor `sort` created_at / -created_at; only public comments.
// - Uploads: a token is valid 60 minutes (the mock's clock; /__mock/advance moves it).
// - Help Center article search: `locale` must be one of the Help Center's locales (lowercase),
//   `label_names` narrows to articles with one of the labels.
// - 429 with Retry-After on demand (/__mock/fail).
//
// Control (not Zendesk): POST /__mock/reset, POST /__mock/advance {ms}, POST /__mock/fail
// {status, retryAfter, times, path?} (path: exact), POST /__mock/agent-reply {id, body, status?},
// POST /__mock/seed {requests: n}, GET /__mock/log.
import { createServer } from 'node:http';

const MAX_PAGE = 100;
const SEARCH_LIMIT = 1000;
const UPLOAD_TTL_MS = 60 * 60 * 1000;
const UPDATE_WRITABLE = ['comment', 'solved', 'additional_collaborators'];
const CREATE_WRITABLE = [
  'subject', 'comment', 'custom_fields', 'custom_status_id', 'due_at', 'priority', 'recipient', 'ticket_form_id', 'type',
  'collaborators', 'email_ccs', 'requester', 'via_followup_source_id',
];
const HELP_CENTER_LOCALES = ['en-us', 'fr', 'de', 'pt-br', 'ja'];

const invalid = (details) => ({ status: 422, body: { error: 'RecordInvalid', description: 'Record validation errors', details } });
const notWritable = (fields) =>
  invalid(Object.fromEntries(fields.map((f) => [f, [{ description: `${f} cannot be written by an end user`, error: 'InvalidValue' }]])));

function seedStore(start) {
  const at = (minutes) => new Date(start + minutes * 60_000).toISOString();
  const store = {
    users: [
      { id: 1, name: 'Alex Martin', email: 'alex@example.com', role: 'end-user', organization_id: 501 },
      { id: 2, name: 'Sam Agent', email: 'sam@support.example', role: 'agent', agent: true },
      { id: 3, name: 'Robin Lee', email: 'robin@example.com', role: 'end-user', organization_id: null },
    ],
    tokens: { 'alex-token': 1, 'robin-token': 3 },
    organizations: [{ id: 501, name: 'Alex Example Inc.', tags: ['support_plan_paid'] }],
    requests: [
      request(101, 'Signer cannot open the document', 'hold', at(-400), at(-10)),
      request(102, 'Envelope stuck in sending', 'solved', at(-300), at(-100)),
      request(103, 'Old invoice question', 'closed', at(-250), at(-240)),
      request(104, 'Room permissions', 'pending', at(-100), at(-50)),
      { ...request(105, 'Robin only', 'open', at(-90), at(-90)), requester_id: 3, organization_id: null },
    ],
    comments: new Map([
      [101, [comment(1, 1, 'The signer gets an error when opening the link.', at(-400))]],
      [102, [comment(2, 1, 'The envelope is stuck.', at(-300)), comment(3, 2, 'Fixed on our side.', at(-100))]],
      [103, [comment(4, 1, 'About last year.', at(-250))]],
      [104, [comment(5, 1, 'A new agent cannot see the room.', at(-100)), comment(6, 2, 'Which room?', at(-50))]],
      [105, [comment(7, 3, 'Mine.', at(-90))]],
    ]),
    uploads: new Map(),
    articles: [
      { id: 1, title: 'Reset your password', locale: 'en-us', label_names: ['esignature'] },
      { id: 2, title: 'Redefinir sua senha', locale: 'pt-br', label_names: ['esignature'] },
      { id: 3, title: 'Reset a Rooms password', locale: 'en-us', label_names: ['rooms'] },
    ],
    nextId: 106,
    nextCommentId: 100,
  };
  // As in Zendesk (and its recorded answers in test/fixtures/zendesk): a request's description
  // is its first comment.
  for (const r of store.requests) r.description = store.comments.get(r.id)?.[0]?.body ?? r.subject;
  return store;
}

function request(id, subject, status, created, updated) {
  return {
    id, subject, description: subject, status, requester_id: 1, organization_id: 501, collaborator_ids: [],
    custom_fields: [], followup_source_id: null, via: { channel: 'web' }, created_at: created, updated_at: updated,
    can_be_solved_by_me: status === 'open' || status === 'pending',
  };
}

function comment(id, author, body, created, attachments = []) {
  return { id, type: 'Comment', body, plain_body: body, html_body: `<p>${body}</p>`, public: true, author_id: author, attachments, created_at: created };
}

export async function startZendeskMock() {
  let offset = 0;
  const now = () => Date.now() + offset;
  let store = seedStore(now());
  let log = [];
  /** @type {{status: number, retryAfter?: number, times: number, path?: string}[]} */
  let faults = [];

  const server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
    res.setHeader('Connection', 'close');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT');
      res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '*');
      res.writeHead(204);
      res.end();
      return;
    }
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://mock');
      const origin = `http://${req.headers.host}`;
      const reply = (status, body, headers = {}) => {
        res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
        res.end(body === undefined ? '' : JSON.stringify(body));
      };
      const json = () => {
        try {
          return JSON.parse(raw.toString('utf8') || 'null');
        } catch {
          return undefined;
        }
      };
      if (url.pathname.startsWith('/__mock/')) return control(url.pathname.slice(8), json(), reply);
      log.push({ method: req.method, url: `${url.pathname}${url.search}`, body: req.headers['content-type']?.startsWith('application/json') ? json() : null, at: now() });
      const fault = faults.find((f) => !f.path || url.pathname === f.path);
      if (fault) {
        fault.times -= 1;
        if (fault.times <= 0) faults = faults.filter((f) => f !== fault);
        return reply(fault.status, { error: 'TooManyRequests', description: 'Number of allowed API requests per minute exceeded' }, fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) });
      }
      const auth = req.headers.authorization;
      const token = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7) : undefined;
      const userId = token === undefined ? undefined : store.tokens[token];
      if (token !== undefined && userId === undefined) return reply(401, { error: "Couldn't authenticate you" });
      const user = store.users.find((u) => u.id === userId);
      const answer = route(req.method ?? 'GET', url, user, { json, raw, origin, contentType: req.headers['content-type'] ?? '' });
      reply(answer.status, answer.body, answer.headers);
    });
  });

  function control(command, body, reply) {
    if (command === 'reset') {
      offset = 0;
      store = seedStore(now());
      log = [];
      faults = [];
      return reply(204);
    }
    if (command === 'advance') {
      offset += Number(body?.ms ?? 0);
      return reply(204);
    }
    if (command === 'fail') {
      faults.push({ status: body?.status ?? 429, retryAfter: body?.retryAfter, times: body?.times ?? 1, path: body?.path });
      return reply(204);
    }
    if (command === 'agent-reply') {
      const target = store.requests.find((r) => r.id === body?.id);
      if (!target) return reply(404, { error: 'RecordNotFound' });
      const at = new Date(now()).toISOString();
      store.comments.get(target.id)?.push(comment(store.nextCommentId++, 2, String(body?.body ?? ''), at));
      if (body?.status) target.status = body.status;
      target.updated_at = at;
      return reply(204);
    }
    if (command === 'seed') {
      // Many requests for Alex, and a long conversation on 101 (paging tests).
      const count = Number(body?.requests ?? 0);
      for (let i = 0; i < count; i++) {
        const at = new Date(now() - (count - i) * 1000).toISOString();
        store.requests.push({ ...request(store.nextId, `Bulk envelope ${i}`, 'open', at, at) });
        store.comments.set(store.nextId, [comment(store.nextCommentId++, 1, `Bulk ${i}`, at)]);
        store.nextId += 1;
      }
      const extra = Number(body?.comments ?? 0);
      const thread = store.comments.get(101) ?? [];
      for (let i = 0; i < extra; i++) thread.push(comment(store.nextCommentId++, i % 2 ? 2 : 1, `Reply ${i}`, new Date(now() - (extra - i) * 1000).toISOString()));
      return reply(204);
    }
    if (command === 'log') return reply(200, { requests: log, now: now() });
    return reply(404, { error: 'InvalidEndpoint' });
  }

  const visible = (user) => store.requests.filter((r) => r.requester_id === user.id || r.collaborator_ids.includes(user.id));
  const usersOf = (requests) => {
    const ids = new Set(requests.flatMap((r) => [r.requester_id, ...r.collaborator_ids]));
    return store.users.filter((u) => ids.has(u.id)).map(({ id, name, email, role, agent }) => ({ id, name, email, role, agent: agent ?? false }));
  };

  /** Offset or cursor pagination of `rows`, as Zendesk's Pagination page describes them. */
  function paginate(url, rows, key, origin) {
    const size = url.searchParams.get('page[size]');
    if (size !== null) {
      const n = Number(size);
      if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) return { error: { status: 400, body: { error: 'InvalidPaginationParameter', description: `page[size] must be between 1 and ${MAX_PAGE}` } } };
      const after = url.searchParams.get('page[after]');
      const start = after ? Number(Buffer.from(after, 'base64url').toString('utf8')) : 0;
      const page = rows.slice(start, start + n);
      const more = start + n < rows.length;
      const cursor = Buffer.from(String(start + n), 'utf8').toString('base64url');
      const next = new URL(`${origin}${url.pathname}`);
      next.searchParams.set('page[size]', String(n));
      next.searchParams.set('page[after]', cursor);
      return { body: { [key]: page, meta: { has_more: more, after_cursor: more ? cursor : null, before_cursor: null }, links: { next: more ? next.toString() : null, prev: null } }, page };
    }
    const perPage = Number(url.searchParams.get('per_page') ?? MAX_PAGE);
    const pageNo = Number(url.searchParams.get('page') ?? 1);
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PAGE) return { error: { status: 400, body: { error: 'InvalidPaginationParameter', description: `per_page must be between 1 and ${MAX_PAGE}` } } };
    if (!Number.isInteger(pageNo) || pageNo < 1 || pageNo > 100) return { error: { status: 400, body: { error: 'InvalidPaginationParameter', description: 'Offset pagination is limited to 100 pages' } } };
    const page = rows.slice((pageNo - 1) * perPage, pageNo * perPage);
    const next = new URL(`${origin}${url.pathname}${url.search}`);
    next.searchParams.set('page', String(pageNo + 1));
    return { body: { [key]: page, next_page: pageNo * perPage < rows.length ? next.toString() : null, previous_page: null, count: rows.length }, page };
  }

  function sortRows(url, rows) {
    const by = url.searchParams.get('sort_by') === 'created_at' ? 'created_at' : url.searchParams.get('sort_by') === 'updated_at' ? 'updated_at' : undefined;
    if (!by || url.searchParams.has('page[size]')) return [...rows].sort((a, b) => a.id - b.id);
    const sign = url.searchParams.get('sort_order') === 'desc' ? -1 : 1;
    return [...rows].sort((a, b) => sign * (Date.parse(a[by]) - Date.parse(b[by])) || sign * (a.id - b.id));
  }

  function route(method, url, user, ctx) {
    const path = url.pathname.replace(/\.json$/, '');
    if (method === 'GET' && path === '/api/v2/users/me') {
      if (!user) return { status: 200, body: { user: { id: null, name: 'Anonymous user', email: 'invalid@example.com' } } };
      const organizations = store.organizations.filter((o) => o.id === user.organization_id);
      return { status: 200, body: { user: { id: user.id, name: user.name, email: user.email, organization_id: user.organization_id ?? null }, ...(url.searchParams.get('include') === 'organizations' ? { organizations } : {}) } };
    }
    if (method === 'GET' && path === '/api/v2/help_center/articles/search') {
      const locale = url.searchParams.get('locale') ?? 'en-us';
      if (!HELP_CENTER_LOCALES.includes(locale)) return { status: 200, body: { results: [], count: 0, next_page: null } };
      const labels = (url.searchParams.get('label_names') ?? '').split(',').filter(Boolean);
      const words = (url.searchParams.get('query') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const results = store.articles
        .filter((a) => a.locale === locale && (labels.length === 0 || a.label_names.some((l) => labels.includes(l))))
        .filter((a) => words.some((w) => a.title.toLowerCase().includes(w)))
        .map((a) => ({ ...a, html_url: `https://acme.zendesk.com/hc/${a.locale}/articles/${a.id}` }));
      return { status: 200, body: { results, count: results.length, next_page: null } };
    }
    if (method === 'POST' && path === '/api/v2/requests') return create(user, ctx.json());
    if (!user) return { status: 401, body: { error: "Couldn't authenticate you" } };
    if (method === 'POST' && path === '/api/v2/uploads') {
      const token = `tok${store.uploads.size + 1}x${now().toString(36)}`;
      const attachment = { id: 9000 + store.uploads.size, file_name: url.searchParams.get('filename') ?? 'file', content_url: `${ctx.origin}/attachments/${token}`, content_type: ctx.contentType || 'application/octet-stream', size: ctx.raw.length };
      store.uploads.set(token, { attachment, at: now() });
      return { status: 201, body: { upload: { token, expires_at: new Date(now() + UPLOAD_TTL_MS).toISOString(), attachment, attachments: [attachment] } } };
    }
    if (method === 'GET' && path === '/api/v2/requests') {
      const rows = sortRows(url, visible(user));
      const result = paginate(url, rows, 'requests', ctx.origin);
      if (result.error) return result.error;
      return { status: 200, body: { ...result.body, ...(url.searchParams.get('include') === 'users' ? { users: usersOf(result.page) } : {}) } };
    }
    if (method === 'GET' && path === '/api/v2/requests/search') {
      if (url.searchParams.has('page[size]')) return { status: 400, body: { error: 'InvalidPaginationParameter', description: 'Search Requests supports offset pagination only' } };
      const perPage = Number(url.searchParams.get('per_page') ?? MAX_PAGE);
      const pageNo = Number(url.searchParams.get('page') ?? 1);
      if (perPage * (pageNo - 1) >= SEARCH_LIMIT) return { status: 422, body: { error: 'InsufficientResourceError', description: `Search results are limited to ${SEARCH_LIMIT}` } };
      const statuses = (url.searchParams.get('status') ?? '').split(',').filter(Boolean);
      const words = (url.searchParams.get('query') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const rows = visible(user)
        .filter((r) => statuses.length === 0 || statuses.includes(r.status))
        .filter((r) => words.every((w) => String(r.id) === w || r.subject.toLowerCase().includes(w) || r.description.toLowerCase().includes(w)))
        .sort((a, b) => b.id - a.id);
      const result = paginate(url, rows, 'requests', ctx.origin);
      if (result.error) return result.error;
      return { status: 200, body: { ...result.body, ...(url.searchParams.get('include') === 'users' ? { users: usersOf(result.page) } : {}) } };
    }
    const one = /^\/api\/v2\/requests\/(\d+)(\/comments)?$/.exec(path);
    const target = one ? visible(user).find((r) => r.id === Number(one[1])) : undefined;
    if (one && !target) return { status: 404, body: { error: 'RecordNotFound', description: 'Not found' } };
    if (target && method === 'GET' && !one?.[2]) {
      return { status: 200, body: { request: target, ...(url.searchParams.get('include') === 'users' ? { users: usersOf([target]) } : {}) } };
    }
    if (target && method === 'GET' && one?.[2]) {
      const sort = url.searchParams.get('sort');
      const rows = (store.comments.get(target.id) ?? []).filter((c) => c.public);
      const ordered = sort === '-created_at' ? [...rows].reverse() : rows;
      const result = paginate(url, ordered, 'comments', ctx.origin);
      if (result.error) return result.error;
      const authors = new Set(result.page.map((c) => c.author_id));
      return { status: 200, body: { ...result.body, users: store.users.filter((u) => authors.has(u.id)).map(({ id, name, email, role, agent }) => ({ id, name, email, role, agent: agent ?? false })) } };
    }
    if (target && method === 'PUT' && !one?.[2]) return update(target, user, ctx.json());
    return { status: 404, body: { error: 'InvalidEndpoint', description: `Not found: ${method} ${path}` } };
  }

  /** Upload tokens of a comment: each must exist and be younger than 60 minutes. */
  function attachmentsOf(uploads) {
    const list = Array.isArray(uploads) ? uploads : [];
    const stale = list.filter((t) => !store.uploads.has(t) || now() - store.uploads.get(t).at > UPLOAD_TTL_MS);
    if (stale.length) return { error: invalid({ uploads: stale.map((t) => ({ description: `Upload token ${t} is invalid or expired`, error: 'InvalidValue' })) }) };
    const attachments = list.map((t) => store.uploads.get(t).attachment);
    list.forEach((t) => store.uploads.delete(t));
    return { attachments };
  }

  function create(user, body) {
    const input = body?.request;
    if (!input || typeof input !== 'object') return { status: 400, body: { error: 'InvalidJSON' } };
    const extra = Object.keys(input).filter((k) => !CREATE_WRITABLE.includes(k));
    if (extra.length) return notWritable(extra);
    if (!user && !(input.requester && typeof input.requester.name === 'string')) return invalid({ requester: [{ description: 'Requester: is required for anonymous requests', error: 'BlankValue' }] });
    const text = typeof input.comment?.body === 'string' ? input.comment.body.trim() : '';
    if (!text) return invalid({ base: [{ description: 'Description: cannot be blank', error: 'BlankValue' }] });
    const files = attachmentsOf(input.comment?.uploads);
    if (files.error) return files.error;
    let requester = user;
    if (!user) {
      requester = store.users.find((u) => u.email === input.requester.email) ?? { id: 1000 + store.users.length, name: input.requester.name, email: input.requester.email, role: 'end-user', organization_id: null };
      if (!store.users.includes(requester)) store.users.push(requester);
    }
    const at = new Date(now()).toISOString();
    const source = store.requests.find((r) => r.id === input.via_followup_source_id && r.status === 'closed');
    const created = {
      ...request(store.nextId++, String(input.subject ?? text.slice(0, 50)), 'new', at, at),
      description: text, requester_id: requester.id, organization_id: requester.organization_id ?? null,
      custom_fields: Array.isArray(input.custom_fields) ? input.custom_fields : [], followup_source_id: source ? source.id : null,
    };
    store.requests.push(created);
    store.comments.set(created.id, [comment(store.nextCommentId++, requester.id, text, at, files.attachments)]);
    return { status: 201, body: { request: created } };
  }

  function update(target, user, body) {
    const input = body?.request;
    if (!input || typeof input !== 'object') return { status: 400, body: { error: 'InvalidJSON' } };
    const extra = Object.keys(input).filter((k) => !UPDATE_WRITABLE.includes(k));
    if (extra.length) return notWritable(extra);
    if (target.status === 'closed') return invalid({ status: [{ description: 'Status: closed prevents ticket update', error: 'InvalidValue' }] });
    const at = new Date(now()).toISOString();
    if (input.comment) {
      const text = typeof input.comment.body === 'string' ? input.comment.body.trim() : '';
      if (!text) return invalid({ base: [{ description: 'Comment: cannot be blank', error: 'BlankValue' }] });
      const files = attachmentsOf(input.comment.uploads);
      if (files.error) return files.error;
      store.comments.get(target.id)?.push(comment(store.nextCommentId++, user.id, text, at, files.attachments));
      // An end user's comment reopens a pending or solved request (Zendesk's default behaviour).
      if (target.status === 'pending' || target.status === 'solved') target.status = 'open';
    }
    if (Array.isArray(input.additional_collaborators)) {
      for (const entry of input.additional_collaborators) {
        const email = typeof entry === 'string' ? entry : entry?.email;
        let cc = store.users.find((u) => u.email === email);
        if (!cc) {
          cc = { id: 1000 + store.users.length, name: String(email), email, role: 'end-user', organization_id: null };
          store.users.push(cc);
        }
        if (!target.collaborator_ids.includes(cc.id)) target.collaborator_ids.push(cc.id);
      }
    }
    if (input.solved === true || input.solved === 'true') {
      if (!target.can_be_solved_by_me) return invalid({ solved: [{ description: 'Solved: cannot be set by you', error: 'InvalidValue' }] });
      target.status = 'solved';
    }
    target.updated_at = at;
    return { status: 200, body: { request: target } };
  }

  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
