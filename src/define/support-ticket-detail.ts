import { SupportTicketDetail } from '../elements/my-tickets/ticket-detail.js';
// A case shows <support-sign-in> when the session ends mid-action.
import './support-sign-in.js';

if (!customElements.get('support-ticket-detail')) customElements.define('support-ticket-detail', SupportTicketDetail);

declare global {
  interface HTMLElementTagNameMap {
    'support-ticket-detail': SupportTicketDetail;
  }
}

export { SupportTicketDetail };
// The event classes, so that importing this module alone types the element's listeners
// (GlobalEventHandlersEventMap lives in events.ts).
export type * from '../events/events.js';
