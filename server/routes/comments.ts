/**
 * The customer's comments on a case, from the portal (and, through the dev routes, by email reply).
 */
import { validateComment } from '../../src/core/validation.js';
import type { ApiRoute, Ctx } from '../context.js';
import { closedConflict, invalid, text, type Reply } from '../http.js';
import { insertComment, type TicketRow } from '../store.js';
import { act, callerOf, decide, iso, ticketReply, visibleCase } from './shared.js';

/**
 * The customer's comment `body` on `row` in the SQLite store (the dev routes' email reply): 409 when the case is closed, 422 when the comment
 * is empty or too long; stored trimmed; the 201 reply.
 */
export function userComment(ctx: Ctx, row: TicketRow, body: string, author: { name: string; email: string }, via: 'web' | 'email'): Reply {
  const { db, config } = ctx.server;
  if (row.status === 'closed') throw closedConflict();
  const errors = validateComment(body, config);
  if (errors.length > 0) throw invalid(errors);
  const at = iso(ctx);
  db.transaction(() => {
    act(db, row, { type: 'comment', by: 'user', via }, at);
    insertComment(db, row.number, { author, role: 'user', body: body.trim(), via, at });
  })();
  return ticketReply(ctx, row.number, 201);
}

/** The same rules as `userComment`, through the connector. */
async function addComment(ctx: Ctx, params: Readonly<Record<string, string>>): Promise<Reply> {
  const ticket = await visibleCase(ctx, params['number']);
  const body = text(ctx.body, 'body') ?? '';
  if (ticket.status === 'closed') throw closedConflict();
  const errors = validateComment(body, ctx.server.config);
  if (errors.length > 0) throw invalid(errors);
  const outcome = decide(ticket.status, { type: 'comment', by: 'user', via: 'web' });
  return { status: 201, body: await ctx.server.cases.comment(callerOf(ctx), ticket, body.trim(), outcome) };
}

export const commentRoutes: readonly ApiRoute[] = [
  { method: 'POST', path: '/api/tickets/{number}/comments', handler: addComment, idempotent: 'replay', fieldNames: { body: 'comment' } },
];
