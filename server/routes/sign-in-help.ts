/**
 * Help for customers who cannot sign in: handed to the connector (stored with a reference and
 * confirmed by email, or a helpdesk ticket without a requester session). Public.
 */
import { validateSignInHelp } from '../../src/core/validation.js';
import type { ApiRoute, Ctx } from '../context.js';
import { invalid, text, type Reply } from '../http.js';

async function signInHelp(ctx: Ctx): Promise<Reply> {
  const { config } = ctx.server;
  const request = {
    name: text(ctx.body, 'name') ?? '',
    email: (text(ctx.body, 'email') ?? '').trim(),
    areaId: text(ctx.body, 'areaId') ?? '',
    description: text(ctx.body, 'description') ?? '',
  };
  const errors = validateSignInHelp(request, config);
  if (errors.length > 0) throw invalid(errors);
  const receipt = await ctx.server.cases.signInHelp({
    name: request.name.trim(),
    email: request.email,
    areaId: request.areaId,
    description: request.description.trim(),
    locale: ctx.locale,
  });
  return { status: 201, body: receipt };
}

export const signInHelpRoutes: readonly ApiRoute[] = [{ method: 'POST', path: '/api/sign-in-help', handler: signInHelp, public: true, idempotent: 'replay' }];
