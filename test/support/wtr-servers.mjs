// web-test-runner plugin: the node-side servers the adapter tests talk to over real HTTP on
// 127.0.0.1, with their URLs handed to browser tests through `executeServerCommand`:
//
//   executeServerCommand('support-test-servers')            → {fault, zendesk}
//   executeServerCommand('reference-server', {fresh: true}) → {url} | {error}
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
//
// The fault and Zendesk fixture servers start with the runner; the reference server
// (`server/main.ts`) starts on first request, in a fresh temporary data folder, and is killed
// when the runner stops. `fresh: true` restarts it on a new empty data folder.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { startFaultServer } from './fault-server.mjs';
import { startZendeskServer } from './zendesk-server.mjs';

const READY_TIMEOUT_MS = 30_000;

/** Starts `node --import tsx server/main.ts --port 0 --data <dir> --dev`; resolves on its "listening on" line. */
async function startReferenceServer(cwd) {
  const dataDir = await mkdtemp(join(tmpdir(), 'support-elements-contract-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0', '--data', dataDir, '--dev'], {
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

export function supportTestServers({ cwd = process.cwd() } = {}) {
  /** @type {{url: string, close: () => Promise<unknown>} | undefined} */
  let fault;
  /** @type {{url: string, close: () => Promise<unknown>} | undefined} */
  let zendesk;
  /** @type {Promise<{url: string, stop: () => Promise<void>}> | undefined} */
  let reference;

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
      fault = await startFaultServer();
      zendesk = await startZendeskServer();
    },
    async serverStop() {
      await Promise.all([fault?.close(), zendesk?.close(), stopReference(), ...[...named.keys()].map((name) => stopNamed(name))]);
    },
    async executeCommand({ command, payload }) {
      if (command === 'support-test-servers') return { fault: fault?.url, zendesk: zendesk?.url };
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
      return undefined;
    },
  };
}
