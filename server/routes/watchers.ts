/**
 * Watchers of a case: people who see it and get its emails. Adding or removing one changes
 * no status (status.ts `watchers`).
 */
import { validateEmailField } from '../../src/core/validation.js';
import type { ApiRoute, Ctx } from '../context.js';
import { closedConflict, invalid, notFound, text, type Reply } from '../http.js';
import { notifyWatcherAdded } from '../notify.js';
import { deleteWatcher, insertWatcher } from '../store.js';
import { act, iso, requireSession, ticketReply, visibleTicket } from './shared.js';

function addWatcher(ctx: Ctx, params: Readonly<Record<string, string>>): Reply {
  const { db, ticketLink } = ctx.server;
  const session = requireSession(ctx);
  const row = visibleTicket(ctx, params['number']);
  const email = (text(ctx.body, 'email') ?? '').trim().toLowerCase();
  if (row.status === 'closed') throw closedConflict();
  const errors = validateEmailField('email', email);
  if (errors.length > 0) throw invalid(errors);
  const at = iso(ctx);
  db.transaction(() => {
    act(db, row, { type: 'watchers' }, at);
    if (insertWatcher(db, row.number, email, at)) notifyWatcherAdded(db, row, email, session.name, ticketLink, at);
  })();
  return ticketReply(ctx, row.number, 201);
}

function removeWatcher(ctx: Ctx, params: Readonly<Record<string, string>>): Reply {
  const { db } = ctx.server;
  const row = visibleTicket(ctx, params['number']);
  const email = (params['email'] ?? '').trim().toLowerCase();
  if (row.status === 'closed') throw closedConflict();
  db.transaction(() => {
    act(db, row, { type: 'watchers' }, iso(ctx));
    // Throwing inside the transaction rolls the status touch back too.
    if (!deleteWatcher(db, row.number, email)) throw notFound('The watcher');
  })();
  return ticketReply(ctx, row.number, 200);
}

export const watcherRoutes: readonly ApiRoute[] = [
  { method: 'POST', path: '/api/tickets/{number}/watchers', handler: addWatcher, idempotent: 'replay' },
  { method: 'DELETE', path: '/api/tickets/{number}/watchers/{email}', handler: removeWatcher },
];
