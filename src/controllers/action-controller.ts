import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ErrorKind, FieldError } from '../core/errors.js';
import { isAbort, isSupportError, type SupportError } from '../core/errors.js';

/**
 * Where one user-triggered action stands. Transitions (`run` drives them; nothing else does):
 *
 * | from                   | event                          | to             |
 * |------------------------|--------------------------------|----------------|
 * | any but `busy`         | `run()`, validation fails      | `invalid`      |
 * | any but `busy`         | `run()`                        | `busy`         |
 * | `busy`                 | the work resolves              | `done`         |
 * | `busy`                 | a validation error with fields | `invalid`      |
 * | `busy`                 | any other failure              | `failed`       |
 * | `busy`                 | aborted (disconnect, `abort()`)| `idle`         |
 * | any but `busy`         | `reset()`                      | `idle`         |
 *
 * While `busy`, `run()` is refused (one send per intent at a time).
 */
export type ActionState<R> =
  | { readonly status: 'idle' }
  | { readonly status: 'busy' }
  | { readonly status: 'done'; readonly result: R }
  | { readonly status: 'invalid'; readonly errors: readonly FieldError[] }
  | { readonly status: 'failed'; readonly kind: ErrorKind; readonly error: SupportError | undefined };

/** What the work gets: the signal to pass to every backend call, and the intent's key. */
export interface ActionContext {
  readonly signal: AbortSignal;
  /** The same for every retry of one intent; a new one once the backend confirmed it. */
  readonly idempotencyKey: string;
}

/** The key of an intent, as a draft keeps it across reloads. */
export interface IntentKey {
  readonly intent: string;
  readonly key: string;
}

/** Where focus goes after each outcome; each returns the element to focus, if any. */
export interface ActionFocus<R> {
  readonly done?: (result: R) => HTMLElement | null | undefined;
  readonly invalid?: () => HTMLElement | null | undefined;
  readonly failed?: () => HTMLElement | null | undefined;
}

export interface ActionOptions<A, R> {
  /** The work. Pass `context.signal` to the backend; send `context.idempotencyKey` on creates. */
  readonly task: (args: A, context: ActionContext) => Promise<R>;
  /** Checks before anything is sent; field errors end the run in `invalid`. */
  readonly validate?: (args: A) => readonly FieldError[];
  /**
   * Which intent the arguments stand for (default: their JSON). A retry of the same intent
   * reuses its key, so the backend makes one record; another intent gets a new key.
   */
  readonly intentOf?: (args: A) => string;
  /** Persists the key with the draft, so it survives reloads; `undefined` clears it. */
  readonly keyStore?: {
    readonly load: () => IntentKey | undefined;
    readonly save: (value: IntentKey | undefined) => void;
  };
  /** Called once the backend confirmed, before focus moves (update the host's data here). */
  readonly onDone?: (result: R, args: A) => void;
  /**
   * Called on a failure the element wants to handle itself; return true when handled (e.g. a
   * send the outbox now holds under `idempotencyKey` is not a failure to show).
   */
  readonly onFailure?: (error: SupportError, args: A, idempotencyKey: string) => Promise<boolean> | boolean;
  readonly focus?: ActionFocus<R>;
}

/**
 * One controller for user-triggered work (submit a case, send a comment, add a watcher, sign
 * in, ...): busy state, abort on disconnect, the failure kind, field errors routed to the
 * form, focus after the outcome, and one idempotency key per intent that survives retries
 * (and, with `keyStore`, reloads). Elements render `state`; they never hold an
 * AbortController or a key of their own.
 */
export class ActionController<A, R> implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly options: ActionOptions<A, R>;
  private current: ActionState<R> = { status: 'idle' };
  private abortController: AbortController | undefined;
  private intentKey: IntentKey | undefined;
  /** The last run again (a closure, so the class stays assignable across argument types). */
  private rerun: (() => Promise<R | undefined>) | undefined;

  constructor(host: ReactiveControllerHost, options: ActionOptions<A, R>) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.abort();
  }

  get state(): ActionState<R> {
    return this.current;
  }

  get busy(): boolean {
    return this.current.status === 'busy';
  }

  /** Field errors of the last run (empty unless `invalid`). */
  get fieldErrors(): readonly FieldError[] {
    return this.current.status === 'invalid' ? this.current.errors : [];
  }

  /** The failure kind of the last run, if it failed. */
  get failureKind(): ErrorKind | undefined {
    return this.current.status === 'failed' ? this.current.kind : undefined;
  }

  /** The error of the last run, if it failed with a SupportError (for messages that say more than the kind). */
  get failure(): SupportError | undefined {
    return this.current.status === 'failed' ? this.current.error : undefined;
  }

  /** Runs the action; resolves with the result, or undefined when it did not succeed. */
  async run(args: A): Promise<R | undefined> {
    if (this.busy) return undefined;
    this.rerun = () => this.run(args);
    const errors = this.options.validate?.(args) ?? [];
    if (errors.length > 0) {
      await this.settle({ status: 'invalid', errors }, this.options.focus?.invalid);
      return undefined;
    }
    const idempotencyKey = this.keyFor(args);
    const request = new AbortController();
    this.abortController = request;
    this.set({ status: 'busy' });
    try {
      const result = await this.options.task(args, { signal: request.signal, idempotencyKey });
      if (request.signal.aborted) throw new DOMException('Aborted', 'AbortError');
      this.forgetKey();
      this.options.onDone?.(result, args);
      const focus = this.options.focus?.done;
      await this.settle({ status: 'done', result }, focus ? () => focus(result) : undefined);
      return result;
    } catch (error) {
      if (isAbort(error) || request.signal.aborted) {
        this.set({ status: 'idle' });
        return undefined;
      }
      const failure = isSupportError(error) ? error : undefined;
      if (failure && (await this.options.onFailure?.(failure, args, idempotencyKey))) {
        this.set({ status: 'idle' });
        return undefined;
      }
      if (failure?.kind === 'validation' && failure.fieldErrors.length > 0) {
        await this.settle({ status: 'invalid', errors: failure.fieldErrors }, this.options.focus?.invalid);
      } else {
        await this.settle({ status: 'failed', kind: failure?.kind ?? 'server', error: failure }, this.options.focus?.failed);
      }
      return undefined;
    } finally {
      if (this.abortController === request) this.abortController = undefined;
    }
  }

  /**
   * Runs the last run's arguments again (the same intent, so the same idempotency key): the
   * "Try again" of a failure notice. Does nothing before a first run or while busy.
   */
  retry(): Promise<R | undefined> {
    return this.rerun ? this.rerun() : Promise.resolve(undefined);
  }

  /** Cancels the work under way (the state goes back to `idle`). */
  abort(): void {
    this.abortController?.abort();
    this.abortController = undefined;
  }

  /** Forgets the last outcome (not the intent's key: a retry still reuses it). */
  reset(): void {
    if (this.busy) return;
    this.set({ status: 'idle' });
  }

  /** Aborts, forgets the outcome and the key: the host now shows another subject. */
  clear(): void {
    this.abort();
    this.forgetKey();
    this.rerun = undefined;
    this.set({ status: 'idle' });
  }

  private keyFor(args: A): string {
    const intent = this.options.intentOf ? this.options.intentOf(args) : JSON.stringify(args) ?? '';
    const known = this.intentKey ?? this.options.keyStore?.load();
    if (known && known.intent === intent && known.key) {
      this.intentKey = known;
      return known.key;
    }
    this.intentKey = { intent, key: crypto.randomUUID() };
    this.options.keyStore?.save(this.intentKey);
    return this.intentKey.key;
  }

  private forgetKey(): void {
    this.intentKey = undefined;
    this.options.keyStore?.save(undefined);
  }

  private set(state: ActionState<R>): void {
    this.current = state;
    this.host.requestUpdate();
  }

  private async settle(state: ActionState<R>, focus: (() => HTMLElement | null | undefined) | undefined): Promise<void> {
    this.set(state);
    if (!focus) return;
    await this.host.updateComplete;
    focus()?.focus();
  }
}
