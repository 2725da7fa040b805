/** Types of freshdesk-mock.mjs (the mock runs as plain JavaScript under web-test-runner too). */
export interface FreshdeskMock {
  readonly url: string;
  readonly apiKey: string;
  close(): Promise<void>;
}
export function startFreshdeskMock(options?: { apiKey?: string; agentId?: number }): Promise<FreshdeskMock>;
