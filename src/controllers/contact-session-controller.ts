import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Session } from '../adapters/backend.js';
import { isAbort, isSupportError, SupportError } from '../core/errors.js';

export interface ContactSessionOptions {
  /** Asks the backend who is signed in; pass `signal` on. */
  readonly load: (signal: AbortSignal) => Promise<Session | null>;
  /**
   * The answer of the latest load. A load that failed counts as nobody signed in here, and
   * `failure` says why (the element shows it with a retry instead of a sign-in form).
   */
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
  private failed: SupportError | undefined;

  constructor(host: ReactiveControllerHost, options: ContactSessionOptions) {
    this.options = options;
    host.addController(this);
  }

  /** Whether a backend load is under way. */
  get loading(): boolean {
    return this.request !== undefined;
  }

  /**
   * Why the last backend load failed, when it did for another reason than "nobody is signed
   * in" (a malformed answer, the network, a 5xx): asking the user to sign in would be wrong,
   * since a valid host token may be there.
   */
  get failure(): SupportError | undefined {
    return this.failed;
  }

  /** Asks the backend again (the failure's "Try again"). */
  retry(): void {
    this.cancel();
    this.interrupted = false;
    this.load();
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
      this.failed = undefined;
      this.options.onKnown(given);
      return;
    }
    this.load();
  }

  private load(): void {
    const request = new AbortController();
    this.request = request;
    this.options.load(request.signal).then(
      (session) => this.settle(request, session, undefined),
      (error: unknown) => {
        if (isAbort(error)) return;
        const failure = isSupportError(error) ? error : new SupportError('bad_response', String(error), { cause: error });
        this.settle(request, null, failure.kind === 'unauthorized' ? undefined : failure);
      },
    );
  }

  private settle(request: AbortController, session: Session | null, failure: SupportError | undefined): void {
    if (request.signal.aborted) return;
    this.request = undefined;
    this.failed = failure;
    this.options.onKnown(session);
  }

  private cancel(): void {
    this.request?.abort();
    this.request = undefined;
  }
}
