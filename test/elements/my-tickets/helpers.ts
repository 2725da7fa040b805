/** Shared helpers of the <my-tickets> tests (not a test file itself). */
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { SupportBackend } from '../../../src/adapters/backend.js';
import type { MemoryBackend } from '../../../src/adapters/memory-adapter.js';
import '../../../src/define/my-tickets.js';
import type { MyTickets } from '../../../src/define/my-tickets.js';
import type { SupportTicketDetail } from '../../../src/define/support-ticket-detail.js';
import type { Status } from '../../../src/core/ticket.js';
import { $, $$, setValue } from '../../support/dom.js';

export { $, $$, nextEvent, shadowText as text } from '../../support/dom.js';

/** A fixed clock: the seed's cases and the auto-close dates derive from it. */
export const NOW = new Date('2026-03-10T12:00:00Z');
export const now = () => NOW;

/** The number of alex's seeded case in `status` (the first one when several). */
export async function seeded(backend: SupportBackend, status: Status): Promise<string> {
  const page = await backend.listTickets({ status, sort: 'number_asc' });
  const first = page.items[0];
  if (!first) throw new Error(`No seeded ${status} case`);
  return first.number;
}

export async function renderList(backend: SupportBackend, locale = 'en'): Promise<MyTickets> {
  const el = await fixture<MyTickets>(html`<my-tickets locale=${locale} .backend=${backend}></my-tickets>`);
  await el.listComplete;
  await el.updateComplete;
  return el;
}

/** Waits until the list shows at least `count` rows. */
export async function rows(el: MyTickets, count = 1): Promise<HTMLElement[]> {
  await waitUntil(() => $$(el, '.row').length >= count, `fewer than ${count} rows`);
  return $$(el, '.row');
}

/** Renders <my-tickets ticket=N> and waits for the case. */
export async function renderCase(
  backend: SupportBackend | MemoryBackend,
  number: string,
  locale = 'en',
): Promise<{ el: MyTickets; detail: SupportTicketDetail }> {
  const el = await fixture<MyTickets>(html`<my-tickets locale=${locale} ticket=${number} .backend=${backend}></my-tickets>`);
  const detail = await detailOf(el);
  return { el, detail };
}

export async function detailOf(el: MyTickets): Promise<SupportTicketDetail> {
  const detail = $<SupportTicketDetail>(el, 'support-ticket-detail');
  await detail.updateComplete;
  await detail.loaded;
  await detail.updateComplete;
  return detail;
}

/** The state word shown in a case's header. */
export function shownState(detail: SupportTicketDetail): string {
  return $(detail, '.state').textContent?.trim() ?? '';
}

export function input(root: Element, selector: string, value: string): void {
  setValue($<HTMLInputElement | HTMLTextAreaElement>(root, selector), value);
}
