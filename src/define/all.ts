/** Registers every support element. */
import './support-contact.js';
import './ticket-form.js';
import './my-tickets.js';
import './support-launcher.js';
