/**
 * Small HTTP toolkit of the reference server: problem+json errors (RFC 9457), JSON bodies,
 * CORS and a path router over a route table. No framework.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ConflictReason, ErrorKind, FieldError } from '../src/core/errors.js';

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly kind: ErrorKind;
  readonly errors?: readonly FieldError[];
  readonly conflict?: ConflictReason;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Content too large',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
};

/** Thrown by handlers; the app turns it into a problem+json response. */
export class HttpError extends Error {
  readonly status: number;
  readonly kind: ErrorKind;
  readonly fieldErrors: readonly FieldError[] | undefined;
  readonly conflict: ConflictReason | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    kind: ErrorKind,
    detail: string,
    extra: { errors?: readonly FieldError[]; conflict?: ConflictReason; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.status = status;
    this.kind = kind;
    this.fieldErrors = extra.errors;
    this.conflict = extra.conflict;
    this.headers = extra.headers ?? {};
  }

  toProblem(): Problem {
    return {
      type: `https://support-elements.dev/problems/${this.conflict ?? this.kind}`,
      title: TITLES[this.status] ?? 'Error',
      status: this.status,
      detail: this.message,
      kind: this.kind,
      ...(this.fieldErrors && this.fieldErrors.length > 0 ? { errors: this.fieldErrors } : {}),
      ...(this.conflict ? { conflict: this.conflict } : {}),
    };
  }
}

export const invalid = (errors: readonly FieldError[], status = 422): HttpError =>
  new HttpError(status, 'validation', 'The request has invalid fields.', { errors });
export const notFound = (what = 'The resource'): HttpError => new HttpError(404, 'not_found', `${what} was not found.`);
export const unauthorized = (): HttpError => new HttpError(401, 'unauthorized', 'Sign in first.');
export const closedConflict = (): HttpError =>
  new HttpError(409, 'conflict', 'The case is closed and can no longer change.', { conflict: 'closed' });

/** What a handler answers; the app serializes it (and records it for idempotent replays). */
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** A file streamed as the body instead of JSON (downloads); `headers` give its type and length. */
  readonly file?: string;
}

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key, X-File-Name, Accept-Language',
  'Access-Control-Expose-Headers': 'Retry-After, Content-Disposition, Content-Language, Idempotent-Replayed',
  'Access-Control-Max-Age': '600',
};

export function sendRaw(
  res: ServerResponse,
  status: number,
  contentType: string | undefined,
  body: string | Buffer | undefined,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const all: Record<string, string> = { ...CORS_HEADERS, 'Cache-Control': 'no-store', ...headers };
  if (contentType && body !== undefined) all['Content-Type'] = contentType;
  if (body !== undefined) all['Content-Length'] = String(Buffer.byteLength(body));
  res.writeHead(status, all);
  res.end(body);
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  if (reply.file !== undefined) {
    res.writeHead(reply.status, { ...CORS_HEADERS, ...reply.headers });
    createReadStream(reply.file)
      .on('error', () => res.destroy())
      .pipe(res);
    return;
  }
  const contentType = reply.status >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8';
  sendRaw(res, reply.status, contentType, reply.body === undefined ? undefined : JSON.stringify(reply.body), reply.headers);
}

export function problemReply(error: HttpError): Reply {
  return { status: error.status, body: error.toProblem(), headers: error.headers };
}

/** Reads a JSON body of at most `maxBytes`; 413 past it, 400 when it is not JSON. */
export async function readJson(req: IncomingMessage, maxBytes = 1024 * 1024): Promise<{ value: unknown; raw: Buffer }> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > maxBytes) throw new HttpError(413, 'too_large', 'The request body is too large.', { headers: { Connection: 'close' } });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > maxBytes) throw new HttpError(413, 'too_large', 'The request body is too large.', { headers: { Connection: 'close' } });
    chunks.push(buf);
  }
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return { value: {}, raw };
  try {
    return { value: JSON.parse(raw.toString('utf8')) as unknown, raw };
  } catch {
    throw new HttpError(400, 'validation', 'The request body is not valid JSON.');
  }
}

/** A request body streamed to a temp file, with what the type check and the idempotency fingerprint need. */
export interface ReceivedFile {
  readonly tempPath: string;
  readonly size: number;
  readonly sha256: string;
  /** The first 16 bytes (magic numbers). */
  readonly head: Buffer;
}

/** Streams the body of a `rawBody` route to `dir/tmp-*`; 413 past `maxBytes`, 400 when it breaks off. */
export async function receiveFile(req: IncomingMessage, dir: string, maxBytes: number): Promise<ReceivedFile> {
  const tooLarge = (): HttpError =>
    new HttpError(413, 'too_large', `Files are limited to ${maxBytes} bytes.`, {
      errors: [{ field: 'attachments', code: 'file_too_large' }],
      headers: { Connection: 'close' },
    });
  if (Number(req.headers['content-length'] ?? '0') > maxBytes) throw tooLarge();
  const tempPath = join(dir, `tmp-${randomUUID()}`);
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

export type JsonObject = Readonly<Record<string, unknown>>;

/** A string field of a body already checked against the contract: undefined when absent. */
export function text(body: JsonObject, field: string): string | undefined {
  const value = body[field];
  return typeof value === 'string' ? value : undefined;
}

/** A string-array field of a body already checked against the contract: undefined when absent. */
export function texts(body: JsonObject, field: string): string[] | undefined {
  const value = body[field];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

/** One line of the route table: what the request pipeline needs to know about a route. */
export interface RouteSpec<C> {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The path template, such as `/api/tickets/{number}` (the contract's own). */
  readonly path: string;
  readonly handler: (ctx: C, params: Readonly<Record<string, string>>) => Promise<Reply> | Reply;
  /** Answers without a session (the handler may still read one). Otherwise 401 first. */
  readonly public?: boolean;
  /** The body is a file, streamed to disk (uploads), not JSON. */
  readonly rawBody?: boolean;
  /**
   * `replay`: needs an Idempotency-Key and replays the recorded answer to a retry.
   * `key-only`: needs the key, never records (sign-in: safe to repeat, and its answer holds a token).
   */
  readonly idempotent?: 'replay' | 'key-only';
  /** Field names of the errors for body properties the forms name otherwise (`tokens` → `attachments`). */
  readonly fieldNames?: Readonly<Record<string, string>>;
}

export interface Route<C> extends RouteSpec<C> {
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

/** Compiles the template `/api/tickets/{number}` of a route table line. */
export function compileRoute<C>(spec: RouteSpec<C>): Route<C> {
  const names: string[] = [];
  const source = spec.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { ...spec, pattern: new RegExp(`^${source}$`), names };
}

export function matchRoute<C>(
  routes: readonly Route<C>[],
  method: string,
  pathname: string,
): { route: Route<C>; params: Record<string, string> } | 'method_not_allowed' | undefined {
  let pathMatched = false;
  for (const r of routes) {
    const m = r.pattern.exec(pathname);
    if (!m) continue;
    pathMatched = true;
    if (r.method !== method) continue;
    const params: Record<string, string> = {};
    r.names.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1] ?? '');
    });
    return { route: r, params };
  }
  return pathMatched ? 'method_not_allowed' : undefined;
}
