/**
 * File uploads: the body is the file (streamed to a temp file, size-limited, hashed), checked
 * by name, declared type and first bytes; the answer's token attaches it later.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, readFileSync, renameSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { validateFile } from '../../src/core/validation.js';
import type { ApiRoute, Ctx, Upload } from '../context.js';
import { bytesMatch, canonicalContentType, declaredTypeMatches, kindOfName } from '../files.js';
import { HttpError, invalid, type Reply } from '../http.js';
import { insertAttachment } from '../store.js';
import { iso, requireSession } from './shared.js';

/** Streams a `rawBody` request to `DIR/attachments/tmp-*`; 413 past `maxBytes`. */
export async function receiveUpload(req: IncomingMessage, dataDir: string, maxBytes: number): Promise<Upload> {
  const tooLarge = (): HttpError =>
    new HttpError(413, 'too_large', `Files are limited to ${maxBytes} bytes.`, {
      errors: [{ field: 'attachments', code: 'file_too_large' }],
      headers: { Connection: 'close' },
    });
  if (Number(req.headers['content-length'] ?? '0') > maxBytes) throw tooLarge();
  const tempPath = join(dataDir, 'attachments', `tmp-${randomUUID()}`);
  const hash = createHash('sha256');
  const headChunks: Buffer[] = [];
  let headSize = 0;
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) {
        callback(tooLarge());
        return;
      }
      hash.update(chunk);
      if (headSize < 16) {
        headChunks.push(chunk);
        headSize += chunk.length;
      }
      callback(null, chunk);
    },
  });
  try {
    await pipeline(req, meter, createWriteStream(tempPath));
  } catch (error) {
    rmSync(tempPath, { force: true });
    throw error instanceof HttpError ? error : new HttpError(400, 'validation', 'The upload was interrupted.');
  }
  return { tempPath, size, sha256: hash.digest('hex'), head: Buffer.concat(headChunks).subarray(0, 16) };
}

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

function upload(ctx: Ctx): Reply {
  const { db, config, dataDir } = ctx.server;
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
    const id = randomUUID();
    const token = randomBytes(24).toString('base64url');
    const contentType = canonicalContentType(name);
    renameSync(file.tempPath, join(dataDir, 'attachments', id));
    keep = true;
    insertAttachment(db, { id, token, ownerUserId: session.userId, ticketNumber: null, name, size: file.size, contentType, file: id, at: iso(ctx) });
    return { status: 201, body: { token, name, size: file.size, contentType } };
  } finally {
    if (!keep) rmSync(file.tempPath, { force: true });
  }
}

export const uploadRoutes: readonly ApiRoute[] = [{ method: 'POST', path: '/api/uploads', handler: upload, rawBody: true, idempotent: 'replay' }];
