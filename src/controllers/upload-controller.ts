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
 *   return html`${renderUploadPicker(this.uploads, { id: 'attachments' })}
 *     ${renderUploadList(this.uploads)}`;
 * }
 * ```
 * Render helpers call `msg()`, so call them from `render()`.
 */
import { msg, str } from '@lit/localize';
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SupportBackend, UploadedFile } from '../adapters/backend.js';
import type { AttachmentLimits, LocaleCode } from '../core/config.js';
import type { ErrorKind, ValidationCode } from '../core/errors.js';
import { isAbort, isSupportError } from '../core/errors.js';
import { validateFile } from '../core/validation.js';
import { errorKindMessage } from '../elements/shared/messages.js';
import { formatBytes, pluralCategory } from '../localization/format.js';

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

/* ------------------------------------------------------------------ render helpers */

/** Styles of the picker and list; add them to the host's `static styles`. */
export const uploadStyles = css`
  .dropzone {
    border: 2px dashed var(--_color-border);
    border-radius: var(--_radius);
    padding: var(--_space);
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.75);
    align-items: center;
  }
  .dropzone--over {
    border-color: var(--_color-primary);
    background: var(--_color-surface-alt);
  }
  .upload-list {
    list-style: none;
    margin-block: calc(var(--_space) * 0.75) 0;
    padding: 0;
  }
  .upload-item {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    align-items: center;
    padding-block: calc(var(--_space) * 0.5);
    border-block-end: 1px solid var(--_color-surface-alt);
  }
  .upload-item__name {
    font-weight: 600;
    overflow-wrap: anywhere;
    flex: 1 1 12em;
  }
  .upload-item__status {
    flex: 1 1 100%;
    margin: 0;
  }
  .upload-item__status--failed {
    color: var(--_color-error);
  }
  .upload-item button {
    min-block-size: 36px;
    padding-block: 0.25em;
    padding-inline: 0.75em;
  }
`;

/** The sentence saying why a file was refused before upload, naming the file. */
export function rejectionMessage(rejected: RejectedFile, limits: AttachmentLimits, locale: LocaleCode): string {
  const name = rejected.name;
  switch (rejected.code) {
    case 'file_too_large': {
      const max = formatBytes(limits.maxBytes, locale);
      return msg(str`${name} is too large. Files must be ${max} or smaller.`, {
        id: 'upload.rejected.too_large',
        desc: 'Error for a file refused before upload. ${name} is the file name, ${max} the largest size accepted (e.g. "20 MB").',
      });
    }
    case 'file_type': {
      const types = limits.accept.join(', ');
      return msg(str`${name} is not a type of file we accept. Accepted types: ${types}.`, {
        id: 'upload.rejected.type',
        desc: 'Error for a file refused before upload. ${name} is the file name, ${types} the list of accepted extensions.',
      });
    }
    case 'too_many_files': {
      const max = limits.maxFiles;
      return msg(str`${name} was not added: a case can have at most ${max} files.`, {
        id: 'upload.rejected.too_many',
        desc: 'Error when the file count limit is reached. ${name} is the file name, ${max} the number of files allowed.',
      });
    }
    default:
      return msg(str`${name} was not added.`, {
        id: 'upload.rejected.other',
        desc: 'Error for a file refused for another reason. ${name} is the file name.',
      });
  }
}

export interface UploadPickerOptions {
  /** Id of the "Add attachment" button (error summary links focus it). */
  readonly id: string;
  /** Id of an element describing the picker (hint and error), for `aria-describedby`. */
  readonly describedBy?: string | undefined;
  readonly disabled?: boolean;
}

function filesOf(list: FileList | null | undefined): File[] {
  return list ? Array.from(list) : [];
}

/**
 * "Add attachment" button, its hidden file input, and a drag-and-drop zone around them.
 * Pasting files is the host's to wire (`pasteFiles(event)` gives the files of a paste).
 */
export function renderUploadPicker(controller: UploadController, options: UploadPickerOptions, limits: AttachmentLimits): TemplateResult {
  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    (event.currentTarget as HTMLElement).classList.add('dropzone--over');
  };
  const onDragLeave = (event: DragEvent) => (event.currentTarget as HTMLElement).classList.remove('dropzone--over');
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    (event.currentTarget as HTMLElement).classList.remove('dropzone--over');
    controller.add(filesOf(event.dataTransfer?.files));
  };
  const openPicker = (event: Event) => {
    const zone = (event.currentTarget as HTMLElement).closest('.dropzone');
    zone?.querySelector<HTMLInputElement>('input[type=file]')?.click();
  };
  const onPicked = (event: Event) => {
    const input = event.target as HTMLInputElement;
    controller.add(filesOf(input.files));
    input.value = '';
  };
  return html`<div class="dropzone" part="dropzone" @dragover=${onDragOver} @dragleave=${onDragLeave} @drop=${onDrop}>
    <button
      type="button"
      class="secondary"
      id=${options.id}
      part="add-attachment"
      aria-describedby=${ifDefined(options.describedBy)}
      ?disabled=${options.disabled ?? false}
      @click=${openPicker}
    >
      ${msg('Add attachment', { id: 'upload.add', desc: 'Button that opens the file picker to attach files. French seed words: "Ajouter une pièce jointe".' })}
    </button>
    <span class="hint"
      >${msg('or drop files here, or paste them', { id: 'upload.drop_hint', desc: 'Next to the "Add attachment" button: files can also be dragged onto this zone or pasted.' })}</span
    >
    <input type="file" multiple hidden accept=${limits.accept.join(',')} @change=${onPicked} />
  </div>`;
}

/** The files of a paste event (empty when text was pasted). */
export function pasteFiles(event: ClipboardEvent): File[] {
  return filesOf(event.clipboardData?.files);
}

function itemStatus(item: UploadItem, locale: LocaleCode): string {
  const name = item.file.name;
  switch (item.state) {
    case 'uploading': {
      const percent = item.total > 0 ? Math.round((item.loaded / item.total) * 100) : 0;
      return msg(str`Uploading ${name}: ${percent}%`, { id: 'upload.state.uploading', desc: 'Progress of one file being uploaded. ${name} is the file name, ${percent} a whole number 0 to 100.' });
    }
    case 'done': {
      const size = formatBytes(item.total, locale);
      return msg(str`${name} (${size}) uploaded`, { id: 'upload.state.done', desc: 'A file was uploaded and will be attached. ${name} is the file name, ${size} its size (e.g. "1.2 MB").' });
    }
    case 'cancelled':
      return msg(str`Upload of ${name} cancelled`, { id: 'upload.state.cancelled', desc: 'The user cancelled the upload of a file. ${name} is the file name.' });
    case 'failed':
      return msg(str`Upload of ${name} failed.`, { id: 'upload.state.failed', desc: 'The upload of a file failed; the reason follows in another sentence. ${name} is the file name.' });
  }
}

/** A short live summary: "2 files uploading" / "All files uploaded". */
function listSummary(items: readonly UploadItem[], locale: LocaleCode): string {
  const uploading = items.filter((i) => i.state === 'uploading').length;
  if (uploading === 0) {
    return items.length === 0
      ? ''
      : msg('No file is uploading.', { id: 'upload.summary.idle', desc: 'Screen-reader status when no attachment is being uploaded any more.' });
  }
  return pluralCategory(uploading, locale) === 'one'
    ? msg(str`${uploading} file uploading`, { id: 'upload.summary.one', desc: 'Screen-reader status: how many attachments are being uploaded (singular form). ${uploading} is the count.' })
    : msg(str`${uploading} files uploading`, { id: 'upload.summary.other', desc: 'Screen-reader status: how many attachments are being uploaded (plural form). ${uploading} is the count.' });
}

/** The list of files with per-file progress, cancel, retry and remove. */
export function renderUploadList(controller: UploadController, locale: LocaleCode): TemplateResult {
  const items = controller.items;
  return html`<div class="visually-hidden" role="status">${listSummary(items, locale)}</div>
    ${items.length === 0
      ? nothing
      : html`<ul class="upload-list" part="upload-list">
          ${items.map((item) => {
            const name = item.file.name;
            const status = itemStatus(item, locale);
            return html`<li class="upload-item" data-state=${item.state}>
              <span class="upload-item__name">${name}</span>
              ${item.state === 'uploading'
                ? html`<progress max=${Math.max(item.total, 1)} .value=${item.loaded} aria-label=${status}></progress>
                    <button type="button" class="secondary" @click=${() => controller.cancel(item.id)}>
                      ${msg(str`Cancel upload of ${name}`, { id: 'upload.cancel', desc: 'Button that stops uploading one file. ${name} is the file name.' })}
                    </button>`
                : nothing}
              ${item.state === 'failed' || item.state === 'cancelled'
                ? html`<button type="button" class="secondary" @click=${() => controller.retry(item.id)}>
                    ${msg(str`Retry ${name}`, { id: 'upload.retry', desc: 'Button that uploads a failed or cancelled file again. ${name} is the file name.' })}
                  </button>`
                : nothing}
              ${item.state !== 'uploading'
                ? html`<button type="button" class="link" @click=${() => controller.remove(item.id)}>
                    ${msg(str`Remove ${name}`, { id: 'upload.remove', desc: 'Button that takes one file off the list of attachments. ${name} is the file name.' })}
                  </button>`
                : nothing}
              <p class="upload-item__status ${item.state === 'failed' ? 'upload-item__status--failed' : 'hint'}">
                ${status} ${item.state === 'failed' && item.error ? errorKindMessage(item.error) : nothing}
              </p>
            </li>`;
          })}
        </ul>`}`;
}
