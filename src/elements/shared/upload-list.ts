/**
 * How an upload list looks: the picker (drop zone + file button), the list with progress,
 * cancel, retry and remove, and the messages of rejected files. Render helpers over an
 * `UploadController`; they call `msg()`, so call them from `render()`.
 */
import { msg, str } from '@lit/localize';
import { css, html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AttachmentLimits, LocaleCode } from '../../core/config.js';
import { joinSentences } from '../../core/locale.js';
import type { RejectedFile, UploadAnnouncement, UploadController, UploadItem } from '../../controllers/upload-controller.js';
import { formatBytes, plural } from '../../localization/format.js';
import { failureMessage } from './messages.js';

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

/** The files refused by the last pick, as an alert with the id `id` (for `aria-describedby`). */
export function renderRejected(rejected: readonly RejectedFile[], limits: AttachmentLimits, locale: LocaleCode, id: string): TemplateResult | typeof nothing {
  if (rejected.length === 0) return nothing;
  return html`<div class="notice notice--error" role="alert" id=${id}>
    <ul>
      ${rejected.map((r) => html`<li>${rejectionMessage(r, limits, locale)}</li>`)}
    </ul>
  </div>`;
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
 * "Add attachment" button, its hidden file input, and a zone around them that takes dropped
 * and pasted files (a form may take pastes in its fields too: `pasteInto`).
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
  return html`<div class="dropzone" part="dropzone" @dragover=${onDragOver} @dragleave=${onDragLeave} @drop=${onDrop} @paste=${pasteInto(controller)}>
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

/**
 * A paste handler that attaches the pasted files (a text paste goes on as usual). Once only:
 * the picker's zone takes a paste first, and a form around it that takes pastes leaves it.
 */
export function pasteInto(controller: UploadController): (event: ClipboardEvent) => void {
  return (event) => {
    const files = filesOf(event.clipboardData?.files);
    if (files.length === 0 || event.defaultPrevented) return;
    event.preventDefault();
    controller.add(files);
  };
}

const cancelledText = (name: string) =>
  msg(str`Upload of ${name} cancelled`, { id: 'upload.state.cancelled', desc: 'The user cancelled the upload of a file. ${name} is the file name.' });

const failedText = (name: string) =>
  msg(str`Upload of ${name} failed.`, { id: 'upload.state.failed', desc: 'The upload of a file failed; the reason follows in another sentence. ${name} is the file name.' });

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
      return cancelledText(name);
    case 'failed':
      return failedText(name);
  }
}

/** The last upload event, worded for the live region: "a.txt: 50% uploaded", "a.txt uploaded". */
function announcementText(announcement: UploadAnnouncement): string {
  const name = announcement.name;
  switch (announcement.kind) {
    case 'progress': {
      const percent = announcement.percent;
      return msg(str`${name}: ${percent}% uploaded`, { id: 'upload.announce.progress', desc: 'Screen-reader status while a file uploads, said at 25, 50 and 75 percent only. ${name} is the file name, ${percent} is 25, 50 or 75.' });
    }
    case 'done':
      return msg(str`${name} uploaded`, { id: 'upload.announce.done', desc: 'Screen-reader status when a file has finished uploading. ${name} is the file name.' });
    case 'cancelled':
      return cancelledText(name);
    case 'failed':
      return failedText(name);
  }
}

/**
 * The live region's words: the last step, completion or failure of a file (25/50/75 %, then
 * "a.txt uploaded"), else a short summary ("2 files uploading").
 */
function listSummary(items: readonly UploadItem[], locale: LocaleCode, announcement: UploadAnnouncement | undefined): string {
  if (announcement && items.some((i) => i.id === announcement.itemId)) return announcementText(announcement);
  const uploading = items.filter((i) => i.state === 'uploading').length;
  if (uploading === 0) {
    return items.length === 0
      ? ''
      : msg('No file is uploading.', { id: 'upload.summary.idle', desc: 'Screen-reader status when no attachment is being uploaded any more.' });
  }
  return plural(uploading, locale, {
    one: () => msg(str`${uploading} file uploading`, { id: 'upload.summary.one', desc: 'Screen-reader status: how many attachments are being uploaded (singular form). ${uploading} is the count.' }),
    other: () => msg(str`${uploading} files uploading`, { id: 'upload.summary.other', desc: 'Screen-reader status: how many attachments are being uploaded (plural form). ${uploading} is the count.' }),
  });
}

/** The list of files with per-file progress, cancel, retry and remove. */
export function renderUploadList(controller: UploadController, locale: LocaleCode, limits?: AttachmentLimits): TemplateResult {
  const items = controller.items;
  return html`<div class="visually-hidden" role="status">${listSummary(items, locale, controller.announcement)}</div>
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
                ${item.state === 'failed' && item.error ? joinSentences(locale, status, failureMessage({ kind: item.error, retryAfterSeconds: item.retryAfterSeconds }, { locale, maxBytes: limits?.maxBytes })) : status}
              </p>
            </li>`;
          })}
        </ul>`}`;
}
