/**
 * Watchers of a case: people who see it and get its emails. Adding or removing one changes
 * no status (status.ts `watchers`). Who may do which is `mayChangeWatchers` (src/core/access.ts,
 * the memory adapter's rule too): 403 otherwise. Removing someone who is not (or no longer) a
 * watcher is a success that changes nothing: a retried DELETE whose first answer was lost.
 */
import { mayChangeWatchers, sameEmail, type WatcherChange } from '../../src/core/access.js';
import { validateEmailField } from '../../src/core/validation.js';
import type { ApiRoute, Ctx } from '../context.js';
import { closedConflict, HttpError, invalid, text, type Reply } from '../http.js';
import { notifyWatcherAdded } from '../notify.js';
import { deleteWatcher, insertWatcher, participantsOf, type SessionInfo, type TicketRow } from '../store.js';
import { act, iso, requireSession, ticketReply, visibleTicket } from './shared.js';

function mayChange(ctx: Ctx, session: SessionInfo, row: TicketRow, change: WatcherChange): void {
  if (mayChangeWatchers(participantsOf(ctx.server.db, row), session.email, change)) return;
  throw new HttpError(403, 'forbidden', 'A watcher may add watchers and remove only themselves; the requester may remove anyone.');
}

function addWatcher(ctx: Ctx, params: Readonly<Record<string, string>>): Reply {
  const { db, ticketLink } = ctx.server;
  const session = requireSession(ctx);
  const row = visibleTicket(ctx, params['number']);
  const email = (text(ctx.body, 'email') ?? '').trim().toLowerCase();
  if (row.status === 'closed') throw closedConflict();
  const errors = validateEmailField('email', email);
  if (errors.length > 0) throw invalid(errors);
  mayChange(ctx, session, row, { type: 'add', email });
  const at = iso(ctx);
  db.transaction(() => {
    act(db, row, { type: 'watchers' }, at);
    if (insertWatcher(db, row.number, email, at)) notifyWatcherAdded(db, row, email, session.name, ticketLink, at);
  })();
  return ticketReply(ctx, row.number, 201);
}

function removeWatcher(ctx: Ctx, params: Readonly<Record<string, string>>): Reply {
  const { db } = ctx.server;
  const session = requireSession(ctx);
  const row = visibleTicket(ctx, params['number']);
  const email = (params['email'] ?? '').trim().toLowerCase();
  if (row.status === 'closed') throw closedConflict();
  mayChange(ctx, session, row, { type: 'remove', email });
  // Nothing to delete: already done (a retry) or never there; the case as it is, untouched.
  if (!participantsOf(db, row).watcherEmails.some((w) => sameEmail(w, email))) return ticketReply(ctx, row.number, 200);
  db.transaction(() => {
    act(db, row, { type: 'watchers' }, iso(ctx));
    deleteWatcher(db, row.number, email);
  })();
  return ticketReply(ctx, row.number, 200);
}

export const watcherRoutes: readonly ApiRoute[] = [
  { method: 'POST', path: '/api/tickets/{number}/watchers', handler: addWatcher, idempotent: 'replay' },
  { method: 'DELETE', path: '/api/tickets/{number}/watchers/{email}', handler: removeWatcher, idempotent: 'optional' },
];
