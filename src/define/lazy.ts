/**
 * Lazy registration, for the single-file bundle (src/bundle.ts): `<support-contact>` is
 * defined at once (its home view is the first view of a page), every other element is a chunk
 * of its own, loaded when the page shows it or is about to. An element in the page before its
 * chunk arrives is upgraded in place (Lit keeps the properties set on it before), so a page
 * does not have to wait: `customElements.whenDefined(tag)` tells it when one is ready.
 *
 * A chunk loads when
 * - its tag is in the document (at start, or added later: a MutationObserver on the light DOM);
 * - the user first interacts with the page (pointer, key or focus): a `<support-contact>` step
 *   (sign-in, form, list) can only open after one;
 * - the browser is idle after the first paint, so a step opened later is already there.
 */
import { SupportContact } from '../elements/support-contact/support-contact.js';

// Not './support-contact.js': that one imports its steps' elements statically.
if (!customElements.get('support-contact')) customElements.define('support-contact', SupportContact);

const loaders: Readonly<Record<string, () => Promise<unknown>>> = {
  'ticket-form': () => import('./ticket-form.js'),
  'my-tickets': () => import('./my-tickets.js'),
  'support-sign-in': () => import('./support-sign-in.js'),
  'support-sign-in-help': () => import('./support-sign-in-help.js'),
  'support-ticket-detail': () => import('./support-ticket-detail.js'),
  'support-launcher': () => import('./support-launcher.js'),
};
const tags = Object.keys(loaders);
const loading = new Map<string, Promise<unknown>>();

/** Loads and defines `tag`'s element (once); resolves when it is defined. */
export function loadElement(tag: string): Promise<unknown> {
  const load = loaders[tag];
  if (!load) return Promise.resolve();
  let pending = loading.get(tag);
  if (!pending) {
    pending = load().catch((error: unknown) => {
      loading.delete(tag); // a failed download may be retried by the next trigger
      console.error(`support-elements: could not load <${tag}>`, error);
    });
    loading.set(tag, pending);
  }
  return pending;
}

/** Loads every element of the bundle. */
export function loadAllElements(): Promise<unknown> {
  return Promise.all(tags.map(loadElement)).then(() => {
    // Everything is defined: nothing left to watch the page for.
    if (tags.every((tag) => customElements.get(tag))) observer?.disconnect();
  });
}

let observer: MutationObserver | undefined;

function loadPresent(root: ParentNode): void {
  for (const tag of tags) if (!customElements.get(tag) && root.querySelector(tag)) void loadElement(tag);
}

if (typeof document !== 'undefined') {
  loadPresent(document);
  observer = new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (loaders[node.localName]) void loadElement(node.localName);
        if (node.firstElementChild) loadPresent(node);
      }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  const onIntent = (): void => {
    for (const type of INTENT) document.removeEventListener(type, onIntent, true);
    void loadAllElements();
  };
  const INTENT = ['pointerdown', 'pointerover', 'keydown', 'focusin'] as const;
  for (const type of INTENT) document.addEventListener(type, onIntent, { capture: true, passive: true });
  const idle = (): void => {
    if ('requestIdleCallback' in window) requestIdleCallback(() => void loadAllElements(), { timeout: 2000 });
    else setTimeout(() => void loadAllElements(), 200);
  };
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}
