/**
 * `GET /api/events`: the session's live updates as Server-Sent Events (server/events.ts), and
 * with `--dev`, `GET /api/_dev/streams`: how many are open and how many were opened (a test
 * that aborts its stream checks that the server saw it close and that no reconnect followed).
 */
import type { ApiRoute, Ctx } from '../context.js';
import { parseLastEventId } from '../events.js';
import type { Reply } from '../http.js';
import { requireSession } from './shared.js';

function events(ctx: Ctx): Reply {
  const session = requireSession(ctx);
  const lastEventId = parseLastEventId(ctx.req.headers['last-event-id']);
  return { status: 200, stream: (res) => ctx.server.events.open(res, session, ctx.origin, lastEventId) };
}

function streams(ctx: Ctx): Reply {
  return { status: 200, body: ctx.server.events.counts() };
}

export const eventRoutes: readonly ApiRoute[] = [{ method: 'GET', path: '/api/events', handler: events }];

export const devEventRoutes: readonly ApiRoute[] = [{ method: 'GET', path: '/api/_dev/streams', handler: streams, public: true }];
