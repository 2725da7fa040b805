/**
 * `session-expired` (issue 13) in every element that calls the backend with a session: the
 * event, then either the host's own sign-in (cancelled: the element waits for `session` and
 * sends the refused call again) or the sign-in form in place (focus on its heading, axe-clean);
 * what the user typed is there in both. And the words: "session has ended" only for a session
 * that existed, "Sign in to continue" for someone never signed in.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { Session, SupportBackend } from '../../../src/adapters/backend.js';
import { createMemoryBackend, DEMO_PASSWORD, type MemoryBackend } from '../../../src/adapters/memory-adapter.js';
import '../../../src/define/my-tickets.js';
import '../../../src/define/support-contact.js';
import type { MyTickets } from '../../../src/define/my-tickets.js';
import type { SupportContact } from '../../../src/define/support-contact.js';
import type { SupportTicketDetail } from '../../../src/define/support-ticket-detail.js';
import { failureMessage } from '../../../src/elements/shared/messages.js';
import { SessionExpiredEvent } from '../../../src/events/events.js';
import { $, deepActive, nextEvent, setValue, shadowText, until } from '../../support/dom.js';
import { find, form, get, memoryFor, seedDraft, type TicketForm } from '../ticket-form/helpers.js';

const USER = 'session-expired@example.com';
const ENDED = failureMessage('unauthorized', { locale: 'en', hadSession: true });
const SIGN_IN_FIRST = failureMessage('unauthorized', { locale: 'en' });

/** Every `session-expired` that reaches the document; `take` makes the host handle them. */
function hostListener(take: boolean): { readonly events: SessionExpiredEvent[]; stop(): void } {
  const events: SessionExpiredEvent[] = [];
  const listener = (event: SessionExpiredEvent) => {
    events.push(event);
    if (take) event.preventDefault();
  };
  document.addEventListener('session-expired', listener);
  return { events, stop: () => document.removeEventListener('session-expired', listener) };
}

/** The host's own sign-in: it gets a session from the backend and hands it to the element. */
async function hostSignsIn(backend: SupportBackend, el: { session: Session | null | undefined }, email = USER): Promise<void> {
  el.session = await backend.signIn({ email, password: DEMO_PASSWORD, realm: 'product' });
}

/** Whether focus is on the heading of the sign-in form shown in `el`. */
function signInHeadingFocused(el: Element): boolean {
  const active = deepActive();
  const root = active?.getRootNode();
  return active?.localName === 'h2' && root instanceof ShadowRoot && root.host.localName === 'support-sign-in' && el.shadowRoot?.contains(root.host) === true;
}

async function signInHere(el: Element, email = USER): Promise<void> {
  const signIn = $(el, 'support-sign-in');
  await (signIn as unknown as { updateComplete: Promise<boolean> }).updateComplete;
  setValue($<HTMLInputElement>(signIn, '#email'), email);
  setValue($<HTMLInputElement>(signIn, '#password'), DEMO_PASSWORD);
  $<HTMLButtonElement>(signIn, 'button[type=submit]').click();
}

function submitCase(el: TicketForm): void {
  get<HTMLButtonElement>(el, 'button[part=submit-button]').click();
}

async function openCase(backend: MemoryBackend, subject: string): Promise<{ el: MyTickets; detail: SupportTicketDetail }> {
  const ticket = await backend.createTicket(
    { areaId: 'esign', productId: 'esignature', subject, description: 'Seeded for this test.', contactMethod: 'portal', attachmentTokens: [] },
    { idempotencyKey: crypto.randomUUID() },
  );
  const el = await fixture<MyTickets>(html`<my-tickets locale="en" ticket=${ticket.number} .backend=${backend}></my-tickets>`);
  const detail = $<SupportTicketDetail>(el, 'support-ticket-detail');
  await until(() => shadowText(detail).includes(subject), 'case not shown');
  return { el, detail };
}

describe('session-expired', () => {
  let host: ReturnType<typeof hostListener> | undefined;
  afterEach(() => {
    host?.stop();
    host = undefined;
    localStorage.clear();
  });

  describe('<ticket-form>', () => {
    it('not cancelled: sign-in in place, focused and accessible, the case as typed; after sign-in it goes once', async () => {
      host = hostListener(false);
      const backend = memoryFor(USER);
      seedDraft(USER, 'esign', { subject: 'Form expiry in place' });
      const el = await form({ backend, area: 'esign' });
      await until(() => find(el, '#description'), 'no case form');
      backend.expireSession();
      submitCase(el);
      await until(() => find(el, 'support-sign-in'), 'no sign-in in place');
      await until(() => signInHeadingFocused(el), 'focus not on the sign-in heading');
      expect(host.events.map((e) => [e.realm, e.hadSession, e.cancelable])).to.deep.equal([['product', true, true]]);
      expect(get(el, '.failure').textContent?.trim()).to.equal(ENDED);
      expect(get<HTMLInputElement>(el, '#subject').value).to.equal('Form expiry in place');
      expect(get<HTMLTextAreaElement>(el, '#description').value).to.equal('The void button does nothing.');
      await expect(el).to.be.accessible();
      await signInHere(el);
      await until(() => !find(el, 'support-sign-in'), 'sign-in still shown');
      expect(get<HTMLTextAreaElement>(el, '#description').value).to.equal('The void button does nothing.');
      const created = nextEvent(el, 'ticket-created');
      submitCase(el);
      expect((await created).ticket.subject).to.equal('Form expiry in place');
      expect((await backend.listTickets({ search: 'Form expiry in place' })).total).to.equal(1);
    });

    it('cancelled: no sign-in here; once the host sets `session`, the same case is sent again, once', async () => {
      host = hostListener(true);
      const backend = memoryFor(USER);
      seedDraft(USER, 'esign', { subject: 'Form expiry by the host' });
      const el = await form({ backend, area: 'esign' });
      await until(() => find(el, '#description'), 'no case form');
      backend.expireSession();
      const before = deepActive();
      submitCase(el);
      await until(() => host?.events.length === 1, 'no session-expired');
      await el.updateComplete;
      expect(find(el, 'support-sign-in')).to.equal(null);
      expect(find(el, '.failure')).to.equal(null);
      expect(deepActive()).to.equal(before);
      expect(get<HTMLTextAreaElement>(el, '#description').value).to.equal('The void button does nothing.');
      const created = nextEvent(el, 'ticket-created');
      await hostSignsIn(backend, el);
      expect((await created).ticket.subject).to.equal('Form expiry by the host');
      expect((await backend.listTickets({ search: 'Form expiry by the host' })).total).to.equal(1);
      expect(host.events).to.have.length(1);
    });
  });

  describe('<my-tickets> list', () => {
    it('never signed in: "Sign in to continue", not "session ended"; sign-in focused and accessible, then the list', async () => {
      host = hostListener(false);
      const backend = createMemoryBackend();
      const el = await fixture<MyTickets>(html`<my-tickets locale="en" .backend=${backend}></my-tickets>`);
      await until(() => find(el, 'support-sign-in'), 'no sign-in in place');
      await until(() => signInHeadingFocused(el), 'focus not on the sign-in heading');
      expect(host.events.map((e) => e.hadSession)).to.deep.equal([false]);
      expect(get(el, '.list-error p').textContent?.trim()).to.equal(SIGN_IN_FIRST);
      expect(SIGN_IN_FIRST).to.not.equal(ENDED);
      await expect(el).to.be.accessible();
      await signInHere(el, 'alex@example.com');
      await until(() => find(el, '.row__open'), 'no cases after sign-in');
      expect(find(el, 'support-sign-in')).to.equal(null);
    });

    it('cancelled: the host signs in and sets `session`; the list loads without a sign-in form here', async () => {
      host = hostListener(true);
      const backend = createMemoryBackend();
      const el = await fixture<MyTickets>(html`<my-tickets locale="en" .backend=${backend}></my-tickets>`);
      await until(() => host?.events.length === 1, 'no session-expired');
      await el.updateComplete;
      expect(find(el, 'support-sign-in')).to.equal(null);
      await hostSignsIn(backend, el, 'alex@example.com');
      await until(() => find(el, '.row__open'), 'no cases after the host signed in');
      expect(host.events).to.have.length(1);
    });
  });

  describe('<my-tickets> case view', () => {
    it('not cancelled: the comment stays typed, sign-in focused and accessible; after it, focus is back on "Add comment"', async () => {
      host = hostListener(false);
      const backend = memoryFor(USER);
      const { detail } = await openCase(backend, 'Detail expiry in place');
      setValue($<HTMLTextAreaElement>(detail, '#comment'), 'Still here after sign-in');
      backend.expireSession();
      const send = $<HTMLButtonElement>(detail, '.comment-form button[type=submit]');
      send.focus();
      send.click();
      await until(() => find(detail, 'support-sign-in'), 'no sign-in in place');
      await until(() => signInHeadingFocused(detail), 'focus not on the sign-in heading');
      expect(host.events.map((e) => e.hadSession)).to.deep.equal([true]);
      expect(get(detail, '.failure p').textContent?.trim()).to.equal(ENDED);
      await expect(detail).to.be.accessible();
      await signInHere(detail);
      await until(() => !find(detail, 'support-sign-in'), 'sign-in still shown');
      await until(() => deepActive()?.matches('.comment-form button[type=submit]'), 'focus not back on "Add comment"');
      expect($<HTMLTextAreaElement>(detail, '#comment').value).to.equal('Still here after sign-in');
      const added = nextEvent(detail, 'comment-added');
      $<HTMLButtonElement>(detail, '.comment-form button[type=submit]').click();
      expect((await added).comment.body).to.equal('Still here after sign-in');
    });

    it('opened from a list that had loaded: the case view says the session ended (the list had one)', async () => {
      host = hostListener(false);
      const backend = memoryFor(USER);
      await backend.createTicket(
        { areaId: 'esign', productId: 'esignature', subject: 'Opened after the list', description: 'Seeded.', contactMethod: 'portal', attachmentTokens: [] },
        { idempotencyKey: crypto.randomUUID() },
      );
      const el = await fixture<MyTickets>(html`<my-tickets locale="en" .backend=${backend}></my-tickets>`);
      await until(() => find(el, '.row__open'), 'no row');
      backend.expireSession();
      get<HTMLButtonElement>(el, '.row__open').click();
      const detail = await until(() => find(el, 'support-ticket-detail'), 'no case view').then(() => get<SupportTicketDetail>(el, 'support-ticket-detail'));
      await until(() => find(detail, 'support-sign-in'), 'no sign-in in place');
      expect(host.events.map((e) => e.hadSession)).to.deep.equal([true]);
      expect(shadowText(detail)).to.contain(ENDED);
      await until(() => signInHeadingFocused(detail), 'focus not on the sign-in heading');
    });

    it('cancelled: once the host sets `session`, the comment goes by itself, exactly once', async () => {
      host = hostListener(true);
      const backend = memoryFor(USER);
      const { el, detail } = await openCase(backend, 'Detail expiry by the host');
      setValue($<HTMLTextAreaElement>(detail, '#comment'), 'Sent after the host signed in');
      backend.expireSession();
      $<HTMLButtonElement>(detail, '.comment-form button[type=submit]').click();
      await until(() => host?.events.length === 1, 'no session-expired');
      await detail.updateComplete;
      expect(find(detail, 'support-sign-in')).to.equal(null);
      expect($<HTMLTextAreaElement>(detail, '#comment').value).to.equal('Sent after the host signed in');
      const added = nextEvent(detail, 'comment-added');
      // The host hands the session to the element it holds; the case view inherits it.
      await hostSignsIn(backend, el);
      const event = await added;
      expect(event.comment.body).to.equal('Sent after the host signed in');
      expect(event.ticket.comments.filter((c) => c.body === 'Sent after the host signed in')).to.have.length(1);
    });

    it('cancelled, an upload: the file is sent again once the host sets `session`, with no sign-in form meanwhile', async () => {
      host = hostListener(true);
      const backend = memoryFor(USER);
      const { el, detail } = await openCase(backend, 'Upload expiry by the host');
      backend.expireSession();
      const picker = $<HTMLInputElement>(detail, 'input[type=file]');
      const files = new DataTransfer();
      files.items.add(new File(['log line'], 'expired.log', { type: 'text/plain' }));
      picker.files = files.files;
      picker.dispatchEvent(new Event('change'));
      await until(() => host?.events.length === 1, 'no session-expired');
      await detail.updateComplete;
      expect(find(detail, 'support-sign-in')).to.equal(null);
      await hostSignsIn(backend, el);
      await until(() => find(detail, 'button.attach'), 'the file was not sent again');
      const added = nextEvent(detail, 'attachments-added');
      get<HTMLButtonElement>(detail, 'button.attach').click();
      expect((await added).ticket.attachments.map((a) => a.name)).to.deep.equal(['expired.log']);
    });
  });

  describe('<support-contact>', () => {
    it("a composed step's event reaches the host; the session set on <support-contact> resumes the step", async () => {
      host = hostListener(true);
      const backend = memoryFor(USER);
      seedDraft(USER, 'esign', { subject: 'Contact expiry by the host' });
      const el = await fixture<SupportContact>(html`<support-contact locale="en" .backend=${backend}></support-contact>`);
      await until(() => find(el, '[data-start]'), 'no start control');
      get<HTMLButtonElement>(el, 'button[part~="start-button"]').click();
      const step = await until(() => find(el, 'ticket-form'), 'no form').then(() => get<TicketForm>(el, 'ticket-form'));
      await until(() => find(step, '#description'), 'no case form');
      backend.expireSession();
      submitCase(step);
      await until(() => host?.events.length === 1, 'no session-expired');
      const created = nextEvent(el, 'ticket-created');
      await hostSignsIn(backend, el);
      expect((await created).ticket.subject).to.equal('Contact expiry by the host');
    });

    it('not cancelled, in the account choice: sign-in in place for the same area, focused and accessible', async () => {
      host = hostListener(false);
      const backend = createMemoryBackend({ signedInAs: 'sam@example.com' });
      const el = await fixture<SupportContact>(html`<support-contact locale="en" .backend=${backend}></support-contact>`);
      await until(() => find(el, '[data-start]'), 'no start control');
      get<HTMLButtonElement>(el, 'button[part~="start-button"]').click();
      await until(() => el.currentView.kind === 'choose_account', 'no account choice');
      await el.updateComplete;
      backend.expireSession();
      get<HTMLButtonElement>(el, 'button[part~="account-choice"]').click();
      await until(() => el.currentView.kind === 'sign_in', 'no sign-in after the choice was refused');
      await until(() => deepActive()?.localName === 'h2' && (deepActive()?.getRootNode() as ShadowRoot).host.localName === 'support-sign-in', 'focus not on the sign-in heading');
      expect(host.events.map((e) => e.hadSession)).to.deep.equal([true]);
      await expect(el).to.be.accessible();
      await signInHere(el, 'sam@example.com');
      await until(() => el.currentView.kind === 'choose_account', 'not back to the account choice');
    });
  });
});
