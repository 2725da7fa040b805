/**
 * docs/snippets/compose.yaml (shown in docs/DEPLOYING.md) stays runnable: every server
 * service's command uses only flags that server/main.ts accepts (its `--help` lists them), a
 * value after each flag that takes one; the proxy (docs/snippets/nginx.conf) and the
 * healthchecks name the ports the processes listen on; compose waits longer than the
 * server's shutdown deadline before it kills.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const MAIN = fileURLToPath(new URL('../../server/main.ts', import.meta.url));
const COMPOSE = fileURLToPath(new URL('../../docs/snippets/compose.yaml', import.meta.url));
const NGINX = fileURLToPath(new URL('../../docs/snippets/nginx.conf', import.meta.url));

interface Service {
  readonly command?: readonly string[];
  readonly environment?: Readonly<Record<string, string>>;
  readonly healthcheck?: { readonly test?: readonly string[] };
  readonly stop_grace_period?: string;
}

/** The flags of `main.ts --help`: name → whether it takes a value. */
function acceptedFlags(): Map<string, boolean> {
  const help = spawnSync(process.execPath, ['--import', 'tsx', MAIN, '--help'], { encoding: 'utf8' });
  assert.equal(help.status, 0, help.stderr);
  const flags = new Map<string, boolean>();
  for (const match of help.stdout.matchAll(/^ {2}(--[a-z0-9-]+)( <value>)?/gm)) if (match[1]) flags.set(match[1], match[2] !== undefined);
  assert.ok(flags.size > 10 && flags.has('--port') && flags.get('--dev') === false, help.stdout);
  return flags;
}

const seconds = (duration: string): number => {
  const m = /^(\d+)(s|m)$/.exec(duration);
  assert.ok(m?.[1], `stop_grace_period ${duration}`);
  return Number(m[1]) * (m[2] === 'm' ? 60 : 1);
};

test('docs/snippets/compose.yaml: each server command uses flags server/main.ts accepts, on ports the proxy knows', () => {
  const compose = parse(readFileSync(COMPOSE, 'utf8')) as { services: Record<string, Service> };
  const flags = acceptedFlags();
  const upstreams = [...readFileSync(NGINX, 'utf8').matchAll(/^\s*server 127\.0\.0\.1:(\d+)/gm)].map((m) => m[1]);
  const servers = Object.entries(compose.services).filter(([, s]) => s.command?.includes('server/main.ts'));
  assert.ok(servers.length >= 2, 'N server processes');
  const ports: string[] = [];
  for (const [name, service] of servers) {
    const command = service.command ?? [];
    const args = command.slice(command.indexOf('server/main.ts') + 1);
    const given = new Map<string, string | undefined>();
    for (let i = 0; i < args.length; i += 1) {
      const arg = args[i] ?? '';
      assert.match(arg, /^--/, `${name}: "${arg}" is not a flag`);
      const takesValue = flags.get(arg);
      assert.ok(takesValue !== undefined, `${name}: server/main.ts does not accept ${arg}`);
      const value = takesValue ? args[i + 1] : undefined;
      if (takesValue) {
        assert.ok(value !== undefined && !value.startsWith('--'), `${name}: ${arg} needs a value`);
        i += 1;
      }
      given.set(arg, value);
    }
    assert.equal(given.get('--store'), 'postgres', `${name}: the processes share PostgreSQL`);
    assert.ok(given.has('--database-url') || service.environment?.['DATABASE_URL'], `${name}: DATABASE_URL or --database-url`);
    const port = given.get('--port');
    assert.ok(port, `${name}: --port`);
    ports.push(port);
    assert.ok(upstreams.includes(port), `${name}: nginx.conf proxies to 127.0.0.1:${port}`);
    assert.ok(service.healthcheck?.test?.join(' ').includes(`127.0.0.1:${port}/readyz`), `${name}: its healthcheck asks /readyz`);
    const deadlineMs = Number(given.get('--shutdown-timeout-ms') ?? '10000');
    assert.ok(seconds(service.stop_grace_period ?? '10s') * 1000 > deadlineMs, `${name}: stop_grace_period > --shutdown-timeout-ms`);
  }
  assert.equal(new Set(ports).size, ports.length, 'one port per process');
  assert.deepEqual([...upstreams].sort(), [...ports].sort(), 'the proxy knows every process and only those');
});
