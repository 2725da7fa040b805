/**
 * Helpers the gallery uses to bring real elements into a state the way a user would: typing
 * (input events), choosing (change events), clicking, submitting, dropping files. They reach
 * into open shadow roots only to find the controls a user would use.
 */
export interface Updatable extends HTMLElement {
  readonly updateComplete: Promise<boolean>;
  readonly localeReady?: Promise<void>;
}

const tick = (ms = 0) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The element's shadow root (open for every support element). */
export function rootOf(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no open shadow root`);
  return el.shadowRoot;
}

/** Waits until the element and the elements inside it stop updating, and async work settled. */
export async function settle(el: Updatable, rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await el.localeReady;
    while (!(await el.updateComplete));
    const inner = [...rootOf(el).querySelectorAll<Updatable>('*')].filter((child) => 'updateComplete' in child);
    await Promise.all(inner.map((child) => child.updateComplete));
    await tick(10);
  }
}

/** Polls `find` until it returns something (or throws after `timeoutMs`). */
export async function waitFor<T>(find: () => T | null | undefined | false, what: string, timeoutMs = 4000): Promise<T> {
  // Counted in polls, not by the clock: screenshots run with a fixed Date.
  for (let waited = 0; ; waited += 20) {
    const found = find();
    if (found) return found;
    if (waited > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await tick(20);
  }
}

/** `querySelector` across nested open shadow roots: `deep(el, 'support-ticket-detail', 'form')`. */
export function deep(el: Element, ...selectors: string[]): HTMLElement | null {
  let current: Element | null = el;
  for (const selector of selectors) {
    if (!current?.shadowRoot) return null;
    current = current.shadowRoot.querySelector(selector);
  }
  return current as HTMLElement | null;
}

export function typeInto(control: HTMLElement | null, value: string): void {
  if (!(control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement)) throw new Error('No text field to type into');
  control.value = value;
  control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: value, inputType: 'insertText' }));
}

/** Chooses an option (by value; without one, the first non-empty option). */
export function choose(control: HTMLElement | null, value?: string): void {
  if (!(control instanceof HTMLSelectElement)) throw new Error('No select to choose from');
  const option = value ?? [...control.options].find((o) => o.value !== '')?.value;
  if (option === undefined) throw new Error(`No option in #${control.id}`);
  control.value = option;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

export function check(control: HTMLElement | null): void {
  if (!(control instanceof HTMLInputElement)) throw new Error('No radio/checkbox to check');
  control.click();
}

export function click(control: HTMLElement | null): void {
  if (!control) throw new Error('Nothing to click');
  control.click();
}

/** Submits a form as its submit button would (fires `submit`, runs no browser validation: novalidate). */
export function submit(form: HTMLElement | null): void {
  if (!(form instanceof HTMLFormElement)) throw new Error('No form to submit');
  form.requestSubmit();
}

/** Drops files on a drop zone, as dragging them from the desktop does. */
export function dropFiles(zone: HTMLElement | null, files: readonly File[]): void {
  if (!zone) throw new Error('No drop zone');
  const data = new DataTransfer();
  for (const file of files) data.items.add(file);
  zone.dispatchEvent(new DragEvent('drop', { bubbles: true, composed: true, cancelable: true, dataTransfer: data }));
}
