import 'support-elements/define/support-contact';
declare const router: { go(path: string): void }; // your app's router

const form = document.querySelector('ticket-form');           // TicketForm | null
form?.addEventListener('ticket-created', (event) => {          // event: TicketCreatedEvent
  console.log(event.ticket.number);
});
document.addEventListener('follow-up-requested', (event) => {  // bubbles out of any element
  event.preventDefault();                                      // "request" events are cancelable
  router.go(`/support/new?follow-up-of=${event.ticketNumber}`);
});
