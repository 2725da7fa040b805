/**
 * The connector a server runs with, from its checked flags (options.ts): `sqlite` is the
 * default store; `freshdesk` and `zendesk` talk to the helpdesk with a key only the server holds.
 */
import { freshdeskConnector } from './freshdesk.js';
import type { ConnectorSpec } from './options.js';
import { sqliteConnector } from './sqlite.js';
import type { ConnectorFactory } from './types.js';
import { zendeskConnector } from './zendesk.js';

export interface HelpdeskTuning {
  /** The longest helpdesk Retry-After waited out before one retry; longer ones answer 503. Default 5 s. */
  readonly maxRetryWaitMs?: number | undefined;
  readonly sleep?: ((ms: number) => Promise<void>) | undefined;
}

export function connectorFor(spec: ConnectorSpec, tuning: HelpdeskTuning = {}): ConnectorFactory {
  switch (spec.name) {
    case 'sqlite':
      return sqliteConnector;
    case 'freshdesk':
      return (base) => freshdeskConnector({ ...base, ...tuning, baseUrl: spec.baseUrl, apiKey: spec.apiKey });
    case 'zendesk':
      return (base) => zendeskConnector({ ...base, ...tuning, baseUrl: spec.baseUrl, email: spec.email, token: spec.token });
  }
}
