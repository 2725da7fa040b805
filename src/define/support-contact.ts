// The composed steps of <support-contact>: sign-in, the case form, the list of cases, and the
// can't-sign-in form.
import './support-sign-in.js';
import './ticket-form.js';
import './my-tickets.js';
import './support-sign-in-help.js';
import { SupportContact } from '../elements/support-contact/support-contact.js';

if (!customElements.get('support-contact')) customElements.define('support-contact', SupportContact);

declare global {
  interface HTMLElementTagNameMap {
    'support-contact': SupportContact;
  }
}

export { SupportContact };
// The event classes, so that importing this module alone types the element's listeners
// (GlobalEventHandlersEventMap lives in events.ts).
export type * from '../events/events.js';
