// Issue 11 for <my-tickets>: one fuzzed bad answer (the error the fetch adapter really gives
// for it) to the list, a case, a comment, a watcher added or removed, Call me or files ends in
// an error with the element's own "Try again", which recovers; the comment draft is stored
// under a name without the address, an old draft moved there.
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { createMemoryBackend, type MemoryBackend } from '../../../src/adapters/memory-adapter.js';
import type { SupportBackend } from '../../../src/adapters/backend.js';
import { resetDraftKeyMigrations, userDigest } from '../../../src/controllers/draft-key.js';
import type { SupportTicketDetail } from '../../../src/define/support-ticket-detail.js';
import { PAGE, TICKET } from '../../adapters/fuzz-bodies.js';
import { failingOnce, refusedBodies } from '../recovery-support.js';
import { $, $$, input, nextEvent, now, renderCase, renderList, seeded } from './helpers.js';

const alex = (): MemoryBackend => createMemoryBackend({ signedInAs: 'alex@example.com', now });
const KEY = { idempotencyKey: 'k' };

async function retryButton(detail: SupportTicketDetail, scope: string): Promise<HTMLButtonElement> {
  await waitUntil(() => detail.shadowRoot?.querySelector(`${scope} .failure button.retry`), `no Try again in ${scope}`);
  await detail.updateComplete;
  expect(detail.shadowRoot?.querySelector(`${scope} [aria-busy=true]`)).to.equal(null);
  return $<HTMLButtonElement>(detail, `${scope} .failure button.retry`);
}

describe('<my-tickets> recovers from bad answers', () => {
  afterEach(() => {
    localStorage.clear();
    resetDraftKeyMigrations();
  });

  it('the list: each fuzzed bad answer shows an error with "Try again", which shows the cases', async () => {
    const refused = await refusedBodies(PAGE, (b) => b.listTickets({}), 3);
    expect(refused.length).to.equal(3);
    for (const { body, error } of refused) {
      const backend = failingOnce(alex(), 'listTickets', error);
      const el = await renderList(backend);
      await waitUntil(() => el.shadowRoot?.querySelector('.list-error'), `${body.label}: no list error`);
      expect($(el, '.list-error').textContent).to.include('could not read');
      $<HTMLButtonElement>(el, '.list-error button').click();
      await waitUntil(() => $$(el, '.row').length > 0, `${body.label}: the retry did not show the cases`);
      fixtureCleanup();
    }
  });

  it('one case: each fuzzed bad answer shows an error with "Try again", which shows the case', async () => {
    const refused = await refusedBodies(TICKET, (b) => b.getTicket('00001234'), 3);
    expect(refused.length).to.equal(3);
    for (const { body, error } of refused) {
      const memory = alex();
      const number = await seeded(memory, 'pending');
      const backend = failingOnce(memory, 'getTicket', error);
      const { detail } = await renderCase(backend, number);
      await waitUntil(() => detail.shadowRoot?.querySelector('.notice--error button'), `${body.label}: no load error`);
      $<HTMLButtonElement>(detail, '.notice--error button').click();
      await waitUntil(() => detail.shadowRoot?.querySelector('h2')?.textContent?.includes(`Case ${number}`), `${body.label}: the retry did not show the case`);
      fixtureCleanup();
    }
  });

  const actions: readonly {
    readonly name: string;
    readonly method: 'addComment' | 'addAttachments' | 'addWatcher' | 'removeWatcher' | 'requestCallback';
    readonly call: (b: SupportBackend) => Promise<unknown>;
    readonly scope: string;
    readonly start: (detail: SupportTicketDetail) => Promise<void>;
    readonly done: (detail: SupportTicketDetail) => boolean;
  }[] = [
    {
      name: 'a comment',
      method: 'addComment',
      call: (b) => b.addComment('1', 'x', KEY),
      scope: '.comment-form',
      start: async (detail) => {
        input(detail, '#comment', 'Still broken after the update.');
        await detail.updateComplete;
        $<HTMLButtonElement>(detail, '.comment-form button[type=submit]').click();
      },
      done: (detail) => $$(detail, '.conversation > li').some((li) => li.textContent?.includes('Still broken after the update.')),
    },
    {
      name: 'adding files',
      method: 'addAttachments',
      call: (b) => b.addAttachments('1', ['up-1'], KEY),
      scope: '.add-attachments',
      start: async (detail) => {
        const picker = $<HTMLInputElement>(detail, '.dropzone input[type=file]');
        const transfer = new DataTransfer();
        transfer.items.add(new File(['hello'], 'notes.txt', { type: 'text/plain' }));
        picker.files = transfer.files;
        picker.dispatchEvent(new Event('change', { bubbles: true }));
        await waitUntil(() => detail.shadowRoot?.querySelector('.upload-item[data-state=done]'), 'the file did not upload');
        await detail.updateComplete;
        $<HTMLButtonElement>(detail, '.add-attachments button.attach').click();
      },
      done: (detail) => $$(detail, 'a').some((a) => a.textContent?.includes('notes.txt')),
    },
    {
      name: 'adding a watcher',
      method: 'addWatcher',
      call: (b) => b.addWatcher('1', 'lee@example.com'),
      scope: '.watcher-form',
      start: async (detail) => {
        input(detail, '#watcher-email', 'lee@example.com');
        await detail.updateComplete;
        $<HTMLButtonElement>(detail, '.watcher-form button[type=submit]').click();
      },
      done: (detail) => Boolean($(detail, '.watchers').textContent?.includes('lee@example.com')),
    },
    {
      name: 'removing a watcher',
      method: 'removeWatcher',
      call: (b) => b.removeWatcher('1', 'manager@example.com'),
      scope: '',
      start: async (detail) => {
        $<HTMLButtonElement>(detail, 'button[data-email="manager@example.com"]').click();
        await detail.updateComplete;
        $<HTMLButtonElement>(detail, '.confirm button').click();
      },
      done: (detail) => !(detail.shadowRoot?.querySelector('.watchers')?.textContent ?? '').includes('manager@example.com'),
    },
    {
      name: 'Call me',
      method: 'requestCallback',
      call: (b) => b.requestCallback('1', '+1 555 010 0199', KEY),
      scope: '.callback-form',
      start: async (detail) => {
        input(detail, '#phone', '+1 555 010 0199');
        await detail.updateComplete;
        $<HTMLButtonElement>(detail, '.callback-form button[type=submit]').click();
      },
      done: (detail) => ($$(detail, '.callbacks li')[0]?.textContent ?? '').includes('+1 555 010 0199'),
    },
  ];

  for (const action of actions) {
    it(`${action.name}: a fuzzed bad answer shows an error with its own "Try again", which succeeds`, async () => {
      const [refused] = await refusedBodies(TICKET, action.call, 1);
      if (!refused) throw new Error('no refused body');
      const memory = alex();
      const number = await seeded(memory, 'pending');
      const backend = failingOnce(memory, action.method, refused.error);
      const { detail } = await renderCase(backend, number);
      await action.start(detail);
      const retry = await retryButton(detail, action.scope);
      expect(retry.closest('.failure')?.textContent).to.include('could not read');
      retry.click();
      await waitUntil(() => action.done(detail), `${refused.body.label}: the retry did not succeed`);
      expect(backend.calls()).to.equal(2);
      expect(detail.shadowRoot?.querySelector('.failure')).to.equal(null);
    });
  }

  it('moves a comment draft saved under the old name (with the address) to the new one, and restores it', async () => {
    const backend = alex();
    const number = await seeded(backend, 'pending');
    const legacy = `support-elements:draft:my-tickets:comment:alex@example.com:${number}`;
    localStorage.setItem(legacy, JSON.stringify({ body: 'Typed before the update', idempotencyKey: '', keyFor: '' }));
    const { detail } = await renderCase(backend, number);
    await waitUntil(() => $<HTMLTextAreaElement>(detail, '#comment').value === 'Typed before the update', 'the old draft was not restored');
    expect(localStorage.getItem(legacy)).to.equal(null);
    expect(localStorage.getItem(`support-elements:draft:my-tickets:comment:${userDigest('alex@example.com')}:${number}`)).to.include('Typed before the update');
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) ?? '');
    expect(keys.filter((key) => key.startsWith('support-elements:draft:') && key.includes('@'))).to.deep.equal([]);
  });

  it('a case changed event still fires after a retried comment (the host hears of the success once)', async () => {
    const [refused] = await refusedBodies(TICKET, (b) => b.addComment('1', 'x', KEY), 1);
    if (!refused) throw new Error('no refused body');
    const memory = alex();
    const number = await seeded(memory, 'pending');
    const { el, detail } = await renderCase(failingOnce(memory, 'addComment', refused.error), number);
    input(detail, '#comment', 'Once.');
    await detail.updateComplete;
    $<HTMLButtonElement>(detail, '.comment-form button[type=submit]').click();
    const retry = await retryButton(detail, '.comment-form');
    const added = nextEvent(el, 'comment-added');
    retry.click();
    expect((await added).ticket.comments.filter((c) => c.body === 'Once.')).to.have.length(1);
  });
});
