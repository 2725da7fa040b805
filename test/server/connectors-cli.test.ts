// The connector flags of server/main.ts: checked before anything listens (exit 2 with the
// reason), keys read from files and never printed.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkConnectorFlags } from '../../server/connectors/options.js';
import { PASSWORD } from './helpers.js';
import { startFreshdeskMock } from '../support/freshdesk-mock.mjs';

const MAIN = fileURLToPath(new URL('../../server/main.ts', import.meta.url));
const KEY = 'cli-secret-key-0c4b';
let dir: string;
let keyFile: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'support-connector-cli-'));
  keyFile = join(dir, 'key.txt');
  writeFileSync(keyFile, `${KEY}\n`);
  writeFileSync(join(dir, 'empty.txt'), '\n');
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('connector flags: defaults, helpdesk addresses, and every wrong combination with its reason', () => {
  assert.deepEqual(checkConnectorFlags({}), { name: 'sqlite' });
  assert.deepEqual(checkConnectorFlags({ connector: 'freshdesk', 'freshdesk-domain': 'Acme', 'freshdesk-key-file': keyFile }), {
    name: 'freshdesk',
    baseUrl: 'https://acme.freshdesk.com',
    apiKey: KEY,
  });
  assert.deepEqual(
    checkConnectorFlags({ connector: 'zendesk', 'zendesk-url': 'http://127.0.0.1:9/x', 'zendesk-email': 'agent@acme.com', 'zendesk-token-file': keyFile }),
    { name: 'zendesk', baseUrl: 'http://127.0.0.1:9', email: 'agent@acme.com', token: KEY },
  );
  for (const [flags, reason] of [
    [{ connector: 'jira' }, /--connector must be one of sqlite, freshdesk, zendesk/],
    [{ connector: 'freshdesk', 'freshdesk-key-file': keyFile }, /--freshdesk-domain is required/],
    [{ connector: 'freshdesk', 'freshdesk-domain': 'acme.freshdesk.com', 'freshdesk-key-file': keyFile }, /the subdomain alone/],
    [{ connector: 'freshdesk', 'freshdesk-domain': 'acme' }, /--freshdesk-key-file is required/],
    [{ connector: 'freshdesk', 'freshdesk-domain': 'acme', 'freshdesk-key-file': join(dir, 'missing.txt') }, /cannot read/],
    [{ connector: 'freshdesk', 'freshdesk-domain': 'acme', 'freshdesk-key-file': join(dir, 'empty.txt') }, /is empty/],
    [{ connector: 'freshdesk', 'freshdesk-url': 'ftp://x', 'freshdesk-key-file': keyFile }, /--freshdesk-url must be an http/],
    [{ 'freshdesk-domain': 'acme' }, /--freshdesk-domain belongs to --connector freshdesk/],
    [{ connector: 'zendesk', 'zendesk-subdomain': 'acme', 'zendesk-token-file': keyFile }, /--zendesk-email is required/],
    [{ connector: 'zendesk', 'zendesk-subdomain': 'acme', 'zendesk-email': 'a@b.c', 'freshdesk-key-file': keyFile }, /belongs to --connector freshdesk/],
  ] as const) {
    assert.throws(() => checkConnectorFlags(flags), (error: unknown) => error instanceof Error && reason.test(error.message) && !error.message.includes(KEY), JSON.stringify(flags));
  }
});

function run(args: readonly string[]): { child: ReturnType<typeof spawn>; out: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--port', '0', '--data', join(dir, 'data'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return { child, out: () => out };
}

test('a wrong connector flag stops server/main.ts with exit 2 and the reason, before listening', async () => {
  const { child, out } = run(['--connector', 'freshdesk', '--freshdesk-domain', 'acme']);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  assert.equal(code, 2);
  assert.match(out(), /--freshdesk-key-file is required/);
  assert.doesNotMatch(out(), /listening on/);
});

test('--connector freshdesk serves cases from the helpdesk; the key file’s content is never printed', async () => {
  const mock = await startFreshdeskMock({ apiKey: KEY });
  const { child, out } = run(['--connector', 'freshdesk', '--freshdesk-url', mock.url, '--freshdesk-key-file', keyFile]);
  try {
    const first = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout ?? process.stdin }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`exited with ${String(code)}: ${out()}`)));
    });
    const origin = /listening on (\S+)/.exec(first)?.[1] ?? '';
    const session = await fetch(`${origin}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({ email: 'alex@example.com', password: PASSWORD, realm: 'product' }),
    });
    const { token } = (await session.json()) as { token: string };
    const list = await fetch(`${origin}/api/tickets`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(list.status, 200);
    assert.deepEqual(((await list.json()) as { items: unknown[] }).items, [], 'the helpdesk’s list, not the demo store’s cases');
    assert.ok(!out().includes(KEY));
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    await mock.close();
  }
});
