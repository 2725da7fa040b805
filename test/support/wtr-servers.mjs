// web-test-runner plugin: the node-side servers the adapter tests talk to over real HTTP on
// 127.0.0.1, with their URLs handed to browser tests through `executeServerCommand`:
//
//   executeServerCommand('support-test-servers')            → {zendesk}
//   executeServerCommand('fault-server', {name})            → {url}  (a fault server of its own)
//   executeServerCommand('reference-server', {fresh: true}) → {url} | {error}
//   executeServerCommand('zendesk-mock')                    → {url}  (test/support/zendesk-mock.mjs)
//   executeServerCommand('connector-server', {connector: 'freshdesk' | 'zendesk'}) → {url} | {error}
//   executeServerCommand('reference-server', {name: 'live', fresh: true, eventsRetryMs: 20}) → {url} | {error}
//   executeServerCommand('reference-server', {name: 'live', restart: true}) → {url} | {error}
//
// A `name` gives a file an instance of its own, apart from the shared default one: `fresh`
// starts it on a new data folder, `restart` stops it and starts it again on the same folder
// and port (a reconnect test), `eventsRetryMs` is its `retry:` hint, `noEvents: true` serves
// it without GET /api/events (as `--no-events`: the fetch adapter's polling fallback). Named
// instances run in this process (server/app.ts through tsx's `tsImport`, loaded once): a
// restart closes the HTTP server and the database and opens them again in milliseconds, where
// a new node process takes about 3 s.
//   executeServerCommand('reference-server-jwt')            → {url} | {error}
//   executeServerCommand('host-jwt', {email, name})         → {jwt}
//
// `reference-server-jwt` is a second reference server of its own (its own data folder), with
// `--jwt-secret-file`; `host-jwt` plays the host app's backend: it mints a JWT for that server
// with the secret, which stays on this side (the browser only ever sees the JWT).
//
// `fault-server` gives each file that scripts the fault server (test/support/fault-server.mjs)
// an instance of its own, started on first use and stopped with the runner: the runner runs
// two files at once, and one file's `__reset` or `__script` would otherwise eat the other's.
// The Zendesk fixture servers start with the runner; the reference server
// (`server/main.ts`) starts on first request, in a fresh temporary data folder, and is killed
// when the runner stops. `fresh: true` restarts it on a new empty data folder.
// `connector-server` starts, once per connector, a mock helpdesk (freshdesk-mock.mjs,
// zendesk-tickets-mock.mjs) seeded through its documented agent API with the demo's cases of
// alex@example.com, and a reference server of its own with `--connector … --…-url <mock>`.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { startFaultServer } from './fault-server.mjs';
import { startZendeskServer } from './zendesk-server.mjs';
import { startZendeskMock } from './zendesk-mock.mjs';
import { startFreshdeskMock } from './freshdesk-mock.mjs';
import { startZendeskTicketsMock } from './zendesk-tickets-mock.mjs';

const READY_TIMEOUT_MS = 30_000;

/**
 * With `SUPPORT_TEST_STORE=postgres`: a new database on `SUPPORT_TEST_DATABASE_URL` for a
 * server with its own cases (no `--connector`), its `--store` flags, and how to drop it.
 * @param {string[]} flags
 */
async function postgresFor(flags) {
  if (process.env.SUPPORT_TEST_STORE !== 'postgres' || flags.includes('--connector')) return { flags: [], drop: async () => undefined };
  const adminUrl = process.env.SUPPORT_TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('no PostgreSQL: set SUPPORT_TEST_DATABASE_URL');
  const { default: pg } = await import('pg');
  const name = `support_test_${randomBytes(6).toString('hex')}`;
  const admin = async (/** @type {string} */ sql) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { flags: ['--store', 'postgres', '--database-url', url.toString()], drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Starts `node --import tsx server/main.ts --port 0 --data <dir> --dev [flags]`; resolves on its "listening on" line. */
async function startReferenceServer(cwd, flags = () => [], onStop = async () => undefined) {
  const dataDir = await mkdtemp(join(tmpdir(), 'support-elements-contract-'));
  const own = await flags(dataDir);
  const postgres = await postgresFor(own);
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0', '--data', dataDir, '--dev', ...own, ...postgres.flags], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    await rm(dataDir, { recursive: true, force: true });
    await postgres.drop();
    await onStop();
  };
  try {
    const url = await new Promise((resolve, reject) => {
      let stdout = '';
      const timer = setTimeout(() => reject(new Error(`no "listening on" line within ${READY_TIMEOUT_MS} ms\n${stderr}`)), READY_TIMEOUT_MS);
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        const match = /listening on (http:\/\/\S+)/.exec(stdout);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`server/main.ts exited (${code ?? signal}) before listening\n${stdout}\n${stderr}`));
      });
    });
    // Keep draining stdout so the child never blocks on a full pipe.
    child.stdout.resume();
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The demo's cases of alex@example.com that the contract suite reads (a pending and a closed one), as an agent writes them. */
const SEED = [
  { subject: 'Envelope shows as pending after everyone signed', status: 'pending' },
  { subject: 'Cannot add a second signer', status: 'closed' },
];

async function agentPost(url, authorization, body) {
  const response = await fetch(url, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`seeding ${url}: ${response.status} ${await response.text()}`);
}

/** A mock helpdesk with its seed and the server flags that point at it. */
async function startHelpdesk(connector) {
  const base = { area: 'esign', product: 'esignature', account: 'acc-alex', contact: 'portal' };
  if (connector === 'freshdesk') {
    const mock = await startFreshdeskMock();
    const authorization = `Basic ${Buffer.from(`${mock.apiKey}:X`).toString('base64')}`;
    for (const seed of SEED) {
      await agentPost(`${mock.url}/api/v2/tickets`, authorization, {
        email: 'alex@example.com', name: 'Alex Martin', subject: seed.subject, description: seed.subject, priority: 1,
        status: seed.status === 'pending' ? 4 : 5,
        custom_fields: { cf_area_id: base.area, cf_product_id: base.product, cf_account_id: base.account, cf_contact_method: base.contact },
      });
    }
    return { mock, secret: mock.apiKey, flags: (keyFile) => ['--connector', 'freshdesk', '--freshdesk-url', mock.url, '--freshdesk-key-file', keyFile] };
  }
  const mock = await startZendeskTicketsMock();
  const authorization = `Basic ${Buffer.from(`${mock.email}/token:${mock.token}`).toString('base64')}`;
  for (const seed of SEED) {
    await agentPost(`${mock.url}/api/v2/tickets`, authorization, {
      ticket: {
        subject: seed.subject, comment: { body: seed.subject }, requester: { name: 'Alex Martin', email: 'alex@example.com' },
        status: seed.status === 'pending' ? 'solved' : 'closed',
        tags: [`se_area_${base.area}`, `se_product_${base.product}`, `se_account_${base.account}`, `se_contact_${base.contact}`],
      },
    });
  }
  return { mock, secret: mock.token, flags: (keyFile) => ['--connector', 'zendesk', '--zendesk-url', mock.url, '--zendesk-email', mock.email, '--zendesk-token-file', keyFile] };
}

/** The mock helpdesk and the reference server in front of it. */
async function startConnectorServer(cwd, connector) {
  const helpdesk = await startHelpdesk(connector);
  try {
    return await startReferenceServer(
      cwd,
      async (dataDir) => {
        const keyFile = join(dataDir, 'helpdesk-key.txt');
        await writeFile(keyFile, `${helpdesk.secret}\n`, { mode: 0o600 });
        return helpdesk.flags(keyFile);
      },
      () => helpdesk.mock.close(),
    );
  } catch (error) {
    await helpdesk.mock.close();
    throw error;
  }
}

export function supportTestServers({ cwd = process.cwd() } = {}) {
  /** @type {Map<string, Promise<{url: string, close: () => Promise<unknown>}>>} */
  const faults = new Map();
  /** @type {{url: string, close: () => Promise<unknown>} | undefined} */
  let zendesk;
  /** @type {{url: string, close: () => Promise<unknown>} | undefined} */
  let zendeskMock;
  /** @type {Promise<{url: string, stop: () => Promise<void>}> | undefined} */
  let reference;
  /** @type {Map<string, Promise<{url: string, stop: () => Promise<void>}>>} */
  const connectors = new Map();
  /** @type {Promise<{url: string, stop: () => Promise<void>}> | undefined} */
  let referenceJwt;
  const jwtSecret = randomBytes(32).toString('hex');

  async function stopReference() {
    const current = reference;
    reference = undefined;
    if (current) await current.then((r) => r.stop(), () => undefined);
  }

  /** server/app.ts, loaded once for the named instances. */
  let app;
  /** Starts `createSupportServer` in this process on `dataDir` (a new folder when absent) and `port`. */
  async function startInProcess({ dataDir: given, port = 0, events }) {
    app ??= tsImport(pathToFileURL(join(cwd, 'server/app.ts')).href, import.meta.url);
    const { createSupportServer } = await app;
    const dataDir = given ?? (await mkdtemp(join(tmpdir(), 'support-elements-named-')));
    const server = createSupportServer({ dataDir, dev: true, autoCloseIntervalMs: 0, events });
    const { url } = await server.listen(port, '127.0.0.1');
    return {
      url,
      dataDir,
      async stop({ keep = false } = {}) {
        await server.close();
        if (!keep) await rm(dataDir, { recursive: true, force: true });
      },
    };
  }

  /** The named instances: name → {server: Promise, events}. */
  const named = new Map();

  async function stopNamed(name, { keep = false } = {}) {
    const entry = named.get(name);
    if (!entry) return undefined;
    if (!keep) named.delete(name);
    const server = await entry.server.catch(() => undefined);
    await server?.stop({ keep });
    return { entry, server };
  }

  /** `{name, fresh, restart, eventsRetryMs, noEvents}`: see the header. */
  async function namedReference(payload) {
    const name = String(payload.name);
    if (payload.restart === true && named.has(name)) {
      const { entry, server } = (await stopNamed(name, { keep: true })) ?? {};
      if (entry && server) entry.server = startInProcess({ dataDir: server.dataDir, port: Number(new URL(server.url).port), events: entry.events });
    } else if (payload.fresh === true || !named.has(name)) {
      await stopNamed(name);
      const events = { off: payload.noEvents === true, ...(typeof payload.eventsRetryMs === 'number' ? { retryMs: payload.eventsRetryMs } : {}) };
      named.set(name, { events, server: startInProcess({ events }) });
    }
    const entry = named.get(name);
    try {
      return { url: (await entry.server).url };
    } catch (error) {
      named.delete(name);
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }

  return {
    name: 'support-test-servers',
    async serverStart() {
      zendesk = await startZendeskServer();
      zendeskMock = await startZendeskMock();
    },
    async serverStop() {
      await Promise.all([zendesk?.close(), zendeskMock?.close(), stopReference(), referenceJwt?.then((r) => r.stop(), () => undefined), ...[...connectors.values()].map((c) => c.then((r) => r.stop(), () => undefined)), ...[...named.keys()].map((name) => stopNamed(name)), ...[...faults.values()].map((f) => f.then((r) => r.close(), () => undefined))]);
    },
    async executeCommand({ command, payload }) {
      if (command === 'support-test-servers') return { zendesk: zendesk?.url };
      if (command === 'zendesk-mock') return { url: zendeskMock?.url };
      if (command === 'fault-server') {
        const name = typeof payload === 'object' && payload !== null ? String(/** @type {{name?: unknown}} */ (payload).name) : 'default';
        let started = faults.get(name);
        if (!started) {
          started = startFaultServer();
          faults.set(name, started);
        }
        try {
          return { url: (await started).url };
        } catch (error) {
          faults.delete(name);
          return { error: error instanceof Error ? error.message : String(error) };
        }
      }
      if (command === 'reference-server' && typeof payload === 'object' && payload !== null && typeof payload.name === 'string') {
        return namedReference(payload);
      }
      if (command === 'reference-server') {
        const fresh = typeof payload === 'object' && payload !== null && /** @type {{fresh?: unknown}} */ (payload).fresh === true;
        if (fresh) await stopReference();
        reference ??= startReferenceServer(cwd);
        try {
          return { url: (await reference).url };
        } catch (error) {
          reference = undefined;
          return { error: error instanceof Error ? error.message : String(error) };
        }
      }
      if (command === 'connector-server') {
        const connector = typeof payload === 'object' && payload !== null ? /** @type {{connector?: unknown}} */ (payload).connector : undefined;
        if (connector !== 'freshdesk' && connector !== 'zendesk') return { error: `unknown connector ${String(connector)}` };
        let started = connectors.get(connector);
        if (!started) {
          started = startConnectorServer(cwd, connector);
          connectors.set(connector, started);
        }
        try {
          return { url: (await started).url };
        } catch (error) {
          connectors.delete(connector);
          return { error: error instanceof Error ? error.message : String(error) };
        }
      }
      if (command === 'reference-server-jwt') {
        referenceJwt ??= startReferenceServer(cwd, async (dataDir) => {
          const file = join(dataDir, 'jwt-secret.txt');
          await writeFile(file, jwtSecret, { mode: 0o600 });
          return ['--jwt-secret-file', file];
        });
        try {
          return { url: (await referenceJwt).url };
        } catch (error) {
          referenceJwt = undefined;
          return { error: error instanceof Error ? error.message : String(error) };
        }
      }
      if (command === 'host-jwt') {
        const { email, name } = /** @type {{email: string, name: string}} */ (payload);
        // The host backend's side is server/host-jwt.ts's own `mintHostJwt`, the code EMBEDDING.md shows.
        const { mintHostJwt } = await tsImport(pathToFileURL(join(cwd, 'server/host-jwt.ts')).href, import.meta.url);
        return { jwt: mintHostJwt({ email, name }, jwtSecret) };
      }
      return undefined;
    },
  };
}
