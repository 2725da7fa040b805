/**
 * The backends the demo switches between: the reference server through the fetch adapter
 * (`/api`, proxied by `npm start`), or the in-browser memory backend. The demo user is signed
 * in the way a host app would: through the backend's own API.
 */
import type { SupportBackend } from '../src/adapters/backend.js';
import { createFetchAdapter } from '../src/adapters/fetch-adapter.js';
import { createMemoryBackend, DEMO_PASSWORD, type MemoryBackend } from '../src/adapters/memory-adapter.js';
import { EMAILS, type DemoBackend, type DemoUser } from './settings.js';

export interface BackendChoice {
  readonly backend: DemoBackend;
  readonly user: DemoUser;
  /** Memory backend only: delay of each call (default 300 ms). */
  readonly latencyMs?: number | undefined;
  /** Memory backend only: its clock. */
  readonly now?: (() => Date) | undefined;
}

export interface DemoBackendHandle {
  readonly api: SupportBackend;
  /** The memory backend's controls (agentReply, expireSession, ...), when it is one. */
  readonly memory: MemoryBackend | undefined;
  /** Settles once the chosen user is signed in (or out). Rejects when the server is unreachable. */
  readonly ready: Promise<void>;
}

function emailOf(user: DemoUser): string | undefined {
  return user === 'none' ? undefined : EMAILS[user];
}

export function createDemoBackend(choice: BackendChoice): DemoBackendHandle {
  const email = emailOf(choice.user);
  if (choice.backend === 'memory') {
    const memory = createMemoryBackend({
      latencyMs: choice.latencyMs ?? 300,
      ...(email ? { signedInAs: email } : {}),
      ...(choice.now ? { now: choice.now } : {}),
    });
    return { api: memory, memory, ready: Promise.resolve() };
  }
  const api = createFetchAdapter({ baseUrl: '/api' });
  const ready = (async () => {
    const current = await api.getSession();
    if (current && current.user.email !== email) await api.signOut();
    if (email && current?.user.email !== email) {
      await api.signIn({ email, password: DEMO_PASSWORD, realm: 'product' });
    }
  })();
  return { api, memory: undefined, ready };
}
