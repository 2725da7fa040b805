// Helpers of the localization tests. They avoid waiting for animation frames and timers: the
// test runner runs two pages at once and throttles both in the page that is in the background.
import { fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';

/**
 * Renders `template` (one Lit element) inside a new `<div>` with the given attributes, and
 * waits for the element's first update (the fixture's cleanup removes the `<div>`).
 */
export async function mount<T extends HTMLElement>(template: TemplateResult, attributes: Record<string, string> = {}): Promise<T> {
  const wrapper = document.createElement('div');
  for (const [name, value] of Object.entries(attributes)) wrapper.setAttribute(name, value);
  return fixture<T>(template, { parentNode: wrapper });
}

/** Yields to the event loop once (a message, which background pages do not throttle). */
export function tick(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Every element under `root`, descending into open shadow roots. */
export function allElements(root: ParentNode, out: Element[] = []): Element[] {
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) allElements(el.shadowRoot, out);
  }
  return out;
}

/** All text under `root`, through shadow roots. */
export function deepText(root: ParentNode): string {
  return allElements(root)
    .map((el) => [...el.childNodes].filter((n) => n instanceof Text).map((n) => n.textContent).join(''))
    .join('|');
}

interface Updating {
  readonly updateComplete: Promise<unknown>;
}

function isUpdating(el: Element): el is Element & Updating {
  return 'updateComplete' in el;
}

/** Words that mean "still loading" in the languages the tests use. */
const LOADING = /Loading|Ļöåðîñĝ|geladen|読み込んで|Chargement|Carregando/;

/**
 * Waits until `el` and every element inside it finished updating and the text under it has
 * not changed for a few turns of the event loop (data loaded, locale applied).
 */
export async function settle(el: HTMLElement & Partial<{ localeReady: Promise<void> }>): Promise<void> {
  await el.localeReady;
  let last = '';
  let stable = 0;
  for (let i = 0; i < 400 && stable < 5; i++) {
    await tick();
    await Promise.all([el, ...allElements(el.shadowRoot ?? el)].filter(isUpdating).map((e) => e.updateComplete));
    const now = deepText(el.shadowRoot ?? el);
    stable = now === last && !LOADING.test(now) ? stable + 1 : 0;
    last = now;
  }
  if (stable < 5) throw new Error(`${el.localName} did not settle: ${last.slice(0, 200)}`);
}

/** Waits, turn by turn of the event loop, until `predicate()` holds. */
export async function until(predicate: () => unknown, message: string, turns = 2000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (predicate()) return;
    await tick();
  }
  throw new Error(message);
}
