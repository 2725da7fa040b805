// The SupportBackend contract through the reference server with `--connector zendesk` (an agent
// API token on the server), in front of the mock Zendesk Ticketing API of
// test/support/zendesk-tickets-mock.mjs, seeded with the demo's cases of alex@example.com.
import { createFetchAdapter } from '../../src/adapters/fetch-adapter.js';
import { connectorServer } from './servers.js';
import { runContractSuite } from './contract.js';

let baseUrl: Promise<string> | undefined;

runContractSuite('reference server + Zendesk connector (mock Zendesk)', async () => {
  baseUrl ??= connectorServer('zendesk');
  return createFetchAdapter({ baseUrl: await baseUrl, retry: { retries: 1, baseDelayMs: 10, maxDelayMs: 50 } });
});
