/**
 * CLI of the reference server:
 *   node --import tsx server/main.ts [--port 8787] [--host 127.0.0.1] [--data ./data] [--dev]
 *     [--case-url 'https://app.example.com/support?case={number}'] [--public-url URL] [--auto-close-interval-ms 60000]
 *     [--connector sqlite|freshdesk|zendesk] [--freshdesk-domain acme --freshdesk-key-file key.txt]
 *     [--zendesk-subdomain acme --zendesk-email agent@acme.com --zendesk-token-file t.txt]
 *     [--events-heartbeat-ms 15000] [--events-retry-ms 1000] [--no-events]
 * `--case-url` is the emails' link to a case (http or https, with `{number}`); without it (and
 * without the older `--public-url`) the emails carry no link. The connector flags are checked by
 * server/connectors/options.ts (`--freshdesk-url` / `--zendesk-url` point at another address).
 * Prints `listening on http://127.0.0.1:PORT` as its first line; port 0 picks a free port.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { createSupportServer } from './app.js';
import { checkCaseUrl } from './case-url.js';
import { connectorFor } from './connectors/index.js';
import { checkConnectorFlags, type ConnectorSpec } from './connectors/options.js';

const { values } = parseArgs({
  options: {
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
    // Serves no GET /api/events (404): a backend without a stream, whose clients poll.
    'no-events': { type: 'boolean', default: false },
  },
  strict: true,
});

if (values.host !== '127.0.0.1') {
  process.stderr.write('Only --host 127.0.0.1 is supported: the reference server is not meant to be exposed.\n');
  process.exit(2);
}

let caseUrl: string | undefined;
let connector: ConnectorSpec;
try {
  caseUrl = values['case-url'] === undefined ? undefined : checkCaseUrl(values['case-url']);
  connector = checkConnectorFlags(values);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}

const server = createSupportServer({
  dataDir: resolve(values.data),
  dev: values.dev,
  caseUrl,
  publicUrl: values['public-url'],
  autoCloseIntervalMs: Number(values['auto-close-interval-ms']),
  connector: connectorFor(connector),
  events: { heartbeatMs: Number(values['events-heartbeat-ms']), retryMs: Number(values['events-retry-ms']), off: values['no-events'] },
  log: (line) => process.stderr.write(`${line}\n`),
});
const { url } = await server.listen(Number(values.port), values.host);
process.stdout.write(`listening on ${url}\n`);

const stop = (): void => {
  void server.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
