import { Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { Session, SupportBackend } from '../adapters/backend.js';
import { runOnDemand } from './ticket-form-on-demand.js';

/** What a settled session looks like to the element's lifecycle snapshot (as a finished task). */
const SETTLED = { status: TaskStatus.COMPLETE, error: undefined } as const;

/** What the form needs of its element. */
export interface FormSessionDeps {
  readonly api: () => SupportBackend;
  /** The session the host gave (`session` property), if any. */
  readonly given: () => Session | null | undefined;
}

/**
 * Who is signed in, for a form that must know before it shows a step: the session the host
 * gives, else what the backend knows without a call (`knownSession`), else the answer of
 * `getSession()`, asked only when neither is there. Each of the first two saves the round trip
 * and the update pass its answer costs (issue 15).
 */
export class FormSession {
  private readonly deps: FormSessionDeps;
  private readonly task: Task<readonly [SupportBackend], Session | null>;
  private known: { readonly api: SupportBackend; readonly session: Session | null } | undefined;

  constructor(host: ReactiveControllerHost, deps: FormSessionDeps) {
    this.deps = deps;
    this.task = new Task(host, {
      task: async ([api]: readonly [SupportBackend], { signal }): Promise<Session | null> => api.getSession({ signal }),
      autoRun: false,
    });
    runOnDemand(host, this.task, () => (this.settled ? undefined : ([this.deps.api()] as const)));
  }

  /** Who is signed in, as far as known now (`undefined`: not yet known). */
  get session(): Session | null | undefined {
    return this.deps.given() ?? this.knownToBackend ?? this.task.value;
  }

  /** Whether the answer is known without the call: given by the host, or known to the backend. */
  get settled(): boolean {
    return Boolean(this.deps.given()) || this.knownToBackend !== undefined;
  }

  /** Whether the form, with `active` signed in for now (after an in-place sign-in, say), still waits for the backend's answer. */
  asking(active: Session | null | undefined): boolean {
    if (this.settled) return false;
    return (!active && this.task.status === TaskStatus.PENDING) || this.task.status === TaskStatus.INITIAL;
  }

  /** The session as a task, for the lifecycle snapshot: settled, or the call's own status and error. */
  get status(): { readonly status: TaskStatus; readonly error: unknown } {
    return this.settled ? SETTLED : this.task;
  }

  /** Read once per backend, before the call ever ran, and kept as the call's answer would be. */
  private get knownToBackend(): Session | null | undefined {
    const api = this.deps.api();
    if (this.known?.api !== api) {
      const session = this.task.status === TaskStatus.INITIAL ? api.knownSession?.() : undefined;
      this.known = session === undefined ? undefined : { api, session };
    }
    return this.known?.session;
  }
}
