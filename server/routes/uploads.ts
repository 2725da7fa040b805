/**
 * File uploads: the body is the file (streamed to a temp file by the pipeline, size-limited,
 * hashed: `receiveFile` of http.ts), checked
 * by name, declared type and first bytes; the answer's token attaches it later.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { validateFile } from '../../src/core/validation.js';
import type { ApiRoute, Ctx } from '../context.js';
import { bytesMatch, canonicalContentType, declaredTypeMatches, kindOfName } from '../files.js';
import { HttpError, invalid, type Reply } from '../http.js';
import { admitUpload } from '../limits.js';
import { iso, requireSession } from './shared.js';

function fileName(raw: string | string[] | undefined): string {
  let name = '';
  try {
    name = typeof raw === 'string' ? decodeURIComponent(raw).trim() : '';
  } catch {
    throw invalid([{ field: 'name', code: 'invalid_choice' }]);
  }
  if (!name || name.length > 255 || /[/\\\0]/.test(name)) throw invalid([{ field: 'name', code: name ? 'invalid_choice' : 'required' }]);
  return name;
}

async function upload(ctx: Ctx): Promise<Reply> {
  const { store, config } = ctx.server;
  const session = requireSession(ctx);
  const file = ctx.upload;
  if (!file) throw new HttpError(400, 'validation', 'No file.');
  let keep = false;
  try {
    const name = fileName(ctx.req.headers['x-file-name']);
    const declared = ctx.req.headers['content-type'];
    const kind = kindOfName(name);
    const typeErrors = validateFile({ name, size: file.size, type: declared ?? '' }, config.attachments, 0);
    if (typeErrors.length > 0) throw invalid(typeErrors);
    if (!kind || !declaredTypeMatches(declared, kind) || !bytesMatch(kind, file.head, () => readFileSync(file.tempPath))) {
      throw invalid([{ field: 'attachments', code: 'file_type' }]);
    }
    await admitUpload(store, ctx.server.limits, session.userId, file.size, ctx.server.now().getTime());
    const id = randomUUID();
    const token = randomBytes(24).toString('base64url');
    const contentType = canonicalContentType(name);
    await store.storeUpload({ id, token, ownerUserId: session.userId, name, size: file.size, contentType, at: iso(ctx) }, file.tempPath);
    keep = true;
    return { status: 201, body: { token, name, size: file.size, contentType } };
  } finally {
    if (!keep) rmSync(file.tempPath, { force: true });
  }
}

export const uploadRoutes: readonly ApiRoute[] = [{ method: 'POST', path: '/api/uploads', handler: upload, rawBody: true, idempotent: 'replay' }];
