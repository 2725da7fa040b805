#!/usr/bin/env node
// A throwaway PostgreSQL cluster for the tests: `initdb` in a temp directory, a postmaster on
// a free port of 127.0.0.1 (its unix socket in that directory too, never /var/run), settings
// for speed rather than durability (fsync off: the data is thrown away), and `stop()` that
// stops it and removes the directory. It never touches a system cluster that Debian's package
// may have started.
//
//   import { startCluster } from './pg-cluster.mjs';
//   const cluster = await startCluster({ log: console.log });  // { url, port, dir, bindir, stop }
//   ... SUPPORT_TEST_DATABASE_URL = cluster.url (a superuser; tests create their own databases)
//   await cluster.stop();
//
// CLI: `node scripts/pg-cluster.mjs start` prints the URL and leaves the cluster running
// (its state in .cache/pg-cluster.json); `node scripts/pg-cluster.mjs stop` stops it;
// `node scripts/pg-cluster.mjs bindir` prints where the server binaries are (exit 1: none).
//
// The server binaries are looked for in $PG_BINDIR, `pg_config --bindir`,
// /usr/lib/postgresql/<newest>/bin, then PATH. PostgreSQL refuses to run as root: as root the
// binaries run as the `postgres` user (runuser, else su) and the directory is given to it.
import { spawnSync } from 'node:child_process';
import { accessSync, chownSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What `npm test` prints when there is no PostgreSQL: the fix, in the same line. */
export const INSTALL_HINT = 'apt-get install -y postgresql';
/** The user a cluster runs as when this process is root. */
const SERVICE_USER = 'postgres';
const STATE_FILE = join('.cache', 'pg-cluster.json');

/** Thrown when no cluster can be started; `message` says why in one line. */
export class ClusterUnavailable extends Error {
  /** @override */
  name = 'ClusterUnavailable';
}

/** @param {string} file */
export function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** @param {string} dir */
const hasServer = (dir) => ['initdb', 'pg_ctl', 'postgres'].every((name) => isExecutable(join(dir, name)));

/** `15` before `9.6`: newest major first. @param {string} a @param {string} b */
const byVersionDesc = (a, b) => b.localeCompare(a, 'en', { numeric: true });

/**
 * The directory of initdb, pg_ctl and postgres, or undefined.
 * @returns {string | undefined}
 */
export function findBindir() {
  /** @type {string[]} */
  const candidates = [];
  if (process.env.PG_BINDIR) candidates.push(process.env.PG_BINDIR);
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (pgConfig.status === 0) candidates.push(pgConfig.stdout.trim());
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    for (const version of readdirSync(debian).sort(byVersionDesc)) candidates.push(join(debian, version, 'bin'));
  }
  candidates.push(...(process.env.PATH ?? '').split(delimiter).filter(Boolean));
  return candidates.find(hasServer);
}

/** @returns {{ uid: number, gid: number } | undefined} */
function serviceUser() {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${SERVICE_USER}:`));
  const [, , uid, gid] = line?.split(':') ?? [];
  return uid && gid ? { uid: Number(uid), gid: Number(gid) } : undefined;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** @param {string} arg */
const shellQuote = (arg) => `'${arg.replace(/'/g, `'\\''`)}'`;

/**
 * Runs a PostgreSQL binary, as `postgres` when we are root. Never throws: the result's status.
 * @param {boolean} asService
 * @param {string} file
 * @param {string[]} args
 */
function run(asService, file, args) {
  /** @type {[string, string[]]} */
  let command = [file, args];
  if (asService) {
    command = isExecutable('/usr/sbin/runuser') || isExecutable('/sbin/runuser')
      ? ['runuser', ['-u', SERVICE_USER, '--', file, ...args]]
      : ['su', [SERVICE_USER, '-s', '/bin/sh', '-c', [file, ...args].map(shellQuote).join(' ')]];
  }
  // cwd: a directory the service user may enter (the caller's may be /root).
  return spawnSync(command[0], command[1], { encoding: 'utf8', cwd: tmpdir(), env: { ...process.env, LC_ALL: 'C.UTF-8' } });
}

/** A free TCP port of 127.0.0.1 (free a moment ago: the postmaster binds it right after). */
function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/** @param {{ status: number | null, stdout: string, stderr: string, error?: Error }} result */
const lastLines = (result) =>
  (result.error?.message ?? `${result.stderr}\n${result.stdout}`)
    .trim()
    .split('\n')
    .slice(-3)
    .join(' | ');

/**
 * @typedef {{ url: string, port: number, dir: string, bindir: string, asService: boolean }} ClusterState
 * @typedef {ClusterState & { stop(): Promise<void>, stopSync(): void }} Cluster
 */

/**
 * Stops the postmaster of `state` (immediate: the data is thrown away) and removes its directory.
 * @param {ClusterState} state
 */
export function stopClusterSync(state) {
  const data = join(state.dir, 'data');
  if (existsSync(join(data, 'postmaster.pid'))) run(state.asService, join(state.bindir, 'pg_ctl'), ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '30']);
  rmSync(state.dir, { recursive: true, force: true });
}

/**
 * Starts a throwaway cluster; rejects with `ClusterUnavailable` when it cannot.
 * @param {{ log?: (line: string) => void, bindir?: string | undefined }} [options] `bindir`: where
 *   initdb, pg_ctl and postgres are (default: `findBindir()`).
 * @returns {Promise<Cluster>}
 */
export async function startCluster({ log = () => undefined, bindir = findBindir() } = {}) {
  if (!bindir || !hasServer(bindir)) throw new ClusterUnavailable(`no PostgreSQL server binaries (initdb, pg_ctl, postgres) found${bindir ? ` in ${bindir}` : ''}`);
  const asService = isRoot();
  const owner = asService ? serviceUser() : undefined;
  if (asService && !owner) throw new ClusterUnavailable(`running as root and there is no "${SERVICE_USER}" user to run PostgreSQL as`);
  // The service user must reach the directory: a root-only TMPDIR (/root/tmp) will not do.
  const parent = asService && (statSync(tmpdir()).mode & 0o001) === 0 ? '/tmp' : tmpdir();
  const dir = mkdtempSync(join(parent, 'support-pg-'));
  const data = join(dir, 'data');
  /** @type {ClusterState} */
  const state = { url: '', port: 0, dir, bindir, asService };
  try {
    if (owner) chownSync(dir, owner.uid, owner.gid);
    const started = Date.now();
    const init = run(asService, join(bindir, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync', '--no-instructions']);
    if (init.status !== 0) throw new ClusterUnavailable(`initdb failed: ${lastLines(init)}`);
    // A port can be taken between the probe and the bind: a second and third try with new ones.
    for (let attempt = 1; ; attempt += 1) {
      const port = await freePort();
      const settings = [
        `-p ${port}`,
        `-k ${dir}`,
        '-c listen_addresses=127.0.0.1',
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=200',
        '-c max_wal_size=1GB',
        '-c checkpoint_timeout=30min',
      ].join(' ');
      const ctl = run(asService, join(bindir, 'pg_ctl'), ['start', '-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '30', '-o', settings]);
      if (ctl.status === 0) {
        state.port = port;
        state.url = `postgres://postgres@127.0.0.1:${port}/postgres`;
        log(`PostgreSQL ${bindir}: ${state.url} (${dir}, started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
        break;
      }
      const serverLog = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8') : '';
      if (attempt < 3 && /could not bind|Address already in use/i.test(serverLog)) continue;
      throw new ClusterUnavailable(`pg_ctl start failed: ${lastLines(ctl)} ${serverLog.trim().split('\n').slice(-2).join(' | ')}`);
    }
  } catch (error) {
    stopClusterSync(state);
    throw error;
  }
  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    stopClusterSync(state);
  };
  return { ...state, stopSync, stop: async () => stopSync() };
}

/**
 * What `npm test` does before the Node tests: the URL it exports as SUPPORT_TEST_DATABASE_URL
 * (one already set is kept, and nothing is started), or, when no cluster can be started, no URL
 * and the ONE line to print (the Postgres tests then fail under CI=true: they need the URL).
 * @param {{ log?: (line: string) => void, bindir?: string | undefined, env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<{ url: string | undefined, line: string, stopSync(): void }>}
 */
export async function clusterForTests({ log, bindir, env = process.env } = {}) {
  const given = env.SUPPORT_TEST_DATABASE_URL;
  if (given) return { url: given, line: 'PostgreSQL: SUPPORT_TEST_DATABASE_URL is set; using it (no cluster started)', stopSync: () => undefined };
  try {
    const cluster = await startCluster({ ...(log ? { log } : {}), ...(bindir === undefined ? {} : { bindir }) });
    return { url: cluster.url, line: `PostgreSQL: throwaway cluster at ${cluster.url}`, stopSync: cluster.stopSync };
  } catch (error) {
    if (!(error instanceof ClusterUnavailable)) throw error;
    const line = `PostgreSQL: not available (${error.message}); the PostgreSQL tests will fail. Install it: ${INSTALL_HINT}`;
    return { url: undefined, line: line.replace(/\s*\n\s*/g, ' '), stopSync: () => undefined };
  }
}

async function cli() {
  const [command] = process.argv.slice(2);
  if (command === 'start') {
    if (existsSync(STATE_FILE)) {
      console.error(`${STATE_FILE} exists: a cluster may be running; \`node scripts/pg-cluster.mjs stop\` first.`);
      process.exit(1);
    }
    try {
      const cluster = await startCluster({ log: (line) => console.error(line) });
      mkdirSync('.cache', { recursive: true });
      /** @type {ClusterState} */
      const state = { url: cluster.url, port: cluster.port, dir: cluster.dir, bindir: cluster.bindir, asService: cluster.asService };
      writeFileSync(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`);
      console.log(cluster.url);
    } catch (error) {
      console.error(`PostgreSQL: ${error instanceof Error ? error.message : String(error)} (install: ${INSTALL_HINT})`);
      process.exit(1);
    }
  } else if (command === 'stop') {
    if (!existsSync(STATE_FILE)) {
      console.error('No cluster started by `node scripts/pg-cluster.mjs start` is running.');
      return;
    }
    /** @type {ClusterState} */
    const state = JSON.parse(readFileSync(STATE_FILE, 'utf8'));
    stopClusterSync(state);
    rmSync(STATE_FILE, { force: true });
    console.error(`stopped ${state.url}, removed ${state.dir}`);
  } else if (command === 'bindir') {
    // For .ci/run: where the server binaries are, or exit 1 (then it installs them).
    const found = findBindir();
    if (!found) process.exit(1);
    console.log(found);
  } else {
    console.error('usage: node scripts/pg-cluster.mjs start|stop|bindir');
    process.exit(2);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await cli();
