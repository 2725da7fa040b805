/**
 * What several route modules need: the session, the case the user may see, the case as the
 * reply, and applying a status.ts action.
 */
import { maySeeCase } from '../../src/core/access.js';
import { applyAction, type TicketAction } from '../../src/core/status.js';
import type { Status } from '../../src/core/ticket.js';
import type { Ctx } from '../context.js';
import type { Db } from '../store.js';
import { closedConflict, notFound, unauthorized, type Reply } from '../http.js';
import { getTicketRow, parseNumber, participantsOf, ticketOf, touchTicket, type SessionInfo, type TicketRow } from '../store.js';

export const iso = (ctx: Ctx): string => ctx.server.now().toISOString();

export function requireSession(ctx: Ctx): SessionInfo {
  if (!ctx.session) throw unauthorized();
  return ctx.session;
}

/** The case numbered `numberText`; 404 when there is none. */
export function ticketNamed(ctx: Ctx, numberText: string | undefined): TicketRow {
  const number = parseNumber(numberText ?? '');
  const row = number === undefined ? undefined : getTicketRow(ctx.server.db, number);
  if (!row) throw notFound('The case');
  return row;
}

/** The case, when the signed-in user may see it (`maySeeCase`); 404 otherwise, as if there were none. */
export function visibleTicket(ctx: Ctx, numberText: string | undefined): TicketRow {
  const session = requireSession(ctx);
  const number = parseNumber(numberText ?? '');
  const row = number === undefined ? undefined : getTicketRow(ctx.server.db, number);
  if (!row || !maySeeCase(participantsOf(ctx.server.db, row), session.email)) throw notFound('The case');
  return row;
}

export function ticketReply(ctx: Ctx, number: number, status = 200): Reply {
  const row = getTicketRow(ctx.server.db, number);
  if (!row) throw notFound('The case');
  return { status, body: ticketOf(ctx.server.db, row, ctx.server.attachmentUrl(ctx.origin)) };
}

/** Applies a status.ts action to a case and records it; 409 when the case is closed. */
export function act(db: Db, row: TicketRow, action: TicketAction, at: string): Status {
  const outcome = applyAction(row.status, action);
  if (!outcome.ok) throw closedConflict();
  touchTicket(db, row.number, outcome.status, at, outcome.countsAsActivity);
  return outcome.status;
}
