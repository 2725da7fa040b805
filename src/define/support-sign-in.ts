import { SupportSignIn } from '../elements/sign-in/sign-in-form.js';

if (!customElements.get('support-sign-in')) customElements.define('support-sign-in', SupportSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'support-sign-in': SupportSignIn;
  }
}

export { SupportSignIn };
