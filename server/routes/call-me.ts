/**
 * "Call me": a callback request on a case, where flows.ts offers it for the case's product,
 * the caller's language and the account's plan.
 */
import { canRequestCallback } from '../../src/core/flows.js';
import { validatePhone } from '../../src/core/validation.js';
import type { ApiRoute, Ctx } from '../context.js';
import { closedConflict, HttpError, invalid, text, type Reply } from '../http.js';
import { accountPlan, insertCallback } from '../store.js';
import { act, iso, ticketReply, visibleTicket } from './shared.js';

function requestCallback(ctx: Ctx, params: Readonly<Record<string, string>>): Reply {
  const { db, config } = ctx.server;
  const row = visibleTicket(ctx, params['number']);
  const phone = (text(ctx.body, 'phone') ?? '').trim();
  if (row.status === 'closed') throw closedConflict();
  const allowed = canRequestCallback(config, {
    locale: ctx.locale,
    productId: row.product_id,
    categoryId: row.category_id ?? undefined,
    plan: accountPlan(db, row.account_id) ?? 'free',
    status: row.status,
  });
  if (!allowed) throw new HttpError(403, 'forbidden', '"Call me" is not offered for this case in this language and support plan.');
  const errors = validatePhone('phone', phone);
  if (errors.length > 0) throw invalid(errors);
  const at = iso(ctx);
  db.transaction(() => {
    act(db, row, { type: 'callback' }, at);
    insertCallback(db, row.number, phone, at);
  })();
  return ticketReply(ctx, row.number, 201);
}

export const callMeRoutes: readonly ApiRoute[] = [
  { method: 'POST', path: '/api/tickets/{number}/callbacks', handler: requestCallback, idempotent: 'replay' },
];
