/** Shared steps of the <ticket-form> tests: finding things in the shadow root, filling fields. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { userDigest } from '../../../src/controllers/draft-key.js';
import type { SupportBackend } from '../../../src/adapters/backend.js';
import {
  createMemoryBackend,
  DEMO_PASSWORD,
  demoUsers,
  type MemoryBackend,
  type MemoryBackendOptions,
} from '../../../src/adapters/memory-adapter.js';
import type { Realm } from '../../../src/core/ticket.js';
import type { SupportConfig } from '../../../src/core/config.js';
import { seedConfig } from '../../../src/core/config.js';
import '../../../src/define/ticket-form.js';
import type { TicketForm } from '../../../src/define/ticket-form.js';
import { collapseSpace, setValue } from '../../support/dom.js';

export type { TicketForm };
export { nextEvent } from '../../support/dom.js';

export function root(el: Element): ShadowRoot {
  const shadow = el.shadowRoot;
  if (!shadow) throw new Error(`${el.localName} has no shadow root`);
  return shadow;
}

export function find<T extends Element = HTMLElement>(el: Element, selector: string): T | null {
  return root(el).querySelector<T>(selector);
}

export function get<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = find<T>(el, selector);
  if (!found) throw new Error(`No ${selector} in <${el.localName}>`);
  return found;
}

export function all<T extends Element = HTMLElement>(el: Element, selector: string): T[] {
  return [...root(el).querySelectorAll<T>(selector)];
}

export function text(el: Element): string {
  return collapseSpace(root(el).textContent);
}

export function headingText(el: Element): string {
  return find(el, '.step-heading')?.textContent?.trim() ?? '';
}

/** The button whose text contains `label`. */
export function button(el: Element, label: string): HTMLButtonElement {
  const found = all<HTMLButtonElement>(el, 'button').find((b) => (b.textContent ?? '').includes(label));
  if (!found) throw new Error(`No button "${label}"`);
  return found;
}

export function fill(el: Element, selector: string, value: string): void {
  setValue(get<HTMLInputElement | HTMLTextAreaElement>(el, selector), value);
}

export function choose(el: Element, selector: string, value: string): void {
  setValue(get<HTMLSelectElement>(el, selector), value, 'change');
}

export function check(el: Element, selector: string): void {
  const radio = get<HTMLInputElement>(el, selector);
  radio.click();
}

export function focusedIsHeading(el: Element): boolean {
  return root(el).activeElement?.classList.contains('step-heading') ?? false;
}

/** Waits until the step with this heading is shown and has taken focus. */
export async function stepShown(el: TicketForm, heading: string): Promise<void> {
  await waitUntil(() => headingText(el).includes(heading), `step "${heading}" not shown (now "${headingText(el)}")`);
  await el.updateComplete;
}

export interface FormOptions {
  readonly backend: SupportBackend;
  readonly area?: string;
  readonly locale?: string;
  readonly followUpOf?: string;
  readonly product?: string;
  readonly config?: SupportConfig;
}

export async function form(o: FormOptions): Promise<TicketForm> {
  const el = await fixture<TicketForm>(html`<ticket-form
    locale=${o.locale ?? 'en'}
    .area=${o.area}
    .product=${o.product}
    .followUpOf=${o.followUpOf}
    .config=${o.config ?? seedConfig}
    .backend=${o.backend}
  ></ticket-form>`);
  await el.localeReady;
  await el.updateComplete;
  return el;
}

/** The draft <ticket-form> keeps for a user and area (the user as a digest: no address in storage). */
export function draftKey(email: string, area: string): string {
  return `support-elements:draft:ticket-form:${userDigest(email)}:${area}`;
}

/** Starts the form at the details step with everything filled, as a restored draft does. */
export function seedDraft(email: string, area: string, fields: Record<string, string> = {}): void {
  localStorage.setItem(
    draftKey(email, area),
    JSON.stringify({
      step: 'details',
      subject: 'Envelope will not void',
      categoryId: '',
      subcategoryId: '',
      productId: 'esignature',
      description: 'The void button does nothing.',
      contactMethod: 'email',
      ...fields,
    }),
  );
}

export function storedDraft(email: string, area: string): Record<string, unknown> {
  return JSON.parse(localStorage.getItem(draftKey(email, area)) ?? '{}') as Record<string, unknown>;
}

/**
 * A memory backend signed in as a user of this test file's own (the demo users plus `email`),
 * so drafts of test files running at the same time in the same browser never meet.
 */
export function memoryFor(email: string, options: MemoryBackendOptions = {}, realm: Realm = 'product'): MemoryBackend {
  return createMemoryBackend({
    ...options,
    users: [
      ...demoUsers,
      {
        person: { name: 'Robin Test', email },
        password: DEMO_PASSWORD,
        realm,
        accounts: [{ id: `acc-${email}`, name: 'Robin Test Ltd', plan: 'paid' }],
      },
    ],
    signedInAs: email,
  });
}
