import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { userDigest } from '../../../src/controllers/draft-key.js';
import { sendKeys } from '@web/test-runner-commands';
import type { SupportBackend } from '../../../src/adapters/backend.js';
import { createMemoryBackend, type MemoryBackend } from '../../../src/adapters/memory-adapter.js';
import { seedConfig } from '../../../src/core/config.js';
import { SupportError } from '../../../src/core/errors.js';
import { autoCloseAt } from '../../../src/core/status.js';
import type { MyTickets } from '../../../src/define/my-tickets.js';
import type { SupportTicketDetail } from '../../../src/define/support-ticket-detail.js';
import { formatDate } from '../../../src/localization/format.js';
import { $, $$, detailOf, input, nextEvent, now, renderCase, renderList, rows, seeded, shownState, text } from './helpers.js';

const alex = () => createMemoryBackend({ signedInAs: 'alex@example.com', now });

async function submit(detail: SupportTicketDetail, formSelector: string): Promise<void> {
  $<HTMLButtonElement>(detail, `${formSelector} button[type=submit]`).click();
  await detail.updateComplete;
}

async function comment(detail: SupportTicketDetail, body: string): Promise<void> {
  input(detail, '#comment', body);
  await detail.updateComplete;
  await submit(detail, '.comment-form');
}

function announcement(detail: SupportTicketDetail): string {
  return $(detail, '.announce[role=status]').textContent?.trim() ?? '';
}

function draftKey(number: string): string {
  return `support-elements:draft:my-tickets:comment:${userDigest('alex@example.com')}:${number}`;
}

describe('<my-tickets> one case', () => {
  afterEach(() => localStorage.clear());

  it('shows a pending case with its close date and relative time (en)', async () => {
    const backend = alex();
    const number = await seeded(backend, 'pending');
    const { el, detail } = await renderCase(backend, number);
    const ticket = await backend.getTicket(number);
    const closesAt = autoCloseAt(ticket, seedConfig.autoCloseDays);
    if (!closesAt) throw new Error('not pending');
    expect(shownState(detail)).to.equal('Pending');
    expect(text(detail)).to.contain(`closes by itself on ${formatDate(closesAt, 'en')} (`);
    expect(formatDate(closesAt, 'en')).to.equal('March 13, 2026');
    expect(text(detail)).to.match(/\((in \d+ days?|\d+ days? ago|tomorrow|yesterday)\)/);
    expect($(detail, 'h2').textContent).to.contain(`Case ${number}`);
    expect($(detail, 'h2').textContent).to.contain('Envelope stuck');
    await expect(el).to.be.accessible();
  });

  it('shows the close date in the user\'s language (fr)', async () => {
    const backend = alex();
    const number = await seeded(backend, 'pending');
    const { detail } = await renderCase(backend, number, 'fr');
    await detail.localeReady;
    await detail.updateComplete;
    expect(text(detail)).to.contain('13 mars 2026');
    expect(text(detail)).to.match(/\((dans \d+ jours?|il y a \d+ jours?|demain|hier)\)/);
  });

  it('shows the conversation as text, newest last, with author, role and time', async () => {
    const backend = alex();
    const number = await seeded(backend, 'pending');
    backend.emailReply(number, 'It still fails.');
    backend.agentReply(number, '<b>bold?</b>\nSecond line', 'pending');
    const { detail } = await renderCase(backend, number);
    const items = $$(detail, '.conversation > li');
    expect(items.length).to.equal(3);
    expect(items[1]?.textContent).to.contain('Alex Martin');
    expect(items[1]?.textContent).to.contain('You');
    expect(items[2]?.textContent).to.contain('Support expert');
    const body = $(items[2], '.text');
    expect(body.textContent).to.equal('<b>bold?</b>\nSecond line');
    expect(body.querySelector('b')).to.equal(null);
    expect(getComputedStyle(body).whiteSpace).to.equal('pre-wrap');
    expect($(items[2], 'time').getAttribute('datetime')).to.equal('2026-03-10T12:00:00.000Z');
  });

  it('a comment on a Pending case moves it to Open, visibly, without a reload', async () => {
    const backend = alex();
    const number = await seeded(backend, 'pending');
    const { el, detail } = await renderCase(backend, number);
    expect(shownState(detail)).to.equal('Pending');
    const added = nextEvent(el, 'comment-added');
    await comment(detail, 'Still failing for one signer.\nSee below.');
    const event = await added;
    expect(event.ticket.status).to.equal('open');
    expect(event.comment.body).to.equal('Still failing for one signer.\nSee below.');
    await detail.updateComplete;
    expect(shownState(detail)).to.equal('Open');
    expect(announcement(detail)).to.contain('The case is now Open.');
    expect(text(detail)).to.contain('Still failing for one signer.');
    expect($<HTMLTextAreaElement>(detail, '#comment').value).to.equal('');
    expect(localStorage.getItem(draftKey(number))).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a session that ends while commenting: sign in again, then send with nothing retyped', async () => {
    const backend = alex();
    const number = await seeded(backend, 'open');
    const { el, detail } = await renderCase(backend, number);
    backend.expireSession();
    await comment(detail, 'Here is the template you asked for.');
    await waitUntil(() => detail.shadowRoot?.querySelector('support-sign-in'), 'no sign-in after the session ended');
    const signIn = $(detail, 'support-sign-in');
    await (signIn as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    input(signIn, '#email', 'alex@example.com');
    input(signIn, '#password', 'correct horse battery');
    $<HTMLButtonElement>(signIn, 'button[type=submit]').click();
    await waitUntil(() => !detail.shadowRoot?.querySelector('support-sign-in'), 'sign-in still shown');
    expect($<HTMLTextAreaElement>(detail, '#comment').value).to.equal('Here is the template you asked for.');
    const added = nextEvent(el, 'comment-added');
    await submit(detail, '.comment-form');
    expect((await added).comment.body).to.equal('Here is the template you asked for.');
  });

  it('an empty comment gets a GOV.UK error that takes focus', async () => {
    const backend = alex();
    const { el, detail } = await renderCase(backend, await seeded(backend, 'open'));
    await submit(detail, '.comment-form');
    await waitUntil(() => detail.shadowRoot?.activeElement?.classList.contains('error-summary'));
    expect($(detail, '.error-summary').textContent).to.contain('Enter a comment');
    expect($(detail, '#comment-error').textContent).to.contain('Enter a comment');
    await expect(el).to.be.accessible();
  });

  it('adding an attachment to a Pending case keeps it Pending', async () => {
    const backend = alex();
    const number = await seeded(backend, 'pending');
    const { el, detail } = await renderCase(backend, number);
    const picker = $<HTMLInputElement>(detail, 'input[type=file]');
    const files = new DataTransfer();
    files.items.add(new File(['log line'], 'signer.log', { type: 'text/plain' }));
    picker.files = files.files;
    picker.dispatchEvent(new Event('change'));
    await waitUntil(() => detail.shadowRoot?.querySelector('button.attach'), 'upload done');
    const added = nextEvent(el, 'attachments-added');
    $<HTMLButtonElement>(detail, 'button.attach').click();
    expect((await added).ticket.status).to.equal('pending');
    await detail.updateComplete;
    expect(shownState(detail)).to.equal('Pending');
    expect(announcement(detail)).to.contain('still Pending');
    const link = $<HTMLAnchorElement>(detail, '.attachments a');
    expect(link.textContent).to.equal('signer.log');
    expect(link.getAttribute('download')).to.equal('signer.log');
    expect($(detail, '.attachments').textContent).to.contain('8 byte');
    await expect(el).to.be.accessible();
  });

  it('takes a file pasted on "Add attachment", as its hint says', async () => {
    const backend = alex();
    const number = await seeded(backend, 'open');
    const { detail } = await renderCase(backend, number);
    expect(text(detail)).to.contain('or paste them');
    const pasted = new DataTransfer();
    pasted.items.add(new File(['png bytes'], 'screenshot.png', { type: 'image/png' }));
    const paste = new ClipboardEvent('paste', { clipboardData: pasted, bubbles: true, composed: true, cancelable: true });
    $<HTMLButtonElement>(detail, '.dropzone button').dispatchEvent(paste);
    expect(paste.defaultPrevented).to.equal(true);
    await waitUntil(() => detail.shadowRoot?.querySelector('button.attach'), 'upload done');
    expect($(detail, '.upload-item__name').textContent).to.equal('screenshot.png');
  });

  it('never links an attachment whose address is not http(s)', async () => {
    const backend = alex();
    const number = await seeded(backend, 'open');
    const ticket = await backend.getTicket(number);
    const evil: SupportBackend = {
      ...backend,
      getTicket: () =>
        Promise.resolve({
          ...ticket,
          attachments: [{ id: 'a', name: 'evil.pdf', size: 2048, contentType: 'application/pdf', url: 'javascript:alert(1)', createdAt: ticket.createdAt }],
        }),
    };
    const { detail } = await renderCase(evil, number);
    expect(detail.shadowRoot?.querySelector('.attachments a')).to.equal(null);
    expect($(detail, '.attachments').textContent).to.contain('evil.pdf');
    expect($(detail, '.attachments').textContent).to.contain('2 kB');
  });

  it('adding and removing a watcher keeps a Pending case Pending, with a confirmation naming the email', async () => {
    const backend = alex();
    const number = await seeded(backend, 'pending');
    const { el, detail } = await renderCase(backend, number);
    input(detail, '#watcher-email', 'lee@example.com');
    await detail.updateComplete;
    const added = nextEvent(el, 'watchers-changed');
    await submit(detail, '.watcher-form');
    expect((await added).ticket.watchers.map((w) => w.email)).to.include('lee@example.com');
    await detail.updateComplete;
    expect(shownState(detail)).to.equal('Pending');
    expect($(detail, '.watchers').textContent).to.contain('lee@example.com');

    const remove = $<HTMLButtonElement>(detail, 'button[data-email="manager@example.com"]');
    remove.click();
    await detail.updateComplete;
    expect($(detail, '.confirm').textContent).to.contain('Remove manager@example.com from the watchers of this case?');
    expect(detail.shadowRoot?.activeElement?.textContent).to.contain('Yes, remove');
    await expect(el).to.be.accessible();
    const removed = nextEvent(el, 'watchers-changed');
    $<HTMLButtonElement>(detail, '.confirm button').click();
    expect((await removed).ticket.watchers.map((w) => w.email)).to.deep.equal(['lee@example.com']);
    await detail.updateComplete;
    expect($(detail, '.watchers').textContent).to.not.contain('manager@example.com');
    expect(shownState(detail)).to.equal('Pending');
    expect((await backend.getTicket(number)).status).to.equal('pending');
  });

  it('cancelling a watcher removal keeps it and returns focus to its button', async () => {
    const backend = alex();
    const { detail } = await renderCase(backend, await seeded(backend, 'pending'));
    $<HTMLButtonElement>(detail, 'button[data-email="manager@example.com"]').click();
    await detail.updateComplete;
    $<HTMLButtonElement>(detail, '.confirm button.secondary').click();
    await waitUntil(() => detail.shadowRoot?.activeElement?.getAttribute('data-email') === 'manager@example.com');
    expect($(detail, '.watchers').textContent).to.contain('manager@example.com');
  });

  it('checks a watcher\'s email the GOV.UK way', async () => {
    const backend = alex();
    const { el, detail } = await renderCase(backend, await seeded(backend, 'open'));
    await submit(detail, '.watcher-form');
    await waitUntil(() => detail.shadowRoot?.activeElement?.classList.contains('error-summary'));
    expect($(detail, '.error-summary').textContent).to.contain('Enter the email address of the person to add');
    input(detail, '#watcher-email', 'not-an-email');
    await submit(detail, '.watcher-form');
    await waitUntil(() => $(detail, '.error-summary').textContent?.includes('right format'));
    expect($(detail, '#watcher-email').getAttribute('aria-invalid')).to.equal('true');
    $<HTMLAnchorElement>(detail, '.error-summary a').click();
    expect(detail.shadowRoot?.activeElement?.id).to.equal('watcher-email');
    await expect(el).to.be.accessible();
  });

  it('a Closed case shows no way to change anything, the closed notice and the follow-up', async () => {
    const backend = alex();
    const number = await seeded(backend, 'closed');
    const { el, detail } = await renderCase(backend, number);
    expect(shownState(detail)).to.equal('Closed');
    expect(detail.shadowRoot?.querySelector('textarea')).to.equal(null);
    expect(detail.shadowRoot?.querySelector('input')).to.equal(null);
    expect(detail.shadowRoot?.querySelector('form')).to.equal(null);
    expect(detail.shadowRoot?.querySelector('.callback')).to.equal(null);
    expect($$(detail, 'button').map((b) => b.textContent?.trim())).to.deep.equal(['Back to my tickets', 'Open a follow-up case']);
    expect(text(detail)).to.contain('You received an email saying so');
    expect(text(detail)).to.contain(`open a new case and add this case's number, ${number}, as a comment`);
    await expect(el).to.be.accessible();
  });

  it('"Open a follow-up case" fires follow-up-requested, and opens <ticket-form follow-up-of> unless cancelled', async () => {
    const backend = alex();
    const number = await seeded(backend, 'closed');
    const { el, detail } = await renderCase(backend, number);
    const cancel = (event: Event) => event.preventDefault();
    el.addEventListener('follow-up-requested', cancel, { once: true });
    const requested = nextEvent(el, 'follow-up-requested');
    $<HTMLButtonElement>(detail, '.follow-up').click();
    const event = await requested;
    expect(event.ticketNumber).to.equal(number);
    expect(event.areaId).to.equal('esign');
    await detail.updateComplete;
    expect(detail.shadowRoot?.querySelector('ticket-form')).to.equal(null);

    $<HTMLButtonElement>(detail, '.follow-up').click();
    await detail.updateComplete;
    const form = $(detail, 'ticket-form');
    expect(form.getAttribute('follow-up-of')).to.equal(number);
    expect(form.getAttribute('area')).to.equal('esign');
    expect(detail.shadowRoot?.activeElement?.id).to.equal('follow-up-title');
    // The heading takes the button's place; the form's notice names the closed case, once.
    expect($(detail, '#follow-up-title').textContent?.trim()).to.equal('Open a follow-up case');
    expect(detail.shadowRoot?.querySelector('.follow-up')).to.equal(null);
    await waitUntil(() => form.shadowRoot?.querySelector('.notice.follow-up'), 'the follow-up notice');
    expect(text(detail)).not.to.contain(`Follow-up of case ${number}`);
    expect(form.shadowRoot?.querySelector('.notice.follow-up')?.textContent?.trim()).to.equal(`Follow-up of case ${number}`);
  });

  it('a case closed in the meantime is reloaded and shown closed when a comment fails', async () => {
    const backend = alex();
    const number = await seeded(backend, 'pending');
    const { detail } = await renderCase(backend, number);
    backend.agentReply(number, 'Closing this one.', 'closed');
    await comment(detail, 'One more thing');
    await waitUntil(() => shownState(detail) === 'Closed', 'reloaded as closed');
    expect(announcement(detail)).to.contain('closed in the meantime');
    // No field to type in any more; what was typed stays on screen, read-only.
    expect(detail.shadowRoot?.querySelector('#comment') === null).to.equal(true);
    expect(text(detail)).to.contain('Open a follow-up case');
  });

  it('for an email contact method, explains to reply by email and still offers the field', async () => {
    const backend = alex();
    const page = await backend.listTickets({ search: 'Room permissions' });
    const number = page.items[0]?.number ?? '';
    const { el, detail } = await renderCase(backend, number);
    expect(text(detail)).to.contain('reply to the first email you received from support, or to the latest email from a support expert');
    const details = $<HTMLDetailsElement>(detail, 'details');
    expect(details.open).to.equal(false);
    $(detail, 'summary').click();
    await detail.updateComplete;
    expect(details.open).to.equal(true);
    expect($(detail, 'details #comment').tagName).to.equal('TEXTAREA');
    await expect(el).to.be.accessible();
  });

  it('keeps the comment draft across a reload and a failed send, with the same idempotency key', async () => {
    const backend = alex();
    const number = await seeded(backend, 'action_required');
    const first = await renderCase(backend, number);
    input(first.detail, '#comment', 'Here is the template');
    first.el.remove();

    const keys: string[] = [];
    const failing: MemoryBackend = {
      ...backend,
      addComment: (_n, _b, options) => {
        keys.push(options.idempotencyKey);
        return Promise.reject(new SupportError('server', 'boom'));
      },
    };
    const second = await renderCase(failing, number);
    expect($<HTMLTextAreaElement>(second.detail, '#comment').value).to.equal('Here is the template');
    await submit(second.detail, '.comment-form');
    await waitUntil(() => second.detail.shadowRoot?.querySelector('.failure'));
    expect($(second.detail, '.failure').textContent).to.contain('Something went wrong on our side');
    expect(second.detail.shadowRoot?.activeElement?.classList.contains('failure')).to.equal(true);
    expect($<HTMLTextAreaElement>(second.detail, '#comment').value).to.equal('Here is the template');
    await expect(second.el).to.be.accessible();
    second.el.remove();

    const sent: string[] = [];
    const working: MemoryBackend = {
      ...backend,
      addComment: (n, b, options) => {
        sent.push(options.idempotencyKey);
        return backend.addComment(n, b, options);
      },
    };
    const third = await renderCase(working, number);
    expect($<HTMLTextAreaElement>(third.detail, '#comment').value).to.equal('Here is the template');
    await submit(third.detail, '.comment-form');
    await waitUntil(() => shownState(third.detail) === 'Open');
    expect(sent).to.deep.equal(keys);
    expect(localStorage.getItem(draftKey(number))).to.equal(null);
  });

  it('shows each backend error kind as a message, with a retry when the case cannot load', async () => {
    const backend = alex();
    const missing: SupportBackend = { ...backend, getTicket: () => Promise.reject(new SupportError('not_found', 'no')) };
    const el = await fixture<MyTickets>(html`<my-tickets ticket="123" .backend=${missing}></my-tickets>`);
    const detail = await detailOf(el);
    await waitUntil(() => detail.shadowRoot?.querySelector('[role=alert]'));
    expect($(detail, '[role=alert]').textContent).to.contain('We could not find this case');
    expect($(detail, '[role=alert] button').textContent).to.contain('Try again');
    await expect(el).to.be.accessible();

    const number = await seeded(backend, 'open');
    const limited: SupportBackend = {
      ...backend,
      addWatcher: () => Promise.reject(new SupportError('rate_limited', 'slow down')),
    };
    const other = await renderCase(limited, number);
    input(other.detail, '#watcher-email', 'lee@example.com');
    await submit(other.detail, '.watcher-form');
    await waitUntil(() => other.detail.shadowRoot?.querySelector('.failure'));
    expect($(other.detail, '.failure').textContent).to.contain('Too many attempts');
  });

  it('shows a loading state while the case loads', async () => {
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com', now, latencyMs: 5000 });
    const el = await fixture<MyTickets>(html`<my-tickets ticket="10000001" .backend=${backend}></my-tickets>`);
    const detail = $<SupportTicketDetail>(el, 'support-ticket-detail');
    await detail.updateComplete;
    expect(text(detail)).to.contain('Loading the case');
    await expect(el).to.be.accessible();
  });

  it('every state of a case is accessible', async () => {
    const backend = alex();
    for (const status of ['open', 'action_required', 'pending', 'closed'] as const) {
      const { el, detail } = await renderCase(backend, await seeded(backend, status));
      expect(shownState(detail)).to.equal(
        { open: 'Open', action_required: 'Action required', pending: 'Pending', closed: 'Closed' }[status],
      );
      await expect(el).to.be.accessible();
      el.remove();
    }
  });

  it('works by keyboard alone: find a case, open it, add a comment, add a watcher', async () => {
    const backend = alex();
    const number = await seeded(backend, 'pending');
    const el = await renderList(backend);
    await rows(el, 5);
    $(el, '#search').focus();
    await sendKeys({ type: 'stuck' });
    await waitUntil(() => $$(el, '.row').length === 1);
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot?.activeElement?.getAttribute('data-number')).to.equal(number);
    await sendKeys({ press: 'Enter' });
    const detail = await detailOf(el);
    await sendKeys({ press: 'Tab' });
    expect(detail.shadowRoot?.activeElement?.id).to.equal('comment');
    await sendKeys({ type: 'It works now, thanks' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shownState(detail) === 'Open', 'comment sent');
    for (let i = 0; i < 15 && detail.shadowRoot?.activeElement?.id !== 'watcher-email'; i++) {
      await sendKeys({ press: 'Tab' });
    }
    expect(detail.shadowRoot?.activeElement?.id).to.equal('watcher-email');
    await sendKeys({ type: 'kim@example.com' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(detail, '.watchers').textContent?.includes('kim@example.com'), 'watcher added');
    expect((await backend.getTicket(number)).watchers.map((w) => w.email)).to.include('kim@example.com');
  });
});
