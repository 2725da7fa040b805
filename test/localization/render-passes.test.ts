// A change of `<html lang>` renders each support element once, when the new messages are in
// (issue 15: it was twice, once in the old words as soon as `lang` changed, once after the
// messages loaded). Counts `update()` calls; no timing.
import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { createMemoryBackend } from '../../src/adapters/memory-adapter.js';
import '../../src/define/all.js';

const TAGS = ['support-contact', 'ticket-form', 'my-tickets', 'support-sign-in'] as const;

function countUpdates(): { counts: Map<string, number>; restore: () => void } {
  const counts = new Map<string, number>();
  const restores: (() => void)[] = [];
  for (const tag of TAGS) {
    const ctor = customElements.get(tag);
    if (!ctor) throw new Error(`${tag} is not defined`);
    const proto = ctor.prototype as { update: (changed: unknown) => void };
    const original = proto.update;
    proto.update = function counted(this: unknown, changed: unknown) {
      counts.set(tag, (counts.get(tag) ?? 0) + 1);
      original.call(this, changed);
    };
    restores.push(() => (proto.update = original));
  }
  return { counts, restore: () => restores.forEach((r) => r()) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe('locale switch: one render pass per element', () => {
  const htmlLang = document.documentElement.getAttribute('lang');
  let stage: HTMLElement;
  afterEach(() => {
    stage.remove();
    if (htmlLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', htmlLang);
  });

  it('<html lang> en → de renders each element once, in German', async () => {
    document.documentElement.lang = 'en';
    stage = document.createElement('div');
    document.body.append(stage);
    const backend = createMemoryBackend({ signedInAs: 'alex@example.com' });
    const elements = TAGS.map((tag) => {
      const el = document.createElement(tag) as LitElement & { backend: unknown };
      el.backend = backend;
      stage.append(el);
      return el;
    });
    await Promise.all(elements.map((el) => el.updateComplete));
    await settle();
    const { counts, restore } = countUpdates();
    try {
      document.documentElement.lang = 'de';
      await settle();
      await Promise.all(elements.map((el) => el.updateComplete));
      await settle();
    } finally {
      restore();
    }
    // <ticket-form> (its area chooser, as in `npm run bench`) rendered twice: its catalog and
    // searches ran again for the new language though it needed neither.
    expect(Object.fromEntries(counts)).to.deep.equal({ 'support-contact': 1, 'ticket-form': 1, 'my-tickets': 1, 'support-sign-in': 1 });
    expect(elements[0]?.shadowRoot?.querySelector('h1')?.textContent).not.to.equal('Contact support');
  });
});
