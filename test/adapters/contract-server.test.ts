// The SupportBackend contract against the reference server (server/main.ts, started by the
// test runner on a free 127.0.0.1 port with an empty data folder) through createFetchAdapter,
// over real HTTP. Each test gets its own adapter, hence its own session; the server's data is
// shared by the whole file (it is started fresh once, before the first test).
import { createFetchAdapter } from '../../src/adapters/fetch-adapter.js';
import { referenceServer } from './servers.js';
import { runContractSuite } from './contract.js';

let baseUrl: Promise<string> | undefined;

runContractSuite('reference server through createFetchAdapter', async () => {
  baseUrl ??= referenceServer(true);
  return createFetchAdapter({ baseUrl: await baseUrl, retry: { retries: 1, baseDelayMs: 10, maxDelayMs: 50 } });
});
