// A tiny HTTP server for the fetch adapter's fault tests, scriptable per request.
//
// GET /api/events (the elements' live stream) is an open stream that sends nothing, neither
// recorded nor scripted: the elements' background requests never take a scripted step.
// Control endpoints (not recorded, never scripted):
//   POST /__reset                 clears the script, the record and the stored cases
//   POST /__script  {steps: [...]} appends behaviours; each API request takes the next one
//   GET  /__record                {requests: [{method, path, headers, body}], tickets: [...]}
// Behaviours (`type`):
//   normal         the built-in mini backend answers (also what happens when the script is empty)
//   drop           the socket is destroyed before any answer (after reading the body)
//   hang           the request is read and never answered
//   status         {status, body?, headers?, contentType?}: that answer (body: object → JSON)
//   raw            {status, contentType, text}: that text (malformed JSON and the like)
//   commit-drop    the mini backend commits the request, then the socket is destroyed: the
//                  client never sees the answer of a change that happened
//   commit-raw     {status, contentType, text}: the mini backend commits the request, then
//                  answers that text instead (a malformed 200 after the change happened)
// The record also counts what the mini backend made (`made`: tickets, comments, attachments,
// uploads): one user intent must make one record whatever the faults.
// CORS is open (the test page runs on another origin), Retry-After is exposed.
import { createServer } from 'node:http';

const JSON_TYPE = 'application/json';

/** @typedef {{type: string, status?: number, body?: unknown, headers?: Record<string, string>, contentType?: string, text?: string}} Step */

export async function startFaultServer() {
  /** @type {Step[]} */
  let script = [];
  /** @type {{method: string, path: string, headers: Record<string, string | undefined>, body: string}[]} */
  let requests = [];
  /** @type {Map<string, {body: string, status: number, response: unknown}>} */
  let idempotent = new Map();
  /** @type {Record<string, unknown>[]} */
  let tickets = [];
  let nextNumber = 5000;
  let made = { tickets: 0, comments: 0, attachments: 0, uploads: 0 };
  const sockets = new Set();

  const session = {
    user: { name: 'Fault Tester', email: 'fault@example.com' },
    realm: 'product',
    accounts: [{ id: 'acc-fault', name: 'Fault Inc.', plan: 'paid' }],
    activeAccountId: 'acc-fault',
  };

  function cors(req, res) {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After, Location');
    res.setHeader('Access-Control-Max-Age', '600');
    // A fresh connection per request: Chromium silently resends a request whose reused
    // keep-alive socket dies, which would eat the next scripted behaviour.
    res.setHeader('Connection', 'close');
  }

  function send(res, status, body, headers = {}, contentType = JSON_TYPE) {
    if (status === 204) {
      res.writeHead(204, headers);
      res.end();
      return;
    }
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': contentType, ...headers });
    res.end(text);
  }

  function makeTicket(input) {
    const at = new Date().toISOString();
    return {
      id: `t-${nextNumber}`,
      number: String(nextNumber++),
      subject: String(input.subject ?? ''),
      description: String(input.description ?? ''),
      areaId: String(input.areaId ?? 'esign'),
      productId: String(input.productId ?? 'esignature'),
      status: 'open',
      contactMethod: input.contactMethod === 'email' ? 'email' : 'portal',
      accountId: 'acc-fault',
      requester: session.user,
      createdAt: at,
      updatedAt: at,
      activityAt: at,
      comments: [],
      attachments: [],
      watchers: [],
      callbacks: [],
      ...(input.customFields ? { customFields: input.customFields } : {}),
    };
  }

  /** The mini backend: just enough of the contract for the adapter's paths. Returns [status, body]. */
  function backend(method, path, headers, body) {
    const key = headers['idempotency-key'];
    if (method === 'POST' && key) {
      const seen = idempotent.get(key);
      if (seen) return seen.body === body ? [seen.status, seen.response] : [422, { type: 'about:blank', title: 'Mismatch', status: 422, kind: 'conflict', conflict: 'idempotency_mismatch' }];
    }
    const result = route(method, path, headers, body);
    if (method === 'POST' && key && result[0] < 300) idempotent.set(key, { body, status: result[0], response: result[1] });
    return result;
  }

  function route(method, path, headers, body) {
    const url = new URL(path, 'http://x');
    const authorized = typeof headers.authorization === 'string' && headers.authorization.startsWith('Bearer ');
    if (method === 'GET' && url.pathname === '/api/session') return [200, { session: authorized ? session : null }];
    if (method === 'POST' && url.pathname === '/api/session') return [201, { session, token: `tok-${requests.length}` }];
    if (method === 'DELETE' && url.pathname === '/api/session') return [204, undefined];
    if (method === 'GET' && url.pathname === '/api/catalog') {
      const fr = (headers['accept-language'] ?? '').startsWith('fr');
      return [200, { categories: [{ id: 'account', areaId: 'esign', label: fr ? 'Compte' : 'Account', subcategories: [{ id: 'billing', label: fr ? 'Factures' : 'Invoices' }] }] }];
    }
    if (method === 'GET' && url.pathname === '/api/tickets') {
      return [200, { items: tickets.map(({ comments: _c, attachments: _a, watchers: _w, callbacks: _b, description: _d, ...rest }) => rest), total: tickets.length }];
    }
    if (method === 'POST' && url.pathname === '/api/tickets') {
      let input;
      try {
        input = JSON.parse(body);
      } catch {
        return [400, { type: 'about:blank', title: 'Bad JSON', status: 400, kind: 'validation' }];
      }
      const ticket = makeTicket(input);
      tickets.push(ticket);
      made.tickets++;
      return [201, ticket];
    }
    const child = /^\/api\/tickets\/([^/]+)\/(comments|attachments)$/.exec(url.pathname);
    if (method === 'POST' && child) {
      const ticket = tickets.find((t) => t.number === decodeURIComponent(child[1] ?? ''));
      if (!ticket) return [404, { type: 'about:blank', title: 'Not found', status: 404, kind: 'not_found' }];
      const input = JSON.parse(body || '{}');
      const at = new Date().toISOString();
      if (child[2] === 'comments') {
        made.comments++;
        ticket.comments.push({ id: `c-${made.comments}`, body: String(input.body ?? ''), author: session.user, authorRole: 'user', createdAt: at, via: 'web' });
      } else {
        for (const token of Array.isArray(input.tokens) ? input.tokens : []) {
          made.attachments++;
          ticket.attachments.push({ id: `a-${made.attachments}`, name: String(token), size: 1, contentType: 'text/plain', url: `https://files.example.com/${token}`, createdAt: at });
        }
      }
      ticket.updatedAt = at;
      return [200, ticket];
    }
    const match = /^\/api\/tickets\/([^/]+)$/.exec(url.pathname);
    if (method === 'GET' && match) {
      const ticket = tickets.find((t) => t.number === decodeURIComponent(match[1] ?? ''));
      return ticket ? [200, ticket] : [404, { type: 'about:blank', title: 'Not found', status: 404, kind: 'not_found' }];
    }
    if (method === 'POST' && url.pathname === '/api/uploads') {
      made.uploads++;
      return [201, { token: `up-${requests.length}`, name: decodeURIComponent(headers['x-file-name'] ?? ''), size: Buffer.byteLength(body, 'latin1'), contentType: headers['content-type'] ?? '' }];
    }
    return [404, { type: 'about:blank', title: 'Not found', status: 404, kind: 'not_found' }];
  }

  function readBody(req) {
    return new Promise((resolve, reject) => {
      const chunks = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
      req.on('error', reject);
    });
  }

  const server = createServer(async (req, res) => {
    cors(req, res);
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    if (method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', req.headers['access-control-request-method'] ?? 'GET, POST, PUT, DELETE');
      res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '*');
      res.writeHead(204);
      res.end();
      return;
    }
    if (method === 'GET' && path.split('?')[0] === '/api/events') {
      // The elements follow their case live: a stream that stays open and says nothing, never
      // scripted nor recorded, so that no background request takes the step a test scripted
      // for the user's action (and no polling fallback starts sending requests of its own).
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
      res.write(':\n\n');
      return;
    }
    let body;
    try {
      body = await readBody(req);
    } catch {
      return;
    }
    if (path === '/__reset' && method === 'POST') {
      script = [];
      requests = [];
      idempotent = new Map();
      tickets = [];
      made = { tickets: 0, comments: 0, attachments: 0, uploads: 0 };
      return send(res, 204);
    }
    if (path === '/__script' && method === 'POST') {
      const parsed = JSON.parse(body);
      script.push(...(Array.isArray(parsed.steps) ? parsed.steps : []));
      return send(res, 204);
    }
    if (path === '/__record' && method === 'GET') {
      return send(res, 200, { requests, tickets, pending: script.length, made });
    }

    const headers = {
      'idempotency-key': header(req, 'idempotency-key'),
      authorization: header(req, 'authorization'),
      'accept-language': header(req, 'accept-language'),
      'content-type': header(req, 'content-type'),
      'x-file-name': header(req, 'x-file-name'),
      'x-test': header(req, 'x-test'),
    };
    requests.push({ method, path, headers, body: headers['content-type'] === JSON_TYPE ? body : `<${Buffer.byteLength(body, 'latin1')} bytes>` });
    const step = script.shift() ?? { type: 'normal' };
    switch (step.type) {
      case 'drop':
        req.socket.destroy();
        return;
      case 'hang':
        return;
      case 'status':
        return send(res, step.status ?? 500, step.body ?? { type: 'about:blank', title: 'Scripted', status: step.status ?? 500 }, step.headers, step.contentType ?? 'application/problem+json');
      case 'raw':
        return send(res, step.status ?? 200, step.text ?? '', step.headers, step.contentType ?? JSON_TYPE);
      case 'commit-drop':
        backend(method, path, headers, body);
        req.socket.destroy();
        return;
      case 'commit-raw':
        backend(method, path, headers, body);
        return send(res, step.status ?? 200, step.text ?? '', step.headers, step.contentType ?? JSON_TYPE);
      default: {
        const [status, answer] = backend(method, path, headers, body);
        return status >= 400 ? send(res, status, answer, {}, 'application/problem+json') : send(res, status, answer);
      }
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve(undefined));
      }),
  };

  /** @param {import('node:http').IncomingMessage} req @param {string} name */
  function header(req, name) {
    const value = req.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  }
}
