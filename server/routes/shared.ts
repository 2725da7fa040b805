/**
 * What several route modules need: the session, the case the user may see (through the
 * connector), the case as the reply, and applying a status.ts action. `act` works on
 * the SQLite store directly (its dev routes and auto-close: store/sqlite-store.ts).
 */
import { applyAction, type TicketAction } from '../../src/core/status.js';
import type { Status, Ticket } from '../../src/core/ticket.js';
import type { CaseCaller, Outcome } from '../connectors/types.js';
import type { Ctx } from '../context.js';
import type { Db } from '../store.js';
import { closedConflict, notFound, unauthorized } from '../http.js';
import { parseNumber, touchTicket, type SessionInfo, type TicketRow } from '../store.js';

export const iso = (ctx: Ctx): string => ctx.server.now().toISOString();

export function requireSession(ctx: Ctx): SessionInfo {
  if (!ctx.session) throw unauthorized();
  return ctx.session;
}

/** The signed-in caller of a connector. */
export function callerOf(ctx: Ctx): CaseCaller {
  return { user: requireSession(ctx), origin: ctx.origin, locale: ctx.locale };
}

/** The case, when the signed-in user may see it (requester or watcher); 404 otherwise, as if there were none. */
export async function visibleCase(ctx: Ctx, numberText: string | undefined): Promise<Ticket> {
  const ticket = parseNumber(numberText ?? '') === undefined ? undefined : await ctx.server.cases.find(callerOf(ctx), numberText ?? '');
  if (!ticket) throw notFound('The case');
  return ticket;
}

/** What a status.ts action does to a case in `status`; 409 when the case is closed. */
export function decide(status: Status, action: TicketAction): Outcome {
  const outcome = applyAction(status, action);
  if (!outcome.ok) throw closedConflict();
  return { status: outcome.status, countsAsActivity: outcome.countsAsActivity };
}

/** Applies a status.ts action to a case and records it; 409 when the case is closed. */
export function act(db: Db, row: TicketRow, action: TicketAction, at: string): Status {
  const outcome = applyAction(row.status, action);
  if (!outcome.ok) throw closedConflict();
  touchTicket(db, row.number, outcome.status, at, outcome.countsAsActivity);
  return outcome.status;
}
