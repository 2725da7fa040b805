import { MyTickets } from '../elements/my-tickets/my-tickets.js';
import './support-ticket-detail.js';
import './support-sign-in.js';
// The follow-up of a closed case opens <ticket-form follow-up-of> inline.
import './ticket-form.js';

if (!customElements.get('my-tickets')) customElements.define('my-tickets', MyTickets);

declare global {
  interface HTMLElementTagNameMap {
    'my-tickets': MyTickets;
  }
}

export { MyTickets };
// The event classes, so that importing this module alone types the element's listeners
// (GlobalEventHandlersEventMap lives in events.ts).
export type * from '../events/events.js';
