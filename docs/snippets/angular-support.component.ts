// Angular (standalone component): CUSTOM_ELEMENTS_SCHEMA lets the template use tags Angular
// does not know; `[backend]` is a property binding (the object arrives as is), `(event-name)`
// an event binding. The define module, imported once, registers the tags.
import { Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';
import 'support-elements/define/support-contact';
import { createFetchAdapter, type SupportReadyEvent, type TicketCreatedEvent } from 'support-elements';

@Component({
  selector: 'app-support',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <p role="status">{{ lastCase ? 'Case ' + lastCase + ' is open' : '' }}</p>
    <support-contact
      locale="fr"
      [backend]="backend"
      (support-ready)="onReady($event)"
      (ticket-created)="onCreated($event)"
    ></support-contact>
  `,
})
export class SupportComponent {
  readonly backend = createFetchAdapter({ baseUrl: '/api' });
  lastCase = '';

  // Handlers take Event and name the class: this compiles whatever `$event` is typed as
  // (any, or Event under strictDomEventTypes).
  onReady(event: Event) {
    console.log('support-ready from', (event as SupportReadyEvent).source);
  }

  onCreated(event: Event) {
    this.lastCase = (event as TicketCreatedEvent).ticket.number;
  }
}
