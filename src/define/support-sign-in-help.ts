import { SupportSignInHelp } from '../elements/support-contact/sign-in-help.js';

if (!customElements.get('support-sign-in-help')) customElements.define('support-sign-in-help', SupportSignInHelp);

declare global {
  interface HTMLElementTagNameMap {
    'support-sign-in-help': SupportSignInHelp;
  }
}

export { SupportSignInHelp };
// The event classes, so that importing this module alone types the element's listeners
// (GlobalEventHandlersEventMap lives in events.ts).
export type * from '../events/events.js';
