/**
 * CLI of the reference server:
 *   node --import tsx server/main.ts [--port 8787] [--host 127.0.0.1] [--data ./data] [--dev]
 *     [--case-url 'https://app.example.com/support?case={number}'] [--public-url URL] [--auto-close-interval-ms 60000]
 *     [--connector sqlite|freshdesk|zendesk] [--freshdesk-domain acme --freshdesk-key-file key.txt]
 *     [--zendesk-subdomain acme --zendesk-email agent@acme.com --zendesk-token-file t.txt]
 *     [--events-heartbeat-ms 15000] [--events-retry-ms 1000] [--no-events]
 *     [--jwt-secret-file secret.txt] [--shutdown-timeout-ms 10000]
 *     [--store sqlite|postgres] [--database-url postgres://…]
 * `--store postgres` keeps everything in PostgreSQL (`--database-url`, else `DATABASE_URL`), so
 * several processes on one database answer as one (server/store/postgres.ts); `--data` then only
 * holds uploads while they are received. The default `sqlite` keeps `DIR/support.sqlite`.
 * `--jwt-secret-file` holds the secret shared with the host app's backend for host JWTs
 * (`POST /api/session/jwt`, at least 32 bytes; a trailing newline is dropped; never logged).
 * `--case-url` is the emails' link to a case (http or https, with `{number}`, maybe `{locale}`); without it (and
 * without the older `--public-url`) the emails carry no link. The connector flags are checked by
 * server/connectors/options.ts (`--freshdesk-url` / `--zendesk-url` point at another address).
 * Prints `listening on http://127.0.0.1:PORT` as its first line; port 0 picks a free port.
 * SIGTERM or SIGINT: a graceful stop (app.ts `close`): `/readyz` 503, event streams end with a
 * `retry:` hint, requests in flight get `--shutdown-timeout-ms` (default 10 s) to finish, then
 * exit 0. Past that deadline plus 5 s, or at a second signal, it exits 1 at once.
 */
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resolve } from 'node:path';
import { createSupportServer } from './app.js';
import { checkCaseUrl } from './case-url.js';
import { connectorFor } from './connectors/index.js';
import { checkConnectorFlags, type ConnectorSpec } from './connectors/options.js';
import { MIN_SECRET_BYTES } from './host-jwt.js';
import { DEFAULT_SCRYPT_COST } from './auth.js';
import { openPostgresStore } from './store/postgres.js';

const options = {
  port: { type: 'string', default: '8787' },
  host: { type: 'string', default: '127.0.0.1' },
  data: { type: 'string', default: './data' },
  dev: { type: 'boolean', default: false },
  'case-url': { type: 'string' },
  'public-url': { type: 'string' },
  'auto-close-interval-ms': { type: 'string', default: '60000' },
  connector: { type: 'string' },
  'freshdesk-domain': { type: 'string' },
  'freshdesk-key-file': { type: 'string' },
  'freshdesk-url': { type: 'string' },
  'zendesk-subdomain': { type: 'string' },
  'zendesk-email': { type: 'string' },
  'zendesk-token-file': { type: 'string' },
  'zendesk-url': { type: 'string' },
  'events-heartbeat-ms': { type: 'string', default: '15000' },
  'events-retry-ms': { type: 'string', default: '1000' },
  // Serves no GET /api/events (404): a backend without a stream, whose clients poll (the default with a helpdesk connector).
  'no-events': { type: 'boolean', default: false },
  'jwt-secret-file': { type: 'string' },
  'shutdown-timeout-ms': { type: 'string', default: '10000' },
  store: { type: 'string', default: 'sqlite' },
  'database-url': { type: 'string' },
  help: { type: 'boolean', default: false },
} satisfies ParseArgsConfig['options'];
const { values } = parseArgs({ options, strict: true });

// `--help`: every flag this parser accepts, one a line (test/server/compose.test.ts reads it).
if (values.help) {
  const lines = Object.entries(options).map(([name, o]) => `  --${name}${o.type === 'string' ? ' <value>' : ''}${'default' in o && o.default !== false ? ` (default ${String(o.default)})` : ''}`);
  process.stdout.write(`usage: node --import tsx server/main.ts [flags]\n${lines.join('\n')}\n`);
  process.exit(0);
}

if (values.host !== '127.0.0.1') {
  process.stderr.write('Only --host 127.0.0.1 is supported: the reference server is not meant to be exposed.\n');
  process.exit(2);
}

const shutdownTimeoutMs = Number(values['shutdown-timeout-ms']);
if (!Number.isSafeInteger(shutdownTimeoutMs) || shutdownTimeoutMs < 0) {
  process.stderr.write('--shutdown-timeout-ms must be a whole number of milliseconds (0 or more).\n');
  process.exit(2);
}

let caseUrl: string | undefined;
let connector: ConnectorSpec;
try {
  caseUrl = values['case-url'] === undefined ? undefined : checkCaseUrl(values['case-url']);
  connector = checkConnectorFlags(values);
  if (values.store !== 'sqlite' && values.store !== 'postgres') throw new Error('--store: sqlite or postgres.');
  if (values.store === 'postgres' && connector.name !== 'sqlite') throw new Error('--store postgres keeps the cases itself: it runs without --connector.');
  if (values.store === 'postgres' && !(values['database-url'] ?? process.env['DATABASE_URL'])) throw new Error('--store postgres needs --database-url or DATABASE_URL.');
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}

/** The host JWT secret, read once; its bytes never reach a log line or an answer. */
function hostJwtSecret(file: string | undefined): Buffer | undefined {
  if (file === undefined) return undefined;
  try {
    const secret = Buffer.from(readFileSync(resolve(file), 'utf8').replace(/\r?\n$/, ''), 'utf8');
    if (secret.length >= MIN_SECRET_BYTES) return secret;
    process.stderr.write(`--jwt-secret-file: the secret must be at least ${MIN_SECRET_BYTES} bytes.\n`);
  } catch {
    process.stderr.write('--jwt-secret-file: the file cannot be read.\n');
  }
  process.exit(2);
}

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const databaseUrl = values['database-url'] ?? process.env['DATABASE_URL'] ?? '';
const store =
  values.store === 'postgres'
    ? await openPostgresStore({ url: databaseUrl, seedDemo: true, scryptCost: DEFAULT_SCRYPT_COST, now: () => new Date(), log }).catch((error: unknown) => {
        process.stderr.write(`--store postgres: cannot open the database: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      })
    : undefined;

const server = createSupportServer({
  ...(store ? { store } : {}),
  hostJwtSecret: hostJwtSecret(values['jwt-secret-file']),
  dataDir: resolve(values.data),
  dev: values.dev,
  caseUrl,
  publicUrl: values['public-url'],
  autoCloseIntervalMs: Number(values['auto-close-interval-ms']),
  ...(store ? {} : { connector: connectorFor(connector) }),
  events: { heartbeatMs: Number(values['events-heartbeat-ms']), retryMs: Number(values['events-retry-ms']), ...(values['no-events'] ? { off: true } : {}) },
  log,
});
const { url } = await server.listen(Number(values.port), values.host);
process.stdout.write(`listening on ${url}\n`);

let stopping = false;
const stop = (signal: NodeJS.Signals): void => {
  if (stopping) {
    process.stderr.write(`${signal} again: exiting now\n`);
    process.exit(1);
  }
  stopping = true;
  process.stderr.write(`${signal}: shutting down (requests in flight get ${shutdownTimeoutMs} ms)\n`);
  setTimeout(() => {
    process.stderr.write('shutdown: not done in time, exiting\n');
    process.exit(1);
  }, shutdownTimeoutMs + 5_000).unref();
  server.close({ timeoutMs: shutdownTimeoutMs }).then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`shutdown: ${String(error)}\n`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
