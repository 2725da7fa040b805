/**
 * Picking, checking and uploading files, for any element that attaches files to a case
 * (`<ticket-form>` while opening one, `<my-tickets>` to add more later).
 *
 * Files are checked against the config's limits BEFORE anything is sent; each accepted file
 * uploads at once with its own progress, and can be cancelled, retried or removed. The host
 * reads `tokens` (files the backend holds) when it sends the case or the attachments.
 *
 * Usage:
 * ```ts
 * private uploads = new UploadController(this, {
 *   backend: () => this.api,
 *   limits: () => this.config.attachments,
 *   locale: () => this.resolvedLocale,
 * });
 * render() {
 *   const limits = this.config.attachments;
 *   return html`${renderRejected(this.uploads.rejected, limits, this.resolvedLocale, 'attachments-error')}
 *     ${renderUploadPicker(this.uploads, { id: 'attachments' }, limits)}
 *     ${renderUploadList(this.uploads, this.resolvedLocale)}`;
 * }
 * ```
 * Its rendering (picker, list, styles) is in `elements/shared/upload-list.ts`; those helpers call
 * `msg()`, so call them from `render()`.
 *
 * Each file is one intent with one idempotency key, made when it is chosen and kept through
 * every retry (and reload) until the backend confirmed it, so a lost answer never makes a
 * second upload. With `store` and `scope` (a key prefix naming the user and the case or draft),
 * the chosen files are kept in IndexedDB as Blobs until sent or removed, and come back after a
 * reload in their state: uploaded files keep their token, failed ones offer a retry, and files
 * that were being sent start again (with the same key).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SupportBackend, UploadedFile } from '../adapters/backend.js';
import type { AttachmentLimits, LocaleCode } from '../core/config.js';
import type { ErrorKind, ValidationCode } from '../core/errors.js';
import { isAbort, isSupportError } from '../core/errors.js';
import { validateFile } from '../core/validation.js';
import type { IntentKey } from './action-controller.js';
import type { KeyValueStore } from './file-store.js';

/**
 * The states of one upload and their transitions:
 * `uploading` → `done` | `failed` | `cancelled`; `failed` | `cancelled` → `uploading` (retry);
 * any → removed from the list (remove).
 */
export const UPLOAD_STATES = ['uploading', 'done', 'failed', 'cancelled'] as const;
export type UploadState = (typeof UPLOAD_STATES)[number];

export interface UploadItem {
  /** Stable id for keyed rendering and for `cancel`/`retry`/`remove`. */
  readonly id: string;
  readonly file: File;
  readonly state: UploadState;
  /** Bytes sent so far, and the file's size. */
  readonly loaded: number;
  readonly total: number;
  /** Why the upload failed, when `state` is `failed`. */
  readonly error?: ErrorKind | undefined;
  /** When the backend said to try again (a 429's `Retry-After`), with `error`; the message says it. */
  readonly retryAfterSeconds?: number | undefined;
  /** What the backend returned, when `state` is `done`. */
  readonly uploaded?: UploadedFile | undefined;
  /** The idempotency key of this file's upload: the same for every retry of it. */
  readonly key: string;
}

/** The progress a screen reader hears: every percent would talk over the user. */
export const ANNOUNCED_STEPS = [25, 50, 75] as const;
export type AnnouncedStep = (typeof ANNOUNCED_STEPS)[number];

/**
 * The last upload event worth announcing (the host words it in a live region): a file passed
 * 25, 50 or 75 %, or it was uploaded, failed or cancelled. Ids and numbers, no words.
 */
export type UploadAnnouncement =
  | { readonly itemId: string; readonly name: string; readonly kind: 'progress'; readonly percent: AnnouncedStep }
  | { readonly itemId: string; readonly name: string; readonly kind: 'done' | 'failed' | 'cancelled' };

/** The highest step `loaded` of `total` has reached (0 before the first). */
export function announcedStep(loaded: number, total: number): AnnouncedStep | 0 {
  if (!(total > 0) || !Number.isFinite(loaded)) return 0;
  const percent = (loaded / total) * 100;
  let reached: AnnouncedStep | 0 = 0;
  for (const step of ANNOUNCED_STEPS) if (percent >= step) reached = step;
  return reached;
}

/** What changed from `before` to `after` that a screen reader should hear, if anything. */
function announcementOf(before: UploadItem, after: UploadItem): UploadAnnouncement | undefined {
  const base = { itemId: after.id, name: after.file.name };
  if (after.state !== before.state && after.state !== 'uploading') return { ...base, kind: after.state };
  if (after.state !== 'uploading') return undefined;
  const step = announcedStep(after.loaded, after.total);
  const previous = before.state === 'uploading' ? announcedStep(before.loaded, before.total) : 0;
  return step > previous && step !== 0 ? { ...base, kind: 'progress', percent: step } : undefined;
}

/** One chosen file as the store keeps it. */
interface StoredUpload {
  readonly id: string;
  readonly file: Blob;
  readonly name: string;
  readonly type: string;
  readonly lastModified: number;
  readonly state: UploadState;
  readonly key: string;
  readonly uploaded?: UploadedFile | undefined;
  readonly error?: ErrorKind | undefined;
  readonly retryAfterSeconds?: number | undefined;
}

/** A file refused before upload because of the config's limits. */
export interface RejectedFile {
  readonly name: string;
  readonly code: ValidationCode;
}

export interface UploadControllerOptions {
  readonly backend: () => SupportBackend;
  readonly limits: () => AttachmentLimits;
  readonly locale: () => LocaleCode;
  /** Files the case already has (for the count limit when adding more later). Default 0. */
  readonly alreadyAttached?: () => number;
  /** Called whenever the list changes (e.g. to save a draft or fire an event). */
  readonly onChange?: (items: readonly UploadItem[]) => void;
  /** Where chosen files are kept across reloads (see `file-store.ts`). */
  readonly store?: KeyValueStore;
  /**
   * The key prefix of this list in `store`: the user and the case or draft, e.g.
   * `uploads:<userScope>:case:42:`. Undefined while either is unknown (nothing is kept then).
   */
  readonly scope?: () => string | undefined;
  /**
   * An upload refused with `unauthorized`: true when the host signs the user in again and
   * `retry` (this file's) runs once it handed back a session (`SessionExpiryController.expired`).
   */
  readonly onUnauthorized?: (retry: () => void) => boolean;
}

function isStoredUpload(value: unknown): value is StoredUpload {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof StoredUpload, unknown>>;
  return (
    typeof v.id === 'string' &&
    v.file instanceof Blob &&
    typeof v.name === 'string' &&
    typeof v.key === 'string' &&
    typeof v.state === 'string' &&
    (UPLOAD_STATES as readonly string[]).includes(v.state)
  );
}

/** The item a stored record stands for, after a reload. */
function restored(record: StoredUpload): UploadItem {
  const file = record.file instanceof File ? record.file : new File([record.file], record.name, { type: record.type, lastModified: record.lastModified });
  const base = { id: record.id, file, key: record.key, total: file.size };
  if (record.state === 'done' && record.uploaded) return { ...base, state: 'done', loaded: file.size, uploaded: record.uploaded };
  // Sending was cut by the reload: it starts again, with the same key.
  if (record.state === 'uploading' || record.state === 'done') return { ...base, state: 'uploading', loaded: 0 };
  return { ...base, state: record.state, loaded: 0, error: record.error, retryAfterSeconds: typeof record.retryAfterSeconds === 'number' ? record.retryAfterSeconds : undefined };
}

export class UploadController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly options: UploadControllerOptions;
  private readonly aborts = new Map<string, AbortController>();
  private list: UploadItem[] = [];
  private refused: RejectedFile[] = [];
  private lastAnnouncement: UploadAnnouncement | undefined;
  /** The scope the list belongs to (and was restored from), once known. */
  private shownScope: string | undefined;
  private restoring: Promise<void> = Promise.resolve();

  constructor(host: ReactiveControllerHost, options: UploadControllerOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.followScope();
  }

  hostUpdate(): void {
    this.followScope();
  }

  /** Settles once the files kept for the current scope are back in the list. */
  get restored(): Promise<void> {
    return this.restoring;
  }

  hostDisconnected(): void {
    for (const abort of this.aborts.values()) abort.abort();
    this.aborts.clear();
    this.list = this.list.map((item) => (item.state === 'uploading' ? { ...item, state: 'cancelled' } : item));
  }

  /** Every file of the list, in the order added. */
  get items(): readonly UploadItem[] {
    return this.list;
  }

  /**
   * The last progress step, completion, failure or cancellation, for a live region; cleared
   * when files are added, removed or cleared (the list's own summary speaks then).
   */
  get announcement(): UploadAnnouncement | undefined {
    return this.lastAnnouncement;
  }

  /** Files refused by the last `add` (cleared by the next `add`, `remove` or `clear`). */
  get rejected(): readonly RejectedFile[] {
    return this.refused;
  }

  /** Tokens of the files the backend holds, for `createTicket` / `addAttachments`. */
  get tokens(): string[] {
    return this.list.flatMap((item) => (item.state === 'done' && item.uploaded ? [item.uploaded.token] : []));
  }

  /** Whether any file is still being sent. */
  get busy(): boolean {
    return this.list.some((item) => item.state === 'uploading');
  }

  /** Whether any file failed or was cancelled and is still in the list. */
  get hasProblems(): boolean {
    return this.list.some((item) => item.state === 'failed' || item.state === 'cancelled');
  }

  /** Checks each file against the limits, then uploads those that pass. */
  add(files: Iterable<File>): void {
    const limits = this.options.limits();
    this.refused = [];
    this.lastAnnouncement = undefined;
    for (const file of files) {
      const count = (this.options.alreadyAttached?.() ?? 0) + this.list.length;
      const errors = validateFile(file, limits, count);
      const first = errors[0];
      if (first) {
        this.refused.push({ name: file.name, code: first.code });
        continue;
      }
      const item: UploadItem = { id: `upload-${crypto.randomUUID()}`, file, state: 'uploading', loaded: 0, total: file.size, key: crypto.randomUUID() };
      this.list = [...this.list, item];
      this.keep(item);
      void this.send(item.id);
    }
    this.changed();
  }

  /** Stops a file being sent; it stays in the list, ready to retry or remove. */
  cancel(id: string): void {
    this.aborts.get(id)?.abort();
    this.aborts.delete(id);
    this.patch(id, { state: 'cancelled' });
  }

  /** Sends a failed or cancelled file again. */
  retry(id: string): void {
    const item = this.list.find((i) => i.id === id);
    if (!item || item.state === 'uploading' || item.state === 'done') return;
    this.patch(id, { state: 'uploading', loaded: 0, error: undefined, retryAfterSeconds: undefined });
    void this.send(id);
  }

  /** Takes a file off the list (cancelling it if it is being sent). */
  remove(id: string): void {
    this.aborts.get(id)?.abort();
    this.aborts.delete(id);
    this.list = this.list.filter((i) => i.id !== id);
    this.refused = [];
    this.lastAnnouncement = undefined;
    this.forget(id);
    this.changed();
  }

  /** Empties the list, cancelling what is being sent. */
  clear(): void {
    for (const abort of this.aborts.values()) abort.abort();
    this.aborts.clear();
    this.list = [];
    this.refused = [];
    this.lastAnnouncement = undefined;
    const scope = this.currentScope();
    if (scope && this.options.store) void this.options.store.deletePrefix(scope).catch(() => undefined);
    this.changed();
  }

  /** The scope changed (another user, case or draft): show the files kept for it. */
  private followScope(): void {
    const scope = this.currentScope();
    if (scope === this.shownScope) return;
    const before = this.shownScope;
    this.shownScope = scope;
    const store = this.options.store;
    if (before !== undefined) {
      // Another user or case: what was chosen for the one before stays in its own scope.
      for (const abort of this.aborts.values()) abort.abort();
      this.aborts.clear();
      this.list = [];
      this.refused = [];
    } else {
      // Chosen before the user or the case was known: it belongs to this scope now.
      for (const item of this.list) this.keep(item);
    }
    if (!scope || !store) return;
    this.restoring = store
      .list(scope)
      .then((records) => {
        if (this.shownScope !== scope) return;
        const known = new Set(this.list.map((i) => i.id));
        const items = records.map((r) => r.value).filter(isStoredUpload).filter((r) => !known.has(r.id)).map(restored);
        if (items.length === 0) return;
        this.list = [...items, ...this.list];
        for (const item of items) if (item.state === 'uploading') void this.send(item.id);
        this.changed();
      })
      .catch(() => undefined);
  }

  private currentScope(): string | undefined {
    return this.options.store ? this.options.scope?.() : undefined;
  }

  /** Saves one item as it stands now (its Blob with its state and key). */
  private keep(item: UploadItem): void {
    const scope = this.currentScope();
    const store = this.options.store;
    if (!scope || !store) return;
    const record: StoredUpload = {
      id: item.id,
      file: item.file,
      name: item.file.name,
      type: item.file.type,
      lastModified: item.file.lastModified,
      state: item.state,
      key: item.key,
      uploaded: item.uploaded,
      error: item.error,
      retryAfterSeconds: item.retryAfterSeconds,
    };
    void store.put(`${scope}${item.id}`, record).catch(() => undefined);
  }

  private forget(id: string): void {
    const scope = this.currentScope();
    if (scope && this.options.store) void this.options.store.delete(`${scope}${id}`).catch(() => undefined);
  }

  private async send(id: string): Promise<void> {
    const item = this.list.find((i) => i.id === id);
    if (!item) return;
    const abort = new AbortController();
    this.aborts.set(id, abort);
    try {
      const uploaded = await this.options.backend().uploadFile(item.file, {
        signal: abort.signal,
        locale: this.options.locale(),
        idempotencyKey: item.key,
        onProgress: (loaded, total) => {
          if (!abort.signal.aborted) this.patch(id, { loaded, total });
        },
      });
      if (abort.signal.aborted) return;
      this.patch(id, { state: 'done', loaded: item.total, uploaded });
    } catch (error) {
      if (abort.signal.aborted || isAbort(error)) return;
      this.patch(id, { state: 'failed', error: isSupportError(error) ? error.kind : 'network', retryAfterSeconds: isSupportError(error) ? error.retryAfterSeconds : undefined });
      if (isSupportError(error) && error.kind === 'unauthorized') this.options.onUnauthorized?.(() => this.retry(id));
    } finally {
      if (this.aborts.get(id) === abort) this.aborts.delete(id);
    }
  }

  private patch(id: string, change: Partial<UploadItem>): void {
    const before = this.list.find((i) => i.id === id);
    if (!before) return;
    const after = { ...before, ...change };
    this.list = this.list.map((i) => (i.id === id ? after : i));
    this.lastAnnouncement = announcementOf(before, after) ?? this.lastAnnouncement;
    // Progress is not kept: only a change of state (and the token) must survive a reload.
    if (after.state !== before.state) this.keep(after);
    this.changed();
  }

  private changed(): void {
    this.options.onChange?.(this.list);
    this.host.requestUpdate();
  }
}

/**
 * An `ActionController.keyStore` in localStorage under `name()` (nothing kept while it is
 * undefined): the key of "attach these files to this case" survives a reload with the files.
 */
export function localKeyStore(name: () => string | undefined): {
  load: () => IntentKey | undefined;
  save: (value: IntentKey | undefined) => void;
} {
  return {
    load: () => {
      const key = name();
      if (!key) return undefined;
      try {
        const saved: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
        if (typeof saved !== 'object' || saved === null) return undefined;
        const { intent, key: value } = saved as Partial<Record<keyof IntentKey, unknown>>;
        return typeof intent === 'string' && typeof value === 'string' && value ? { intent, key: value } : undefined;
      } catch {
        return undefined;
      }
    },
    save: (value) => {
      const key = name();
      if (!key) return;
      try {
        if (value) localStorage.setItem(key, JSON.stringify(value));
        else localStorage.removeItem(key);
      } catch {
        // Storage full or refused: the key lives in memory for this page only.
      }
    },
  };
}
