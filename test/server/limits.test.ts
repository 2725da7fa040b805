/**
 * Oversized bodies: the 413 is always readable (answered first, the rest of the body drained
 * after), and says the limit.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { test } from 'node:test';
import { checkAgainstSpec, newCase, start } from './helpers.js';

interface Problem {
  kind: string;
  detail?: string;
  limitBytes?: number;
  errors?: { field: string; code: string }[];
}

const MIB = 1024 * 1024;

/** One request by node:http, sent in 256 KiB chunks with a pause between; resolves with the answer, or with the socket error that replaced it. */
function send(url: URL, headers: Record<string, string>, body: Buffer, chunked: boolean): Promise<{ status: number; type: string; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', headers: chunked ? headers : { ...headers, 'Content-Length': String(body.length) } });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: text }));
      res.on('error', (e) => resolve({ error: String((e as NodeJS.ErrnoException).code ?? e.message) }));
    });
    req.on('error', (e) => resolve({ error: String((e as NodeJS.ErrnoException).code ?? e.message) }));
    const step = 256 * 1024;
    let sent = 0;
    const pump = (): void => {
      while (sent < body.length) {
        const chunk = body.subarray(sent, sent + step);
        sent += chunk.length;
        // A client slower than loopback: the answer arrives while it is still sending (the
        // old close-at-once lost it to EPIPE in 4 of 40 tries like this).
        if (!req.write(chunk)) req.once('drain', () => setTimeout(pump, 2));
        else setTimeout(pump, 1);
        return;
      }
      req.end();
    };
    pump();
  });
}

test('a 20 MiB + 1 byte upload and a 4 MiB JSON body: 10 tries each, every one a readable 413 that says the limit', async () => {
  const s = await start({ seedDemo: false });
  try {
    const token = await s.api.signIn('sam@example.com');
    const upload = Buffer.alloc(20 * MIB + 1, 0x61);
    const json = Buffer.from(JSON.stringify(newCase({ description: 'x'.repeat(4 * MIB) })));
    const failures: string[] = [];
    for (let i = 0; i < 10; i++) {
      for (const chunked of [false, true]) {
        const tries = [
          { path: '/api/uploads', body: upload, headers: { 'Content-Type': 'text/plain', 'X-File-Name': 'big.txt' }, limit: 20 * MIB, detail: 'Files up to 20 MB; try a smaller file.' },
          { path: '/api/tickets', body: json, headers: { 'Content-Type': 'application/json' }, limit: MIB, detail: 'Request bodies up to 1 MB.' },
        ];
        for (const t of tries) {
          const url = new URL(t.path, s.url);
          const headers = { ...t.headers, Authorization: `Bearer ${token}`, 'Idempotency-Key': `big-${i}-${chunked}-${t.path}` };
          const result = await send(url, headers, t.body, chunked);
          if ('error' in result) {
            failures.push(`${t.path} ${chunked ? 'chunked' : 'sized'} #${i}: ${result.error}`);
            continue;
          }
          assert.equal(result.status, 413);
          const problem = JSON.parse(result.body) as Problem;
          checkAgainstSpec('POST', t.path, result.status, result.type, problem);
          assert.equal(problem.kind, 'too_large');
          assert.equal(problem.limitBytes, t.limit);
          assert.equal(problem.detail, t.detail);
        }
      }
    }
    assert.deepEqual(failures, [], 'no EPIPE / ECONNRESET instead of the answer');
    // fetch too (undici), as a browser-like client.
    for (let i = 0; i < 10; i++) {
      const res = await fetch(new URL('/api/uploads', s.url), {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': `fetch-${i}`, 'Content-Type': 'text/plain', 'X-File-Name': 'big.txt' },
        body: upload,
      });
      assert.equal(res.status, 413);
      assert.equal(((await res.json()) as Problem).limitBytes, 20 * MIB);
      const big = await fetch(new URL('/api/tickets', s.url), {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': `fetch-json-${i}`, 'Content-Type': 'application/json' },
        body: json,
      });
      assert.equal(big.status, 413);
      assert.equal(((await big.json()) as Problem).limitBytes, MIB);
    }
    // The server still answers on the same connection pool afterwards.
    assert.equal((await s.api.call('POST', '/api/tickets', { token, json: newCase() })).status, 201);
  } finally {
    await s.close();
  }
});
