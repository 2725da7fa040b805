import { SupportTicketDetail } from '../elements/my-tickets/ticket-detail.js';

if (!customElements.get('support-ticket-detail')) customElements.define('support-ticket-detail', SupportTicketDetail);

declare global {
  interface HTMLElementTagNameMap {
    'support-ticket-detail': SupportTicketDetail;
  }
}

export { SupportTicketDetail };
