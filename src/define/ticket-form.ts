import { TicketForm } from '../elements/ticket-form/ticket-form.js';
// <ticket-form> shows <support-sign-in> when nobody is signed in.
import './support-sign-in.js';

if (!customElements.get('ticket-form')) customElements.define('ticket-form', TicketForm);

declare global {
  interface HTMLElementTagNameMap {
    'ticket-form': TicketForm;
  }
}

export { TicketForm };
// The event classes, so that importing this module alone types the element's listeners
// (GlobalEventHandlersEventMap lives in events.ts).
export type * from '../events/events.js';
