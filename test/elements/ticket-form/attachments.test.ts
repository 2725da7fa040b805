import { expect, waitUntil } from '@open-wc/testing';
import type { SupportBackend, UploadedFile, UploadOptions } from '../../../src/adapters/backend.js';
import { sharedStore } from '../../../src/controllers/file-store.js';
import { seedConfig, type SupportConfig } from '../../../src/core/config.js';
import { SupportError } from '../../../src/core/errors.js';
import type { NewTicket } from '../../../src/core/ticket.js';
import { all, find, form, get, memoryFor, nextEvent, root, seedDraft, type TicketForm } from './helpers.js';

const ALEX = 'attachments@example.com';

const smallLimits: SupportConfig = {
  ...seedConfig,
  attachments: { ...seedConfig.attachments, maxBytes: 1024 },
};

function pick(el: TicketForm, files: File[]): void {
  const input = get<HTMLInputElement>(el, '.dropzone input[type=file]');
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** An upload that stays in flight until the test settles it. */
interface Pending {
  readonly file: File;
  readonly options: UploadOptions | undefined;
  resolve(value: UploadedFile): void;
}

function controlledUploads(memory: SupportBackend): { backend: SupportBackend; pending: Pending[] } {
  const pending: Pending[] = [];
  const backend: SupportBackend = {
    ...memory,
    uploadFile: (file, options) =>
      new Promise<UploadedFile>((resolve, reject) => {
        options?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        options?.onProgress?.(Math.round(file.size / 2), file.size);
        pending.push({ file, options, resolve });
      }),
  };
  return { backend, pending };
}

async function details(backend: SupportBackend, config: SupportConfig = seedConfig): Promise<TicketForm> {
  seedDraft(ALEX, 'esign');
  const el = await form({ backend, area: 'esign', config });
  await waitUntil(() => find(el, '#description'), 'no case form');
  await el.updateComplete;
  return el;
}

describe('<ticket-form> attachments', () => {
  afterEach(async () => {
    localStorage.clear();
    // Chosen files are kept in IndexedDB until sent or removed: each test starts with none.
    await sharedStore().deletePrefix('');
  });

  it('refuses files too large or of the wrong type before any upload, naming each file', async () => {
    const memory = memoryFor(ALEX);
    let uploads = 0;
    const backend: SupportBackend = {
      ...memory,
      uploadFile: (file, options) => {
        uploads++;
        return memory.uploadFile(file, options);
      },
    };
    const el = await details(backend, smallLimits);
    pick(el, [new File([new Uint8Array(2048)], 'big-scan.pdf', { type: 'application/pdf' }), new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' })]);
    await el.updateComplete;
    expect(uploads).to.equal(0);
    const error = get(el, '#attachments-error');
    expect(error.textContent).to.contain('big-scan.pdf is too large');
    expect(error.textContent).to.contain('setup.exe is not a type of file we accept');
    expect(error.closest('[role=alert]')).to.not.equal(null);
    expect(all(el, '.upload-item')).to.have.length(0);
    await expect(el).to.be.accessible();

    pick(el, [new File(['hello'], 'notes.txt', { type: 'text/plain' })]);
    await waitUntil(() => find(el, '.upload-item[data-state=done]'), 'accepted file not uploaded');
    expect(uploads).to.equal(1);
    expect(find(el, '#attachments-error')).to.equal(null);
  });

  it('shows per-file progress, cancels, retries, and sends the uploaded file with the case', async () => {
    const memory = memoryFor(ALEX);
    const { backend, pending } = controlledUploads(memory);
    const inputs: NewTicket[] = [];
    const el = await details({
      ...backend,
      createTicket: (input, options) => {
        inputs.push(input);
        return memory.createTicket({ ...input, attachmentTokens: [] }, options);
      },
    });
    pick(el, [new File([new Uint8Array(1000)], 'screenshot.png', { type: 'image/png' })]);
    await el.updateComplete;
    const progress = get<HTMLProgressElement>(el, '.upload-item progress');
    expect(progress.value).to.equal(500);
    expect(progress.max).to.equal(1000);
    expect(progress.getAttribute('aria-label')).to.contain('screenshot.png');
    expect(progress.getAttribute('aria-label')).to.contain('50%');
    await expect(el).to.be.accessible();

    // Submitting while a file uploads asks to wait.
    get<HTMLButtonElement>(el, 'button[part=submit-button]').click();
    await waitUntil(() => root(el).activeElement?.classList.contains('error-summary'), 'no summary');
    expect(get(el, '.error-summary').textContent).to.contain('Wait until your files have uploaded');
    await expect(el).to.be.accessible();

    const cancel = all<HTMLButtonElement>(el, '.upload-item button').find((b) => b.textContent?.includes('Cancel upload of screenshot.png'));
    cancel?.click();
    await el.updateComplete;
    expect(get(el, '.upload-item').dataset['state']).to.equal('cancelled');
    expect(find(el, '.upload-item progress')).to.equal(null);
    expect(pending[0]?.options?.signal?.aborted).to.equal(true);

    all<HTMLButtonElement>(el, '.upload-item button').find((b) => b.textContent?.includes('Retry screenshot.png'))?.click();
    await el.updateComplete;
    expect(get(el, '.upload-item').dataset['state']).to.equal('uploading');
    pending[1]?.resolve({ token: 'u-1', name: 'screenshot.png', size: 1000, contentType: 'image/png' });
    await waitUntil(() => find(el, '.upload-item[data-state=done]'), 'not uploaded');
    expect(get(el, '.upload-item').textContent).to.contain('uploaded');

    const created = nextEvent(el, 'ticket-created');
    get<HTMLButtonElement>(el, 'button[part=submit-button]').click();
    await created;
    expect(inputs[inputs.length - 1]?.attachmentTokens).to.deep.equal(['u-1']);
  });

  it('takes dropped and pasted files', async () => {
    const { backend, pending } = controlledUploads(memoryFor(ALEX));
    const el = await details(backend);
    const drop = new DataTransfer();
    drop.items.add(new File(['a'], 'dropped.txt', { type: 'text/plain' }));
    get(el, '.dropzone').dispatchEvent(new DragEvent('drop', { dataTransfer: drop, bubbles: true, cancelable: true }));
    const paste = new DataTransfer();
    paste.items.add(new File(['b'], 'pasted.png', { type: 'image/png' }));
    get(el, '#description').dispatchEvent(new ClipboardEvent('paste', { clipboardData: paste, bubbles: true, composed: true, cancelable: true }));
    // Pasted with the focus on "Add attachment": inside both the zone and the form, taken once.
    const onButton = new DataTransfer();
    onButton.items.add(new File(['c'], 'on-button.png', { type: 'image/png' }));
    get(el, '.dropzone button').dispatchEvent(new ClipboardEvent('paste', { clipboardData: onButton, bubbles: true, composed: true, cancelable: true }));
    await el.updateComplete;
    expect(pending.map((p) => p.file.name)).to.deep.equal(['dropped.txt', 'pasted.png', 'on-button.png']);
    expect(all(el, '.upload-item__name').map((n) => n.textContent)).to.deep.equal(['dropped.txt', 'pasted.png', 'on-button.png']);
  });

  it('keeps chosen files across a reload: uploaded ones with their token, failed ones with a retry under the same key', async () => {
    const memory = memoryFor(ALEX);
    let failNext = true;
    const keys: (string | undefined)[] = [];
    const backend: SupportBackend = {
      ...memory,
      uploadFile: (file, options) => {
        keys.push(options?.idempotencyKey);
        if (file.name === 'flaky.txt' && failNext) {
          failNext = false;
          return Promise.reject(new SupportError('server', 'boom'));
        }
        return memory.uploadFile(file, options);
      },
    };
    const inputs: NewTicket[] = [];
    const first = await details(backend);
    pick(first, [new File(['hello'], 'notes.txt', { type: 'text/plain' }), new File(['again'], 'flaky.txt', { type: 'text/plain' })]);
    await waitUntil(() => find(first, '.upload-item[data-state=done]') && find(first, '.upload-item[data-state=failed]'), 'not settled');
    await new Promise((resolve) => setTimeout(resolve, 50));
    first.remove();

    const el = await form({
      backend: { ...backend, createTicket: (input, options) => (inputs.push(input), memory.createTicket({ ...input, attachmentTokens: [] }, options)) },
      area: 'esign',
    });
    await waitUntil(() => all(el, '.upload-item').length === 2, 'files not restored');
    expect(all(el, '.upload-item').map((i) => i.dataset['state'])).to.have.members(['done', 'failed']);
    all<HTMLButtonElement>(el, '.upload-item button').find((b) => b.textContent?.includes('Retry flaky.txt'))?.click();
    await waitUntil(() => all(el, '.upload-item[data-state=done]').length === 2, 'retry not uploaded');
    // notes.txt was sent once; flaky.txt twice, with one key.
    expect(keys).to.have.length(3);
    expect(keys[2]).to.equal(keys[1]);
    const created = nextEvent(el, 'ticket-created');
    get<HTMLButtonElement>(el, 'button[part=submit-button]').click();
    await created;
    expect(inputs[0]?.attachmentTokens).to.have.length(2);
    // Sent: nothing is kept any more.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await sharedStore().list('uploads:')).to.deep.equal([]);
  });
});
