/**
 * Graceful shutdown of the real server process (server/main.ts, as `npm start` runs it): on
 * SIGTERM it stops accepting connections, an open event stream gets a last `retry:` hint and
 * ends (its client reconnects, through the proxy, to another process), an upload still being
 * sent finishes and gets its 201, and the process exits 0. `--shutdown-timeout-ms` is checked.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Api, checkAgainstSpec } from './helpers.js';

const MAIN = fileURLToPath(new URL('../../server/main.ts', import.meta.url));
type Child = ChildProcessByStdio<null, Readable, Readable>;

async function startServer(dataDir: string, extra: readonly string[]): Promise<{ child: Child; url: string; stderr: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--port', '0', '--data', dataDir, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`exited with ${String(code)}: ${stderr}`)));
  });
  const url = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(first)?.[1];
  assert.ok(url, first);
  return { child, url, stderr: () => stderr };
}

test('SIGTERM: the event stream ends with a retry: hint, the upload in flight completes, exit code 0', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'support-shutdown-'));
  const { child, url, stderr } = await startServer(dataDir, ['--events-retry-ms', '1234', '--shutdown-timeout-ms', '20000']);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  try {
    const api = new Api(url);
    const token = await api.signIn('alex@example.com');

    // An open event stream: read up to its opening `retry:`/`id:` block.
    const stream = await fetch(new URL('/api/events', url), { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(stream.status, 200);
    assert.ok(stream.body);
    const reader = stream.body.pipeThrough(new TextDecoderStream()).getReader();
    let received = '';
    while (!received.includes('\n\n')) {
      const { value, done } = await reader.read();
      assert.equal(done, false, 'the stream opened');
      received += value;
    }
    assert.match(received, /^retry: 1234\nid: \d+\n\n$/);

    // An upload whose body is still on its way: `Expect: 100-continue` tells us the server has it in hand.
    const body = Buffer.from('a log file, sent slowly\n'.repeat(100));
    const upload = request(new URL('/api/uploads', url), {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Idempotency-Key': 'upload-during-shutdown',
        'Content-Type': 'text/plain',
        'X-File-Name': 'slow.txt',
        'Content-Length': String(body.length),
        Expect: '100-continue',
      },
    });
    const answer = new Promise<{ status: number; type: string; text: string; connection: string | undefined }>((resolve, reject) => {
      upload.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), text, connection: res.headers.connection }));
      });
      upload.on('error', reject);
    });
    await new Promise<void>((resolve) => upload.once('continue', resolve));
    upload.write(body.subarray(0, 100));

    assert.equal(child.kill('SIGTERM'), true);

    // The stream: a last retry: hint, then its end.
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      received += value;
    }
    assert.match(received, /\n\nretry: 1234\n\n$/, 'a last retry: hint before the end');
    // No new connections once the streams have ended.
    await assert.rejects(fetch(new URL('/healthz', url)));

    // The upload in flight gets to finish.
    upload.end(body.subarray(100));
    const done = await answer;
    assert.equal(done.status, 201, done.text);
    assert.equal(done.connection, 'close');
    checkAgainstSpec('POST', '/api/uploads', done.status, done.type, JSON.parse(done.text));

    assert.deepEqual(await exited, { code: 0, signal: null }, stderr());
    assert.match(stderr(), /SIGTERM: shutting down/);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('--shutdown-timeout-ms that is not a whole number: exit 2 with the reason', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'support-shutdown-'));
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--port', '0', '--data', dataDir, '--shutdown-timeout-ms', 'soon'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    assert.equal(code, 2);
    assert.match(stderr, /--shutdown-timeout-ms must be a whole number/);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('SIGTERM with an upload that never finishes: cut at --shutdown-timeout-ms, then exit 0', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'support-shutdown-'));
  const { child, url, stderr } = await startServer(dataDir, ['--shutdown-timeout-ms', '200']);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  try {
    const token = await new Api(url).signIn('alex@example.com');
    const upload = request(new URL('/api/uploads', url), {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Idempotency-Key': 'upload-never-finished',
        'Content-Type': 'text/plain',
        'X-File-Name': 'stuck.txt',
        'Content-Length': '1000',
        Expect: '100-continue',
      },
    });
    const outcome = new Promise<string>((resolve) => {
      upload.on('response', (res) => resolve(`answered ${String(res.statusCode)}`));
      upload.on('error', (error) => resolve(`cut: ${error.message}`));
    });
    await new Promise<void>((resolve) => upload.once('continue', resolve));
    upload.write('only the first bytes');
    child.kill('SIGTERM');
    assert.match(await outcome, /^cut: /, 'the connection is cut at the deadline');
    assert.deepEqual(await exited, { code: 0, signal: null }, stderr());
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
});
