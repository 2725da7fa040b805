import { SupportSignIn } from '../elements/sign-in/sign-in-form.js';

if (!customElements.get('support-sign-in')) customElements.define('support-sign-in', SupportSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'support-sign-in': SupportSignIn;
  }
}

export { SupportSignIn };
// The event classes, so that importing this module alone types the element's listeners
// (GlobalEventHandlersEventMap lives in events.ts).
export type * from '../events/events.js';
