/**
 * `/api/_dev/*` (with `--dev` only): the outbox, and the agent side simulated (a comment or
 * status change, a customer's email reply, the auto-close job). Public, not idempotent.
 */
import { STATUSES, type Status } from '../../src/core/ticket.js';
import type { ApiRoute, Ctx } from '../context.js';
import { closedConflict, invalid, text, type Reply } from '../http.js';
import { notifyAgentComment, notifyClosed, readOutbox } from '../notify.js';
import { getTicketRow, insertComment } from '../store.js';
import { userComment } from './comments.js';
import { act, iso, ticketNamed, ticketReply } from './shared.js';

const AGENT = { name: 'Morgan (Support)', email: 'morgan@support.example.com' };
const isStatus = (v: string): v is Status => (STATUSES as readonly string[]).includes(v);

function outbox(ctx: Ctx): Reply {
  const to = ctx.url.searchParams.get('to') ?? undefined;
  const ticket = ctx.url.searchParams.get('ticket') ?? undefined;
  return { status: 200, body: { items: readOutbox(ctx.server.db, { to, ticket }) } };
}

function agentComment(ctx: Ctx, params: Readonly<Record<string, string>>): Reply {
  const { db, ticketLink } = ctx.server;
  const row = ticketNamed(ctx, params['number']);
  const body = (text(ctx.body, 'body') ?? '').trim();
  const statusText = text(ctx.body, 'status');
  const to = statusText !== undefined && isStatus(statusText) ? statusText : undefined;
  if (statusText !== undefined && !to) throw invalid([{ field: 'status', code: 'invalid_choice' }]);
  if (row.status === 'closed') throw closedConflict();
  if (!body && to === undefined) throw invalid([{ field: 'comment', code: 'required' }]);
  const at = iso(ctx);
  db.transaction(() => {
    if (body) {
      act(db, row, { type: 'comment', by: 'agent', via: 'web' }, at);
      insertComment(db, row.number, { author: AGENT, role: 'agent', body, via: 'web', at });
    }
    let closed = false;
    if (to !== undefined) closed = act(db, getTicketRow(db, row.number) ?? row, { type: 'set_status', to }, at) === 'closed';
    // The emails tell the case's state after the whole change (a reply that sets Pending says Pending).
    const after = getTicketRow(db, row.number) ?? row;
    if (body) notifyAgentComment(db, after, body, ticketLink, at);
    if (closed) notifyClosed(db, after, ticketLink, at, false);
  })();
  return ticketReply(ctx, row.number, 201);
}

function emailReply(ctx: Ctx, params: Readonly<Record<string, string>>): Reply {
  const row = ticketNamed(ctx, params['number']);
  const body = (text(ctx.body, 'body') ?? '').trim();
  return userComment(ctx, row, body, { name: row.requester_name, email: row.requester_email }, 'email');
}

function autoClose(ctx: Ctx): Reply {
  return { status: 200, body: { closed: ctx.server.runAutoClose() } };
}

export const devRoutes: readonly ApiRoute[] = [
  { method: 'GET', path: '/api/_dev/outbox', handler: outbox, public: true },
  { method: 'POST', path: '/api/_dev/tickets/{number}/agent-comment', handler: agentComment, public: true },
  { method: 'POST', path: '/api/_dev/tickets/{number}/email-reply', handler: emailReply, public: true, fieldNames: { body: 'comment' } },
  { method: 'POST', path: '/api/_dev/auto-close', handler: autoClose, public: true },
];
