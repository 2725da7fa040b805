/**
 * The default connector: the reference server's own SQLite store (server/store/), with the
 * emails of notify.ts. Every write is one transaction with its status change.
 */
import { randomBytes } from 'node:crypto';
import { FULL_CAPABILITIES } from '../../src/adapters/backend.js';
import { sameEmail } from '../../src/core/access.js';
import type { Ticket } from '../../src/core/ticket.js';
import { notFound } from '../http.js';
import { notifyCreated, notifySignInHelp, notifyWatcherAdded } from '../notify.js';
import {
  attachToTicket,
  deleteWatcher,
  getTicketRow,
  insertCallback,
  insertComment,
  insertSignInHelp,
  insertTicket,
  insertWatcher,
  listTickets,
  listVersion,
  parseNumber,
  participantsOf,
  setCaseRateMark,
  ticketOf,
  touchTicket,
} from '../store.js';
import { maySeeCase } from '../../src/core/access.js';
import type { CaseCaller, CaseConnector, ConnectorBase, Outcome } from './types.js';
import { saveCustomFields } from '../store/custom-fields.js';

export function sqliteConnector(options: ConnectorBase): CaseConnector {
  const { db, ticketLink } = options;
  const at = (): string => options.now().toISOString();

  function reply(caller: CaseCaller, numberText: string): Ticket {
    const number = parseNumber(numberText);
    const row = number === undefined ? undefined : getTicketRow(db, number);
    if (!row) throw notFound('The case');
    return ticketOf(db, row, options.attachmentUrl(caller.origin));
  }

  const touch = (number: number, outcome: Outcome, when: string): void => touchTicket(db, number, outcome.status, when, outcome.countsAsActivity);

  return {
    name: 'sqlite',
    capabilities: { ...FULL_CAPABILITIES, live: 'push' },
    list(caller, query) {
      return Promise.resolve(listTickets(db, { email: caller.user.email, ...query }));
    },
    listVersion() {
      return Promise.resolve(listVersion(db));
    },
    find(caller, numberText) {
      const number = parseNumber(numberText);
      const row = number === undefined ? undefined : getTicketRow(db, number);
      if (!row || !maySeeCase(participantsOf(db, row), caller.user.email)) return Promise.resolve(undefined);
      return Promise.resolve(ticketOf(db, row, options.attachmentUrl(caller.origin)));
    },
    create(caller, input) {
      const { user } = caller;
      const when = at();
      const number = db.transaction(() => {
        const n = insertTicket(db, {
          areaId: input.areaId,
          productId: input.productId,
          subject: input.subject,
          description: input.description,
          categoryId: input.categoryId,
          subcategoryId: input.subcategoryId,
          status: 'open',
          contactMethod: input.contactMethod,
          accountId: user.activeAccountId,
          requester: { name: user.name, email: user.email },
          at: when,
          followUpOf: input.followUpOf,
          locale: caller.locale,
        });
        saveCustomFields(db, n, input.customFields);
        for (const upload of input.uploads) attachToTicket(db, upload.id, n);
        setCaseRateMark(db, input.rateMark.userId, input.rateMark.markMs);
        const row = getTicketRow(db, n);
        if (row) notifyCreated(db, row, ticketLink, when);
        return n;
      })();
      return Promise.resolve(reply(caller, String(number).padStart(8, '0')));
    },
    comment(caller, ticket, body, outcome) {
      const number = Number(ticket.number);
      const when = at();
      db.transaction(() => {
        touch(number, outcome, when);
        insertComment(db, number, { author: { name: caller.user.name, email: caller.user.email }, role: 'user', body, via: 'web', at: when });
      })();
      return Promise.resolve(reply(caller, ticket.number));
    },
    attach(caller, ticket, uploads, outcome) {
      const number = Number(ticket.number);
      db.transaction(() => {
        touch(number, outcome, at());
        for (const upload of uploads) attachToTicket(db, upload.id, number);
      })();
      return Promise.resolve(reply(caller, ticket.number));
    },
    addWatcher(caller, ticket, email, outcome) {
      const number = Number(ticket.number);
      const when = at();
      db.transaction(() => {
        touch(number, outcome, when);
        const row = getTicketRow(db, number);
        if (insertWatcher(db, number, email, when) && row) notifyWatcherAdded(db, row, email, caller.user.name, ticketLink, when);
      })();
      return Promise.resolve(reply(caller, ticket.number));
    },
    removeWatcher(caller, ticket, email, outcome) {
      const number = Number(ticket.number);
      // Nothing to delete: already done (a retry) or never there; the case as it is, untouched.
      if (!ticket.watchers.some((w) => sameEmail(w.email, email))) return Promise.resolve(ticket);
      db.transaction(() => {
        touch(number, outcome, at());
        deleteWatcher(db, number, email);
      })();
      return Promise.resolve(reply(caller, ticket.number));
    },
    callMe(caller, ticket, phone, outcome) {
      const number = Number(ticket.number);
      const when = at();
      db.transaction(() => {
        touch(number, outcome, when);
        insertCallback(db, number, phone, when);
      })();
      return Promise.resolve(reply(caller, ticket.number));
    },
    signInHelp(request) {
      const reference = `SH-${randomBytes(4).toString('hex').toUpperCase()}`;
      const when = at();
      insertSignInHelp(db, { reference, name: request.name, email: request.email, areaId: request.areaId, description: request.description, at: when });
      notifySignInHelp(db, { to: request.email, name: request.name, reference, locale: request.locale }, when);
      return Promise.resolve({ reference });
    },
    close() {
      return Promise.resolve();
    },
  };
}
