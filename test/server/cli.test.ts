import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checked, start } from './helpers.js';

const MAIN = fileURLToPath(new URL('../../server/main.ts', import.meta.url));

test('server/main.ts prints "listening on http://127.0.0.1:PORT" first and serves the API (port 0, --data, --dev)', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'support-cli-'));
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--port', '0', '--data', dataDir, '--dev'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const lines = createInterface({ input: child.stdout });
    const first = await new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      child.once('exit', (code) => reject(new Error(`exited with ${String(code)}`)));
    });
    const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(first);
    assert.ok(match?.[1], first);
    const url = new URL('/api/_dev/outbox', match[1]);
    const outbox = await checked('GET', url, await fetch(url));
    assert.equal(outbox.status, 200);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('/api/_dev routes exist only with --dev', async () => {
  const s = await start({ dev: false });
  try {
    assert.equal((await s.api.call('GET', '/api/_dev/outbox')).status, 404);
    assert.equal((await s.api.call('POST', '/api/_dev/tickets/10000001/agent-comment', { json: { body: 'x' } })).status, 404);
  } finally {
    await s.close();
  }
});

test('--case-url that is not http(s) or lacks {number}: exit 2 with the reason, nothing listens', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'support-cli-'));
  try {
    for (const [bad, reason] of [
      ['https://app.example.com/support', /--case-url must contain \{number\}/],
      ['ftp://app.example.com/support?case={number}', /--case-url must be an http:\/\/ or https:\/\/ URL/],
    ] as const) {
      const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--port', '0', '--data', dataDir, '--case-url', bad], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      assert.equal(code, 2, stderr);
      assert.match(stderr, reason);
      assert.equal(stdout, '', 'never listened');
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
