/**
 * The customer's comments on a case, from the portal (and, through the dev routes, by email reply).
 */
import { validateComment } from '../../src/core/validation.js';
import type { ApiRoute, Ctx } from '../context.js';
import { closedConflict, invalid, text, type Reply } from '../http.js';
import { callerOf, decide, visibleCase } from './shared.js';

/** The customer's comment: 409 when the case is closed, 422 when it is empty or too long; stored trimmed (the email reply of the dev routes: `SupportStore.emailReply`). */
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
