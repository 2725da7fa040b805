/**
 * The request pipeline, driven by the route table: CORS preflight, routing (404, 405), the
 * session (401 unless the route is `public`), the Idempotency-Key (400 without it), the body
 * (a file for `rawBody` routes, JSON otherwise), idempotent replay, the contract's request
 * schema, then the handler. Every error becomes problem+json; every JSON GET answer gets an
 * ETag, and a 304 when the request's If-None-Match names it (`conditional`).
 */
import { rmSync } from 'node:fs';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { matchLocale, parseAcceptLanguage } from '../src/core/locale.js';
import { sha256 } from './auth.js';
import type { ApiRoute, Ctx, ServerParts, Upload } from './context.js';
import { idempotencyKey, idempotently, inProgress, keyScope, KeysInFlight } from './idempotency.js';
import {
  compileRoute,
  conditional,
  CORS_HEADERS,
  drainRequest,
  HttpError,
  invalid,
  matchRoute,
  notFound,
  problemReply,
  readJson,
  receiveFile,
  sendRaw,
  sendReply,
  unauthorized,
  type JsonObject,
  type Reply,
} from './http.js';
import { checkBody, type RequestSchemas } from './request-schema.js';
import type { SessionInfo } from './store.js';

export interface PipelineOptions {
  readonly server: ServerParts;
  readonly routes: readonly ApiRoute[];
  readonly schemas: RequestSchemas;
  /** `beforeHandle` runs after the idempotency check, before the handler. */
  readonly beforeHandle?: ((info: { readonly method: string; readonly path: string }) => Promise<void> | void) | undefined;
  readonly log: (line: string) => void;
}

/**
 * The scheme the client used. The server listens only on 127.0.0.1, behind a proxy; a proxy
 * that ends TLS says so in `X-Forwarded-Proto`, and the links the server builds (signed
 * attachment addresses) must use it, or an HTTPS page gets http:// links it refuses to load.
 * The first value is the hop nearest the client; anything but `https` is http. A client that
 * sends the header itself changes only the links of its own answers.
 */
function clientScheme(headers: IncomingHttpHeaders): 'http' | 'https' {
  const header = headers['x-forwarded-proto'];
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().toLowerCase();
  return first === 'https' ? 'https' : 'http';
}

export function createPipeline(options: PipelineOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { server, schemas, log } = options;
  const routes = options.routes.map(compileRoute);
  const inFlight = new KeysInFlight();

  const sessionFrom = (req: IncomingMessage): Promise<SessionInfo | undefined> => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    return match?.[1] ? server.store.findSession(sha256(match[1]), server.now().toISOString()) : Promise.resolve(undefined);
  };

  const replyOf = (error: unknown, what: string): Reply => {
    if (error instanceof HttpError) return problemReply(error);
    log(`error on ${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return problemReply(new HttpError(500, 'server', 'Unexpected error.'));
  };

  /**
   * The request body, and the fingerprint that tells an idempotent retry from another request
   * (hashed only when asked: only a route that replays needs it).
   */
  async function readBody(req: IncomingMessage, r: ApiRoute, pathname: string): Promise<{ json: unknown; upload?: Upload; fingerprint: () => string }> {
    const method = req.method ?? 'GET';
    if (r.rawBody) {
      const upload = await receiveFile(req, join(server.dataDir, 'attachments'), server.config.attachments.maxBytes);
      const h = req.headers;
      return { json: {}, upload, fingerprint: () => sha256(`${method} ${pathname}\n${String(h['content-type'] ?? '')}\n${String(h['x-file-name'] ?? '')}\n${upload.sha256}`) };
    }
    if (method === 'POST' || method === 'PUT') {
      const { value, raw } = await readJson(req);
      return { json: value, fingerprint: () => sha256(Buffer.concat([Buffer.from(`${method} ${pathname}\n`), raw])) };
    }
    return { json: {}, fingerprint: () => sha256(`${method} ${pathname}\n`) };
  }

  /** The body as the contract's request schema says, named by the forms' field names. */
  function checked(r: ApiRoute, json: unknown): JsonObject {
    const schema = schemas.get(`${r.method} ${r.path}`);
    if (!schema) return {};
    const errors = checkBody(schema, json, r.fieldNames);
    if (errors === 'not_object') throw new HttpError(400, 'validation', 'The request body must be a JSON object.');
    if (errors.length > 0) throw invalid(errors);
    return typeof json === 'object' && json !== null ? { ...json } : {};
  }

  return async function handle(req, res) {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', `${clientScheme(req.headers)}://${req.headers.host ?? '127.0.0.1'}`);
    // Every answer goes through here: whatever of the body is still unread is drained after it.
    const respond = (reply: Reply): void => {
      sendReply(res, conditional(method, req.headers, reply));
      drainRequest(req);
    };
    if (method === 'OPTIONS') {
      sendRaw(res, 204, undefined, undefined, CORS_HEADERS);
      return drainRequest(req);
    }
    let matched: ReturnType<typeof matchRoute<Ctx>>;
    try {
      matched = matchRoute(routes, method, url.pathname);
    } catch {
      matched = undefined; // a path that does not decode
    }
    if (matched === undefined) return respond(problemReply(notFound('This address')));
    if (matched === 'method_not_allowed') return respond(problemReply(new HttpError(405, 'not_found', `${method} is not allowed here.`)));
    const { route: r, params } = matched;
    const what = `${method} ${url.pathname}`;
    const ip = req.socket.remoteAddress ?? 'unknown';
    let upload: Upload | undefined;
    let release: (() => void) | undefined;
    try {
      const session = await sessionFrom(req);
      if (!session && !r.public) return respond(problemReply(unauthorized()));
      const key = r.idempotent ? idempotencyKey(req, r.idempotent === 'optional') : undefined;
      const replays = r.idempotent === 'replay' || r.idempotent === 'optional';
      const scope = keyScope(session?.userId, ip);
      if (replays && key !== undefined) {
        // Claimed before the body is read, and held until the answer is written.
        release = inFlight.claim(scope, key);
        if (!release) throw inProgress();
        res.once('close', release);
      }
      const input = await readBody(req, r, url.pathname);
      upload = input.upload;
      const run = async (): Promise<Reply> => {
        try {
          const ctx: Ctx = {
            server,
            req,
            url,
            origin: url.origin,
            locale: matchLocale(parseAcceptLanguage(String(req.headers['accept-language'] ?? '')), server.config.locales) ?? server.config.defaultLocale,
            ip,
            session,
            body: checked(r, input.json),
            upload,
          };
          await options.beforeHandle?.({ method, path: url.pathname });
          return await r.handler(ctx, params);
        } catch (error) {
          return replyOf(error, what);
        }
      };
      if (!replays || key === undefined) return respond(await run());
      const outcome = await idempotently(server.store, server.now().getTime(), { scope, key, fingerprint: input.fingerprint() }, run);
      if ('replayed' in outcome) {
        const { status, contentType, body } = outcome.replayed;
        return sendRaw(res, status, contentType, body, { 'Idempotent-Replayed': 'true' });
      }
      return respond(outcome.reply);
    } catch (error) {
      return respond(replyOf(error, what));
    } finally {
      // The upload handler moves the file it keeps; anything left is a refused or replayed upload.
      if (upload) rmSync(upload.tempPath, { force: true });
    }
  };
}
