import { SupportSignInHelp } from '../elements/support-contact/sign-in-help.js';

if (!customElements.get('support-sign-in-help')) customElements.define('support-sign-in-help', SupportSignInHelp);

declare global {
  interface HTMLElementTagNameMap {
    'support-sign-in-help': SupportSignInHelp;
  }
}

export { SupportSignInHelp };
