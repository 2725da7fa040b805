import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { SupportBackend, UploadedFile, UploadOptions } from '../../src/adapters/backend.js';
import { createMemoryBackend } from '../../src/adapters/memory-adapter.js';
import { seedConfig } from '../../src/core/config.js';
import { SupportError } from '../../src/core/errors.js';
import { memoryStore } from '../../src/controllers/file-store.js';
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

const store = memoryStore();

/** A host whose files are kept in `store` under `scope` (a reload is a new host). */
class KeptUploadHost extends LitElement {
  backend: SupportBackend = controlledBackend();
  scope: string | undefined = 'uploads:u1:case:7:';
  readonly uploads = new UploadController(this, {
    backend: () => this.backend,
    limits: () => ({ ...seedConfig.attachments, maxFiles: 5, maxBytes: 100 }),
    locale: () => 'en',
    store,
    scope: () => this.scope,
  });
  override render() {
    return renderUploadList(this.uploads, 'en');
  }
}
customElements.define('kept-upload-host-test', KeptUploadHost);

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
    expect(el.shadowRoot?.querySelector('[role=status]')?.textContent).to.contain('a.txt: 25% uploaded');
    expect(el.uploads.busy).to.equal(true);
    await expect(el).to.be.accessible();
    calls[0]?.resolve(uploaded('a.txt'));
    calls[1]?.resolve(uploaded('b.txt'));
    await waitUntil(() => !el.uploads.busy);
    expect(el.uploads.tokens).to.deep.equal(['t-a.txt', 't-b.txt']);
  });

  it('announces 25, 50 and 75 % and the completion of a file, not every percent', async () => {
    const el = await fixture<UploadHost>(html`<upload-host-test></upload-host-test>`);
    const status = () => el.shadowRoot?.querySelector('[role=status]')?.textContent?.trim() ?? '';
    el.uploads.add([file('a.txt')]);
    await el.updateComplete;
    const heard = [status()];
    for (const loaded of [1, 3, 4, 5, 7, 8, 10]) {
      calls[0]?.options?.onProgress?.(loaded, 10);
      await el.updateComplete;
      heard.push(status());
    }
    calls[0]?.resolve(uploaded('a.txt'));
    await waitUntil(() => !el.uploads.busy);
    await el.updateComplete;
    heard.push(status());
    // What a screen reader says: each change of the live region's text.
    const said = heard.filter((text, i) => text !== heard[i - 1]);
    expect(said).to.deep.equal(['1 file uploading', 'a.txt: 25% uploaded', 'a.txt: 50% uploaded', 'a.txt: 75% uploaded', 'a.txt uploaded']);
    // A new file: the summary speaks again.
    el.uploads.add([file('b.txt')]);
    await el.updateComplete;
    expect(status()).to.equal('1 file uploading');
    el.uploads.cancel(el.uploads.items[1]?.id ?? '');
    await el.updateComplete;
    expect(status()).to.equal('Upload of b.txt cancelled');
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
    expect(el.shadowRoot?.querySelector('.upload-item__status--failed')?.textContent?.trim()).to.match(/^Upload of a\.txt failed\. \S.*larger than the support service accepts/);
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

  it('sends one idempotency key per file, the same for every retry of it', async () => {
    const el = await fixture<UploadHost>(html`<upload-host-test></upload-host-test>`);
    el.uploads.add([file('a.txt'), file('b.txt')]);
    const id = el.uploads.items[0]?.id ?? '';
    calls[0]?.reject(new SupportError('network', 'lost'));
    await waitUntil(() => el.uploads.items[0]?.state === 'failed');
    el.uploads.retry(id);
    el.uploads.cancel(id);
    el.uploads.retry(id);
    const keys = calls.map((c) => c.options?.idempotencyKey);
    expect(keys[0]).to.be.a('string');
    expect([keys[2], keys[3]]).to.deep.equal([keys[0], keys[0]]);
    expect(keys[1]).to.not.equal(keys[0]);
  });

  describe('kept across reloads', () => {
    afterEach(() => store.deletePrefix(''));

    it('restores each file in its state: uploaded keeps its token, failed offers retry, uploading starts again with its key', async () => {
      const first = await fixture<KeptUploadHost>(html`<kept-upload-host-test></kept-upload-host-test>`);
      first.uploads.add([file('done.txt'), file('failed.txt'), file('sending.txt')]);
      const keyOfSending = first.uploads.items[2]?.key;
      calls[0]?.resolve(uploaded('done.txt'));
      calls[1]?.reject(new SupportError('server', 'boom'));
      await waitUntil(() => first.uploads.items[1]?.state === 'failed' && first.uploads.items[0]?.state === 'done');
      await new Promise((resolve) => setTimeout(resolve, 10));
      first.remove();
      calls.length = 0;

      const reloaded = await fixture<KeptUploadHost>(html`<kept-upload-host-test></kept-upload-host-test>`);
      await reloaded.uploads.restored;
      expect(reloaded.uploads.items.map((i) => [i.file.name, i.state])).to.have.deep.members([
        ['done.txt', 'done'],
        ['failed.txt', 'failed'],
        ['sending.txt', 'uploading'],
      ]);
      expect(reloaded.uploads.tokens).to.deep.equal(['t-done.txt']);
      expect(calls.map((c) => [c.file.name, c.options?.idempotencyKey])).to.deep.equal([['sending.txt', keyOfSending]]);
      expect(await calls[0]?.file.text()).to.equal(await file('sending.txt').text());
      await reloaded.updateComplete;
      const buttons = [...(reloaded.shadowRoot?.querySelectorAll('button') ?? [])].map((b) => b.textContent?.trim());
      expect(buttons).to.include('Retry failed.txt');
    });

    it("says when to try again after a 429's Retry-After, on the same page and after a reload", async () => {
      const first = await fixture<KeptUploadHost>(html`<kept-upload-host-test></kept-upload-host-test>`);
      first.uploads.add([file('busy.txt')]);
      calls[0]?.reject(new SupportError('rate_limited', 'slow down', { retryAfterSeconds: 120 }));
      await waitUntil(() => first.uploads.items[0]?.state === 'failed');
      expect(first.uploads.items[0]?.retryAfterSeconds).to.equal(120);
      await first.updateComplete;
      expect(first.shadowRoot?.textContent).to.contain('Try again in 2 minutes.');
      await new Promise((resolve) => setTimeout(resolve, 10));
      first.remove();

      const reloaded = await fixture<KeptUploadHost>(html`<kept-upload-host-test></kept-upload-host-test>`);
      await reloaded.uploads.restored;
      await reloaded.updateComplete;
      expect(reloaded.shadowRoot?.textContent).to.contain('Try again in 2 minutes.');
      reloaded.uploads.retry(reloaded.uploads.items[0]?.id ?? '');
      expect(reloaded.uploads.items[0]?.retryAfterSeconds).to.equal(undefined);
    });

    it('forgets a file once removed or the list is cleared, and keeps each case to its own scope', async () => {
      const el = await fixture<KeptUploadHost>(html`<kept-upload-host-test></kept-upload-host-test>`);
      el.uploads.add([file('a.txt'), file('b.txt')]);
      await new Promise((resolve) => setTimeout(resolve, 10));
      el.uploads.remove(el.uploads.items[0]?.id ?? '');
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect((await store.list('uploads:u1:case:7:')).length).to.equal(1);
      el.scope = 'uploads:u1:case:8:';
      el.requestUpdate();
      await el.updateComplete;
      await el.uploads.restored;
      expect(el.uploads.items).to.deep.equal([]);
      el.scope = 'uploads:u1:case:7:';
      el.requestUpdate();
      await el.updateComplete;
      await el.uploads.restored;
      expect(el.uploads.items.map((i) => i.file.name)).to.deep.equal(['b.txt']);
      el.uploads.clear();
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(await store.list('uploads:u1:')).to.deep.equal([]);
    });
  });
});
