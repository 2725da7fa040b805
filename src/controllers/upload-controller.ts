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
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SupportBackend, UploadedFile } from '../adapters/backend.js';
import type { AttachmentLimits, LocaleCode } from '../core/config.js';
import type { ErrorKind, ValidationCode } from '../core/errors.js';
import { isAbort, isSupportError } from '../core/errors.js';
import { validateFile } from '../core/validation.js';

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
  /** What the backend returned, when `state` is `done`. */
  readonly uploaded?: UploadedFile | undefined;
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
}

let nextId = 1;

export class UploadController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly options: UploadControllerOptions;
  private readonly aborts = new Map<string, AbortController>();
  private list: UploadItem[] = [];
  private refused: RejectedFile[] = [];

  constructor(host: ReactiveControllerHost, options: UploadControllerOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    for (const abort of this.aborts.values()) abort.abort();
    this.aborts.clear();
    this.list = this.list.map((item) => (item.state === 'uploading' ? { ...item, state: 'cancelled' } : item));
  }

  /** Every file of the list, in the order added. */
  get items(): readonly UploadItem[] {
    return this.list;
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
    for (const file of files) {
      const count = (this.options.alreadyAttached?.() ?? 0) + this.list.length;
      const errors = validateFile(file, limits, count);
      const first = errors[0];
      if (first) {
        this.refused.push({ name: file.name, code: first.code });
        continue;
      }
      const item: UploadItem = { id: `upload-${nextId++}`, file, state: 'uploading', loaded: 0, total: file.size };
      this.list = [...this.list, item];
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
    this.patch(id, { state: 'uploading', loaded: 0, error: undefined });
    void this.send(id);
  }

  /** Takes a file off the list (cancelling it if it is being sent). */
  remove(id: string): void {
    this.aborts.get(id)?.abort();
    this.aborts.delete(id);
    this.list = this.list.filter((i) => i.id !== id);
    this.refused = [];
    this.changed();
  }

  /** Empties the list, cancelling what is being sent. */
  clear(): void {
    for (const abort of this.aborts.values()) abort.abort();
    this.aborts.clear();
    this.list = [];
    this.refused = [];
    this.changed();
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
        onProgress: (loaded, total) => {
          if (!abort.signal.aborted) this.patch(id, { loaded, total });
        },
      });
      if (abort.signal.aborted) return;
      this.patch(id, { state: 'done', loaded: item.total, uploaded });
    } catch (error) {
      if (abort.signal.aborted || isAbort(error)) return;
      this.patch(id, { state: 'failed', error: isSupportError(error) ? error.kind : 'network' });
    } finally {
      if (this.aborts.get(id) === abort) this.aborts.delete(id);
    }
  }

  private patch(id: string, change: Partial<UploadItem>): void {
    if (!this.list.some((i) => i.id === id)) return;
    this.list = this.list.map((i) => (i.id === id ? { ...i, ...change } : i));
    this.changed();
  }

  private changed(): void {
    this.options.onChange?.(this.list);
    this.host.requestUpdate();
  }
}
