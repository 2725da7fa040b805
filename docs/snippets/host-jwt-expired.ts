import type { SupportElement } from 'support-elements';
import { signInToSupport } from './host-jwt-sign-in'; // the module of step 3

document.addEventListener('session-expired', (event) => {
  event.preventDefault();
  const el = event.target as SupportElement;
  void signInToSupport().then((session) => (el.session = session));
});
