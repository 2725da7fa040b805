/**
 * Attaching uploads to a case, and downloading attachments (with the session, or with the
 * signed, expiring link that `Attachment.url` carries, so that a plain link works).
 */
import { maySeeCase } from '../../src/core/access.js';
import type { FieldError } from '../../src/core/errors.js';
import type { ApiRoute, Ctx } from '../context.js';
import { closedConflict, CORS_HEADERS, HttpError, invalid, notFound, texts, type Reply } from '../http.js';
import { contentDisposition } from '../files.js';
import type { AttachmentRow, SessionInfo } from '../store.js';
import { callerOf, decide, requireSession, visibleCase } from './shared.js';

/** The session's unattached uploads named by `tokens`; adds field errors when one is not. */
export async function uploadsFor(ctx: Ctx, session: SessionInfo, tokens: readonly string[], alreadyAttached: number, errors: FieldError[]): Promise<AttachmentRow[]> {
  if (alreadyAttached + tokens.length > ctx.server.config.attachments.maxFiles) {
    errors.push({ field: 'attachments', code: 'too_many_files' });
    return [];
  }
  const rows = await Promise.all(tokens.map((token) => ctx.server.store.unattachedUpload(token, session.userId)));
  const found = rows.filter((r): r is AttachmentRow => r !== undefined);
  if (found.length !== tokens.length || new Set(tokens).size !== tokens.length) errors.push({ field: 'attachments', code: 'invalid_choice' });
  return found;
}

async function addAttachments(ctx: Ctx, params: Readonly<Record<string, string>>): Promise<Reply> {
  const session = requireSession(ctx);
  const ticket = await visibleCase(ctx, params['number']);
  const tokens = texts(ctx.body, 'tokens');
  if (ticket.status === 'closed') throw closedConflict();
  if (!tokens || tokens.length === 0) throw invalid([{ field: 'attachments', code: 'required' }]);
  const errors: FieldError[] = [];
  const uploads = await uploadsFor(ctx, session, tokens, ticket.attachments.length, errors);
  if (errors.length > 0) throw invalid(errors);
  const outcome = decide(ticket.status, { type: 'attachment' });
  return { status: 201, body: await ctx.server.cases.attach(callerOf(ctx), ticket, uploads, outcome) };
}

async function download(ctx: Ctx, params: Readonly<Record<string, string>>): Promise<Reply> {
  const { store } = ctx.server;
  const id = params['id'] ?? '';
  const row = await store.getAttachment(id);
  const sig = ctx.url.searchParams.get('sig');
  let allowed = false;
  if (sig !== null) {
    allowed = ctx.server.validDownloadLink(id, Number(ctx.url.searchParams.get('expires') ?? ''), sig);
    if (!allowed && !ctx.session) throw new HttpError(403, 'forbidden', 'The download link is not valid or has expired.');
  }
  if (!allowed) {
    const session = requireSession(ctx);
    if (row) {
      const participants = row.ticket_number === null ? undefined : await store.caseParticipants(row.ticket_number);
      allowed = participants ? maySeeCase(participants, session.email) : row.owner_user_id === session.userId;
    }
  }
  const body = row && allowed ? await store.attachmentBody(row) : undefined;
  if (!row || !body) throw notFound('The attachment');
  const headers = {
    'Content-Type': row.content_type,
    'Content-Length': String(row.size),
    'Content-Disposition': contentDisposition(row.name),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "sandbox; default-src 'none'",
    'Cache-Control': 'private, no-store',
  };
  if ('file' in body) return { status: 200, file: body.file, headers };
  return {
    status: 200,
    stream: (res) => {
      res.writeHead(200, { ...CORS_HEADERS, ...headers });
      res.end(body.bytes);
    },
  };
}

export const attachmentRoutes: readonly ApiRoute[] = [
  { method: 'POST', path: '/api/tickets/{number}/attachments', handler: addAttachments, idempotent: 'replay', fieldNames: { tokens: 'attachments' } },
  // Public: a signed link is enough; without one the handler asks for the session.
  { method: 'GET', path: '/api/attachments/{id}', handler: download, public: true },
];
