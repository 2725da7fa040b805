/** URLs of the node-side test servers started by test/support/wtr-servers.mjs. */
import { executeServerCommand } from '@web/test-runner-commands';

export interface TestServers {
  readonly fault: string;
  readonly zendesk: string;
}

export async function testServers(): Promise<TestServers> {
  const servers = await executeServerCommand<TestServers, undefined>('support-test-servers');
  if (!servers?.fault || !servers.zendesk) throw new Error('test servers are not running (web-test-runner.config.mjs plugin)');
  return servers;
}

/** Base URL of the reference server's API (`…/api`), started on first use. */
export async function referenceServer(fresh = false): Promise<string> {
  const result = await executeServerCommand<{ url?: string; error?: string }, { fresh: boolean }>('reference-server', { fresh });
  if (!result?.url) throw new Error(`reference server did not start: ${result?.error ?? 'no answer'}`);
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

  async record(): Promise<{ requests: RecordedRequest[]; tickets: { number: string; subject: string }[]; pending: number }> {
    const response = await fetch(`${this.origin}/__record`);
    return (await response.json()) as { requests: RecordedRequest[]; tickets: { number: string; subject: string }[]; pending: number };
  }
}
