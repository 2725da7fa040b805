/**
 * Small HTTP toolkit of the reference server: problem+json errors (RFC 9457), JSON bodies,
 * CORS and a path router over a route table. No framework.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { ConflictReason, ErrorKind, FieldError } from '../src/core/errors.js';

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly kind: ErrorKind;
  readonly errors?: readonly FieldError[];
  readonly conflict?: ConflictReason;
  /** The size limit a 413 (or a quota's 429) refers to, in bytes. */
  readonly limitBytes?: number;
  /** The count limit a quota's 429 refers to (pending uploads). */
  readonly limitCount?: number;
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
  503: 'Service unavailable',
};

/** Thrown by handlers; the app turns it into a problem+json response. */
export class HttpError extends Error {
  readonly status: number;
  readonly kind: ErrorKind;
  readonly fieldErrors: readonly FieldError[] | undefined;
  readonly conflict: ConflictReason | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly limits: { readonly limitBytes?: number; readonly limitCount?: number };

  constructor(
    status: number,
    kind: ErrorKind,
    detail: string,
    extra: {
      errors?: readonly FieldError[];
      conflict?: ConflictReason;
      headers?: Record<string, string>;
      limits?: { readonly limitBytes?: number; readonly limitCount?: number };
    } = {},
  ) {
    super(detail);
    this.status = status;
    this.kind = kind;
    this.fieldErrors = extra.errors;
    this.conflict = extra.conflict;
    this.headers = extra.headers ?? {};
    this.limits = extra.limits ?? {};
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
      ...(this.limits.limitBytes !== undefined ? { limitBytes: this.limits.limitBytes } : {}),
      ...(this.limits.limitCount !== undefined ? { limitCount: this.limits.limitCount } : {}),
    };
  }
}

/** Field errors; the detail names them (`subject: required, email: invalid_email`) for a reader of the raw answer. */
export const invalid = (errors: readonly FieldError[], status = 422): HttpError =>
  new HttpError(
    status,
    'validation',
    errors.length > 0 ? `The request has invalid fields: ${errors.map((e) => `${e.field}: ${e.code}`).join(', ')}.` : 'The request is not valid.',
    { errors },
  );
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
  /** Takes over the response (Server-Sent Events): writes its own head and ends it when it will. */
  readonly stream?: (res: ServerResponse) => void;
  /** `body`, already serialized as UTF-8 (by `conditional`, which hashed those bytes: encoded once; or by the list cache, with its `ETag`). */
  readonly json?: Buffer;
}

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key, X-File-Name, Accept-Language, If-None-Match, Last-Event-ID',
  'Access-Control-Expose-Headers': 'Retry-After, Content-Disposition, Content-Language, Idempotent-Replayed, ETag',
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
  if (reply.stream) return reply.stream(res);
  if (reply.file !== undefined) {
    res.writeHead(reply.status, { ...CORS_HEADERS, ...reply.headers });
    createReadStream(reply.file)
      .on('error', () => res.destroy())
      .pipe(res);
    return;
  }
  const contentType = reply.status >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8';
  sendRaw(res, reply.status, contentType, reply.json ?? (reply.body === undefined ? undefined : JSON.stringify(reply.body)), reply.headers);
}

/** Whether an `If-None-Match` header names `etag` (weak comparison, RFC 9110 §13.1.2) or is `*`. */
function noneMatch(header: string, etag: string): boolean {
  const bare = (tag: string): string => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/** The ETag of a JSON answer: a hash of its bytes. */
export const etagOf = (json: Buffer): string => `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;

/**
 * Conditional GETs for every JSON answer: a 200 gets an `ETag` (a hash of its body), and a
 * request whose `If-None-Match` names it gets a 304 without a body, so a client that polls
 * pays for a change only.
 */
export function conditional(method: string, headers: IncomingHttpHeaders, reply: Reply): Reply {
  if ((method !== 'GET' && method !== 'HEAD') || reply.status !== 200 || reply.file !== undefined || reply.stream) return reply;
  // A reply that comes serialized with its ETag (the list cache's) is not encoded nor hashed again.
  const ready = reply.json !== undefined ? reply.headers?.['ETag'] : undefined;
  if (ready === undefined && reply.body === undefined) return reply;
  const json = ready !== undefined && reply.json ? reply.json : Buffer.from(JSON.stringify(reply.body));
  const etag = ready ?? etagOf(json);
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch !== undefined && noneMatch(ifNoneMatch, etag)) return { status: 304, headers: { ...reply.headers, ETag: etag } };
  return { ...reply, json, headers: { ...reply.headers, ETag: etag } };
}

export function problemReply(error: HttpError): Reply {
  return { status: error.status, body: error.toProblem(), headers: error.headers };
}

/** JSON request bodies are limited to 1 MiB. */
export const JSON_LIMIT_BYTES = 1024 * 1024;

/** "20 MB" for 20 MiB: how the limit reads in a detail (the clients word their own message from `limitBytes`). */
const megabytes = (bytes: number): string => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

export const bodyTooLarge = (maxBytes: number): HttpError =>
  new HttpError(413, 'too_large', `Request bodies up to ${megabytes(maxBytes)}.`, { limits: { limitBytes: maxBytes } });

export const fileTooLarge = (maxBytes: number): HttpError =>
  new HttpError(413, 'too_large', `Files up to ${megabytes(maxBytes)}; try a smaller file.`, {
    errors: [{ field: 'attachments', code: 'file_too_large' }],
    limits: { limitBytes: maxBytes },
  });

const interrupted = (): HttpError => new HttpError(400, 'validation', 'The request body was interrupted.');

/** How much of a refused body is read (and dropped) after the answer before the connection is cut. */
export const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * Called once an answer is written while the request body was not read to its end (a 413, a
 * 401, a 409): reads and drops the rest, so that the client, still sending, gets to read the
 * answer. Closing at once would reset the connection under it (EPIPE, ECONNRESET) and lose the
 * answer. A client that sends more than `limit` bytes more is cut off.
 */
export function drainRequest(req: IncomingMessage, limit = DRAIN_LIMIT_BYTES): void {
  if (req.complete || req.destroyed) return;
  let seen = 0;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > limit) req.socket.destroy();
  });
  req.on('error', () => undefined);
  req.resume();
}

/**
 * Reads a JSON body of at most `maxBytes`; 413 past it (the rest is left for `drainRequest`:
 * the request stream is never destroyed here), 400 when it is not JSON or breaks off.
 */
export function readJson(req: IncomingMessage, maxBytes = JSON_LIMIT_BYTES): Promise<{ value: unknown; raw: Buffer }> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > maxBytes) return Promise.reject(bodyTooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (error: HttpError): void => {
      if (settled) return;
      settled = true;
      chunks.length = 0;
      reject(error);
    };
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > maxBytes) fail(bodyTooLarge(maxBytes));
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (settled) return;
      settled = true;
      const raw = Buffer.concat(chunks);
      if (raw.length === 0) return resolve({ value: {}, raw });
      try {
        resolve({ value: JSON.parse(raw.toString('utf8')) as unknown, raw });
      } catch {
        reject(new HttpError(400, 'validation', 'The request body is not valid JSON.'));
      }
    });
    req.on('error', () => fail(interrupted()));
    req.on('close', () => {
      if (!req.complete) fail(interrupted());
    });
  });
}

/** A request body streamed to a temp file, with what the type check and the idempotency fingerprint need. */
export interface ReceivedFile {
  readonly tempPath: string;
  readonly size: number;
  readonly sha256: string;
  /** The first 16 bytes (magic numbers). */
  readonly head: Buffer;
}

/**
 * Streams the body of a `rawBody` route to `dir/tmp-*`; 413 past `maxBytes` (the rest is left
 * for `drainRequest`), 400 when it breaks off.
 */
export function receiveFile(req: IncomingMessage, dir: string, maxBytes: number): Promise<ReceivedFile> {
  if (Number(req.headers['content-length'] ?? '0') > maxBytes) return Promise.reject(fileTooLarge(maxBytes));
  const tempPath = join(dir, `tmp-${randomUUID()}`);
  const out = createWriteStream(tempPath);
  const hash = createHash('sha256');
  const headChunks: Buffer[] = [];
  let headSize = 0;
  let size = 0;
  let settled = false;
  return new Promise((resolve, reject) => {
    const fail = (error: HttpError): void => {
      if (settled) return;
      settled = true;
      out.once('close', () => rmSync(tempPath, { force: true }));
      out.destroy();
      req.resume();
      reject(error);
    };
    out.on('error', () => fail(new HttpError(500, 'server', 'The upload could not be stored.')));
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > maxBytes) return fail(fileTooLarge(maxBytes));
      hash.update(chunk);
      if (headSize < 16) {
        headChunks.push(chunk);
        headSize += chunk.length;
      }
      if (!out.write(chunk)) {
        req.pause();
        out.once('drain', () => req.resume());
      }
    });
    req.on('end', () => {
      if (settled) return;
      out.end(() => {
        if (settled) return;
        settled = true;
        resolve({ tempPath, size, sha256: hash.digest('hex'), head: Buffer.concat(headChunks).subarray(0, 16) });
      });
    });
    req.on('error', () => fail(interrupted()));
    req.on('close', () => {
      if (!req.complete) fail(interrupted());
    });
  });
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
   * `optional`: replays like `replay` when the request has a key, runs without one (a DELETE,
   * idempotent by itself, whose first answer a retry may still need: removing oneself as a
   * watcher, after which the case is no longer visible).
   */
  readonly idempotent?: 'replay' | 'key-only' | 'optional';
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
