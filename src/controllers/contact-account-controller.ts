import type { ReactiveControllerHost } from 'lit';
import type { Session, SupportBackend } from '../adapters/backend.js';
import type { LocaleCode } from '../core/config.js';
import { isAbort, type ErrorKind } from '../core/errors.js';
import { ActionController, type ActionState } from './action-controller.js';

export interface ContactAccountOptions {
  readonly backend: () => SupportBackend;
  readonly locale: () => LocaleCode;
  /** Flow 1: the account picked in the dialog is the session's now. */
  readonly onChosen: (session: Session) => void;
  readonly onChoiceFailed: (kind: ErrorKind) => void;
  /** Flow 2: the account picked in the profile menu is the session's now. */
  readonly onSwitched: (session: Session) => void;
  readonly onSwitchFailed: (kind: ErrorKind) => void;
  /** Signed out (whatever the backend answered). */
  readonly onSignedOut: () => void;
  /** A choice or switch refused with `unauthorized`: true when the host signs the user in again (then `retry`). */
  readonly expired?: (retry: () => void) => boolean;
}

/** Why a run did not succeed, if it did not (a refused or aborted run: no failure). */
function failureOf<R>(outcome: ActionState<R>): ErrorKind | undefined {
  if (outcome.status === 'failed') return outcome.kind;
  return outcome.status === 'invalid' ? 'validation' : undefined;
}

/**
 * The account actions of `<support-contact>`: choose an account (Flow 1's dialog), switch
 * account (Flow 2's profile menu) and sign out, one `ActionController` each (busy, abort on
 * disconnect, failure kind). Starting one cuts short the others still under way: the user
 * moved on, and only the last answer may set the session. (Not a reactive controller itself:
 * its three ActionControllers are the host's.)
 */
export class ContactAccountController {
  readonly choosing: ActionController<string, Session>;
  readonly switching: ActionController<string, Session>;
  readonly signingOut: ActionController<void, void>;
  private readonly options: ContactAccountOptions;

  constructor(host: ReactiveControllerHost, options: ContactAccountOptions) {
    this.options = options;
    const select = (accountId: string, { signal }: { signal: AbortSignal }) =>
      options.backend().selectAccount(accountId, { signal, locale: options.locale() });
    this.choosing = new ActionController(host, { task: select, onDone: (session) => options.onChosen(session) });
    this.switching = new ActionController(host, { task: select, onDone: (session) => options.onSwitched(session) });
    this.signingOut = new ActionController<void, void>(host, {
      task: async (_, { signal }) => {
        try {
          await options.backend().signOut({ signal, locale: options.locale() });
        } catch (error) {
          if (isAbort(error)) throw error;
          // Signed out here whatever the backend said: the session is of no use to this page now.
        }
      },
      onDone: () => options.onSignedOut(),
    });
  }

  async choose(accountId: string): Promise<void> {
    this.abortAllBut(this.choosing);
    await this.choosing.run(accountId);
    const failure = failureOf(this.choosing.state);
    if (failure && !this.handedToHost(failure, () => void this.choose(accountId))) this.options.onChoiceFailed(failure);
  }

  async switchTo(accountId: string): Promise<void> {
    this.abortAllBut(this.switching);
    await this.switching.run(accountId);
    const failure = failureOf(this.switching.state);
    if (failure && !this.handedToHost(failure, () => void this.switchTo(accountId))) this.options.onSwitchFailed(failure);
  }

  private handedToHost(failure: ErrorKind, retry: () => void): boolean {
    return failure === 'unauthorized' && (this.options.expired?.(retry) ?? false);
  }

  async signOut(): Promise<void> {
    this.abortAllBut(this.signingOut);
    await this.signingOut.run();
  }

  private abortAllBut(keep: { abort(): void }): void {
    for (const action of [this.choosing, this.switching, this.signingOut]) {
      if (action !== keep) action.abort();
    }
  }
}
