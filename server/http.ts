/**
 * Small HTTP toolkit of the reference server: problem+json errors (RFC 9457), JSON bodies,
 * CORS and a path router. No framework.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
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

export type JsonObject = Readonly<Record<string, unknown>>;

export function asObject(value: unknown): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'validation', 'The request body must be a JSON object.');
  }
  return value as JsonObject;
}

/** A string field, or undefined when absent; 422 `invalid_choice` when present but not a string. */
export function optionalString(body: JsonObject, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid([{ field, code: 'invalid_choice' }]);
  return value;
}

export interface Route<C> {
  readonly method: string;
  /** The path template, such as `/api/tickets/{number}`. */
  readonly path: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly handler: (ctx: C, params: Readonly<Record<string, string>>) => Promise<Reply | void> | Reply | void;
}

/** Compiles `/api/tickets/{number}` into a route. */
export function route<C>(method: string, path: string, handler: Route<C>['handler']): Route<C> {
  const names: string[] = [];
  const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { method, path, pattern: new RegExp(`^${source}$`), names, handler };
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
