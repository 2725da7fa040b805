/**
 * Compile-time checks of the package's JSX typings (support-elements/react)
 * (`npx tsc --noEmit -p examples/tsconfig.json`); never rendered.
 */
import type {} from 'support-elements/react';
import { createFetchAdapter, type TicketCreatedEvent } from 'support-elements';

const backend = createFetchAdapter({ baseUrl: '/api' });

export function Checks() {
  return (
    <>
      <ticket-form
        area="esign"
        backend={backend}
        onticket-created={(event) => {
          const created: TicketCreatedEvent = event;
          return created.ticket.number;
        }}
      />
      <my-tickets page-size={20} pageSize={20} onticket-opened={(event) => event.ticketNumber} />
      {/* @ts-expect-error -- `area` is a string */}
      <ticket-form area={1} />
      {/* @ts-expect-error -- `backend` is a SupportBackend */}
      <ticket-form backend="/api" />
      {/* @ts-expect-error -- the listener gets a TicketCreatedEvent, which has no `detail` */}
      <ticket-form onticket-created={(event) => event.detail} />
    </>
  );
}
