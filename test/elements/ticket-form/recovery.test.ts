// Issue 11 for <ticket-form>: a bad answer to the catalog or to opening a case ends in an error
// with the form's own retry, which recovers; messages that say what to do; drafts stored under
// a name without the address, an old draft moved there.
import { expect, waitUntil } from '@open-wc/testing';
import type { SupportBackend } from '../../../src/adapters/backend.js';
import { resetDraftKeyMigrations, userDigest } from '../../../src/controllers/draft-key.js';
import { sharedStore } from '../../../src/controllers/file-store.js';
import { SupportError } from '../../../src/core/errors.js';
import { ARTICLES, CATALOG, TICKET } from '../../adapters/fuzz-bodies.js';
import { failingOnce, refusedBodies } from '../recovery-support.js';
import { all, button, choose, fill, find, form, get, memoryFor, root, seedDraft, stepShown, type TicketForm } from './helpers.js';

const USER = 'recovery-form@example.com';
const NEW_TICKET = { areaId: 'esign', productId: 'esignature', subject: 'S', description: 'D', contactMethod: 'portal' as const };

function submitButton(el: TicketForm): HTMLButtonElement {
  return get<HTMLButtonElement>(el, 'button[part=submit-button]');
}

async function failureShown(el: TicketForm): Promise<string> {
  await waitUntil(() => find(el, '.failure'), 'no failure notice');
  await el.updateComplete;
  return (get(el, '.failure').textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('<ticket-form> recovers from bad answers', () => {
  afterEach(async () => {
    localStorage.clear();
    resetDraftKeyMigrations();
    await sharedStore().deletePrefix('');
  });

  it('opening a case: each fuzzed bad answer shows an error, the button stays usable, and sending again opens the case', async () => {
    const refused = await refusedBodies(TICKET, (b) => b.createTicket(NEW_TICKET, { idempotencyKey: 'k' }), 4);
    expect(refused.length).to.equal(4);
    for (const { body, error } of refused) {
      expect(error.kind, body.label).to.equal('bad_response');
      const backend = failingOnce(memoryFor(USER), 'createTicket', error);
      seedDraft(USER, 'esign');
      const el = await form({ backend, area: 'esign' });
      await waitUntil(() => find(el, '#description'), 'no case form');
      submitButton(el).click();
      expect(await failureShown(el), body.label).to.include('could not read');
      expect(submitButton(el).getAttribute('aria-disabled'), body.label).to.equal('false');
      expect(el.shadowRoot?.querySelector('[aria-busy=true]'), body.label).to.equal(null);
      submitButton(el).click();
      await waitUntil(() => !find(el, '#description'), `${body.label}: the retry did not open the case`);
      expect(backend.calls()).to.equal(2);
    }
  });

  it('the catalog: a bad answer, then one with nothing to choose for the area, each offer "Try again", which recovers', async () => {
    const [refused] = await refusedBodies(CATALOG, (b) => b.getCatalog(), 1);
    if (!refused) throw new Error('no refused catalog body');
    const memory = memoryFor(USER);
    let calls = 0;
    const backend: SupportBackend = Object.assign(Object.create(memory) as SupportBackend, {
      getCatalog: (options?: Parameters<SupportBackend['getCatalog']>[0]) => {
        calls++;
        if (calls === 1) return Promise.reject(refused.error);
        // Every category belongs to an area this form does not show: nothing to choose.
        if (calls === 2) return Promise.resolve({ categories: [{ id: 'orphan', areaId: 'nowhere', label: 'Orphan', subcategories: [{ id: 'x', label: 'X' }] }] });
        return memory.getCatalog(options);
      },
    });
    const el = await form({ backend, area: 'esign', locale: 'fr' });
    await waitUntil(() => find(el, '.failure'), 'no catalog error');
    button(el, 'Réessayer').click();
    await el.updateComplete;
    await waitUntil(() => calls === 2 && find(el, '.failure') && !find(el, '[role=status]'), 'no error for a catalog with nothing to choose');
    expect(get(el, '.failure').textContent).to.include('illisible');
    expect(find(el, '#categoryId')).to.equal(null);
    button(el, 'Réessayer').click();
    await waitUntil(() => find(el, '#categoryId option[value=account]'), 'the retry did not show the categories');
    choose(el, '#categoryId', 'account');
    await el.updateComplete;
    expect(find(el, '#subcategoryId option[value=billing]')).to.not.equal(null);
  });

  it('a 413 names the limit (the server\'s, else the config\'s) and says what to do', async () => {
    const withLimit = failingOnce(memoryFor(USER), 'createTicket', new SupportError('too_large', 'x', { status: 413, limitBytes: 10 * 1024 * 1024 }));
    seedDraft(USER, 'esign');
    const el = await form({ backend: withLimit, area: 'esign' });
    await waitUntil(() => find(el, '#description'), 'no case form');
    submitButton(el).click();
    expect(await failureShown(el)).to.equal('Files up to 10 MB. Try a smaller file.');

    const withoutLimit = failingOnce(memoryFor(USER), 'createTicket', new SupportError('too_large', 'x', { status: 413 }));
    const other = await form({ backend: withoutLimit, area: 'esign' });
    await waitUntil(() => find(other, '#description'), 'no case form');
    submitButton(other).click();
    expect(await failureShown(other)).to.equal('Files up to 20 MB. Try a smaller file.');
  });

  for (const [locale, expected] of [
    ['en', 'in 2 minutes'],
    ['fr', 'dans 2 minutes'],
    ['de', 'in 2 Minuten'],
    ['pt-BR', 'em 2 minutos'],
    ['ja', '2 分後'],
  ] as const) {
    it(`${locale}: a 429 with Retry-After: 120 says "${expected}", not "a minute"`, async () => {
      const backend = failingOnce(memoryFor(USER), 'createTicket', new SupportError('rate_limited', 'x', { status: 429, retryAfterSeconds: 120 }));
      seedDraft(USER, 'esign', { categoryId: 'account', subcategoryId: 'billing' });
      const el = await form({ backend, area: 'esign', locale });
      await waitUntil(() => find(el, '#description'), 'no case form');
      submitButton(el).click();
      const message = await failureShown(el);
      expect(message).to.include(expected);
      expect(message).to.not.match(/minute,|une minute|eine Minute|um minuto|1 分/);
    });
  }

  it('a 422 without field errors shows the server\'s detail as text, never as HTML', async () => {
    const detail = 'The product <img src=x onerror="window.__xss=1"> is not sold on your plan.';
    const backend = failingOnce(memoryFor(USER), 'createTicket', new SupportError('validation', detail, { status: 422, detail }));
    seedDraft(USER, 'esign');
    const el = await form({ backend, area: 'esign' });
    await waitUntil(() => find(el, '#description'), 'no case form');
    submitButton(el).click();
    expect(await failureShown(el)).to.equal(`Some answers need correcting: ${detail}`);
    expect(get(el, '.failure').querySelector('img')).to.equal(null);
  });

  it('moves a draft saved under the old name (with the address) to the new one, and restores it', async () => {
    const legacy = `support-elements:draft:ticket-form:${USER}:esign`;
    localStorage.setItem(legacy, JSON.stringify({ step: 'details', subject: 'Typed before the update', productId: 'esignature', description: 'Kept.', contactMethod: 'email' }));
    const el = await form({ backend: memoryFor(USER), area: 'esign' });
    await waitUntil(() => find(el, '#description'), 'the old draft was not restored');
    expect(get<HTMLInputElement>(el, '#subject').value).to.equal('Typed before the update');
    expect(get<HTMLTextAreaElement>(el, '#description').value).to.equal('Kept.');
    expect(localStorage.getItem(legacy)).to.equal(null);
    expect(localStorage.getItem(`support-elements:draft:ticket-form:${userDigest(USER)}:esign`)).to.include('Typed before the update');
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) ?? '');
    expect(keys.filter((key) => key.includes('@'))).to.deep.equal([]);
    expect(root(el).activeElement).to.not.equal(undefined);
  });

  it('an upload: a fuzzed bad answer fails that file with its own Retry, which uploads it; a 413 names the limit', async () => {
    // uploadFile goes through XMLHttpRequest, which a fetch stub does not see; the fault-server
    // fuzz of POST /uploads (test/adapters/fuzz.test.ts) shows a bad body ends in this error.
    const error = new SupportError('bad_response', 'Unexpected response body (HTTP 200)', { status: 200 });
    const backend = failingOnce(memoryFor(USER), 'uploadFile', error);
    seedDraft(USER, 'esign');
    const el = await form({ backend, area: 'esign' });
    await waitUntil(() => find(el, '#description'), 'no case form');
    const input = get<HTMLInputElement>(el, '.dropzone input[type=file]');
    const transfer = new DataTransfer();
    transfer.items.add(new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => find(el, '.upload-item[data-state=failed]'), 'the upload did not fail');
    expect(get(el, '.upload-item').textContent).to.include('could not read');
    button(el, 'Retry notes.txt').click();
    await waitUntil(() => find(el, '.upload-item[data-state=done]'), 'the retry did not upload the file');
    expect(backend.calls()).to.equal(2);

    // A second case form of its own: the first one's kept file is not part of it.
    await sharedStore().deletePrefix('');
    const tooLarge = failingOnce(memoryFor(USER), 'uploadFile', new SupportError('too_large', 'x', { status: 413 }));
    const other = await form({ backend: tooLarge, area: 'esign' });
    await waitUntil(() => find(other, '#description'), 'no case form');
    const otherInput = get<HTMLInputElement>(other, '.dropzone input[type=file]');
    const files = new DataTransfer();
    files.items.add(new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    otherInput.files = files.files;
    otherInput.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => find(other, '.upload-item[data-state=failed]'), 'the upload did not fail');
    expect(get(other, '.upload-item').textContent).to.include('Files up to 20 MB. Try a smaller file.');
  });

  it('article suggestions: a fuzzed bad answer says so and leaves the form usable; the next search (the retry) shows articles', async () => {
    const [refused] = await refusedBodies(ARTICLES, (b) => b.suggestArticles({ query: 'envelope void', areaId: 'esign' }), 1);
    if (!refused) throw new Error('no refused body');
    const backend = failingOnce(memoryFor(USER), 'suggestArticles', refused.error);
    const el = await form({ backend, area: 'esign' });
    await stepShown(el, 'What is your case about?');
    fill(el, '#subject', 'envelope void');
    await waitUntil(() => get(el, '.quick-answers [role=status]').textContent?.includes('could not be loaded'), 'no suggestion error');
    expect(get<HTMLButtonElement>(el, 'form button[type=submit]').getAttribute('aria-disabled')).to.not.equal('true');
    fill(el, '#subject', 'envelope void sent');
    await waitUntil(() => all(el, '.suggestions a').length > 0, 'the next search showed no articles');
    expect(backend.calls()).to.equal(2);
  });
});
