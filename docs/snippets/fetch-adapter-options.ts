import { createFetchAdapter } from 'support-elements';
declare const auth: { accessToken: string }; // your app's sign-in

export const backend = createFetchAdapter({
  baseUrl: 'https://support.example.com/api',
  getToken: () => auth.accessToken,           // optional: your own bearer token
  headers: { 'X-Tenant': 'acme' },            // optional: extra headers
  onRequest: (request) => request,            // optional: see or replace each Request
  timeoutMs: 15_000,                          // per attempt (JSON calls)
  uploadTimeoutMs: 300_000,                   // per attempt (uploads)
  retry: { retries: 3, baseDelayMs: 300, maxDelayMs: 5000, maxRetryAfterMs: 10_000 },
  live: { retryMs: 1000, maxRetryMs: 30_000, pollMs: 30_000, idleTimeoutMs: 45_000 }, // watch()
});
