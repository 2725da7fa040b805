/**
 * "Call me": a callback request on a case, where flows.ts offers it for the case's product,
 * the caller's language and the account's plan.
 */
import { canRequestCallback } from '../../src/core/flows.js';
import { validatePhone } from '../../src/core/validation.js';
import type { ApiRoute, Ctx } from '../context.js';
import { closedConflict, HttpError, invalid, text, type Reply } from '../http.js';
import { callerOf, decide, visibleCase } from './shared.js';

async function requestCallback(ctx: Ctx, params: Readonly<Record<string, string>>): Promise<Reply> {
  const { store, config } = ctx.server;
  const ticket = await visibleCase(ctx, params['number']);
  const phone = (text(ctx.body, 'phone') ?? '').trim();
  if (ticket.status === 'closed') throw closedConflict();
  const allowed = canRequestCallback(config, {
    locale: ctx.locale,
    productId: ticket.productId,
    categoryId: ticket.categoryId,
    plan: (await store.accountPlan(ticket.accountId)) ?? 'free',
    status: ticket.status,
  });
  if (!allowed) throw new HttpError(403, 'forbidden', '"Call me" is not offered for this case in this language and support plan.');
  const errors = validatePhone('phone', phone);
  if (errors.length > 0) throw invalid(errors);
  const outcome = decide(ticket.status, { type: 'callback' });
  return { status: 201, body: await ctx.server.cases.callMe(callerOf(ctx), ticket, phone, outcome) };
}

export const callMeRoutes: readonly ApiRoute[] = [
  { method: 'POST', path: '/api/tickets/{number}/callbacks', handler: requestCallback, idempotent: 'replay' },
];
