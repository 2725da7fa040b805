import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { seedConfig } from '../../src/core/config.js';
import { checkAgainstSpec, checked, clock, DAY, newCase, start, type Started } from './helpers.js';

interface T {
  number: string;
  status: string;
  activityAt: string;
  attachments: { id: string; name: string; size: number; contentType: string; url: string }[];
}
interface Upload {
  token: string;
  name: string;
  size: number;
  contentType: string;
}
interface Problem {
  kind: string;
  conflict?: string;
  errors?: { field: string; code: string }[];
}

const MAX = 1024;
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100, 0x20), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]);

describe('uploads and attachments', () => {
  let s: Started;
  let alex: string;
  let sam: string;
  const c = clock();
  before(async () => {
    s = await start({ now: c.now, config: { ...seedConfig, attachments: { ...seedConfig.attachments, maxBytes: MAX } } });
    alex = await s.api.signIn('alex@example.com');
    sam = await s.api.signIn('sam@example.com');
  });
  after(() => s.close());

  const upload = (token: string, name: string, bytes: Buffer, type = 'application/octet-stream', key?: string) =>
    s.api.call<Upload & Problem>('POST', '/api/uploads', {
      token,
      raw: bytes,
      key,
      headers: { 'Content-Type': type, 'X-File-Name': encodeURIComponent(name) },
    });

  test('upload, attach (state unchanged), download with the signed link: bytes, Content-Disposition, nosniff', async () => {
    const up = await upload(alex, 'rapport été.pdf', PDF, 'application/pdf');
    assert.equal(up.status, 201);
    assert.deepEqual({ ...up.body, token: '' }, { token: '', name: 'rapport été.pdf', size: PDF.length, contentType: 'application/pdf' });

    const before = await s.api.call<T>('GET', '/api/tickets/10000004', { token: alex });
    assert.equal(before.body.status, 'pending');
    c.advance(60_000);
    const attached = await s.api.call<T>('POST', '/api/tickets/10000004/attachments', { token: alex, json: { tokens: [up.body.token] } });
    assert.equal(attached.status, 201);
    assert.equal(attached.body.status, 'pending');
    assert.equal(attached.body.activityAt, before.body.activityAt);
    const file = attached.body.attachments.at(-1);
    assert.ok(file);
    assert.equal(file.name, 'rapport été.pdf');
    assert.ok(file.url.startsWith(`${s.url}/api/attachments/${file.id}?`));

    const res = await fetch(file.url);
    const got = await checked('GET', new URL(file.url), res);
    assert.equal(got.status, 200);
    assert.deepEqual(got.bytes, PDF);
    assert.equal(got.headers.get('content-type'), 'application/pdf');
    assert.equal(got.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(got.headers.get('content-disposition'), `attachment; filename="rapport _t_.pdf"; filename*=UTF-8''rapport%20%C3%A9t%C3%A9.pdf`);

    // The token is used up.
    const again = await s.api.call<Problem>('POST', '/api/tickets/10000004/attachments', { token: alex, json: { tokens: [up.body.token] } });
    assert.equal(again.status, 422);
    assert.deepEqual(again.body.errors, [{ field: 'attachments', code: 'invalid_choice' }]);
  });

  test('download access: bearer of someone who sees the case, or a valid unexpired signature', async () => {
    const ticket = await s.api.call<T>('GET', '/api/tickets/10000002', { token: alex });
    const file = ticket.body.attachments[0];
    assert.ok(file);
    const plain = `${s.url}/api/attachments/${file.id}`;
    assert.equal((await s.api.call('GET', `/api/attachments/${file.id}`)).status, 401);
    assert.equal((await s.api.call('GET', `/api/attachments/${file.id}`, { token: alex })).status, 200);
    assert.equal((await s.api.call('GET', `/api/attachments/${file.id}`, { token: sam })).status, 404);
    // Change the signature's first character to another one (a signature may start with 'A').
    const tampered = file.url.replace(/sig=(.)/, (_, first: string) => `sig=${first === 'A' ? 'B' : 'A'}`);
    assert.equal((await checked('GET', new URL(tampered), await fetch(tampered))).status, 403);
    assert.ok(plain);
    c.advance(DAY);
    assert.equal((await checked('GET', new URL(file.url), await fetch(file.url))).status, 403, 'expired link');
    const fresh = await s.api.call<T>('GET', '/api/tickets/10000002', { token: alex });
    const url = fresh.body.attachments[0]?.url ?? '';
    assert.equal((await checked('GET', new URL(url), await fetch(url))).status, 200);
  });

  test('behind a proxy that ends TLS (X-Forwarded-Proto: https), signed links are https://, so an HTTPS page loads them', async () => {
    const host = new URL(s.url).host;
    const behindTls = await s.api.call<T>('GET', '/api/tickets/10000002', { token: alex, headers: { 'X-Forwarded-Proto': 'https, http' } });
    const url = behindTls.body.attachments[0]?.url ?? '';
    assert.ok(url.startsWith(`https://${host}/api/attachments/`), url);
    const direct = await s.api.call<T>('GET', '/api/tickets/10000002', { token: alex, headers: { 'X-Forwarded-Proto': 'gopher' } });
    assert.ok((direct.body.attachments[0]?.url ?? '').startsWith(`http://${host}/api/attachments/`));
    // The signature covers the file and the expiry, not the scheme: the proxy's http:// hop to the server is valid.
    const hop = url.replace(/^https:/, 'http:');
    assert.equal((await checked('GET', new URL(hop), await fetch(hop))).status, 200);
  });

  test('magic bytes must agree with the extension and the declared type', async () => {
    const cases: [string, Buffer, string, number][] = [
      ['shot.png', PNG, 'image/png', 201],
      ['report.docx', ZIP, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 201],
      ['notes.txt', Buffer.from('héllo\nwörld\n'), 'text/plain', 201],
      ['data.csv', Buffer.from('a,b\n1,2\n'), 'text/csv', 201],
      ['shot.png', PDF, 'image/png', 422],
      ['report.pdf', PNG, 'application/pdf', 422],
      ['report.pdf', PDF, 'image/png', 422],
      ['notes.txt', Buffer.from([0x68, 0x00, 0x69]), 'text/plain', 422],
      ['notes.log', Buffer.from([0xff, 0xfe, 0x41]), 'text/plain', 422],
      ['tool.exe', Buffer.from('MZ'), 'application/octet-stream', 422],
      ['page.html', Buffer.from('<script>alert(1)</script>'), 'text/html', 422],
    ];
    for (const [name, bytes, type, status] of cases) {
      const res = await upload(alex, name, bytes, type);
      assert.equal(res.status, status, `${name} as ${type}`);
      if (status === 422) assert.deepEqual(res.body.errors, [{ field: 'attachments', code: 'file_type' }]);
    }
    const noName = await s.api.call<Problem>('POST', '/api/uploads', { token: alex, raw: PDF, headers: { 'Content-Type': 'application/pdf' } });
    assert.equal(noName.status, 422);
  });

  test('size limit: 413 from Content-Length, and while streaming a chunked body', async () => {
    const big = await upload(alex, 'big.txt', Buffer.alloc(MAX + 1, 0x61), 'text/plain');
    assert.equal(big.status, 413);
    assert.equal(big.body.kind, 'too_large');
    assert.equal((await upload(alex, 'exact.txt', Buffer.alloc(MAX, 0x61), 'text/plain')).status, 201);

    const url = new URL('/api/uploads', s.url);
    const result = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = request(url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${alex}`, 'Idempotency-Key': 'chunked-1', 'Content-Type': 'text/plain', 'X-File-Name': 'stream.txt' },
      });
      req.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
      });
      req.on('error', reject);
      let sent = 0;
      const pump = (): void => {
        while (sent < 64 * MAX) {
          sent += 256;
          if (!req.write(Buffer.alloc(256, 0x61))) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      pump();
    });
    assert.equal(result.status, 413);
    const problem = JSON.parse(result.body) as Problem;
    checkAgainstSpec('POST', url.pathname, result.status, result.type, problem);
    assert.equal(problem.kind, 'too_large');
  });

  test('create with attachment tokens; tokens of another user are refused; too many files', async () => {
    const a = await upload(sam, 'a.png', PNG, 'image/png');
    const b = await upload(sam, 'b.pdf', PDF, 'application/pdf');
    const created = await s.api.call<T>('POST', '/api/tickets', { token: sam, json: newCase({ attachmentTokens: [a.body.token, b.body.token] }) });
    assert.equal(created.status, 201);
    assert.deepEqual(created.body.attachments.map((f) => f.name), ['a.png', 'b.pdf']);
    const mine = await upload(alex, 'c.png', PNG, 'image/png');
    const foreign = await s.api.call<Problem>('POST', `/api/tickets/${created.body.number}/attachments`, { token: sam, json: { tokens: [mine.body.token] } });
    assert.deepEqual(foreign.body.errors, [{ field: 'attachments', code: 'invalid_choice' }]);
    const tooMany = await s.api.call<Problem>('POST', `/api/tickets/${created.body.number}/attachments`, {
      token: sam,
      json: { tokens: Array.from({ length: 9 }, (_, i) => `t${i}`) },
    });
    assert.deepEqual(tooMany.body.errors, [{ field: 'attachments', code: 'too_many_files' }]);
  });

  test('an upload replays under its Idempotency-Key', async () => {
    const first = await upload(alex, 'same.png', PNG, 'image/png', 'up-1');
    const second = await upload(alex, 'same.png', PNG, 'image/png', 'up-1');
    assert.equal(second.status, 201);
    assert.equal(second.body.token, first.body.token);
    const other = await upload(alex, 'other.png', PNG, 'image/png', 'up-1');
    assert.equal(other.status, 422);
    assert.equal(other.body.conflict, 'idempotency_mismatch');
  });
});
