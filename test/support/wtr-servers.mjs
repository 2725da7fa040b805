// web-test-runner plugin: the node-side servers the adapter tests talk to over real HTTP on
// 127.0.0.1, with their URLs handed to browser tests through `executeServerCommand`:
//
//   executeServerCommand('support-test-servers')            → {fault, zendesk}
//   executeServerCommand('reference-server', {fresh: true}) → {url} | {error}
//
// The fault and Zendesk fixture servers start with the runner; the reference server
// (`server/main.ts`) starts on first request, in a fresh temporary data folder, and is killed
// when the runner stops. `fresh: true` restarts it on a new empty data folder.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  /** Instances of their own for files that must not share (`reference-server-named`, {name}). */
  /** @type {Map<string, Promise<{url: string, stop: () => Promise<void>}>>} */
  const named = new Map();

  async function stopReference() {
    const current = reference;
    reference = undefined;
    if (current) await current.then((r) => r.stop(), () => undefined);
  }

  return {
    name: 'support-test-servers',
    async serverStart() {
      fault = await startFaultServer();
      zendesk = await startZendeskServer();
    },
    async serverStop() {
      await Promise.all([fault?.close(), zendesk?.close(), stopReference(), ...[...named.values()].map((r) => r.then((x) => x.stop(), () => undefined))]);
    },
    async executeCommand({ command, payload }) {
      if (command === 'support-test-servers') return { fault: fault?.url, zendesk: zendesk?.url };
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
      if (command === 'reference-server-named') {
        const name = typeof payload === 'object' && payload !== null ? String(/** @type {{name?: unknown}} */ (payload).name) : 'default';
        if (!named.has(name)) named.set(name, startReferenceServer(cwd));
        try {
          return { url: (await named.get(name))?.url };
        } catch (error) {
          named.delete(name);
          return { error: error instanceof Error ? error.message : String(error) };
        }
      }
      return undefined;
    },
  };
}
