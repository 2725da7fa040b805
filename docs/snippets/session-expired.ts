import 'support-elements/define/support-contact';
import { createFetchAdapter, type SupportElement } from 'support-elements';
declare const myApp: { signIn(): Promise<void>; supportJwt(): Promise<string> }; // your app

const backend = createFetchAdapter({ baseUrl: '/api' });
document.addEventListener('session-expired', (event) => {
  event.preventDefault();
  const el = event.target as SupportElement;
  void myApp.signIn().then(async () => {
    el.session = await backend.signInWithJwt(await myApp.supportJwt());
  });
});
