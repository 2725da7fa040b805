/**
 * `/api/_dev/*` (with `--dev` only): the outbox, and the agent side simulated (a comment or
 * status change, a customer's email reply, the auto-close job). Public, not idempotent.
 */
import { STATUSES, type Status } from '../../src/core/ticket.js';
import type { ApiRoute, Ctx } from '../context.js';
import { invalid, notFound, text, type Reply } from '../http.js';
import { readOutbox } from '../notify.js';
import type { AttachmentUrl } from '../store.js';
import { iso } from './shared.js';

const isStatus = (v: string): v is Status => (STATUSES as readonly string[]).includes(v);

const urlOf = (ctx: Ctx): AttachmentUrl => ctx.server.attachmentUrl(ctx.origin);

async function outbox(ctx: Ctx): Promise<Reply> {
  const to = ctx.url.searchParams.get('to') ?? undefined;
  const ticket = ctx.url.searchParams.get('ticket') ?? undefined;
  return { status: 200, body: { items: readOutbox(await ctx.server.store.outboxRows(), { to, ticket }) } };
}

async function agentComment(ctx: Ctx, params: Readonly<Record<string, string>>): Promise<Reply> {
  const body = (text(ctx.body, 'body') ?? '').trim();
  const statusText = text(ctx.body, 'status');
  const to = statusText !== undefined && isStatus(statusText) ? statusText : undefined;
  if (statusText !== undefined && !to) throw invalid([{ field: 'status', code: 'invalid_choice' }]);
  const ticket = await ctx.server.store.agentChange(params['number'] ?? '', { body, to, at: iso(ctx), link: ctx.server.ticketLink }, urlOf(ctx));
  if (!ticket) throw notFound('The case');
  return { status: 201, body: ticket };
}

async function emailReply(ctx: Ctx, params: Readonly<Record<string, string>>): Promise<Reply> {
  const body = (text(ctx.body, 'body') ?? '').trim();
  const ticket = await ctx.server.store.emailReply(params['number'] ?? '', body, iso(ctx), ctx.server.config, urlOf(ctx));
  if (!ticket) throw notFound('The case');
  return { status: 201, body: ticket };
}

async function autoClose(ctx: Ctx): Promise<Reply> {
  return { status: 200, body: { closed: await ctx.server.runAutoClose() } };
}

export const devRoutes: readonly ApiRoute[] = [
  { method: 'GET', path: '/api/_dev/outbox', handler: outbox, public: true },
  { method: 'POST', path: '/api/_dev/tickets/{number}/agent-comment', handler: agentComment, public: true },
  { method: 'POST', path: '/api/_dev/tickets/{number}/email-reply', handler: emailReply, public: true, fieldNames: { body: 'comment' } },
  { method: 'POST', path: '/api/_dev/auto-close', handler: autoClose, public: true },
];
