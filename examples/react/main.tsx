// React 19 renders the custom elements directly: properties as props, events as
// `on<event-name>` props, typed by the package's support-elements/react.
import type {} from 'support-elements/react';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
// Define the tags before React renders them, so React sees their properties.
import 'support-elements/define/ticket-form';
import 'support-elements/define/my-tickets';
import { createFetchAdapter, type Session, type TicketCreatedEvent } from 'support-elements';

// One adapter for the whole app: a sign-in in one element is the session of the others.
const backend = createFetchAdapter({ baseUrl: '/api' });

function App() {
  const [session, setSession] = useState<Session | null>(null);
  const [lastCase, setLastCase] = useState<string | undefined>();

  useEffect(() => {
    const controller = new AbortController();
    backend.getSession({ signal: controller.signal }).then(setSession, () => undefined);
    return () => controller.abort();
  }, []);

  const onCreated = (event: TicketCreatedEvent) => setLastCase(event.ticket.number);

  return (
    <main>
      <h1>Support</h1>
      <p>
        React 19 renders <code>&lt;ticket-form&gt;</code> and <code>&lt;my-tickets&gt;</code> with the
        fetch adapter on <code>/api</code>.
      </p>
      <p id="created" role="status">
        {lastCase ? `Created case ${lastCase}` : ''}
      </p>
      <ticket-form
        area="esign"
        locale="en"
        backend={backend}
        onsession-changed={(event) => setSession(event.session)}
        onticket-created={onCreated}
      />
      {session ? (
        <section aria-labelledby="cases-heading">
          <h2 id="cases-heading">Your cases</h2>
          {/* A new key after each case: a fresh element loads the list again. */}
          <my-tickets key={lastCase ?? 'none'} locale="en" backend={backend} session={session} />
        </section>
      ) : null}
    </main>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
