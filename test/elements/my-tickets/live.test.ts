import { expect, waitUntil } from '@open-wc/testing';
import { createMemoryBackend, type MemoryBackend } from '../../../src/adapters/memory-adapter.js';
import type { MyTickets } from '../../../src/define/my-tickets.js';
import type { SupportTicketDetail } from '../../../src/define/support-ticket-detail.js';
import { deepActive } from '../../support/dom.js';
import { $, $$, detailOf, input, now, renderCase, renderList, rows, seeded, shownState, text } from './helpers.js';

const alex = (): MemoryBackend => createMemoryBackend({ signedInAs: 'alex@example.com', now });

/** What the element's one status region holds: its text, and how many things it says. */
function spoken(root: Element, selector: string): { text: string; parts: number } {
  const region = $(root, selector);
  return { text: region.textContent?.replace(/\s+/g, ' ').trim() ?? '', parts: region.children.length };
}

const announced = (detail: SupportTicketDetail) => spoken(detail, '.announce[role="status"]');
const listSays = (el: MyTickets) => $(el, '.summary[role="status"] .visually-hidden').textContent?.trim() ?? '';

function rowOf(el: MyTickets, number: string): HTMLElement {
  const row = $$(el, '.row').find((r) => r.querySelector(`[data-number="${number}"]`));
  if (!row) throw new Error(`no row ${number}`);
  return row;
}

describe('<my-tickets> live', () => {
  afterEach(() => localStorage.clear());

  it('shows a support reply and a state change in the open case without touching what is typed or where focus is', async () => {
    const backend = alex();
    const number = await seeded(backend, 'open');
    const { detail } = await renderCase(backend, number);
    input(detail, '#comment', 'I am still typing this');
    const field = $<HTMLTextAreaElement>(detail, '#comment');
    field.focus();
    field.setSelectionRange(4, 4);
    await detail.updateComplete;

    backend.agentReply(number, 'Could you send the signer’s browser version?', 'action_required');
    await waitUntil(() => text(detail).includes('Could you send the signer’s browser version?'), 'the reply did not appear');
    await detail.updateComplete;
    expect(shownState(detail)).to.equal('Action required');
    expect($(detail, '.meaning').textContent).to.equal('Support needs information from you.');
    expect(field.isConnected && field.value).to.equal('I am still typing this');
    expect(deepActive()).to.equal(field);
    expect(field.selectionStart).to.equal(4);
    expect(announced(detail)).to.deep.equal({ text: `New reply from support on case ${number}. The case is now Action required.`, parts: 1 });
    await expect(detail).to.be.accessible();

    backend.agentReply(number, '', 'pending');
    await waitUntil(() => shownState(detail) === 'Pending', 'the state did not change');
    expect(announced(detail)).to.deep.equal({ text: `Case ${number} is now Pending.`, parts: 1 });
    expect(text(detail)).to.contain('Adding a comment sets the case back to Open.');

    // Another tab of the same customer adds a watcher: the watchers list follows.
    await backend.addWatcher(number, 'lee@example.com');
    await waitUntil(() => text(detail).includes('lee@example.com'), 'the watcher did not appear');
    expect(announced(detail)).to.deep.equal({ text: `The people following case ${number} have changed.`, parts: 1 });
    expect(field.value).to.equal('I am still typing this');
    expect(deepActive()).to.equal(field);
    await expect(detail).to.be.accessible();
  });

  it('follows the list and the open case while connected, and nothing once removed', async () => {
    const backend = alex();
    const signals: { scope: string; signal: AbortSignal }[] = [];
    const recording: MemoryBackend = {
      ...backend,
      watch: (scope, onChange, options) => {
        signals.push({ scope: scope.kind, signal: options.signal });
        backend.watch(scope, onChange, options);
      },
    };
    const number = await seeded(backend, 'open');
    const { el } = await renderCase(recording, number);
    expect(signals.filter((s) => !s.signal.aborted).map((s) => s.scope).sort()).to.deep.equal(['case', 'cases']);
    el.remove();
    expect(signals.every((s) => s.signal.aborted)).to.equal(true);
  });

  it('says it in the element’s language, with the state’s own name', async () => {
    const backend = alex();
    const number = await seeded(backend, 'open');
    const { detail } = await renderCase(backend, number, 'fr');
    await detail.localeReady;
    backend.agentReply(number, 'Pouvez-vous joindre le modèle ?', 'action_required');
    await waitUntil(() => announced(detail).text !== '', 'nothing was said');
    expect(announced(detail).text).to.equal(`Nouvelle réponse de l’assistance sur le dossier ${number}. Le dossier est maintenant à l’état Mon action requise.`);
  });

  it('says nothing new when the customer’s own comment comes back from the backend', async () => {
    const backend = alex();
    const number = await seeded(backend, 'pending');
    const { detail } = await renderCase(backend, number);
    input(detail, '#comment', 'It works now, thanks.');
    $<HTMLButtonElement>(detail, '.comment-form button[type="submit"]').click();
    await waitUntil(() => text(detail).includes('Your comment was added. The case is now Open.'), 'no confirmation');
    // The change the memory backend pushes for this comment lands a task later.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await detail.updateComplete;
    expect(announced(detail).text).to.equal('Your comment was added. The case is now Open.');
    expect($$(detail, '.conversation > li').filter((li) => li.textContent?.includes('It works now, thanks.'))).to.have.length(1);
  });

  it('moves the row of an answered case per the sort, marks it "New reply" until it is opened, and says it once', async () => {
    // A clock that moves on a minute per reply, so that each reply is the newest update.
    let clock = now().getTime();
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com', now: () => new Date(clock) });
    const reply = (number: string, body: string, status?: 'action_required') => {
      clock += 60_000;
      backend.agentReply(number, body, status);
    };
    const el = await renderList(backend);
    const shown = await rows(el, 5);
    // The open case last in the list (newest update first): an answer brings it to the top.
    const lastOpen = shown.filter((r) => r.querySelector('.row__state strong')?.textContent === 'Open').at(-1);
    const oldest = lastOpen?.querySelector<HTMLElement>('[data-number]')?.dataset.number;
    if (!oldest || shown.indexOf(lastOpen) === 0) throw new Error('no open case below the first row');
    const search = $<HTMLInputElement>(el, '#search');
    search.focus();

    reply(oldest, 'Here is what we found.', 'action_required');
    await waitUntil(() => $$(el, '.row [data-number]')[0]?.dataset.number === oldest, 'the row did not move to the top');
    await el.updateComplete;
    const row = rowOf(el, oldest);
    expect(row.querySelector('.row__state strong')?.textContent).to.equal('Action required');
    expect(row.querySelector('.row__updated time')?.getAttribute('datetime')).to.equal(new Date(clock).toISOString());
    const open = row.querySelector<HTMLButtonElement>('.row__open');
    expect(open?.querySelector('.row__new')?.textContent).to.equal('New reply');
    expect(open?.textContent, 'part of the button’s accessible name').to.contain('New reply');
    expect(listSays(el)).to.equal(`New reply from support on case ${oldest}. The case is now Action required.`);
    expect($$(el, '.summary[role="status"] .visually-hidden')).to.have.length(1);
    expect(text(el)).to.contain('5 cases');
    expect(deepActive()).to.equal(search);
    await expect(el).to.be.accessible();

    // Keyboard on a row that moves: focus stays on that row's button.
    const second = $$(el, '.row [data-number]')[1];
    const secondNumber = second?.dataset.number ?? '';
    second?.focus();
    reply(secondNumber, 'Another answer.');
    await waitUntil(() => $$(el, '.row [data-number]')[0]?.dataset.number === secondNumber, 'the second row did not move up');
    await el.updateComplete;
    expect((deepActive() as HTMLElement | null)?.dataset.number).to.equal(secondNumber);
    search.focus();
    reply(oldest, 'Back on top.');
    await waitUntil(() => $$(el, '.row [data-number]')[0]?.dataset.number === oldest, 'the first row did not come back up');

    // Remembered for this user and case, without their address or any token in storage.
    const stored = Object.keys(localStorage).filter((key) => key.startsWith('my-tickets:unread:'));
    expect(stored).to.have.length(1);
    expect(stored[0]).not.to.contain('alex');
    expect(localStorage.getItem(stored[0] ?? '')).to.equal(JSON.stringify([oldest, secondNumber]));
    el.remove();
    const again = await renderList(backend);
    await rows(again, 5);
    expect(rowOf(again, oldest).querySelector('.row__new')?.textContent).to.equal('New reply');

    rowOf(again, oldest).querySelector<HTMLButtonElement>('.row__open')?.click();
    await again.updateComplete;
    const detail = await detailOf(again);
    expect(text(detail)).to.contain('Here is what we found.');
    $<HTMLButtonElement>(detail, '.back').click();
    await waitUntil(() => $$(again, '.row').length >= 5, 'the list did not come back');
    await again.updateComplete;
    expect(rowOf(again, oldest).querySelector('.row__new')).to.equal(null);
    expect(localStorage.getItem(stored[0] ?? '')).to.equal(JSON.stringify([secondNumber]));
    await expect(again).to.be.accessible();
  });

  it('brings in a new case that matches the filter, and leaves out one that does not', async () => {
    const backend = alex();
    const el = await renderList(backend);
    await rows(el, 5);
    const created = await backend.createTicket(
      { areaId: 'esign', productId: 'esignature', subject: 'Opened in another tab', description: 'Opened elsewhere.', contactMethod: 'portal' },
      { idempotencyKey: 'another-tab-1' },
    );
    await waitUntil(() => $$(el, '.row [data-number]')[0]?.dataset.number === created.number, 'the new case did not appear');
    await el.updateComplete;
    expect(text(el)).to.contain('6 cases');
    // The customer opened it: nothing to announce, and no "New reply".
    expect($$(el, '.summary .visually-hidden')).to.have.length(0);
    expect(rowOf(el, created.number).querySelector('.row__new')).to.equal(null);

    const select = $<HTMLSelectElement>(el, '#status');
    select.value = 'closed';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await el.listComplete;
    await waitUntil(() => $$(el, '.row').length === 1, 'the filter did not apply');
    const another = await backend.createTicket(
      { areaId: 'esign', productId: 'esignature', subject: 'Not closed', description: 'Opened elsewhere.', contactMethod: 'portal' },
      { idempotencyKey: 'another-tab-2' },
    );
    const pending = await seeded(backend, 'pending');
    backend.agentReply(pending, '', 'closed');
    await waitUntil(() => $$(el, '.row').length === 2, 'the case closed by support did not join the Closed filter');
    expect(text(el)).to.contain('2 cases');
    expect($$(el, '.row [data-number]').map((b) => b.dataset.number)).not.to.include(another.number);
    expect(listSays(el)).to.equal(`Case ${pending} is now Closed.`);
    await expect(el).to.be.accessible();
  });
});
