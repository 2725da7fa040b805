import { fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Session } from '../../../src/adapters/backend.js';
import { createMemoryBackend, type MemoryBackend } from '../../../src/adapters/memory-adapter.js';
import type { SupportConfig } from '../../../src/core/config.js';
import { seedConfig } from '../../../src/core/config.js';
import '../../../src/define/support-contact.js';
import type { SupportContact } from '../../../src/define/support-contact.js';

export interface ContactOptions {
  readonly backend?: MemoryBackend;
  readonly session?: Session;
  readonly config?: SupportConfig;
}

/** A `<support-contact>` in `locale`, once it knows whether someone is signed in. */
export async function contact(locale: string, options: ContactOptions = {}): Promise<SupportContact> {
  const backend = options.backend ?? createMemoryBackend();
  const el = await fixture<SupportContact>(
    html`<support-contact
      locale=${locale}
      .backend=${backend}
      .config=${options.config ?? seedConfig}
      .session=${options.session}
    ></support-contact>`,
  );
  await until(() => el.shadowRoot?.querySelector('.page')?.getAttribute('aria-busy') === 'false', 'session never known');
  await el.localeReady;
  await el.updateComplete;
  return el;
}

export function $<T extends Element = HTMLElement>(root: Element | ShadowRoot | null | undefined, selector: string): T {
  const scope = root instanceof Element && root.shadowRoot ? root.shadowRoot : root;
  const found = scope?.querySelector<T>(selector);
  if (!found) throw new Error(`No ${selector}`);
  return found;
}

export function $$<T extends Element = HTMLElement>(root: Element | ShadowRoot | null | undefined, selector: string): T[] {
  const scope = root instanceof Element && root.shadowRoot ? root.shadowRoot : root;
  return [...(scope?.querySelectorAll<T>(selector) ?? [])];
}

export function has(root: Element, selector: string): boolean {
  return (root.shadowRoot ?? root).querySelector(selector) !== null;
}

/** The focused element, through shadow roots. */
export function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export function area(el: SupportContact, id: string): HTMLElement {
  return $(el, `.area[data-area="${id}"]`);
}

/** Signs in through the `<support-sign-in>` step, by keyboard. */
export async function signIn(el: SupportContact, email: string, password: string): Promise<void> {
  const form = await waitFor(el, 'support-sign-in');
  await (form as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  // Typing replaces what a previous attempt left.
  $<HTMLInputElement>(form, '#email').focus();
  $<HTMLInputElement>(form, '#email').select();
  await sendKeys({ type: email });
  $<HTMLInputElement>(form, '#password').focus();
  $<HTMLInputElement>(form, '#password').select();
  await sendKeys({ type: password });
  await sendKeys({ press: 'Enter' });
}

export async function waitFor(el: SupportContact, selector: string): Promise<HTMLElement> {
  await until(() => el.shadowRoot?.querySelector(selector), `No ${selector}`);
  return $<HTMLElement>(el, selector);
}

export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The next `name` event on `target`, typed by the event map. */
export function nextEvent<K extends keyof GlobalEventHandlersEventMap>(
  target: HTMLElement,
  name: K,
): Promise<GlobalEventHandlersEventMap[K]> {
  return new Promise((resolve) => target.addEventListener(name, resolve, { once: true }));
}

/**
 * `waitUntil` with room for a loaded machine (the default 1 s is tight when several browsers
 * share two cores); it still fails when the condition never comes.
 */
export function until(condition: () => unknown, message?: string): Promise<void> {
  return waitUntil(condition, message, { timeout: 5000 });
}
