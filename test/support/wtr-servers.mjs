// web-test-runner plugin: the node-side servers the adapter tests talk to over real HTTP on
// 127.0.0.1, with their URLs handed to browser tests through `executeServerCommand`:
//
//   executeServerCommand('support-test-servers')            → {fault, zendesk}
//   executeServerCommand('reference-server', {fresh: true}) → {url} | {error}
//   executeServerCommand('reference-server-jwt')            → {url} | {error}
//   executeServerCommand('host-jwt', {email, name})         → {jwt}
//
// `reference-server-jwt` is a second reference server of its own (its own data folder), with
// `--jwt-secret-file`; `host-jwt` plays the host app's backend: it mints a JWT for that server
// with the secret, which stays on this side (the browser only ever sees the JWT).
//
// The fault and Zendesk fixture servers start with the runner; the reference server
// (`server/main.ts`) starts on first request, in a fresh temporary data folder, and is killed
// when the runner stops. `fresh: true` restarts it on a new empty data folder.
import { spawn } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFaultServer } from './fault-server.mjs';
import { startZendeskServer } from './zendesk-server.mjs';

const READY_TIMEOUT_MS = 30_000;

/** The host backend's minting (as server/host-jwt.ts `mintHostJwt`, which this file cannot import: no tsx here). */
function mintHostJwt(user, secret) {
  const nowS = Math.floor(Date.now() / 1000);
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signed = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ ...user, iat: nowS, exp: nowS + 60, jti: randomUUID() })}`;
  return `${signed}.${createHmac('sha256', secret).update(signed).digest('base64url')}`;
}

/** Starts `node --import tsx server/main.ts --port 0 --data <dir> --dev [args]`; resolves on its "listening on" line. */
async function startReferenceServer(cwd, { jwtSecret } = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'support-elements-contract-'));
  const extra = [];
  if (jwtSecret) {
    await writeFile(join(dataDir, 'jwt-secret.txt'), jwtSecret, { mode: 0o600 });
    extra.push('--jwt-secret-file', join(dataDir, 'jwt-secret.txt'));
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0', '--data', join(dataDir, 'data'), '--dev', ...extra], {
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
  /** @type {Promise<{url: string, stop: () => Promise<void>}> | undefined} */
  let referenceJwt;
  const jwtSecret = randomBytes(32).toString('hex');

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
      await Promise.all([fault?.close(), zendesk?.close(), stopReference(), referenceJwt?.then((r) => r.stop(), () => undefined)]);
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
      if (command === 'reference-server-jwt') {
        referenceJwt ??= startReferenceServer(cwd, { jwtSecret });
        try {
          return { url: (await referenceJwt).url };
        } catch (error) {
          referenceJwt = undefined;
          return { error: error instanceof Error ? error.message : String(error) };
        }
      }
      if (command === 'host-jwt') {
        const { email, name } = /** @type {{email: string, name: string}} */ (payload);
        return { jwt: mintHostJwt({ email, name }, jwtSecret) };
      }
      return undefined;
    },
  };
}
