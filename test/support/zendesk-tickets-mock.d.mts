/** Types of zendesk-tickets-mock.mjs (the mock runs as plain JavaScript under web-test-runner too). */
export interface ZendeskTicketsMock {
  readonly url: string;
  readonly email: string;
  readonly token: string;
  close(): Promise<void>;
}
export function startZendeskTicketsMock(options?: { email?: string; token?: string }): Promise<ZendeskTicketsMock>;
