// <support-launcher> opens a <support-contact> (and its steps) in a dialog.
import './support-contact.js';
import { SupportLauncher } from '../elements/support-launcher/support-launcher.js';

if (!customElements.get('support-launcher')) customElements.define('support-launcher', SupportLauncher);

declare global {
  interface HTMLElementTagNameMap {
    'support-launcher': SupportLauncher;
  }
}

export { SupportLauncher };
// The event classes, so that importing this module alone types the element's listeners
// (GlobalEventHandlersEventMap lives in events.ts).
export type * from '../events/events.js';
