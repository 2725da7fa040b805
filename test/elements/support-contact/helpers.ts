import { fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Session } from '../../../src/adapters/backend.js';
import { createMemoryBackend, type MemoryBackend } from '../../../src/adapters/memory-adapter.js';
import type { SupportConfig } from '../../../src/core/config.js';
import { seedConfig } from '../../../src/core/config.js';
import '../../../src/define/support-contact.js';
import type { SupportContact } from '../../../src/define/support-contact.js';
import { $, collapseSpace, until } from '../../support/dom.js';

export { $, $$, deepActive, has, nextEvent, until } from '../../support/dom.js';

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

/** The text of `node` itself (not its shadow root), whitespace collapsed and trimmed. */
export function text(node: Element | null | undefined): string {
  return collapseSpace(node?.textContent).trim();
}
