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
import type { Ticket } from '../../src/core/ticket.js';
import { callerOf, decide, requireSession, visibleCase } from './shared.js';

function mayChange(ticket: Ticket, actorEmail: string, change: WatcherChange): void {
  const participants = { requesterEmail: ticket.requester.email, watcherEmails: ticket.watchers.map((w) => w.email) };
  if (mayChangeWatchers(participants, actorEmail, change)) return;
  throw new HttpError(403, 'forbidden', 'A watcher may add watchers and remove only themselves; the requester may remove anyone.');
}

async function addWatcher(ctx: Ctx, params: Readonly<Record<string, string>>): Promise<Reply> {
  const session = requireSession(ctx);
  const ticket = await visibleCase(ctx, params['number']);
  const email = (text(ctx.body, 'email') ?? '').trim().toLowerCase();
  if (ticket.status === 'closed') throw closedConflict();
  const errors = validateEmailField('email', email);
  if (errors.length > 0) throw invalid(errors);
  mayChange(ticket, session.email, { type: 'add', email });
  const outcome = decide(ticket.status, { type: 'watchers' });
  return { status: 201, body: await ctx.server.cases.addWatcher(callerOf(ctx), ticket, email, outcome) };
}

async function removeWatcher(ctx: Ctx, params: Readonly<Record<string, string>>): Promise<Reply> {
  const session = requireSession(ctx);
  const ticket = await visibleCase(ctx, params['number']);
  const email = (params['email'] ?? '').trim().toLowerCase();
  if (ticket.status === 'closed') throw closedConflict();
  mayChange(ticket, session.email, { type: 'remove', email });
  // Nothing to delete: already done (a retry) or never there; the case as it is, untouched.
  if (!ticket.watchers.some((w) => sameEmail(w.email, email))) return { status: 200, body: ticket };
  const outcome = decide(ticket.status, { type: 'watchers' });
  return { status: 200, body: await ctx.server.cases.removeWatcher(callerOf(ctx), ticket, email, outcome) };
}

export const watcherRoutes: readonly ApiRoute[] = [
  { method: 'POST', path: '/api/tickets/{number}/watchers', handler: addWatcher, idempotent: 'replay' },
  { method: 'DELETE', path: '/api/tickets/{number}/watchers/{email}', handler: removeWatcher, idempotent: 'optional' },
];
