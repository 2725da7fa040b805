import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { SupportBackend, UploadedFile, UploadOptions } from '../../src/adapters/backend.js';
import { createMemoryBackend } from '../../src/adapters/memory-adapter.js';
import { seedConfig } from '../../src/core/config.js';
import { SupportError } from '../../src/core/errors.js';
import { UploadController } from '../../src/controllers/upload-controller.js';
import { renderUploadList } from '../../src/elements/shared/upload-list.js';
import { baseStyles, tokens } from '../../src/elements/shared/styles.js';

interface Call {
  readonly file: File;
  readonly options: UploadOptions | undefined;
  resolve(value: UploadedFile): void;
  reject(error: unknown): void;
}

const calls: Call[] = [];

function controlledBackend(): SupportBackend {
  return {
    ...createMemoryBackend({ signedInAs: 'alex@example.com' }),
    uploadFile: (file, options) =>
      new Promise<UploadedFile>((resolve, reject) => {
        options?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        calls.push({ file, options, resolve, reject });
      }),
  };
}

/** Any element can host the controller; this one only shows its list. */
class UploadHost extends LitElement {
  static override styles = [tokens, baseStyles];
  backend: SupportBackend = controlledBackend();
  already = 0;
  changes = 0;
  readonly uploads = new UploadController(this, {
    backend: () => this.backend,
    limits: () => ({ ...seedConfig.attachments, maxFiles: 3, maxBytes: 100 }),
    locale: () => 'en',
    alreadyAttached: () => this.already,
    onChange: () => this.changes++,
  });
  override render() {
    return renderUploadList(this.uploads, 'en');
  }
}
customElements.define('upload-host-test', UploadHost);

const file = (name: string, size = 10, type = 'text/plain') => new File([new Uint8Array(size)], name, { type });
const uploaded = (name: string): UploadedFile => ({ token: `t-${name}`, name, size: 10, contentType: 'text/plain' });

describe('UploadController', () => {
  afterEach(() => {
    calls.length = 0;
  });

  it('checks type, size and count before sending anything', async () => {
    const el = await fixture<UploadHost>(html`<upload-host-test></upload-host-test>`);
    el.already = 2;
    el.uploads.add([file('big.pdf', 101, 'application/pdf'), file('run.exe'), file('ok.txt'), file('one-too-many.txt')]);
    expect(el.uploads.rejected).to.deep.equal([
      { name: 'big.pdf', code: 'file_too_large' },
      { name: 'run.exe', code: 'file_type' },
      { name: 'one-too-many.txt', code: 'too_many_files' },
    ]);
    expect(calls.map((c) => c.file.name)).to.deep.equal(['ok.txt']);
    expect(el.uploads.items.map((i) => i.state)).to.deep.equal(['uploading']);
    expect(el.changes).to.be.greaterThan(0);
  });

  it('reports progress, then the token of each uploaded file', async () => {
    const el = await fixture<UploadHost>(html`<upload-host-test></upload-host-test>`);
    el.uploads.add([file('a.txt'), file('b.txt')]);
    calls[0]?.options?.onProgress?.(4, 10);
    await el.updateComplete;
    const progress = el.shadowRoot?.querySelector('progress');
    expect(progress?.value).to.equal(4);
    expect(progress?.getAttribute('aria-label')).to.equal('Uploading a.txt: 40%');
    expect(el.shadowRoot?.querySelector('[role=status]')?.textContent).to.contain('2 files uploading');
    expect(el.uploads.busy).to.equal(true);
    await expect(el).to.be.accessible();
    calls[0]?.resolve(uploaded('a.txt'));
    calls[1]?.resolve(uploaded('b.txt'));
    await waitUntil(() => !el.uploads.busy);
    expect(el.uploads.tokens).to.deep.equal(['t-a.txt', 't-b.txt']);
  });

  it('cancels, retries and removes', async () => {
    const el = await fixture<UploadHost>(html`<upload-host-test></upload-host-test>`);
    el.uploads.add([file('a.txt')]);
    const id = el.uploads.items[0]?.id ?? '';
    el.uploads.cancel(id);
    expect(calls[0]?.options?.signal?.aborted).to.equal(true);
    expect(el.uploads.items[0]?.state).to.equal('cancelled');
    expect(el.uploads.hasProblems).to.equal(true);
    el.uploads.retry(id);
    expect(calls).to.have.length(2);
    calls[1]?.resolve(uploaded('a.txt'));
    await waitUntil(() => el.uploads.items[0]?.state === 'done');
    el.uploads.remove(id);
    expect(el.uploads.items).to.have.length(0);
    expect(el.uploads.tokens).to.deep.equal([]);
  });

  it('marks a failed upload with the error kind, offers a retry and keeps the others', async () => {
    const el = await fixture<UploadHost>(html`<upload-host-test></upload-host-test>`);
    el.uploads.add([file('a.txt')]);
    calls[0]?.reject(new SupportError('too_large', 'too big for the server'));
    await waitUntil(() => el.uploads.items[0]?.state === 'failed');
    expect(el.uploads.items[0]?.error).to.equal('too_large');
    await el.updateComplete;
    const buttons = [...(el.shadowRoot?.querySelectorAll('button') ?? [])].map((b) => b.textContent?.trim());
    expect(buttons).to.deep.equal(['Retry a.txt', 'Remove a.txt']);
    expect(el.shadowRoot?.textContent).to.contain('larger than the support service accepts');
    await expect(el).to.be.accessible();
  });

  it('stops every upload when the host leaves the page', async () => {
    const el = await fixture<UploadHost>(html`<upload-host-test></upload-host-test>`);
    el.uploads.add([file('a.txt')]);
    el.remove();
    expect(calls[0]?.options?.signal?.aborted).to.equal(true);
    expect(el.uploads.items[0]?.state).to.equal('cancelled');
  });

  it('uploads through the memory backend with progress', async () => {
    const el = await fixture<UploadHost>(html`<upload-host-test></upload-host-test>`);
    el.backend = createMemoryBackend({ signedInAs: 'alex@example.com', latencyMs: 20 });
    const seen: number[] = [];
    el.uploads.add([file('log.txt', 50)]);
    await waitUntil(() => {
      seen.push(el.uploads.items[0]?.loaded ?? 0);
      return el.uploads.items[0]?.state === 'done';
    });
    expect(el.uploads.tokens).to.have.length(1);
    expect(Math.max(...seen)).to.be.at.most(50);
  });
});
