import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SupportBackend } from '../../../src/adapters/backend.js';
import { createMemoryBackend, DEMO_PASSWORD } from '../../../src/adapters/memory-adapter.js';
import type { Comment, Ticket } from '../../../src/core/ticket.js';
import type { MyTickets } from '../../../src/define/my-tickets.js';
import type { SupportTicketDetail } from '../../../src/define/support-ticket-detail.js';
import { COMMENT_PAGE } from '../../../src/elements/my-tickets/ticket-detail-conversation.js';
import { $, $$, input, now, renderCase, seeded, shownState, text } from './helpers.js';

const alex = () => createMemoryBackend({ signedInAs: 'alex@example.com', now });

/** A backend whose case `number` has `count` comments by its requester. */
function withComments(backend: SupportBackend, number: string, count: number): SupportBackend {
  return {
    ...backend,
    getTicket: async (n, options) => {
      const ticket = await backend.getTicket(n, options);
      if (n !== number) return ticket;
      const comments: Comment[] = Array.from({ length: count }, (_, i) => ({
        id: `c-${i}`,
        author: ticket.requester,
        authorRole: 'user',
        body: `Comment ${i}`,
        via: 'web',
        createdAt: ticket.createdAt,
      }));
      return { ...ticket, comments } satisfies Ticket;
    },
  };
}

const shown = (detail: SupportTicketDetail) => $$(detail, '.conversation > li');
const earlier = (detail: SupportTicketDetail) => detail.shadowRoot?.querySelector<HTMLButtonElement>('button.earlier') ?? null;

describe('<my-tickets> a long conversation', () => {
  afterEach(() => localStorage.clear());

  it('shows the latest comments first, and "Show earlier comments" adds the previous page, keeping focus and announcing it', async () => {
    const memory = alex();
    const number = await seeded(memory, 'open');
    const total = COMMENT_PAGE * 2 + 7;
    const { detail } = await renderCase(withComments(memory, number, total), number);
    expect(shown(detail)).to.have.length(COMMENT_PAGE);
    expect(shown(detail).at(-1)?.textContent).to.contain(`Comment ${total - 1}`);
    expect(shown(detail)[0]?.textContent).to.contain(`Comment ${total - COMMENT_PAGE}`);
    expect(earlier(detail)?.textContent).to.contain(`${total - COMMENT_PAGE} more`);

    // By keyboard: the button keeps focus while there is more, and says how many were added.
    earlier(detail)?.focus();
    await sendKeys({ press: 'Enter' });
    await detail.updateComplete;
    expect(shown(detail)).to.have.length(COMMENT_PAGE * 2);
    expect(detail.shadowRoot?.activeElement === earlier(detail), 'focus on the button').to.equal(true);
    expect($(detail, '.earlier-status').textContent).to.contain(`${COMMENT_PAGE} earlier comments shown.`);
    expect(earlier(detail)?.textContent).to.contain('7 more');

    await sendKeys({ press: ' ' });
    await detail.updateComplete;
    await waitUntil(() => earlier(detail) === null, 'button still there');
    expect(shown(detail)).to.have.length(total);
    expect($(detail, '.earlier-status').textContent).to.contain('7 earlier comments shown.');
    // Once everything is shown, focus goes to the oldest comment (the button is gone).
    expect(detail.shadowRoot?.activeElement === shown(detail)[0], 'focus on the oldest comment').to.equal(true);
    await expect(detail).to.be.accessible();
  });

  it('renders 10,000 comments as one page of the latest', async () => {
    const memory = alex();
    const number = await seeded(memory, 'open');
    const { detail } = await renderCase(withComments(memory, number, 10_000), number);
    expect(shown(detail)).to.have.length(COMMENT_PAGE);
    expect(shown(detail).at(-1)?.textContent).to.contain('Comment 9999');
    expect(earlier(detail)?.textContent).to.contain(`${10_000 - COMMENT_PAGE} more`);
  });

  it('a short conversation has no "Show earlier comments"', async () => {
    const memory = alex();
    const number = await seeded(memory, 'open');
    const { detail } = await renderCase(withComments(memory, number, 3), number);
    expect(shown(detail)).to.have.length(3);
    expect(earlier(detail) === null).to.equal(true);
  });
});

describe('<my-tickets> a comment on a case closed meanwhile', () => {
  afterEach(() => localStorage.clear());

  async function closedWithComment(): Promise<SupportTicketDetail> {
    const backend = alex();
    const number = await seeded(backend, 'pending');
    const { detail } = await renderCase(backend, number);
    backend.agentReply(number, 'Closing this one.', 'closed');
    input(detail, '#comment', 'One more thing');
    await detail.updateComplete;
    $<HTMLButtonElement>(detail, '.comment-form button[type=submit]').click();
    await waitUntil(() => shownState(detail) === 'Closed', 'reloaded as closed');
    await detail.updateComplete;
    return detail;
  }

  it('stays on screen, read-only, with Copy', async () => {
    const detail = await closedWithComment();
    const kept = $<HTMLTextAreaElement>(detail, '.unsent-text');
    expect(kept.value).to.equal('One more thing');
    expect(kept.readOnly).to.equal(true);
    let copied = '';
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void (copied = t) } });
    try {
      $<HTMLButtonElement>(detail, 'button.copy').click();
      await waitUntil(() => $(detail, '.unsent .copied').textContent?.includes('Copied.'), 'not announced');
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
    }
    expect(copied).to.equal('One more thing');
    await expect(detail).to.be.accessible();
  });

  it('"Open a follow-up case with this text" opens the follow-up form with it in the description', async () => {
    const detail = await closedWithComment();
    $<HTMLButtonElement>(detail, 'button.follow-up-with-text').click();
    await detail.updateComplete;
    const form = $<HTMLElement & { updateComplete: Promise<unknown> }>(detail, 'ticket-form');
    expect(form.getAttribute('follow-up-of')).to.equal(detail.number);
    await waitUntil(() => form.shadowRoot?.querySelector('#description') || form.shadowRoot?.querySelector('#subject'), 'no form');
    const fields = form as unknown as { fields: { description: string } };
    expect(fields.fields.description).to.contain('One more thing');
    expect(fields.fields.description).to.contain(`Follow-up of case ${detail.number}`);
    // The button is gone while the form is open; the text is still there.
    expect(detail.shadowRoot?.querySelector('button.follow-up-with-text') === null).to.equal(true);
    expect(text(detail)).to.contain('was not sent');
  });

  it('is worded in the customer\'s language (fr)', async () => {
    const backend = alex();
    const number = await seeded(backend, 'closed');
    localStorage.setItem(
      `support-elements:draft:my-tickets:comment:alex@example.com:${number}`,
      JSON.stringify({ body: 'Encore une chose', idempotencyKey: '', keyFor: '' }),
    );
    const { detail } = await renderCase(backend, number, 'fr');
    await detail.localeReady;
    await detail.updateComplete;
    expect($<HTMLTextAreaElement>(detail, '.unsent-text').value).to.equal('Encore une chose');
    expect($(detail, 'button.copy').textContent?.trim()).to.equal('Copier');
  });
});

describe('<my-tickets ticket=N> without a session', () => {
  afterEach(() => localStorage.clear());

  it('offers sign-in in place; once signed in, the case opens', async () => {
    const backend = createMemoryBackend({ now });
    const seededCases = createMemoryBackend({ signedInAs: 'alex@example.com', now });
    const number = await seeded(seededCases, 'open');
    const el = await fixture<MyTickets>(html`<my-tickets locale="en" ticket=${number} .backend=${backend}></my-tickets>`);
    const detail = $<SupportTicketDetail>(el, 'support-ticket-detail');
    await detail.loaded;
    await detail.updateComplete;
    // Nobody was signed in here: asked to sign in, not told a session ended (issue 13).
    expect(text(detail)).to.contain('Sign in to continue.');
    expect(text(detail)).to.not.contain('session has ended');
    const signIn = $<HTMLElement & { updateComplete: Promise<unknown> }>(detail, 'support-sign-in');
    expect(signIn.getAttribute('realm')).to.equal('product');
    await signIn.updateComplete;
    input(signIn, '#email', 'alex@example.com');
    input(signIn, '#password', DEMO_PASSWORD);
    await signIn.updateComplete;
    $<HTMLButtonElement>(signIn, 'button[type=submit]').click();
    await waitUntil(() => detail.shadowRoot?.querySelector('.conversation, .description'), 'the case did not open', { timeout: 5000 });
    expect(detail.shadowRoot?.querySelector('support-sign-in') === null).to.equal(true);
    expect(shownState(detail)).to.equal('Open');
  });
});

describe('<support-ticket-detail> comment dates', () => {
  afterEach(() => localStorage.clear());

  it('shows each comment\'s date in the current language, again after the language changes', async () => {
    const backend = alex();
    const number = await seeded(backend, 'open');
    backend.agentReply(number, 'We are looking into it.');
    const el = document.createElement('support-ticket-detail');
    el.backend = backend;
    el.number = number;
    el.locale = 'en';
    document.body.append(el);
    try {
      await waitUntil(() => $$(el, '.conversation > li time').length > 0, 'the comments did not show');
      const times = () => $$(el, '.conversation > li time');
      const formatted = (locale: string, value: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
      const check = (locale: string) => {
        for (const time of times()) {
          const expected = formatted(locale, time.getAttribute('datetime') ?? '');
          expect(time.textContent).to.equal(expected);
          // The full date is the text: no tooltip repeating it.
          expect(time.hasAttribute('title')).to.equal(false);
        }
      };
      check('en');
      const english = times()[0]?.textContent;
      el.locale = 'fr';
      await el.localeReady;
      await el.updateComplete;
      check('fr');
      expect(times()[0]?.textContent).not.to.equal(english);
      el.locale = 'en';
      await el.localeReady;
      await el.updateComplete;
      check('en');
    } finally {
      el.remove();
    }
  });
});
