/**
 * `GET /healthz` (alive) and `GET /readyz` (ready for traffic: the database answers and the
 * server is not shutting down; else 503 with Retry-After). Public: a load balancer has no
 * session. See server/health.ts.
 */
import type { ApiRoute, Ctx } from '../context.js';
import { READINESS_RETRY_AFTER_S } from '../health.js';
import { HttpError, type Reply } from '../http.js';

function healthz(): Reply {
  return { status: 200, body: { status: 'ok' } };
}

async function readyz(ctx: Ctx): Promise<Reply> {
  const state = await ctx.server.readiness();
  if (state.ready) return { status: 200, body: { status: 'ok' } };
  throw new HttpError(503, 'server', state.reason, { headers: { 'Retry-After': String(READINESS_RETRY_AFTER_S) } });
}

export const healthRoutes: readonly ApiRoute[] = [
  { method: 'GET', path: '/healthz', handler: healthz, public: true },
  { method: 'GET', path: '/readyz', handler: readyz, public: true },
];
