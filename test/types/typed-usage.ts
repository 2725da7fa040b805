/**
 * Compile-time checks of what a TypeScript app gets from the package: typed tags
 * (HTMLElementTagNameMap, from the define modules) and typed events
 * (GlobalEventHandlersEventMap, from src/events/events.ts). `tsc -p tsconfig.json` compiles
 * this file; nothing runs it (it is not a *.test.ts file), a type error fails the type-check.
 */
import type { MyTickets } from '../../src/define/my-tickets.js';
import type { SupportContact } from '../../src/define/support-contact.js';
import type { TicketForm } from '../../src/define/ticket-form.js';
import {
  createFetchAdapter,
  type FollowUpRequestedEvent,
  type Session,
  type SessionChangedEvent,
  type SupportBackend,
  type TicketCreatedEvent,
} from '../../src/index.js';

/** `true` only when A and B are the same type. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<_T extends true>(): void {}

export function typedTags(): void {
  const form = document.querySelector('ticket-form');
  assertType<Equal<typeof form, TicketForm | null>>();
  const list = document.createElement('my-tickets');
  assertType<Equal<typeof list, MyTickets>>();
  list.pageSize = 20;
  assertType<Equal<HTMLElementTagNameMap['support-contact'], SupportContact>>();

  if (!form) return;
  const backend: SupportBackend = createFetchAdapter({ baseUrl: '/api' });
  form.backend = backend;
  form.area = 'esign';
  form.locale = 'fr';
  // @ts-expect-error -- `theme` is 'light' | 'dark' | undefined
  form.theme = 'blue';
  // @ts-expect-error -- `backend` is a SupportBackend, not a URL
  form.backend = '/api';
}

export function typedEvents(form: TicketForm, list: MyTickets): void {
  form.addEventListener('ticket-created', (event) => {
    assertType<Equal<typeof event, TicketCreatedEvent>>();
    const number: string = event.ticket.number;
    void number;
  });
  form.addEventListener('session-changed', (event) => {
    assertType<Equal<typeof event, SessionChangedEvent>>();
    const session: Session | null = event.session;
    void session;
  });
  list.addEventListener('follow-up-requested', (event) => {
    assertType<Equal<typeof event, FollowUpRequestedEvent>>();
    if (event.cancelable) event.preventDefault();
  });
  // Events bubble and are composed: a listener on the document is typed too.
  document.addEventListener('ticket-created', (event) => {
    // @ts-expect-error -- a TicketCreatedEvent has `ticket`, not `detail`
    void event.detail;
  });
}
