import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Session } from '../adapters/backend.js';
import { isAbort } from '../core/errors.js';

export interface ContactSessionOptions {
  /** Asks the backend who is signed in; pass `signal` on. */
  readonly load: (signal: AbortSignal) => Promise<Session | null>;
  /** The answer of the latest load (a failed load counts as nobody signed in). */
  readonly onKnown: (session: Session | null) => void;
}

/**
 * Learns who is signed in for `<support-contact>`: the host's session when it gives one
 * (at once, before the next render), else the backend's. A newer `sync` drops the answer of
 * an older one; disconnecting aborts a load under way, and reconnecting asks again, so a page
 * moved in the DOM is not left waiting forever.
 */
export class ContactSessionController implements ReactiveController {
  private readonly options: ContactSessionOptions;
  private request: AbortController | undefined;
  private interrupted = false;

  constructor(host: ReactiveControllerHost, options: ContactSessionOptions) {
    this.options = options;
    host.addController(this);
  }

  /** Whether a backend load is under way. */
  get loading(): boolean {
    return this.request !== undefined;
  }

  hostConnected(): void {
    if (!this.interrupted) return;
    this.interrupted = false;
    this.load();
  }

  hostDisconnected(): void {
    if (!this.request) return;
    this.interrupted = true;
    this.cancel();
  }

  /** `given`: the host's session, if it gave one (`undefined`: ask the backend). */
  sync(given: Session | null | undefined): void {
    this.cancel();
    this.interrupted = false;
    if (given !== undefined) {
      this.options.onKnown(given);
      return;
    }
    this.load();
  }

  private load(): void {
    const request = new AbortController();
    this.request = request;
    this.options.load(request.signal).then(
      (session) => this.settle(request, session),
      (error: unknown) => {
        if (!isAbort(error)) this.settle(request, null);
      },
    );
  }

  private settle(request: AbortController, session: Session | null): void {
    if (request.signal.aborted) return;
    this.request = undefined;
    this.options.onKnown(session);
  }

  private cancel(): void {
    this.request?.abort();
    this.request = undefined;
  }
}
