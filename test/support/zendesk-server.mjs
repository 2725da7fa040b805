// Serves recorded Zendesk responses (test/fixtures/zendesk/*.json) on 127.0.0.1 for the
// Zendesk adapter's tests, and records what the adapter sent.
//
// test/fixtures/zendesk/routes.json lists {method, path, query?, auth?, status, file, headers?}:
// the first route whose method and path match (path: exact, `*` matches one segment; query:
// every listed parameter must equal; auth: true/false for with/without an Authorization
// header) answers with that status and that file's JSON.
//   POST /__reset   clears the record      GET /__record   {requests: [{method, url, headers, body}]}
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/zendesk/', import.meta.url));

function matchesPath(pattern, path) {
  const a = pattern.split('/');
  const b = path.split('/');
  return a.length === b.length && a.every((part, i) => part === '*' || part === b[i]);
}

export async function startZendeskServer() {
  /** @type {{method: string, path: string, query?: Record<string, string>, auth?: boolean, status: number, file?: string, headers?: Record<string, string>}[]} */
  const routes = JSON.parse(await readFile(new URL('routes.json', `file://${FIXTURES}`), 'utf8'));
  let requests = [];

  const server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
    res.setHeader('Connection', 'close');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', req.headers['access-control-request-method'] ?? 'GET, POST, PUT');
      res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '*');
      res.writeHead(204);
      res.end();
      return;
    }
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://x');
      const method = req.method ?? 'GET';
      if (url.pathname === '/__reset') {
        requests = [];
        res.writeHead(204);
        res.end();
        return;
      }
      if (url.pathname === '/__record') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ requests }));
        return;
      }
      const contentType = req.headers['content-type'] ?? '';
      requests.push({
        method,
        url: `${url.pathname}${url.search}`,
        headers: { authorization: req.headers.authorization, 'content-type': contentType, 'accept-language': req.headers['accept-language'] },
        body: contentType.startsWith('application/json') ? JSON.parse(body.toString('utf8') || 'null') : `<${body.length} bytes>`,
      });
      const hasAuth = typeof req.headers.authorization === 'string';
      const route = routes.find(
        (r) =>
          r.method === method &&
          matchesPath(r.path, url.pathname) &&
          Object.entries(r.query ?? {}).every(([k, v]) => url.searchParams.get(k) === v) &&
          (r.auth === undefined || r.auth === hasAuth),
      );
      if (!route) {
        res.writeHead(404, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: 'InvalidEndpoint', description: `No fixture for ${method} ${url.pathname}${url.search}` }));
        return;
      }
      const text = route.file ? await readFile(`${FIXTURES}${route.file}`, 'utf8') : '';
      res.writeHead(route.status, { 'Content-Type': 'application/json; charset=utf-8', ...(route.headers ?? {}) });
      res.end(text);
    });
  });

  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
