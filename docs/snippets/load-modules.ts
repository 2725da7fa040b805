import 'support-elements/define/ticket-form';   // <ticket-form> (+ <support-sign-in>)
import 'support-elements/define/my-tickets';    // <my-tickets> (+ <support-ticket-detail>, <ticket-form>)
import 'support-elements/define/support-contact'; // everything <support-contact> composes
import { createFetchAdapter, type TicketCreatedEvent } from 'support-elements';

export const backend = createFetchAdapter({ baseUrl: '/api' });
export const onCreated = (event: TicketCreatedEvent) => console.log(event.ticket.number);
