/**
 * Browser-side helpers shared by the element, adapter and controller tests (not a test file
 * itself; the *.mjs files next to it are the node-side test servers).
 */
import { waitUntil } from '@open-wc/testing';
import { SupportError } from '../../src/core/errors.js';

type Scope = Element | ShadowRoot | null | undefined;

/** Where `$`, `$$` and `has` look: `root`'s shadow root when it has one, else `root` itself. */
function scopeOf(root: Scope): Element | ShadowRoot | null | undefined {
  return root instanceof Element && root.shadowRoot ? root.shadowRoot : root;
}

/** The first `selector` in `root`'s shadow root (or in `root`); throws when there is none. */
export function $<T extends Element = HTMLElement>(root: Scope, selector: string): T {
  const found = scopeOf(root)?.querySelector<T>(selector);
  if (!found) throw new Error(`No ${selector}`);
  return found;
}

/** Every `selector` in `root`'s shadow root (or in `root`). */
export function $$<T extends Element = HTMLElement>(root: Scope, selector: string): T[] {
  return [...(scopeOf(root)?.querySelectorAll<T>(selector) ?? [])];
}

/** Whether `root`'s shadow root (or `root`) holds a `selector`. */
export function has(root: Element, selector: string): boolean {
  return (root.shadowRoot ?? root).querySelector(selector) !== null;
}

/** The focused element, through shadow roots. */
export function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** `text` with every run of whitespace made one space (not trimmed); `''` for none. */
export function collapseSpace(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ');
}

/** The text of `el`'s shadow root, whitespace collapsed (`''` without a shadow root). */
export function shadowText(el: Element): string {
  return collapseSpace(el.shadowRoot?.textContent);
}

/**
 * Sets a form control's value and dispatches `type` (bubbling, composed), as typing (`input`)
 * or choosing (`change`) does.
 */
export function setValue(
  control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement,
  value: string,
  type: 'input' | 'change' = 'input',
): void {
  control.value = value;
  control.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
}

/** The next `name` event on `target`, typed from the event map (oneEvent gives CustomEvent). */
export function nextEvent<K extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  name: K,
): Promise<GlobalEventHandlersEventMap[K]> {
  return new Promise((resolve) =>
    target.addEventListener(name, (event) => resolve(event as GlobalEventHandlersEventMap[K]), { once: true }),
  );
}

/**
 * `waitUntil` with room for a loaded machine (the default 1 s is tight when several browsers
 * share two cores); it still fails when the condition never comes.
 */
export function until(condition: () => unknown, message?: string): Promise<void> {
  return waitUntil(condition, message, { timeout: 5000 });
}

/** What `promise` rejects with; throws when it fulfils. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

/** The SupportError `promise` rejects with; throws when it fulfils or rejects with anything else. */
export async function supportError(promise: Promise<unknown>): Promise<SupportError> {
  const error = await rejection(promise);
  if (!(error instanceof SupportError)) throw new Error(`expected a SupportError, got ${String(error)}`);
  return error;
}
