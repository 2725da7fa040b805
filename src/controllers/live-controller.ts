/**
 * Follows a backend's changes for as long as its host is connected and the page is visible
 * (issue 12). The host says what to follow (`scope`), what to do with a change (`onChange`),
 * and how to catch up after a pause (`catchUp`, e.g. fetch again what it shows).
 *
 * - subscribes on connect when `capabilities.live !== 'none'`, and again when the scope, the
 *   backend or a dependency (the session) changes;
 * - a hidden page aborts the subscription; visible again, it subscribes and catches up;
 * - a change whose id was applied already is dropped (a reconnect, a poll seeing it twice);
 * - disconnect aborts everything; nothing is called after it, whatever the backend does;
 * - `interrupted` turns true once the backend has been reconnecting for `interruptionNoticeMs`
 *   (the host then tells its user that new replies wait for the connection), false again when
 *   the backend is live, the subscription ends or the page is hidden.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SupportBackend, TicketChange, WatchScope, WatchState } from '../adapters/backend.js';
import type { LocaleCode } from '../core/config.js';

export interface LiveOptions {
  readonly backend: () => SupportBackend;
  /** What to follow now; undefined: nothing (no case yet, nobody signed in). */
  readonly scope: () => WatchScope | undefined;
  readonly onChange: (change: TicketChange) => void;
  /** After a pause: bring what the host shows up to date. */
  readonly catchUp: () => void;
  /** Other values a new subscription depends on (e.g. the session). */
  readonly deps?: (() => readonly unknown[]) | undefined;
  readonly locale?: (() => LocaleCode) | undefined;
  /** How long the backend may reconnect before `interrupted` turns true (default 2500 ms). */
  readonly interruptionNoticeMs?: number | undefined;
}

/**
 * A stream the server ended (a restart, a deploy) is back within a second or two (its `retry:`
 * hint, 1 s by default): a notice for that would only flicker. A lost network lasts longer.
 */
const INTERRUPTION_NOTICE_MS = 2500;

/** How many applied change ids are remembered: far more than arrive between two catch-ups. */
const REMEMBERED_IDS = 500;

function scopeKey(scope: WatchScope | undefined): string {
  if (!scope) return '';
  return scope.kind === 'case' ? `case:${scope.number}` : 'cases';
}

export class LiveController implements ReactiveController {
  private subscription: AbortController | undefined;
  private subscribed: { key: string; backend: SupportBackend; deps: readonly unknown[] } | undefined;
  private connected = false;
  private paused = false;
  private readonly applied = new Set<string>();
  /** Where the subscription stands, for a host that tells its user. */
  state: WatchState | 'off' = 'off';
  /** Reconnecting for a while now: what the host shows may be missing changes until it is live again. */
  interrupted = false;
  private interruptionTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: LiveOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    document.addEventListener('visibilitychange', this.onVisibility);
    this.paused = document.visibilityState === 'hidden';
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.stop();
  }

  /** Before each render: a new scope, backend or session means a new subscription. */
  hostUpdate(): void {
    this.sync();
  }

  private readonly onVisibility = (): void => {
    if (!this.connected) return;
    const hidden = document.visibilityState === 'hidden';
    if (hidden === this.paused) return;
    this.paused = hidden;
    if (hidden) {
      this.stop();
      return;
    }
    const wasFollowing = this.wanted() !== undefined;
    this.sync();
    if (wasFollowing) this.options.catchUp();
  };

  private wanted(): WatchScope | undefined {
    if (!this.connected || this.paused) return undefined;
    if (this.options.backend().capabilities.live === 'none') return undefined;
    return this.options.scope();
  }

  private sync(): void {
    const scope = this.wanted();
    const backend = this.options.backend();
    const deps = this.options.deps?.() ?? [];
    const key = scopeKey(scope);
    const same =
      this.subscribed !== undefined &&
      this.subscribed.key === key &&
      this.subscribed.backend === backend &&
      this.subscribed.deps.length === deps.length &&
      this.subscribed.deps.every((d, i) => d === deps[i]);
    if (same) return;
    this.stop();
    if (!scope) return;
    const subscription = new AbortController();
    this.subscription = subscription;
    this.subscribed = { key, backend, deps };
    const { signal } = subscription;
    backend.watch(scope, (change) => this.receive(change, signal), {
      signal,
      locale: this.options.locale?.(),
      onState: (state) => {
        if (signal.aborted) return;
        this.state = state;
        if (state === 'live') this.endInterruption();
        else this.interruptionTimer ??= setTimeout(() => this.interrupt(), this.options.interruptionNoticeMs ?? INTERRUPTION_NOTICE_MS);
        this.host.requestUpdate();
      },
    });
  }

  private receive(change: TicketChange, signal: AbortSignal): void {
    if (signal.aborted || !this.connected || this.applied.has(change.id)) return;
    this.applied.add(change.id);
    if (this.applied.size > REMEMBERED_IDS) {
      const oldest = this.applied.values().next();
      if (!oldest.done) this.applied.delete(oldest.value);
    }
    this.options.onChange(change);
  }

  private interrupt(): void {
    this.interruptionTimer = undefined;
    this.interrupted = true;
    this.host.requestUpdate();
  }

  private endInterruption(): void {
    clearTimeout(this.interruptionTimer);
    this.interruptionTimer = undefined;
    this.interrupted = false;
  }

  private stop(): void {
    this.subscription?.abort();
    this.subscription = undefined;
    this.subscribed = undefined;
    this.state = 'off';
    this.endInterruption();
  }
}
