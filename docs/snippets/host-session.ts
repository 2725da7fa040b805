import 'support-elements/define/support-contact';
import { createFetchAdapter, type MyTickets, type TicketForm } from 'support-elements';
declare const auth: { token: string }; // your app's sign-in

const backend = createFetchAdapter({ baseUrl: '/api', getToken: () => auth.token });
const session = await backend.getSession();
for (const el of document.querySelectorAll<TicketForm | MyTickets>('ticket-form, my-tickets')) {
  el.backend = backend;
  el.session = session;
}
