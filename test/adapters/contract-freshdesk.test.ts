// The SupportBackend contract through the reference server with `--connector freshdesk`, in
// front of the mock Freshdesk of test/support/freshdesk-mock.mjs (seeded with the demo's cases
// of alex@example.com through its agent API). Freshdesk's API cannot change an existing
// ticket's CCs: the suite checks that refusal instead (capability `changeWatchers: false`).
import { createFetchAdapter } from '../../src/adapters/fetch-adapter.js';
import { connectorServer } from './servers.js';
import { runContractSuite } from './contract.js';

let baseUrl: Promise<string> | undefined;

runContractSuite(
  'reference server + Freshdesk connector (mock Freshdesk)',
  async () => {
    baseUrl ??= connectorServer('freshdesk');
    return createFetchAdapter({ baseUrl: await baseUrl, retry: { retries: 1, baseDelayMs: 10, maxDelayMs: 50 } });
  },
  { changeWatchers: false },
);
