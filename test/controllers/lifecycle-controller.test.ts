import { expect, waitUntil } from '@open-wc/testing';
import { SupportError } from '../../src/core/errors.js';
import type { CaseDeflectedEvent, StepChangeEvent, SupportErrorEvent } from '../../src/events/events.js';
import { contact, area, $, waitFor } from '../elements/support-contact/helpers.js';
import { createMemoryBackend } from '../../src/adapters/memory-adapter.js';
import { all, button, fill, form, get, memoryFor, stepShown } from '../elements/ticket-form/helpers.js';

const NAMES = ['support-ready', 'support-error', 'step-change', 'case-deflected'] as const;

/** Every lifecycle event that reaches the document, in order, from before the element exists. */
function record(): { events: Event[]; stop: () => void } {
  const events: Event[] = [];
  const listener = (event: Event): void => void events.push(event);
  for (const name of NAMES) document.addEventListener(name, listener);
  return { events, stop: () => NAMES.forEach((name) => document.removeEventListener(name, listener)) };
}

const steps = (events: Event[], source: string): string[] =>
  events.filter((e): e is StepChangeEvent => e.type === 'step-change' && (e as StepChangeEvent).source === source).map((e) => `${e.from}>${e.to}`);

async function openSuggestedArticle(el: HTMLElement): Promise<void> {
  fill(el, '#subject', 'reset password');
  await waitUntil(() => all(el, '.suggestions a').length > 0, 'no suggestions');
  const link = get<HTMLAnchorElement>(el, '.suggestions a');
  link.addEventListener('click', (e) => e.preventDefault());
  link.click();
}

describe('lifecycle and analytics events', () => {
  let log: ReturnType<typeof record>;
  beforeEach(() => {
    log = record();
  });
  afterEach(() => {
    log.stop();
    localStorage.clear();
  });

  it('<ticket-form>: support-ready once, step-change subject>details, no deflection when a case is opened', async () => {
    const el = await form({ backend: memoryFor('life@example.com'), area: 'esign' });
    await stepShown(el, 'What is your case about?');
    expect(log.events.filter((e) => e.type === 'support-ready').length).to.equal(1);
    fill(el, '#subject', 'Signer never got the email');
    button(el, 'Add case details').click();
    await stepShown(el, 'Add case details');
    expect(steps(log.events, 'ticket-form')).to.deep.equal(['subject>details']);
    // Back to the subject step is a step change too (funnels see drop-backs).
    button(el, 'Back').click();
    await stepShown(el, 'What is your case about?');
    expect(steps(log.events, 'ticket-form')).to.deep.equal(['subject>details', 'details>subject']);
    el.remove();
    expect(log.events.some((e) => e.type === 'case-deflected')).to.equal(false);
  });

  it('<ticket-form>: case-deflected "solved" after an article and "This solved my problem"', async () => {
    const el = await form({ backend: memoryFor('life@example.com'), area: 'esign' });
    await stepShown(el, 'What is your case about?');
    await openSuggestedArticle(el);
    button(el, 'This solved my problem').click();
    await stepShown(el, 'Glad you found an answer');
    const deflected = log.events.filter((e): e is CaseDeflectedEvent => e.type === 'case-deflected');
    expect(deflected.map((e) => [e.reason, e.article.title, e.source])).to.deep.equal([['solved', 'Reset your password', 'ticket-form']]);
    el.remove();
    expect(log.events.filter((e) => e.type === 'case-deflected').length).to.equal(1);
  });

  it('<ticket-form>: case-deflected "left" when removed after an article, with no case', async () => {
    const el = await form({ backend: memoryFor('life@example.com'), area: 'esign' });
    await stepShown(el, 'What is your case about?');
    await openSuggestedArticle(el);
    await el.updateComplete;
    const onElement: Event[] = [];
    el.addEventListener('case-deflected', (e) => onElement.push(e));
    expect(log.events.some((e) => e.type === 'case-deflected')).to.equal(false);
    el.remove();
    const deflected = log.events.filter((e): e is CaseDeflectedEvent => e.type === 'case-deflected');
    expect(deflected.map((e) => e.reason)).to.deep.equal(['left']);
    expect(onElement.length).to.equal(1);
  });

  it('<support-contact>: ready when the session is known, page steps home>form, nested form steps apart', async () => {
    const el = await contact('de', { backend: createMemoryBackend({ signedInAs: 'alex@example.com' }) });
    expect(log.events.filter((e) => e.type === 'support-ready').map((e) => (e as Event & { source: string }).source)).to.deep.equal(['support-contact']);
    $(area(el, 'esign'), '[data-start="create_ticket"]').click();
    await waitFor(el, 'ticket-form');
    await waitUntil(() => log.events.some((e) => e.type === 'support-ready' && (e as Event & { source: string }).source === 'ticket-form'));
    expect(steps(log.events, 'support-contact')).to.deep.equal(['home>form']);
    $(el, '[data-action="back"]').click();
    await el.updateComplete;
    expect(steps(log.events, 'support-contact')).to.deep.equal(['home>form', 'form>home']);
  });

  it('support-error with kind and status when the backend fails', async () => {
    const backend = createMemoryBackend();
    const failing = {
      ...backend,
      getSession: () => Promise.reject(new SupportError('server', 'down', { status: 503 })),
    };
    const el = await contact('en', { backend: failing });
    await el.updateComplete;
    const errors = log.events.filter((e): e is SupportErrorEvent => e.type === 'support-error');
    expect(errors.map((e) => [e.source, e.kind, e.status])).to.deep.equal([['support-contact', 'server', 503]]);
    await expect(el).to.be.accessible();
  });
});
