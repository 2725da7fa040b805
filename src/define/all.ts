/** Registers every support element: the entry of the single-file bundle. */
import './support-contact.js';
import './ticket-form.js';
import './my-tickets.js';

export * from '../index.js';
