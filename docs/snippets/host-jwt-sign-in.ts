import 'support-elements/define/support-contact';
import { createFetchAdapter, type MyTickets, type Session, type SupportContact, type TicketForm } from 'support-elements';

const backend = createFetchAdapter({ baseUrl: 'https://support.example.com/api' });
export async function signInToSupport(): Promise<Session> {
  const { jwt } = (await (await fetch('/support-jwt', { credentials: 'include' })).json()) as { jwt: string };
  return backend.signInWithJwt(jwt);
}
const session = await signInToSupport();
for (const el of document.querySelectorAll<SupportContact | TicketForm | MyTickets>('support-contact, ticket-form, my-tickets')) {
  el.backend = backend;
  el.session = session;
}
