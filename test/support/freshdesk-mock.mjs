// An in-memory Freshdesk (API v2), written from Freshdesk's API reference
// (https://developers.freshdesk.com/api/), not from server/connectors/freshdesk.ts:
//
// - Basic auth, the API key as user name and any password; otherwise 401
//   {"code":"invalid_credentials","message":…}.
// - GET /api/v2/tickets: filters `email` (the requester), `updated_since`; without it only
//   tickets updated in the last 30 days; `per_page` at most 100 (else 400 with the
//   validation error shape {"description":"Validation failed","errors":[{field,message,code}]}),
//   default 30; `page`; `order_by` created_at|due_by|updated_at|status, `order_type` asc|desc;
//   a `link: <…>; rel="next"` header while there are more pages.
// - GET /api/v2/tickets/{id}[?include=requester], PUT /api/v2/tickets/{id} (JSON or
//   multipart with `attachments[]`; `cc_emails` is not an updatable field), POST /api/v2/tickets
//   (JSON or multipart; `email` creates the contact when new; subject, description, status and
//   priority checked), POST /api/v2/tickets/{id}/notes, GET /api/v2/tickets/{id}/conversations.
// - GET /api/v2/contacts?email=: the contacts with that email.
// - Attachments: 20 MB in total per ticket (400 otherwise).
// - 429 with Retry-After, on demand (`POST /__fail`).
//
// Test hooks under /__: reset, fail (N answers are 429, after `after` good ones), age (set a ticket's updated_at),
// requests (what was asked, with headers), created (the body of each ticket create).
import { createServer } from 'node:http';

const MAX_PER_PAGE = 100;
const DEFAULT_PER_PAGE = 30;
const DEFAULT_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;
const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
const STATUSES = [2, 3, 4, 5];
const PRIORITIES = [1, 2, 3, 4];

export async function startFreshdeskMock({ apiKey = 'test-freshdesk-key', agentId = 9000 } = {}) {
  let state;
  function reset() {
    state = { tickets: new Map(), contacts: new Map(), conversations: new Map(), nextId: 1, nextContact: 500, nextConversation: 7000, nextAttachment: 300, failures: [], skip: 0, requests: [], created: [] };
  }
  reset();
  let origin = '';

  const now = () => new Date().toISOString();
  const json = (res, status, body, headers = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const validation = (res, errors) => json(res, 400, { description: 'Validation failed', errors });

  function contactFor(email, name) {
    const key = email.trim().toLowerCase();
    let contact = [...state.contacts.values()].find((c) => c.email === key);
    if (!contact) {
      contact = { id: state.nextContact++, email: key, name: name || key.split('@')[0] };
      state.contacts.set(contact.id, contact);
    }
    return contact;
  }

  function authorized(req) {
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('Basic ')) return false;
    const [user] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
    return user === apiKey;
  }

  async function readBody(req) {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const raw = Buffer.concat(chunks);
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('multipart/form-data')) {
      const form = await new Request('http://mock/', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
      const body = { attachments: [] };
      for (const [name, value] of form.entries()) {
        if (name === 'attachments[]' && typeof value !== 'string') body.attachments.push(value);
        else if (name.endsWith('[]')) (body[name.slice(0, -2)] ??= []).push(value);
        else if (/^custom_fields\[(.+)\]$/.test(name)) (body.custom_fields ??= {})[/^custom_fields\[(.+)\]$/.exec(name)[1]] = value;
        else if (name === 'status' || name === 'priority' || name === 'source') body[name] = Number(value);
        else body[name] = value;
      }
      return body;
    }
    if (raw.length === 0) return {};
    try {
      return JSON.parse(raw.toString('utf8'));
    } catch {
      return undefined;
    }
  }

  async function attachmentsOf(files, existingBytes) {
    const out = [];
    let total = existingBytes;
    for (const file of files ?? []) {
      const bytes = Buffer.from(await file.arrayBuffer());
      total += bytes.length;
      out.push({ id: state.nextAttachment++, name: file.name, size: bytes.length, content_type: file.type || 'application/octet-stream', attachment_url: `${origin}/files/${state.nextAttachment}`, created_at: now(), updated_at: now() });
    }
    return total > MAX_ATTACHMENT_BYTES ? undefined : out;
  }

  const bytesOf = (ticket) => ticket.attachments.reduce((n, a) => n + a.size, 0);

  function view(ticket, include) {
    const { ...copy } = ticket;
    if (include === 'requester') {
      const contact = state.contacts.get(ticket.requester_id);
      copy.requester = { id: contact.id, name: contact.name, email: contact.email, mobile: null, phone: null };
    }
    return copy;
  }

  async function route(req, res, url) {
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] === 'api' && parts[1] === 'v2' && parts[2] === 'contacts' && req.method === 'GET' && parts.length === 3) {
      const email = url.searchParams.get('email')?.trim().toLowerCase();
      return json(res, 200, [...state.contacts.values()].filter((c) => email === undefined || c.email === email));
    }
    if (parts[0] !== 'api' || parts[1] !== 'v2' || parts[2] !== 'tickets') return json(res, 404, undefined);
    const id = parts[3] === undefined ? undefined : Number(parts[3]);
    const ticket = id === undefined ? undefined : state.tickets.get(id);

    if (req.method === 'GET' && parts.length === 3) {
      const perPage = url.searchParams.has('per_page') ? Number(url.searchParams.get('per_page')) : DEFAULT_PER_PAGE;
      if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
        return validation(res, [{ field: 'per_page', message: 'It should be a Positive Number less than or equal to 100', code: 'invalid_value' }]);
      }
      const page = Number(url.searchParams.get('page') ?? '1');
      const since = url.searchParams.get('updated_since');
      const sinceMs = since === null ? Date.now() - DEFAULT_WINDOW_MS : Date.parse(since);
      if (Number.isNaN(sinceMs)) return validation(res, [{ field: 'updated_since', message: 'It should be in the \'xxxx-xx-xx\' format', code: 'invalid_value' }]);
      const email = url.searchParams.get('email')?.trim().toLowerCase();
      const orderBy = url.searchParams.get('order_by') ?? 'created_at';
      const dir = (url.searchParams.get('order_type') ?? 'desc') === 'asc' ? 1 : -1;
      let items = [...state.tickets.values()].filter((t) => Date.parse(t.updated_at) >= sinceMs);
      if (email !== undefined) items = items.filter((t) => state.contacts.get(t.requester_id)?.email === email);
      items.sort((a, b) => (a[orderBy] < b[orderBy] ? -1 : a[orderBy] > b[orderBy] ? 1 : a.id - b.id) * dir);
      const slice = items.slice((page - 1) * perPage, page * perPage).map((t) => {
        const { description: _d, description_text: _t, ...rest } = t;
        return rest;
      });
      const headers = {};
      if (items.length > page * perPage) {
        const next = new URL(url.href, origin);
        next.searchParams.set('page', String(page + 1));
        headers.link = `<${next.href}>; rel="next"`;
      }
      return json(res, 200, slice, headers);
    }

    if (req.method === 'POST' && parts.length === 3) {
      const body = await readBody(req);
      if (!body) return json(res, 400, { description: 'Validation failed', errors: [{ field: '', message: 'Request body has invalid json format', code: 'invalid_json' }] });
      // What each create asked for, as received (GET /__created): tests assert the mapping.
      state.created.push(body);
      const errors = [];
      if (!body.email && !body.requester_id) errors.push({ field: 'requester_id', message: 'Please fill at least 1 of requester_id, phone, email, twitter_id, facebook_id, unique_external_id fields', code: 'missing_field' });
      if (typeof body.subject !== 'string' || !body.subject) errors.push({ field: 'subject', message: 'It should be a/an String', code: 'missing_field' });
      if (typeof body.description !== 'string' || !body.description) errors.push({ field: 'description', message: 'It should be a/an String', code: 'missing_field' });
      if (!STATUSES.includes(body.status)) errors.push({ field: 'status', message: 'It should be one of these values: \'2,3,4,5\'', code: 'invalid_value' });
      if (!PRIORITIES.includes(body.priority)) errors.push({ field: 'priority', message: 'It should be one of these values: \'1,2,3,4\'', code: 'invalid_value' });
      if (errors.length > 0) return validation(res, errors);
      const attachments = await attachmentsOf(body.attachments, 0);
      if (!attachments) return validation(res, [{ field: 'attachments', message: 'The cumulative size of all the attachments should not exceed 20 MB', code: 'invalid_size' }]);
      const contact = body.requester_id ? state.contacts.get(body.requester_id) : contactFor(body.email, body.name);
      if (!contact) return validation(res, [{ field: 'requester_id', message: 'There is no contact matching the given requester_id', code: 'invalid_value' }]);
      const at = now();
      const created = {
        id: state.nextId++,
        subject: body.subject,
        description: body.description,
        description_text: body.description.replace(/<br\s*\/?>/g, '\n').replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
        status: body.status,
        priority: body.priority,
        source: body.source ?? 2,
        requester_id: contact.id,
        cc_emails: (body.cc_emails ?? []).map((e) => e.toLowerCase()),
        custom_fields: { ...(body.custom_fields ?? {}) },
        attachments,
        created_at: at,
        updated_at: at,
      };
      state.tickets.set(created.id, created);
      state.conversations.set(created.id, []);
      return json(res, 201, view(created));
    }

    if (!ticket) return json(res, 404, undefined);

    if (req.method === 'GET' && parts.length === 4) return json(res, 200, view(ticket, url.searchParams.get('include') ?? undefined));

    if (req.method === 'PUT' && parts.length === 4) {
      const body = await readBody(req);
      if (!body) return json(res, 400, { description: 'Validation failed', errors: [{ field: '', message: 'Request body has invalid json format', code: 'invalid_json' }] });
      const unknown = Object.keys(body).filter((k) => !['status', 'priority', 'custom_fields', 'attachments', 'subject', 'description', 'tags'].includes(k));
      if (unknown.length > 0) return validation(res, unknown.map((field) => ({ field, message: 'Unexpected/invalid field in request', code: 'invalid_field' })));
      if (body.status !== undefined && !STATUSES.includes(body.status)) return validation(res, [{ field: 'status', message: 'It should be one of these values: \'2,3,4,5\'', code: 'invalid_value' }]);
      const attachments = await attachmentsOf(body.attachments, bytesOf(ticket));
      if (!attachments) return validation(res, [{ field: 'attachments', message: 'The cumulative size of all the attachments should not exceed 20 MB', code: 'invalid_size' }]);
      if (body.status !== undefined) ticket.status = body.status;
      if (body.custom_fields) Object.assign(ticket.custom_fields, body.custom_fields);
      ticket.attachments.push(...attachments);
      ticket.updated_at = now();
      return json(res, 200, view(ticket));
    }

    if (req.method === 'POST' && parts[4] === 'notes') {
      const body = await readBody(req);
      if (!body || typeof body.body !== 'string' || !body.body) return validation(res, [{ field: 'body', message: 'It should be a/an String', code: 'missing_field' }]);
      const userId = body.user_id ?? agentId;
      const note = {
        id: state.nextConversation++,
        body: body.body,
        body_text: body.body.replace(/<br\s*\/?>/g, '\n').replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
        incoming: body.incoming === true,
        private: body.private !== false,
        user_id: userId,
        support_email: null,
        source: 2,
        ticket_id: ticket.id,
        to_emails: [],
        from_email: null,
        cc_emails: [],
        bcc_emails: [],
        attachments: [],
        created_at: now(),
        updated_at: now(),
      };
      state.conversations.get(ticket.id).push(note);
      ticket.updated_at = note.created_at;
      return json(res, 201, note);
    }

    if (req.method === 'GET' && parts[4] === 'conversations') {
      const perPage = url.searchParams.has('per_page') ? Number(url.searchParams.get('per_page')) : DEFAULT_PER_PAGE;
      if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
        return validation(res, [{ field: 'per_page', message: 'It should be a Positive Number less than or equal to 100', code: 'invalid_value' }]);
      }
      const page = Number(url.searchParams.get('page') ?? '1');
      const all = state.conversations.get(ticket.id);
      const headers = {};
      if (all.length > page * perPage) {
        const next = new URL(url.href, origin);
        next.searchParams.set('page', String(page + 1));
        headers.link = `<${next.href}>; rel="next"`;
      }
      return json(res, 200, all.slice((page - 1) * perPage, page * perPage), headers);
    }
    return json(res, 404, undefined);
  }

  async function control(req, res, url) {
    const body = await readBody(req);
    if (url.pathname === '/__reset') reset();
    else if (url.pathname === '/__fail') {
      state.skip = body.after ?? 0;
      for (let i = 0; i < (body.times ?? 1); i++) state.failures.push(body.retryAfter ?? 1);
    }
    else if (url.pathname === '/__age') {
      const ticket = state.tickets.get(body.id);
      if (ticket) ticket.updated_at = body.updated_at;
    } else if (url.pathname === '/__requests') return json(res, 200, state.requests);
    else if (url.pathname === '/__created') return json(res, 200, state.created);
    return json(res, 200, { ok: true });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/__')) {
      control(req, res, url).catch((error) => json(res, 500, { message: String(error) }));
      return;
    }
    state.requests.push({ method: req.method, path: url.pathname, query: url.search, headers: { ...req.headers } });
    if (!authorized(req)) return json(res, 401, { code: 'invalid_credentials', message: 'You have to be logged in to perform this action.' });
    const retryAfter = state.skip > 0 ? undefined : state.failures.shift();
    if (state.skip > 0 && state.failures.length > 0) state.skip--;
    if (retryAfter !== undefined) return json(res, 429, { message: 'You have exceeded the limit of requests per hour' }, { 'retry-after': String(retryAfter) });
    route(req, res, url).catch((error) => json(res, 500, { message: String(error) }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  return {
    url: origin,
    apiKey,
    close: () => new Promise((resolve) => {
      server.close(resolve);
      server.closeAllConnections();
    }),
  };
}
