// Prints the notification emails of one language, as the reference server writes them, so a
// translator can read an email whole after `npm run i18n:build` (docs/TRANSLATING.md). The
// emails are made by server/notify.ts itself, into a throwaway in-memory outbox.
//
//   node --import tsx scripts/i18n-preview-email.mjs LOCALE [KIND…] [--contact email|portal]
//
// LOCALE  en, fr, de, pt-BR, ja or en-XA (any tag: matched as the server matches a case's locale)
// KIND    created, comment, closed, auto-closed, watcher, sign-in-help (default: all of them)
// --contact  the case's contact method: email (answer by replying) or portal (default: no-reply)
import Database from 'better-sqlite3';
import { parseArgs } from 'node:util';
import { migrate } from '../server/store.ts';
import { notifyAgentComment, notifyClosed, notifyCreated, notifySignInHelp, notifyWatcherAdded, readOutbox } from '../server/notify.ts';

/** @typedef {import('../server/store.ts').TicketRow} TicketRow */

const KINDS = ['created', 'comment', 'closed', 'auto-closed', 'watcher', 'sign-in-help'];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { contact: { type: 'string', default: 'portal' } },
});
const [locale, ...asked] = positionals;
const contact = values.contact;
const unknown = asked.filter((k) => !KINDS.includes(k));
if (!locale || unknown.length > 0 || (contact !== 'email' && contact !== 'portal')) {
  console.error(`usage: node --import tsx scripts/i18n-preview-email.mjs LOCALE [${KINDS.join('|')}]… [--contact email|portal]`);
  process.exit(2);
}
const kinds = asked.length > 0 ? asked : KINDS;

const db = new Database(':memory:');
db.function('ulower', { deterministic: true }, (value) => (typeof value === 'string' ? value.toLowerCase() : value));
migrate(db);

const at = '2026-01-05T09:00:00.000Z';
/** @param {string} number */
const link = (number) => `https://support.example.com/?ticket=${number}`;
/** @type {TicketRow} */
const row = {
  number: 1234,
  id: 'preview',
  subject: 'Envelope does not send',
  description: 'The envelope stays in Draft.',
  area_id: 'esign',
  product_id: 'esign',
  category_id: null,
  subcategory_id: null,
  status: 'open',
  contact_method: contact,
  account_id: 'acme',
  requester_name: 'Sam Sample',
  requester_email: 'sam@example.com',
  created_at: at,
  updated_at: at,
  activity_at: at,
  follow_up_of: null,
  locale,
};

for (const kind of kinds) {
  switch (kind) {
    case 'created':
      notifyCreated(db, row, link, at);
      break;
    case 'comment':
      notifyAgentComment(db, { ...row, status: 'pending' }, 'Please try signing again from the envelope page.', link, at);
      break;
    case 'closed':
      notifyClosed(db, { ...row, status: 'closed' }, link, at, false);
      break;
    case 'auto-closed':
      notifyClosed(db, { ...row, status: 'closed' }, link, at, true, 5);
      break;
    case 'watcher':
      notifyWatcherAdded(db, row, 'kim@example.com', row.requester_name, link, at);
      break;
    case 'sign-in-help':
      notifySignInHelp(db, { to: 'lee@example.com', name: 'Lee', reference: 'SH-1A2B3C4D', locale }, at);
      break;
  }
}

for (const [i, mail] of readOutbox(db).entries()) {
  console.log(`${i === 0 ? '' : '\n'}── ${kinds[i]} (${mail.kind}) ${'─'.repeat(40)}`);
  console.log(`From: ${mail.from}\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.body}`);
}
