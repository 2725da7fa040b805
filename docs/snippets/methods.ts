import 'support-elements/define/support-contact';

document.querySelector('ticket-form')?.reset();
await document.querySelector('my-tickets')?.refresh();
