// An element never shows one language's words under another's `lang` and formats: its update
// waits for the messages of its language (walked: a first view in Japanese showed the English
// words, stamped lang="ja", for the time the Japanese messages took to load). Its own file, so
// that the Japanese messages are not loaded yet when it starts.
import { expect } from '@open-wc/testing';
import { createMemoryBackend } from '../../src/adapters/memory-adapter.js';
import '../../src/define/all.js';
import { getLocale } from '../../src/localization/localization.js';

/** Every state of `root` until `done`: its text and the `lang` it was stamped with. */
function recordStates(host: HTMLElement, root: ShadowRoot): { states: { lang: string | null; text: string }[]; stop: () => void } {
  const states: { lang: string | null; text: string }[] = [];
  const observer = new MutationObserver(() => {
    const text = (root.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text !== '') states.push({ lang: host.getAttribute('lang'), text });
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return { states, stop: () => observer.disconnect() };
}

describe('one language per render', () => {
  it('a first view in Japanese shows Japanese words only, stamped ja, from its first render', async () => {
    expect(getLocale()).to.equal('en');
    const el = document.createElement('my-tickets');
    el.backend = createMemoryBackend({ signedInAs: 'alex@example.com' });
    el.locale = 'ja';
    document.body.append(el);
    const root = el.shadowRoot;
    if (!root) throw new Error('no shadow root');
    const { states, stop } = recordStates(el, root);
    await el.listComplete;
    await el.updateComplete;
    stop();
    expect(states.length).to.be.greaterThan(0);
    for (const state of states) {
      expect(state.lang).to.equal('ja');
      expect(state.text, state.text).not.to.match(/My tickets|Search by|All states|Loading/);
    }
    expect(root.textContent).to.contain('マイチケット');
    el.remove();
  });
});
