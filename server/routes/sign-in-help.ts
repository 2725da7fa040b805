/**
 * Help for customers who cannot sign in: stored with a reference, confirmed by email. Public.
 */
import { randomBytes } from 'node:crypto';
import { validateSignInHelp } from '../../src/core/validation.js';
import type { ApiRoute, Ctx } from '../context.js';
import { invalid, text, type Reply } from '../http.js';
import { notifySignInHelp } from '../notify.js';
import { insertSignInHelp } from '../store.js';
import { iso } from './shared.js';

function signInHelp(ctx: Ctx): Reply {
  const { db, config } = ctx.server;
  const request = {
    name: text(ctx.body, 'name') ?? '',
    email: (text(ctx.body, 'email') ?? '').trim(),
    areaId: text(ctx.body, 'areaId') ?? '',
    description: text(ctx.body, 'description') ?? '',
  };
  const errors = validateSignInHelp(request, config);
  if (errors.length > 0) throw invalid(errors);
  const reference = `SH-${randomBytes(4).toString('hex').toUpperCase()}`;
  const at = iso(ctx);
  insertSignInHelp(db, { reference, name: request.name.trim(), email: request.email, areaId: request.areaId, description: request.description.trim(), at });
  notifySignInHelp(db, { to: request.email, name: request.name.trim(), reference, locale: ctx.locale }, at);
  return { status: 201, body: { reference } };
}

export const signInHelpRoutes: readonly ApiRoute[] = [{ method: 'POST', path: '/api/sign-in-help', handler: signInHelp, public: true, idempotent: 'replay' }];
