/** URLs of the node-side test servers started by test/support/wtr-servers.mjs. */
import { executeServerCommand } from '@web/test-runner-commands';
import { hasStrings, isArrayOf, isNumber, isOptional, isRecord, isString } from '../../src/adapters/guards.js';

export interface TestServers {
  readonly zendesk: string;
}

export async function testServers(): Promise<TestServers> {
  const servers = await executeServerCommand<TestServers, undefined>('support-test-servers');
  if (!servers?.zendesk) throw new Error('test servers are not running (web-test-runner.config.mjs plugin)');
  return servers;
}

/** Origin of a fault server of `name`'s own (test/support/fault-server.mjs): its script and record are this file's alone. */
export async function faultServer(name: string): Promise<FaultServer> {
  const result = await executeServerCommand<{ url?: string; error?: string }, { name: string }>('fault-server', { name });
  if (!result?.url) throw new Error(`fault server ${name} did not start: ${result?.error ?? 'no answer'}`);
  return new FaultServer(result.url.replace(/\/+$/, ''));
}

/** Base URL of the reference server's API (`…/api`), started on first use. */
export async function referenceServer(fresh = false): Promise<string> {
  const result = await executeServerCommand<{ url?: string; error?: string }, { fresh: boolean }>('reference-server', { fresh });
  if (!result?.url) throw new Error(`reference server did not start: ${result?.error ?? 'no answer'}`);
  return `${result.url.replace(/\/+$/, '')}/api`;
}

/** Base URL (`…/api`) of a reference server of `name`'s own, for a file that must not share one. */
export async function namedReferenceServer(name: string): Promise<string> {
  const result = await executeServerCommand<{ url?: string; error?: string }, { name: string }>('reference-server', { name });
  if (!result?.url) throw new Error(`reference server ${name} did not start: ${result?.error ?? 'no answer'}`);
  return `${result.url.replace(/\/+$/, '')}/api`;
}

export interface FaultStep {
  readonly type: 'normal' | 'drop' | 'hang' | 'status' | 'raw' | 'commit-drop';
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly contentType?: string;
  readonly text?: string;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
}

export interface FaultRecord {
  readonly requests: RecordedRequest[];
  readonly tickets: { number: string; subject: string }[];
  readonly pending: number;
}

/** Header values as Node gives them: a string, or absent. */
export const isHeaders = (v: unknown): v is Readonly<Record<string, string | undefined>> =>
  isRecord(v) && Object.values(v).every((value) => isOptional(value, isString));
const isRecordedRequest = (v: unknown): v is RecordedRequest => hasStrings(v, ['method', 'path', 'body']) && isHeaders(v.headers);
const isFaultRecord = (v: unknown): v is FaultRecord =>
  isRecord(v) &&
  isArrayOf(v.requests, isRecordedRequest) &&
  isArrayOf(v.tickets, (t): t is { number: string; subject: string } => hasStrings(t, ['number', 'subject'])) &&
  isNumber(v.pending);

/** Drives test/support/fault-server.mjs. */
export class FaultServer {
  constructor(readonly origin: string) {}

  get api(): string {
    return `${this.origin}/api`;
  }

  async reset(): Promise<void> {
    await fetch(`${this.origin}/__reset`, { method: 'POST' });
  }

  async script(...steps: FaultStep[]): Promise<void> {
    await fetch(`${this.origin}/__script`, { method: 'POST', body: JSON.stringify({ steps }) });
  }

  async record(): Promise<FaultRecord> {
    const response = await fetch(`${this.origin}/__record`);
    const record: unknown = await response.json();
    if (!isFaultRecord(record)) throw new Error(`unexpected record from the fault server: ${JSON.stringify(record)}`);
    return record;
  }
}

/** Base URL (`…/api`) of a reference server running `--connector freshdesk|zendesk` against its mock helpdesk, started on first use. */
export async function connectorServer(connector: 'freshdesk' | 'zendesk'): Promise<string> {
  const result = await executeServerCommand<{ url?: string; error?: string }, { connector: string }>('connector-server', { connector });
  if (!result?.url) throw new Error(`${connector} connector server did not start: ${result?.error ?? 'no answer'}`);
  return `${result.url.replace(/\/+$/, '')}/api`;
}
