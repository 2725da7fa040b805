// An in-memory Zendesk Ticketing API as an agent sees it, written from Zendesk's API reference
// (https://developer.zendesk.com/api-reference/ticketing/), not from
// server/connectors/zendesk.ts:
//
// - API token auth: Basic base64("{email}/token:{token}"); otherwise 401 {"error":"Couldn't authenticate you"}.
// - Tickets: POST /api/v2/tickets ({ticket: {subject, comment: {body, uploads, public}, requester:
//   {name, email}, tags, via_followup_source_id, email_ccs}}), GET/PUT /api/v2/tickets/{id}
//   (PUT: status, tags, comment {body, author_id, public, uploads}, email_ccs [{user_email,
//   action: put|delete}]). A closed ticket cannot be updated (422); `via_followup_source_id`
//   only works with a closed ticket. 404 {"error":"RecordNotFound","description":"Not found"}.
// - Comments: GET /api/v2/tickets/{id}/comments, cursor pagination (page[size] ≤ 100, meta.has_more,
//   links.next); the first comment is the description.
// - Users: GET /api/v2/users/search?query=email, GET /api/v2/users/show_many?ids=1,2;
//   GET /api/v2/users/{id}/tickets/requested and /ccd (cursor pagination as above).
// - Uploads: POST /api/v2/uploads?filename=… with the bytes → {upload: {token, attachment}}.
// - 422 {"error":"RecordInvalid","description":"Record validation errors","details":{…}}.
// - 429 with Retry-After on demand (`POST /__fail`).
import { createServer } from 'node:http';

const MAX_PAGE_SIZE = 100;
const STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];

export async function startZendeskTicketsMock({ email = 'agent@acme.example', token = 'test-zendesk-token' } = {}) {
  let state;
  function reset() {
    state = { tickets: new Map(), users: new Map(), uploads: new Map(), nextTicket: 1, nextUser: 100, nextComment: 5000, nextAttachment: 900, failures: [], requests: [], created: [] };
    userFor(email, 'Agent', 'agent');
  }
  let origin = '';
  const now = () => new Date().toISOString();
  const json = (res, status, body, headers = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const invalid = (res, details) => json(res, 422, { error: 'RecordInvalid', description: 'Record validation errors', details });
  const notFound = (res) => json(res, 404, { error: 'RecordNotFound', description: 'Not found' });

  function userFor(address, name, role = 'end-user') {
    const key = address.trim().toLowerCase();
    let user = [...state.users.values()].find((u) => u.email === key);
    if (!user) {
      user = { id: state.nextUser++, email: key, name: name || key.split('@')[0], role };
      state.users.set(user.id, user);
    }
    return user;
  }
  reset();

  const authorized = (req) => {
    const header = req.headers.authorization ?? '';
    return header === `Basic ${Buffer.from(`${email}/token:${token}`).toString('base64')}`;
  };

  async function raw(req) {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    return Buffer.concat(chunks);
  }
  async function body(req) {
    const bytes = await raw(req);
    if (bytes.length === 0) return {};
    try {
      return JSON.parse(bytes.toString('utf8'));
    } catch {
      return undefined;
    }
  }

  /** Cursor pagination over `items`: page[size] ≤ 100, page[after] an opaque cursor. */
  function cursorPage(res, url, items, key) {
    const size = Number(url.searchParams.get('page[size]') ?? MAX_PAGE_SIZE);
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
      return json(res, 400, { error: 'InvalidPaginationParameter', description: `page[size] must be between 1 and ${MAX_PAGE_SIZE}` });
    }
    const after = url.searchParams.get('page[after]');
    const start = after === null ? 0 : Number(Buffer.from(after, 'base64url').toString('utf8'));
    const slice = items.slice(start, start + size);
    const hasMore = start + size < items.length;
    const next = new URL(url.href, origin);
    next.searchParams.set('page[after]', Buffer.from(String(start + size)).toString('base64url'));
    return json(res, 200, {
      [key]: slice,
      meta: { has_more: hasMore, after_cursor: hasMore ? next.searchParams.get('page[after]') : null, before_cursor: null },
      links: { next: hasMore ? next.href : null, prev: null },
    });
  }

  function addComment(ticket, comment, authorId) {
    const uploads = (comment.uploads ?? []).map((t) => state.uploads.get(t));
    if (uploads.some((u) => u === undefined)) return false;
    ticket.comments.push({
      id: state.nextComment++,
      type: 'Comment',
      author_id: comment.author_id ?? authorId,
      body: comment.body,
      plain_body: comment.body,
      public: comment.public ?? true,
      attachments: uploads,
      created_at: now(),
    });
    return true;
  }

  const view = (t) => {
    const { comments: _c, ...rest } = t;
    return rest;
  };

  async function route(req, res, url, agent) {
    const p = url.pathname.replace(/\.json$/, '').split('/').filter(Boolean);
    if (p[0] !== 'api' || p[1] !== 'v2') return notFound(res);
    if (p[2] === 'uploads' && req.method === 'POST') {
      const name = url.searchParams.get('filename');
      if (!name) return invalid(res, { filename: [{ description: 'Filename is required' }] });
      const bytes = await raw(req);
      const attachment = { id: state.nextAttachment++, file_name: name, content_url: `${origin}/attachments/${state.nextAttachment}/${encodeURIComponent(name)}`, content_type: req.headers['content-type'] ?? 'application/binary', size: bytes.length };
      const uploadToken = `up${Math.random().toString(36).slice(2)}`;
      state.uploads.set(uploadToken, attachment);
      return json(res, 201, { upload: { token: uploadToken, expires_at: new Date(Date.now() + 3 * 86400_000).toISOString(), attachment, attachments: [attachment] } });
    }
    if (p[2] === 'users') {
      if (p[3] === 'search') {
        const q = (url.searchParams.get('query') ?? url.searchParams.get('email') ?? '').replace(/^email:/, '').trim().toLowerCase();
        return json(res, 200, { users: [...state.users.values()].filter((u) => u.email === q), count: 1 });
      }
      if (p[3] === 'show_many') {
        const ids = (url.searchParams.get('ids') ?? '').split(',').map(Number);
        return json(res, 200, { users: ids.map((id) => state.users.get(id)).filter(Boolean) });
      }
      const user = state.users.get(Number(p[3]));
      if (!user) return notFound(res);
      if (p[4] === 'tickets' && (p[5] === 'requested' || p[5] === 'ccd')) {
        const all = [...state.tickets.values()].filter((t) => (p[5] === 'requested' ? t.requester_id === user.id : t.email_cc_ids.includes(user.id)));
        return cursorPage(res, url, all.map(view), 'tickets');
      }
      return notFound(res);
    }
    if (p[2] !== 'tickets') return notFound(res);

    if (req.method === 'POST' && p.length === 3) {
      const b = (await body(req))?.ticket;
      if (!b) return json(res, 400, { error: 'InvalidJSON', description: 'The request body is not valid JSON' });
      // What each create asked for, as received (GET /__created): tests assert the mapping.
      state.created.push(b);
      if (!b.comment?.body) return invalid(res, { description: [{ description: 'Description: cannot be blank', error: 'BlankValue' }] });
      if (b.via_followup_source_id !== undefined && state.tickets.get(b.via_followup_source_id)?.status !== 'closed') {
        return invalid(res, { via_followup_source_id: [{ description: 'only closed tickets can be followed up' }] });
      }
      const requester = b.requester ? userFor(b.requester.email, b.requester.name) : agent;
      const at = now();
      const ticket = {
        id: state.nextTicket++,
        subject: b.subject ?? b.comment.body.slice(0, 50),
        description: b.comment.body,
        status: b.status ?? 'new',
        requester_id: requester.id,
        submitter_id: agent.id,
        email_cc_ids: (b.email_ccs ?? []).map((cc) => userFor(cc.user_email, cc.user_name).id),
        tags: [...(b.tags ?? [])],
        via: b.via_followup_source_id === undefined ? { channel: 'api' } : { channel: 'api', source: { rel: 'follow_up', from: { ticket_id: b.via_followup_source_id } } },
        created_at: at,
        updated_at: at,
        comments: [],
      };
      if (!addComment(ticket, { ...b.comment, author_id: b.comment.author_id ?? requester.id }, agent.id)) return invalid(res, { uploads: [{ description: 'unknown upload token' }] });
      state.tickets.set(ticket.id, ticket);
      return json(res, 201, { ticket: view(ticket) });
    }

    const ticket = state.tickets.get(Number(p[3]));
    if (!ticket) return notFound(res);
    if (req.method === 'GET' && p.length === 4) return json(res, 200, { ticket: view(ticket) });
    if (req.method === 'GET' && p[4] === 'comments') return cursorPage(res, url, ticket.comments, 'comments');
    if (req.method === 'PUT' && p.length === 4) {
      const b = (await body(req))?.ticket;
      if (!b) return json(res, 400, { error: 'InvalidJSON', description: 'The request body is not valid JSON' });
      if (ticket.status === 'closed') return invalid(res, { status: [{ description: 'Status: closed prevents ticket update' }] });
      if (b.status !== undefined && !STATUSES.includes(b.status)) return invalid(res, { status: [{ description: `Status: ${b.status} is not valid` }] });
      if (b.comment && !addComment(ticket, b.comment, agent.id)) return invalid(res, { uploads: [{ description: 'unknown upload token' }] });
      for (const cc of b.email_ccs ?? []) {
        const user = userFor(cc.user_email, cc.user_name);
        if (cc.action === 'delete') ticket.email_cc_ids = ticket.email_cc_ids.filter((id) => id !== user.id);
        else if (!ticket.email_cc_ids.includes(user.id)) ticket.email_cc_ids.push(user.id);
      }
      if (b.status !== undefined) ticket.status = b.status;
      if (b.tags) ticket.tags = [...b.tags];
      ticket.updated_at = now();
      return json(res, 200, { ticket: view(ticket) });
    }
    return notFound(res);
  }

  async function control(req, res, url) {
    const b = (await body(req)) ?? {};
    if (url.pathname === '/__reset') reset();
    else if (url.pathname === '/__fail') for (let i = 0; i < (b.times ?? 1); i++) state.failures.push(b.retryAfter ?? 1);
    else if (url.pathname === '/__requests') return json(res, 200, state.requests);
    else if (url.pathname === '/__created') return json(res, 200, state.created);
    return json(res, 200, { ok: true });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/__')) {
      control(req, res, url).catch((error) => json(res, 500, { error: String(error) }));
      return;
    }
    state.requests.push({ method: req.method, path: url.pathname, query: url.search, headers: { ...req.headers } });
    if (!authorized(req)) return json(res, 401, { error: "Couldn't authenticate you" });
    const retryAfter = state.failures.shift();
    if (retryAfter !== undefined) return json(res, 429, { error: 'TooManyRequests', description: 'Rate limit exceeded' }, { 'retry-after': String(retryAfter) });
    route(req, res, url, userFor(email, 'Agent', 'agent')).catch((error) => json(res, 500, { error: String(error) }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  return {
    url: origin,
    email,
    token,
    close: () => new Promise((resolve) => {
      server.close(resolve);
      server.closeAllConnections();
    }),
  };
}
