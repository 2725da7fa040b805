/**
 * An element's view of the offline outbox, and its share of the draining:
 * - `queueOnNetworkFailure` wraps a send: when it fails because the network is gone, a copy
 *   goes to the outbox with the attempt's idempotency key (the form keeps its key, so
 *   whichever gets through first, the server records the send once). `holds(key)` then tells
 *   the form that its send waits, so that it shows no failure and no "Try again" beside the
 *   waiting item, and `lastQueued` is what the host announces;
 * - `items` are the host's waiting items (its user's, of its scope) for the view to show;
 * - while connected, the host drains its user's items: when it connects, when its user becomes
 *   known or changes (a sign-in in place), on the `online` event, and on a retry timer with
 *   backoff; `onSent` tells the host what got through.
 *
 * One drain at a time across tabs: a Web Lock (`navigator.locks`, `ifAvailable`), or a flag in
 * the page where Web Locks are missing. A tab that finds the lock taken tries again later.
 * Nothing outlives the host: the timer, the listener and the drain stop on disconnect.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SupportBackend } from '../adapters/backend.js';
import { isSupportError } from '../core/errors.js';
import { goesToOutbox, outboxDelay, OUTBOX_BACKOFF, type OutboxBackoff } from '../core/outbox.js';
import { drainOutbox, ownerOf, PROFILE_OWNER, sharedOutbox, type DrainOutcome, type Outbox, type OutboxItem, type OutboxPayload, type OutboxResult } from './outbox.js';

const LOCK_NAME = 'support-elements:outbox';
let drainingHere = false;

async function exclusively(run: () => Promise<DrainOutcome>): Promise<DrainOutcome | 'busy'> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (locks && typeof locks.request === 'function') {
    return locks.request(LOCK_NAME, { ifAvailable: true }, (lock) => (lock ? run() : 'busy'));
  }
  if (drainingHere) return 'busy';
  drainingHere = true;
  try {
    return await run();
  } finally {
    drainingHere = false;
  }
}

export interface OutboxControllerOptions {
  readonly backend: () => SupportBackend;
  /** The signed-in user's address as the host knows it (undefined: nobody, or not known yet). */
  readonly viewer: () => string | undefined;
  /** Which of the viewer's items this host shows. */
  readonly shows: (item: OutboxItem) => boolean;
  /** An item got through (sent by this host or by another element of the page). */
  readonly onSent?: (item: OutboxItem, result: OutboxResult) => void;
  readonly outbox?: Outbox;
  readonly backoff?: OutboxBackoff;
  readonly now?: () => number;
  /** `navigator.onLine` (tests give their own). */
  readonly online?: () => boolean;
}

export class OutboxController implements ReactiveController {
  /** The host's waiting items, oldest first. */
  items: readonly OutboxItem[] = [];
  /** The last item that got through, for the host's polite announcement. */
  lastSent: OutboxItem | undefined;
  /** When the host's last send that went to the outbox was saved (ms), for its polite announcement (until one gets through). */
  lastQueued: number | undefined;
  /** Keys of this host's sends waiting in the outbox since their last attempt. */
  private readonly queuedKeys = new Set<string>();

  private readonly host: ReactiveControllerHost;
  private readonly options: OutboxControllerOptions;
  private readonly outbox: Outbox;
  private abort: AbortController | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private running = false;
  private viewerSeen: string | undefined;
  private again = false;
  private forceAgain = false;
  private unsubscribe: (() => void) | undefined;
  private readonly onOnline = () => {
    this.failures = 0;
    void this.drain(true);
  };

  constructor(host: ReactiveControllerHost, options: OutboxControllerOptions) {
    this.host = host;
    this.options = options;
    this.outbox = options.outbox ?? sharedOutbox();
    host.addController(this);
  }

  hostConnected(): void {
    this.abort = new AbortController();
    this.unsubscribe = this.outbox.subscribe((news) => {
      // A host that does not know its user yet (its case did not load) takes what the page's
      // backend delivered for the user it is signed in as; one that knows takes only theirs.
      if (news.type === 'sent' && (this.options.viewer() === undefined || this.ownersShown().includes(news.item.owner))) {
        if (this.options.shows(news.item)) [this.lastSent, this.lastQueued] = [news.item, undefined];
        this.queuedKeys.delete(news.item.idempotencyKey);
        this.options.onSent?.(news.item, news.result);
      }
      void this.refresh();
    });
    globalThis.addEventListener?.('online', this.onOnline);
    this.viewerSeen = this.options.viewer();
    void this.refresh().then(() => this.drain());
  }

  /** Someone signed in (or another user did): show their items and send them. */
  hostUpdated(): void {
    const viewer = this.options.viewer();
    if (viewer === this.viewerSeen) return;
    this.viewerSeen = viewer;
    void this.refresh().then(() => this.drain());
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.abort = undefined;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.unsubscribe?.();
    globalThis.removeEventListener?.('online', this.onOnline);
  }

  /** The owner a send of the host's user is queued under (`profile` without a user). */
  ownerFor(kind: OutboxPayload['kind']): string | undefined {
    if (kind === 'sign-in-help') return PROFILE_OWNER;
    const email = this.options.viewer();
    return email ? ownerOf(email) : undefined;
  }

  /**
   * Runs `send` with `idempotencyKey`; when it fails because the network is gone, `payload`
   * is queued with that key before the failure goes on to the form. When it gets through, a
   * copy queued by an earlier attempt is dropped.
   */
  async queueOnNetworkFailure<R>(payload: OutboxPayload, idempotencyKey: string, send: () => Promise<R>): Promise<R> {
    const owner = this.ownerFor(payload.kind);
    this.queuedKeys.delete(idempotencyKey);
    try {
      const result = await send();
      if (owner) await this.outbox.forget(owner, idempotencyKey).catch(() => undefined);
      return result;
    } catch (error) {
      const online = this.options.online?.() ?? (typeof navigator === 'undefined' || navigator.onLine !== false);
      if (owner && isSupportError(error) && goesToOutbox(error, online)) {
        // Only a copy the outbox really holds lets the form stop saying the send failed.
        const savedAt = this.now();
        if (await this.outbox.add(owner, payload, idempotencyKey, savedAt).then(() => true, () => false)) {
          this.queuedKeys.add(idempotencyKey);
          [this.lastSent, this.lastQueued] = [undefined, savedAt];
          // Shown before the form settles, so that the text the form lets go of is never off screen.
          await this.refresh();
        }
        this.schedule();
      }
      throw error;
    }
  }

  /** Whether the last attempt of the send with `idempotencyKey` failed for want of a network and now waits in the outbox. */
  holds(idempotencyKey: string): boolean {
    return this.queuedKeys.has(idempotencyKey);
  }

  /** Whether the send with `idempotencyKey` was delivered by the outbox (a draft may let it go). */
  async delivered(kind: OutboxPayload['kind'], idempotencyKey: string): Promise<boolean> {
    const owner = this.ownerFor(kind);
    return owner ? this.outbox.wasSent(owner, idempotencyKey).catch(() => false) : false;
  }

  /** Removes `item` without sending it; its payload goes back to the host. */
  async cancel(item: OutboxItem): Promise<OutboxPayload> {
    await this.outbox.remove(item);
    this.queuedKeys.delete(item.idempotencyKey);
    this.lastQueued = undefined;
    return item.payload;
  }

  /** The user asked to try now ("Send now"): a drain that does not wait out the backoff. */
  sendNow(): Promise<void> {
    this.failures = 0;
    return this.drain(true);
  }

  /** The user chose to send an old item anyway (after the retention question). */
  sendAnyway(item: OutboxItem): void {
    this.failures = 0;
    void this.outbox.update(item, { state: 'approved' }).then(() => this.drain());
  }

  /** Sends what can be sent now; on a failure retrying may fix, tries again after a backoff. */
  /** `force`: the network is back (`online`), items just saved go too. */
  async drain(force = false): Promise<void> {
    const signal = this.abort?.signal;
    if (!signal || signal.aborted) return;
    // A reason to try (the network is back) while a drain runs: one more drain right after it.
    if (this.running) {
      this.again = true;
      this.forceAgain ||= force;
      return;
    }
    clearTimeout(this.timer);
    this.timer = undefined;
    this.running = true;
    let outcome: DrainOutcome | 'busy' = 'done';
    try {
      if (await this.anythingQueued()) {
        const options = { signal, now: () => this.now(), force, backoff: this.options.backoff ?? OUTBOX_BACKOFF };
        outcome = await exclusively(() => drainOutbox(this.outbox, this.options.backend(), options));
      }
    } catch {
      outcome = 'wait';
    } finally {
      this.running = false;
    }
    if (signal.aborted) return;
    if (this.again) {
      const again = this.forceAgain;
      this.again = this.forceAgain = false;
      return this.drain(again);
    }
    if (outcome === 'done') this.failures = 0;
    else this.schedule();
  }

  private schedule(): void {
    if (!this.abort || this.timer !== undefined) return;
    this.failures += 1;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.drain();
    }, outboxDelay(this.failures, this.options.backoff ?? OUTBOX_BACKOFF));
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private ownersShown(): string[] {
    const email = this.options.viewer();
    return email ? [ownerOf(email), PROFILE_OWNER] : [PROFILE_OWNER];
  }

  /** Any item at all of a user this page may sign in as: only then is the backend asked who is signed in. */
  private async anythingQueued(): Promise<boolean> {
    return (await this.outbox.listAll().catch(() => [])).some((item) => item.state === 'waiting' || item.state === 'approved');
  }

  /** Reads the host's items again (call when the viewer became known or changed). */
  async refresh(): Promise<void> {
    const lists = await Promise.all(this.ownersShown().map((owner) => this.outbox.list(owner).catch(() => [])));
    // Not after the host left: an update of a removed element would switch the page's language back.
    if (!this.abort) return;
    const items = lists.flat().filter((item) => this.options.shows(item));
    // Read again on every connect and change: the host renders again only when what it shows changed.
    if (sameItems(items, this.items)) return;
    this.items = items;
    this.host.requestUpdate();
  }
}

/** Whether two reads of the outbox show the same items in the same states. */
function sameItems(a: readonly OutboxItem[], b: readonly OutboxItem[]): boolean {
  return a.length === b.length && a.every((item, i) => item.key === b[i]?.key && item.state === b[i]?.state && item.refusal === b[i]?.refusal);
}
