import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import type { IdempotentCallOptions, SupportBackend } from '../../../src/adapters/backend.js';
import { DEMO_PASSWORD } from '../../../src/adapters/memory-adapter.js';
import { ERROR_KINDS, SupportError } from '../../../src/core/errors.js';
import { sharedStore } from '../../../src/controllers/file-store.js';
import type { NewTicket } from '../../../src/core/ticket.js';
import { seedConfig } from '../../../src/core/config.js';
import { failureMessage } from '../../../src/elements/shared/messages.js';
import {
  all,
  button,
  fill,
  find,
  focusedIsHeading,
  form,
  draftKey,
  get,
  memoryFor,
  root,
  seedDraft,
  stepShown,
  storedDraft,
  text,
  type TicketForm,
  nextEvent,
} from './helpers.js';

const ALEX = 'drafts@example.com';

function submitButton(el: TicketForm): HTMLButtonElement {
  return get<HTMLButtonElement>(el, 'button[part=submit-button]');
}

async function detailsShown(el: TicketForm): Promise<void> {
  await waitUntil(() => find(el, '#description'), 'no case form');
  await el.updateComplete;
}

describe('<ticket-form> drafts, duplicates and errors', () => {
  // A send that failed for want of a network waits in the outbox (IndexedDB): no test inherits one.
  afterEach(async () => {
    localStorage.clear();
    await sharedStore().deletePrefix('outbox');
  });

  it('restores everything typed after a reload, at the same step', async () => {
    const backend = memoryFor(ALEX);
    const first = await form({ backend, area: 'esign' });
    await stepShown(first, 'What is your case about?');
    fill(first, '#subject', 'Signer cannot open the link');
    button(first, 'Add case details').click();
    await stepShown(first, 'Add case details');
    fill(first, '#description', 'Since this morning.');
    get<HTMLInputElement>(first, '#contactMethod-portal').click();
    await first.updateComplete;
    fixtureCleanup();

    const again = await form({ backend, area: 'esign' });
    await detailsShown(again);
    expect(get<HTMLInputElement>(again, '#subject').value).to.equal('Signer cannot open the link');
    expect(get<HTMLTextAreaElement>(again, '#description').value).to.equal('Since this morning.');
    expect(get<HTMLInputElement>(again, '#contactMethod-portal').checked).to.equal(true);
    // Drafts are per user and area, whatever the language.
    const other = await form({ backend, area: 'esign', locale: 'fr' });
    await detailsShown(other);
    expect(get<HTMLTextAreaElement>(other, '#description').value).to.equal('Since this morning.');
  });

  it('keeps the draft after a failed submit, and clears it only once the backend confirms', async () => {
    const memory = memoryFor(ALEX);
    let fail = true;
    const backend: SupportBackend = {
      ...memory,
      createTicket: (input, options) =>
        fail ? Promise.reject(new SupportError('server', 'down')) : memory.createTicket(input, options),
    };
    seedDraft(ALEX, 'esign');
    const el = await form({ backend, area: 'esign' });
    await detailsShown(el);
    submitButton(el).click();
    await waitUntil(() => find(el, '.failure'), 'no error notice');
    expect(storedDraft(ALEX, 'esign')['description']).to.equal('The void button does nothing.');
    expect(storedDraft(ALEX, 'esign')['idempotencyKey']).to.be.a('string');
    fixtureCleanup();

    const again = await form({ backend, area: 'esign' });
    await detailsShown(again);
    expect(get<HTMLTextAreaElement>(again, '#description').value).to.equal('The void button does nothing.');
    fail = false;
    const created = nextEvent(again, 'ticket-created');
    submitButton(again).click();
    await created;
    expect(localStorage.getItem(draftKey(ALEX, 'esign'))).to.equal(null);
  });

  it('a double click on Submit creates one case', async () => {
    const backend = memoryFor(ALEX, { latencyMs: 30 });
    seedDraft(ALEX, 'esign', { subject: 'Double click case' });
    const el = await form({ backend, area: 'esign' });
    await detailsShown(el);
    const created = nextEvent(el, 'ticket-created');
    submitButton(el).focus();
    submitButton(el).click();
    submitButton(el).click();
    await el.updateComplete;
    expect(root(el).activeElement).to.equal(submitButton(el));
    // Busy: the button keeps focus (aria-disabled, never disabled) and a press does nothing.
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(submitButton(el).disabled).to.equal(false);
    expect(get(el, 'form').getAttribute('aria-busy')).to.equal('true');
    submitButton(el).click();
    await created;
    const page = await backend.listTickets({ search: 'Double click case' });
    expect(page.total).to.equal(1);
  });

  it('a retry after a lost answer reuses the idempotency key: still one case', async () => {
    const memory = memoryFor(ALEX);
    const keys: string[] = [];
    let dropAnswer = true;
    const backend: SupportBackend = {
      ...memory,
      createTicket: async (input: NewTicket, options: IdempotentCallOptions) => {
        keys.push(options.idempotencyKey);
        const ticket = await memory.createTicket(input, options);
        if (dropAnswer) {
          dropAnswer = false;
          throw new SupportError('network', 'connection dropped after commit');
        }
        return ticket;
      },
    };
    seedDraft(ALEX, 'esign', { subject: 'Lost answer case' });
    const el = await form({ backend, area: 'esign' });
    await detailsShown(el);
    submitButton(el).click();
    await waitUntil(() => find(el, '.failure'), 'no error notice');
    const created = nextEvent(el, 'ticket-created');
    submitButton(el).click();
    await created;
    expect(keys).to.have.length(2);
    expect(keys[0]).to.equal(keys[1]);
    expect((await memory.listTickets({ search: 'Lost answer case' })).total).to.equal(1);
  });

  it('an edited case after a lost answer gets a new key: sent, not refused as a conflict', async () => {
    // Before: the key of the first attempt was reused for the edited case, and the backend
    // (which had recorded that key with the first body) answered "conflict".
    const memory = memoryFor(ALEX);
    const keys: string[] = [];
    let dropAnswer = true;
    const backend: SupportBackend = {
      ...memory,
      createTicket: async (input: NewTicket, options: IdempotentCallOptions) => {
        keys.push(options.idempotencyKey);
        const ticket = await memory.createTicket(input, options);
        if (dropAnswer) {
          dropAnswer = false;
          throw new SupportError('network', 'connection dropped after commit');
        }
        return ticket;
      },
    };
    seedDraft(ALEX, 'esign', { subject: 'Edited after a lost answer' });
    const el = await form({ backend, area: 'esign' });
    await detailsShown(el);
    submitButton(el).click();
    await waitUntil(() => find(el, '.failure'), 'no error notice');
    fill(el, '#description', 'The void button does nothing, and the page freezes.');
    await el.updateComplete;
    const created = nextEvent(el, 'ticket-created');
    submitButton(el).click();
    const event = await created;
    expect(keys).to.have.length(2);
    expect(keys[1]).to.not.equal(keys[0]);
    expect(event.ticket.description).to.equal('The void button does nothing, and the page freezes.');
  });

  it('a reload after a failed submit reuses the same key for the same case', async () => {
    const memory = memoryFor(ALEX);
    const keys: string[] = [];
    let fail = true;
    const backend: SupportBackend = {
      ...memory,
      createTicket: (input: NewTicket, options: IdempotentCallOptions) => {
        keys.push(options.idempotencyKey);
        return fail ? Promise.reject(new SupportError('timeout', 'slow')) : memory.createTicket(input, options);
      },
    };
    seedDraft(ALEX, 'esign', { subject: 'Reloaded retry case' });
    const first = await form({ backend, area: 'esign' });
    await detailsShown(first);
    submitButton(first).click();
    await waitUntil(() => find(first, '.failure'), 'no error notice');
    expect(storedDraft(ALEX, 'esign')['idempotencyKey']).to.equal(keys[0]);
    fixtureCleanup();

    fail = false;
    const again = await form({ backend, area: 'esign' });
    const created = nextEvent(again, 'ticket-created');
    // The reloaded page's outbox may send the waiting case before the click: the same key either way.
    await waitUntil(() => find(again, '#description, [part=confirmation]'), 'no case form');
    if (find(again, '#description')) submitButton(again).click();
    await created;
    expect(keys.length).to.be.within(2, 3);
    expect(new Set(keys).size).to.equal(1);
    expect((await memory.listTickets({ search: 'Reloaded retry case' })).total).to.equal(1);
  });

  for (const kind of ERROR_KINDS) {
    it(`backend error "${kind}": a clear message, and nothing typed is lost`, async () => {
      const memory = memoryFor(ALEX);
      const backend: SupportBackend = { ...memory, createTicket: () => Promise.reject(new SupportError(kind, 'x')) };
      seedDraft(ALEX, 'esign');
      const el = await form({ backend, area: 'esign' });
      await detailsShown(el);
      submitButton(el).click();
      await waitUntil(() => find(el, '.failure'), 'no error notice');
      await el.updateComplete;
      const notice = get(el, '.failure');
      expect(notice.getAttribute('role')).to.equal('alert');
      // A 413 names the config's limit (issue 11); every other kind keeps its own message.
      // The form was used signed in, so a 401 says the session ended.
      expect(notice.textContent?.trim()).to.equal(failureMessage(kind, { locale: 'en', maxBytes: seedConfig.attachments.maxBytes, hadSession: true }));
      expect(storedDraft(ALEX, 'esign')['description']).to.equal('The void button does nothing.');
      if (kind === 'unauthorized') {
        // Sign-in in place takes focus (its heading: test/elements/shared/session-expired.test.ts).
        expect(root(el).activeElement).to.equal(find(el, 'support-sign-in'));
      } else {
        expect(root(el).activeElement).to.equal(notice);
        expect(get<HTMLTextAreaElement>(el, '#description').value).to.equal('The void button does nothing.');
        expect(get<HTMLInputElement>(el, '#subject').value).to.equal('Envelope will not void');
        expect(submitButton(el).disabled).to.equal(false);
        expect(submitButton(el).getAttribute('aria-disabled')).to.equal('false');
      }
      await expect(el).to.be.accessible();
    });
  }

  it('backend field errors land on the fields, in a summary that takes focus', async () => {
    const memory = memoryFor(ALEX);
    const backend: SupportBackend = {
      ...memory,
      createTicket: () =>
        Promise.reject(
          new SupportError('validation', 'invalid', {
            fieldErrors: [
              { field: 'subject', code: 'too_long' },
              { field: 'productId', code: 'not_offered' },
            ],
          }),
        ),
    };
    seedDraft(ALEX, 'esign');
    const el = await form({ backend, area: 'esign' });
    await detailsShown(el);
    submitButton(el).click();
    await waitUntil(() => root(el).activeElement?.classList.contains('error-summary'), 'summary not focused');
    const links = all<HTMLAnchorElement>(el, '.error-summary a');
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['#subject', '#productId']);
    expect(get(el, '#subject-error').textContent).to.contain('The subject must be 150 characters or fewer');
    expect(get(el, '#productId-error').textContent).to.contain('not offered');
    expect(get(el, '#subject').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('error summary on submit: focused, with links that focus each field', async () => {
    const backend = memoryFor(ALEX);
    const el = await form({ backend, area: 'esign' });
    await stepShown(el, 'What is your case about?');
    button(el, 'Add case details').click();
    await waitUntil(() => root(el).activeElement?.classList.contains('error-summary'), 'summary not focused');
    expect(get(el, '.error-summary').textContent).to.contain('Enter a subject for your case');
    fill(el, '#subject', 'Templates');
    button(el, 'Add case details').click();
    await stepShown(el, 'Add case details');
    expect(focusedIsHeading(el)).to.equal(true);
    fill(el, '#subject', '');
    submitButton(el).click();
    await waitUntil(() => root(el).activeElement?.classList.contains('error-summary'), 'summary not focused');
    const links = all<HTMLAnchorElement>(el, '.error-summary a');
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['#subject', '#productId', '#description', '#contactMethod']);
    expect(get(el, '#description-error').textContent).to.contain('Describe the problem');
    expect(get(el, '#description-error .visually-hidden').textContent?.trim()).to.equal('Error:');
    expect(get(el, 'form').hasAttribute('novalidate')).to.equal(true);
    await expect(el).to.be.accessible();
    links[2]?.click();
    expect(root(el).activeElement?.id).to.equal('description');
    links[3]?.click();
    expect(root(el).activeElement?.id).to.equal('contactMethod');
  });

  it('an expired session: sign in again, then submit with nothing retyped', async () => {
    const backend = memoryFor(ALEX);
    seedDraft(ALEX, 'esign', { subject: 'Expired session case' });
    const el = await form({ backend, area: 'esign' });
    await detailsShown(el);
    backend.expireSession();
    submitButton(el).click();
    await waitUntil(() => find(el, 'support-sign-in'), 'no sign-in');
    expect(get(el, '.failure').textContent?.trim()).to.equal(failureMessage('unauthorized', { locale: 'en', hadSession: true }));
    const signIn = get(el, 'support-sign-in');
    await (signIn as unknown as { updateComplete: Promise<boolean> }).updateComplete;
    fill(signIn, '#email', ALEX);
    fill(signIn, '#password', DEMO_PASSWORD);
    const changed = nextEvent(el, 'session-changed');
    get<HTMLButtonElement>(signIn, 'button[type=submit]').click();
    await changed;
    await detailsShown(el);
    expect(focusedIsHeading(el)).to.equal(true);
    expect(get<HTMLInputElement>(el, '#subject').value).to.equal('Expired session case');
    expect(get<HTMLTextAreaElement>(el, '#description').value).to.equal('The void button does nothing.');
    const created = nextEvent(el, 'ticket-created');
    submitButton(el).click();
    const event = await created;
    expect(event.ticket.subject).to.equal('Expired session case');
    expect((await backend.listTickets({ search: 'Expired session case' })).total).to.equal(1);
    expect(text(el)).to.contain(event.ticket.number);
  });
});
