/**
 * The reference support server: the REST contract of docs/openapi.yaml over node:http and
 * SQLite, with the seed's rules taken from src/core (never re-implemented here).
 */
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync, renameSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { catalogFor, seedArticles, seedCategories, suggestArticles } from '../src/core/catalog.js';
import { seedConfig, type SupportConfig } from '../src/core/config.js';
import type { FieldError } from '../src/core/errors.js';
import { canRequestCallback, findArea, productAvailability } from '../src/core/flows.js';
import { matchLocale, parseAcceptLanguage } from '../src/core/locale.js';
import { applyAction, isDueForAutoClose, type TicketAction } from '../src/core/status.js';
import { STATUSES, type ContactMethod, type NewTicket, type Status } from '../src/core/ticket.js';
import {
  followUpDescription,
  validateComment,
  validateEmailField,
  validateFile,
  validatePhone,
  validateSignInHelp,
  validateTicketInput,
} from '../src/core/validation.js';
import { TICKET_SORTS, type Session, type TicketSort } from '../src/adapters/backend.js';
import { DEFAULT_SCRYPT_COST, newToken, sha256, verifyPassword } from './auth.js';
import { openDatabase, type Db } from './db.js';
import { bytesMatch, canonicalContentType, contentDisposition, declaredTypeMatches, kindOfName } from './files.js';
import {
  asObject,
  closedConflict,
  HttpError,
  invalid,
  matchRoute,
  notFound,
  optionalString,
  problemReply,
  readJson,
  route,
  sendRaw,
  sendReply,
  unauthorized,
  CORS_HEADERS,
  type JsonObject,
  type Reply,
  type Route,
} from './http.js';
import { notifyAgentComment, notifyClosed, notifyCreated, notifySignInHelp, notifyWatcherAdded, readOutbox } from './notify.js';
import { seedIfEmpty } from './seed.js';
import {
  canSee,
  formatNumber,
  getTicketRow,
  insertComment,
  insertTicket,
  parseNumber,
  summaryOf,
  ticketOf,
  touchTicket,
  type AttachmentRow,
  type TicketRow,
} from './store.js';

export interface SupportServerOptions {
  /** Folder of the SQLite file and the attachments. */
  readonly dataDir: string;
  /** The clock of every rule (auto-close, expiries, timestamps). */
  readonly now?: () => Date;
  /** Enables `/api/_dev/*`: the outbox and the agent simulation. */
  readonly dev?: boolean;
  readonly config?: SupportConfig;
  /** How often the auto-close job runs; 0 turns the timer off (call `runAutoClose` yourself). Default 60 s. */
  readonly autoCloseIntervalMs?: number;
  /** Base of the links in emails (the page that embeds the widget). Default: the server's own address. */
  readonly publicUrl?: string | undefined;
  /** Writes Alex's demo cases at first start (the demo users are always written). Default true. */
  readonly seedDemo?: boolean;
  /** scrypt cost (N) for new password hashes; default 16384. Tests may lower it. */
  readonly scryptCost?: number;
  /** Test hooks. `beforeHandle` runs after the idempotency check, before the handler. */
  readonly hooks?: {
    readonly beforeHandle?: (info: { readonly method: string; readonly path: string }) => Promise<void> | void;
  };
  readonly log?: (line: string) => void;
}

export interface SupportServer {
  listen(port: number, host?: string): Promise<{ url: string }>;
  close(): Promise<void>;
  /** Closes every pending case that is due now; returns their numbers. */
  runAutoClose(): string[];
  readonly db: Db;
}

interface SessionInfo {
  readonly tokenHash: string;
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly realm: 'product' | 'support_center';
  readonly activeAccountId: string;
}

interface Upload {
  readonly tempPath: string;
  readonly size: number;
  readonly sha256: string;
  readonly head: Buffer;
}

interface Ctx {
  readonly req: IncomingMessage;
  readonly url: URL;
  readonly origin: string;
  readonly locale: string;
  readonly ip: string;
  readonly session: SessionInfo | undefined;
  body: unknown;
  upload: Upload | undefined;
}

type Handler = Route<Ctx>['handler'];

const SESSION_DAYS = 30;
const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const LOGIN_WINDOW_MS = 15 * 60 * 1000;
const LOGIN_MAX_FAILURES = 5;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Routes anyone may call; the others answer 401 without a valid session. */
const PUBLIC = new Set(['GET /api/session', 'POST /api/session', 'GET /api/catalog', 'GET /api/articles', 'POST /api/sign-in-help', 'GET /api/attachments/{id}']);

export function createSupportServer(options: SupportServerOptions): SupportServer {
  const config = options.config ?? seedConfig;
  const now = options.now ?? ((): Date => new Date());
  const iso = (): string => now().toISOString();
  const log = options.log ?? ((): void => undefined);
  const dataDir = options.dataDir;
  const db = openDatabase(dataDir);
  db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('url_secret', randomBytes(32).toString('base64url'));
  const urlSecret = (db.prepare("SELECT value FROM meta WHERE key = 'url_secret'").get() as { value: string }).value;
  seedIfEmpty(db, dataDir, now(), options.seedDemo ?? true, options.scryptCost ?? DEFAULT_SCRYPT_COST);
  // A request that was running when the process stopped will never finish: free its key.
  db.prepare("DELETE FROM idempotency WHERE state = 'running'").run();

  let ownOrigin = 'http://127.0.0.1';
  const linkBase = (): string => options.publicUrl ?? ownOrigin;
  const ticketLink = (number: string): string => `${linkBase()}/?ticket=${number}`;

  // ---- sessions -------------------------------------------------------------------------

  function sessionFrom(req: IncomingMessage): SessionInfo | undefined {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) return undefined;
    const tokenHash = sha256(match[1]);
    const row = db
      .prepare(
        `SELECT s.token_hash, s.user_id, s.active_account_id, s.expires_at, u.email, u.name, u.realm
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`,
      )
      .get(tokenHash) as
      | { token_hash: string; user_id: string; active_account_id: string; expires_at: string; email: string; name: string; realm: 'product' | 'support_center' }
      | undefined;
    if (!row || row.expires_at <= iso()) return undefined;
    return { tokenHash, userId: row.user_id, email: row.email, name: row.name, realm: row.realm, activeAccountId: row.active_account_id };
  }

  function sessionView(userId: string, activeAccountId: string): Session {
    const user = db.prepare('SELECT email, name, realm FROM users WHERE id = ?').get(userId) as {
      email: string;
      name: string;
      realm: 'product' | 'support_center';
    };
    const accounts = db.prepare('SELECT id, name, plan FROM accounts WHERE user_id = ? ORDER BY position').all(userId) as {
      id: string;
      name: string;
      plan: 'free' | 'paid';
    }[];
    return { user: { name: user.name, email: user.email }, realm: user.realm, accounts, activeAccountId };
  }

  const requireSession = (ctx: Ctx): SessionInfo => {
    if (!ctx.session) throw unauthorized();
    return ctx.session;
  };

  // ---- tickets --------------------------------------------------------------------------

  const signedUrl = (origin: string) => (attachmentId: string): string => {
    const hour = 60 * 60;
    const expires = (Math.floor(now().getTime() / 1000 / hour) + 2) * hour;
    return `${origin}/api/attachments/${attachmentId}?expires=${expires}&sig=${signature(attachmentId, expires)}`;
  };
  const signature = (id: string, expires: number): string =>
    createHmac('sha256', urlSecret).update(`${id}.${expires}`).digest('base64url');

  const ticketReply = (ctx: Ctx, number: number, status = 200): Reply => {
    const row = getTicketRow(db, number);
    if (!row) throw notFound('The case');
    return { status, body: ticketOf(db, row, signedUrl(ctx.origin)) };
  };

  /** The case, when the signed-in user may see it (requester or watcher); 404 otherwise. */
  function visibleTicket(ctx: Ctx, numberText: string | undefined): TicketRow {
    const session = requireSession(ctx);
    const number = parseNumber(numberText ?? '');
    const row = number === undefined ? undefined : getTicketRow(db, number);
    if (!row || !canSee(db, row, session.email)) throw notFound('The case');
    return row;
  }

  /** Applies a status.ts action to a case and records it; 409 when the case is closed. */
  function act(row: TicketRow, action: TicketAction, at: string): Status {
    const outcome = applyAction(row.status, action);
    if (!outcome.ok) throw closedConflict();
    touchTicket(db, row.number, outcome.status, at, outcome.countsAsActivity);
    return outcome.status;
  }

  function runAutoClose(): string[] {
    const at = now();
    const closed: string[] = [];
    const rows = db.prepare("SELECT * FROM tickets WHERE status = 'pending'").all() as TicketRow[];
    for (const row of rows) {
      if (!isDueForAutoClose({ status: row.status, activityAt: row.activity_at }, config.autoCloseDays, at)) continue;
      db.transaction(() => {
        const fresh = getTicketRow(db, row.number);
        if (!fresh || !isDueForAutoClose({ status: fresh.status, activityAt: fresh.activity_at }, config.autoCloseDays, at)) return;
        act(fresh, { type: 'set_status', to: 'closed' }, at.toISOString());
        notifyClosed(db, fresh, ticketLink, at.toISOString(), true, config.autoCloseDays);
        closed.push(formatNumber(fresh.number));
      })();
    }
    const nowMs = at.getTime();
    db.prepare('DELETE FROM idempotency WHERE created_at < ?').run(nowMs - IDEMPOTENCY_TTL_MS);
    db.prepare('DELETE FROM login_failures WHERE at < ?').run(nowMs - LOGIN_WINDOW_MS);
    db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(at.toISOString());
    if (closed.length > 0) log(`auto-closed ${closed.join(', ')}`);
    return closed;
  }

  // ---- handlers ---------------------------------------------------------------------------

  const getSession: Handler = (ctx) => ({
    status: 200,
    body: { session: ctx.session ? sessionView(ctx.session.userId, ctx.session.activeAccountId) : null },
  });

  const signIn: Handler = async (ctx) => {
    const body = asObject(ctx.body);
    const email = (optionalString(body, 'email') ?? '').trim().toLowerCase();
    const password = optionalString(body, 'password') ?? '';
    const realm = optionalString(body, 'realm');
    const errors: FieldError[] = [...validateEmailField('email', email)];
    if (!password) errors.push({ field: 'password', code: 'required' });
    if (!realm) errors.push({ field: 'realm', code: 'required' });
    else if (realm !== 'product' && realm !== 'support_center') errors.push({ field: 'realm', code: 'invalid_choice' });
    if (errors.length > 0) throw invalid(errors);

    const nowMs = now().getTime();
    const failures = db
      .prepare('SELECT at FROM login_failures WHERE email = ? AND ip = ? AND at > ? ORDER BY at')
      .all(email, ctx.ip, nowMs - LOGIN_WINDOW_MS) as { at: number }[];
    const oldest = failures[0];
    if (failures.length >= LOGIN_MAX_FAILURES && oldest) {
      const retryAfter = Math.max(1, Math.ceil((oldest.at + LOGIN_WINDOW_MS - nowMs) / 1000));
      throw new HttpError(429, 'rate_limited', 'Too many failed sign-ins. Try again later.', { headers: { 'Retry-After': String(retryAfter) } });
    }
    const user = db.prepare('SELECT id, realm, password_hash FROM users WHERE email = ?').get(email) as
      | { id: string; realm: string; password_hash: string }
      | undefined;
    const passwordOk = await verifyPassword(password, user?.password_hash, options.scryptCost);
    if (!user || !passwordOk || user.realm !== realm) {
      db.prepare('INSERT INTO login_failures (email, ip, at) VALUES (?, ?, ?)').run(email, ctx.ip, nowMs);
      throw new HttpError(401, 'unauthorized', 'The email address, password or kind of account is not right.');
    }
    db.prepare('DELETE FROM login_failures WHERE email = ? AND ip = ?').run(email, ctx.ip);
    const first = db.prepare('SELECT id FROM accounts WHERE user_id = ? ORDER BY position LIMIT 1').get(user.id) as { id: string } | undefined;
    const token = newToken();
    const createdAt = now();
    db.prepare('INSERT INTO sessions (token_hash, user_id, active_account_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
      sha256(token),
      user.id,
      first?.id ?? '',
      createdAt.toISOString(),
      new Date(createdAt.getTime() + SESSION_DAYS * DAY_MS).toISOString(),
    );
    return { status: 201, body: { session: sessionView(user.id, first?.id ?? ''), token } };
  };

  const signOut: Handler = (ctx) => {
    const session = requireSession(ctx);
    db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(session.tokenHash);
    return { status: 204 };
  };

  const selectAccount: Handler = (ctx) => {
    const session = requireSession(ctx);
    const accountId = optionalString(asObject(ctx.body), 'accountId');
    if (!accountId) throw invalid([{ field: 'accountId', code: 'required' }]);
    const owned = db.prepare('SELECT 1 FROM accounts WHERE id = ? AND user_id = ?').get(accountId, session.userId);
    if (!owned) throw new HttpError(403, 'forbidden', 'Not one of your accounts.');
    db.prepare('UPDATE sessions SET active_account_id = ? WHERE token_hash = ?').run(accountId, session.tokenHash);
    return { status: 200, body: { session: sessionView(session.userId, accountId) } };
  };

  const getCatalog: Handler = (ctx) => ({
    status: 200,
    body: catalogFor(seedCategories, ctx.locale, (productId) => productAvailability(config, ctx.locale, productId).offered),
    headers: { 'Content-Language': ctx.locale, Vary: 'Accept-Language' },
  });

  const getArticles: Handler = (ctx) => {
    const areaId = ctx.url.searchParams.get('areaId') ?? '';
    if (!areaId) throw invalid([{ field: 'areaId', code: 'required' }], 400);
    const query = ctx.url.searchParams.get('query') ?? '';
    return { status: 200, body: { items: suggestArticles(seedArticles, query, areaId) } };
  };

  const listTickets: Handler = (ctx) => {
    const session = requireSession(ctx);
    const params = ctx.url.searchParams;
    const errors: FieldError[] = [];
    const status = params.get('status') || undefined;
    if (status !== undefined && !(STATUSES as readonly string[]).includes(status)) errors.push({ field: 'status', code: 'invalid_choice' });
    const sortText = params.get('sort') || 'updated_desc';
    if (!(TICKET_SORTS as readonly string[]).includes(sortText)) errors.push({ field: 'sort', code: 'invalid_choice' });
    const sort = sortText as TicketSort;
    const limitText = params.get('limit');
    let limit = DEFAULT_LIMIT;
    if (limitText) {
      limit = Number(limitText);
      if (!Number.isInteger(limit) || limit < 1) errors.push({ field: 'limit', code: 'invalid_choice' });
      limit = Math.min(limit, MAX_LIMIT);
    }
    let cursor: { u: string; n: number } | undefined;
    const cursorText = params.get('cursor');
    if (cursorText) {
      cursor = decodeCursor(cursorText, sort);
      if (!cursor) errors.push({ field: 'cursor', code: 'invalid_choice' });
    }
    if (errors.length > 0) throw invalid(errors, 400);

    const where = ['(t.requester_email = @email OR EXISTS (SELECT 1 FROM watchers w WHERE w.ticket_number = t.number AND w.email = @email))'];
    const bind: Record<string, string | number> = { email: session.email };
    if (status) {
      where.push('t.status = @status');
      bind['status'] = status;
    }
    const search = (params.get('search') ?? '').trim().replace(/^#/, '');
    if (search) {
      const words = search.toLowerCase().split(/\s+/).filter(Boolean);
      words.forEach((w, i) => {
        bind[`w${i}`] = w;
      });
      const subject = words.map((_w, i) => `instr(ulower(t.subject), @w${i}) > 0`).join(' AND ');
      const byNumber = /^\d+$/.test(search) ? "instr(printf('%08d', t.number), @q) > 0" : '0';
      if (byNumber !== '0') bind['q'] = search;
      where.push(`(${byNumber} OR (${subject}))`);
    }
    const total = (db.prepare(`SELECT COUNT(*) AS n FROM tickets t WHERE ${where.join(' AND ')}`).get(bind) as { n: number }).n;

    const desc = sort.endsWith('_desc');
    const cmp = desc ? '<' : '>';
    const dir = desc ? 'DESC' : 'ASC';
    const byUpdated = sort.startsWith('updated');
    if (cursor) {
      bind['cn'] = cursor.n;
      if (byUpdated) {
        bind['cu'] = cursor.u;
        where.push(`(t.updated_at ${cmp} @cu OR (t.updated_at = @cu AND t.number ${cmp} @cn))`);
      } else {
        where.push(`t.number ${cmp} @cn`);
      }
    }
    const order = byUpdated ? `t.updated_at ${dir}, t.number ${dir}` : `t.number ${dir}`;
    const rows = db
      .prepare(`SELECT t.* FROM tickets t WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${limit + 1}`)
      .all(bind) as TicketRow[];
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor = rows.length > limit && last ? encodeCursor(sort, last) : undefined;
    return { status: 200, body: { items: page.map(summaryOf), ...(nextCursor ? { nextCursor } : {}), total } };
  };

  const getTicket: Handler = (ctx, params) => ticketReply(ctx, visibleTicket(ctx, params['number']).number);

  const createTicket: Handler = (ctx) => {
    const session = requireSession(ctx);
    const body = asObject(ctx.body);
    const contactMethod = optionalString(body, 'contactMethod');
    const tokens = stringArray(body, 'attachmentTokens');
    const input: NewTicket = {
      areaId: optionalString(body, 'areaId') ?? '',
      productId: optionalString(body, 'productId') ?? '',
      subject: optionalString(body, 'subject') ?? '',
      description: optionalString(body, 'description') ?? '',
      categoryId: optionalString(body, 'categoryId') || undefined,
      subcategoryId: optionalString(body, 'subcategoryId') || undefined,
      contactMethod: contactMethod as ContactMethod,
      attachmentTokens: tokens,
      followUpOf: optionalString(body, 'followUpOf') || undefined,
    };
    const area = findArea(config, input.areaId);
    const errors: FieldError[] = validateTicketInput(
      { ...input, contactMethod: contactMethod as ContactMethod | undefined },
      config,
      ctx.locale,
      seedCategories,
    );
    let followUp: TicketRow | undefined;
    if (input.followUpOf) {
      const n = parseNumber(input.followUpOf);
      followUp = n === undefined ? undefined : getTicketRow(db, n);
      if (!followUp || !canSee(db, followUp, session.email) || followUp.status !== 'closed') {
        errors.push({ field: 'followUpOf', code: 'invalid_choice' });
      }
    }
    const uploads = tokens ? uploadsFor(session, tokens, 0, errors) : [];
    if (errors.length > 0) throw invalid(errors);
    if (area && area.realm !== session.realm) {
      throw new HttpError(403, 'forbidden', `This product area needs ${area.realm === 'product' ? 'product' : 'support-center'} credentials.`);
    }
    const description = followUp ? followUpDescription(input.description, formatNumber(followUp.number)) : input.description.trim();
    const at = iso();
    const number = db.transaction(() => {
      const n = insertTicket(db, {
        areaId: input.areaId,
        productId: input.productId,
        subject: input.subject.trim(),
        description,
        categoryId: input.categoryId,
        subcategoryId: input.subcategoryId,
        status: 'open',
        contactMethod: input.contactMethod,
        accountId: session.activeAccountId,
        requester: { name: session.name, email: session.email },
        at,
        followUpOf: followUp ? formatNumber(followUp.number) : undefined,
        locale: ctx.locale,
      });
      for (const upload of uploads) db.prepare('UPDATE attachments SET ticket_number = ? WHERE id = ?').run(n, upload.id);
      const row = getTicketRow(db, n);
      if (row) notifyCreated(db, row, ticketLink, at);
      return n;
    })();
    return ticketReply(ctx, number, 201);
  };

  /** The session's unattached uploads named by `tokens`; adds field errors when one is not. */
  function uploadsFor(session: SessionInfo, tokens: readonly string[], alreadyAttached: number, errors: FieldError[]): AttachmentRow[] {
    if (alreadyAttached + tokens.length > config.attachments.maxFiles) {
      errors.push({ field: 'attachments', code: 'too_many_files' });
      return [];
    }
    const rows = tokens.map(
      (token) =>
        db.prepare('SELECT * FROM attachments WHERE token = ? AND owner_user_id = ? AND ticket_number IS NULL').get(token, session.userId) as
          | AttachmentRow
          | undefined,
    );
    const found = rows.filter((r): r is AttachmentRow => r !== undefined);
    if (found.length !== tokens.length || new Set(tokens).size !== tokens.length) errors.push({ field: 'attachments', code: 'invalid_choice' });
    return found;
  }

  /**
   * The customer's comment `text` on `row` (from the portal or by email reply): 409 when the
   * case is closed, 400 when the comment is empty or too long; stored trimmed; the 201 reply.
   */
  function userComment(ctx: Ctx, row: TicketRow, text: string, author: { name: string; email: string }, via: 'web' | 'email'): Reply {
    if (row.status === 'closed') throw closedConflict();
    const errors = validateComment(text, config);
    if (errors.length > 0) throw invalid(errors);
    const at = iso();
    db.transaction(() => {
      act(row, { type: 'comment', by: 'user', via }, at);
      insertComment(db, row.number, { author, role: 'user', body: text.trim(), via, at });
    })();
    return ticketReply(ctx, row.number, 201);
  }

  const addComment: Handler = (ctx, params) => {
    const session = requireSession(ctx);
    const row = visibleTicket(ctx, params['number']);
    const text = optionalString(asObject(ctx.body), 'body') ?? '';
    return userComment(ctx, row, text, { name: session.name, email: session.email }, 'web');
  };

  const addAttachments: Handler = (ctx, params) => {
    const session = requireSession(ctx);
    const row = visibleTicket(ctx, params['number']);
    const tokens = stringArray(asObject(ctx.body), 'tokens');
    if (row.status === 'closed') throw closedConflict();
    if (!tokens || tokens.length === 0) throw invalid([{ field: 'attachments', code: 'required' }]);
    const attached = (db.prepare('SELECT COUNT(*) AS n FROM attachments WHERE ticket_number = ?').get(row.number) as { n: number }).n;
    const errors: FieldError[] = [];
    const uploads = uploadsFor(session, tokens, attached, errors);
    if (errors.length > 0) throw invalid(errors);
    db.transaction(() => {
      act(row, { type: 'attachment' }, iso());
      for (const upload of uploads) db.prepare('UPDATE attachments SET ticket_number = ? WHERE id = ?').run(row.number, upload.id);
    })();
    return ticketReply(ctx, row.number, 201);
  };

  const addWatcher: Handler = (ctx, params) => {
    const session = requireSession(ctx);
    const row = visibleTicket(ctx, params['number']);
    const email = (optionalString(asObject(ctx.body), 'email') ?? '').trim().toLowerCase();
    if (row.status === 'closed') throw closedConflict();
    const errors = validateEmailField('email', email);
    if (errors.length > 0) throw invalid(errors);
    const at = iso();
    db.transaction(() => {
      act(row, { type: 'watchers' }, at);
      const added = db.prepare('INSERT OR IGNORE INTO watchers (ticket_number, email, added_at) VALUES (?, ?, ?)').run(row.number, email, at);
      if (added.changes > 0) notifyWatcherAdded(db, row, email, session.name, ticketLink, at);
    })();
    return ticketReply(ctx, row.number, 201);
  };

  const removeWatcher: Handler = (ctx, params) => {
    const row = visibleTicket(ctx, params['number']);
    const email = (params['email'] ?? '').trim().toLowerCase();
    if (row.status === 'closed') throw closedConflict();
    if (!db.prepare('SELECT 1 FROM watchers WHERE ticket_number = ? AND email = ?').get(row.number, email)) throw notFound('The watcher');
    db.transaction(() => {
      act(row, { type: 'watchers' }, iso());
      db.prepare('DELETE FROM watchers WHERE ticket_number = ? AND email = ?').run(row.number, email);
    })();
    return ticketReply(ctx, row.number, 200);
  };

  const requestCallback: Handler = (ctx, params) => {
    const row = visibleTicket(ctx, params['number']);
    const phone = (optionalString(asObject(ctx.body), 'phone') ?? '').trim();
    if (row.status === 'closed') throw closedConflict();
    const account = db.prepare('SELECT plan FROM accounts WHERE id = ?').get(row.account_id) as { plan: 'free' | 'paid' } | undefined;
    const allowed = canRequestCallback(config, {
      locale: ctx.locale,
      productId: row.product_id,
      categoryId: row.category_id ?? undefined,
      plan: account?.plan ?? 'free',
      status: row.status,
    });
    if (!allowed) throw new HttpError(403, 'forbidden', '"Call me" is not offered for this case in this language and support plan.');
    const errors = validatePhone('phone', phone);
    if (errors.length > 0) throw invalid(errors);
    const at = iso();
    db.transaction(() => {
      act(row, { type: 'callback' }, at);
      db.prepare('INSERT INTO callbacks (id, ticket_number, phone, requested_at) VALUES (?, ?, ?, ?)').run(randomUUID(), row.number, phone, at);
    })();
    return ticketReply(ctx, row.number, 201);
  };

  const signInHelp: Handler = (ctx) => {
    const body = asObject(ctx.body);
    const request = {
      name: optionalString(body, 'name') ?? '',
      email: (optionalString(body, 'email') ?? '').trim(),
      areaId: optionalString(body, 'areaId') ?? '',
      description: optionalString(body, 'description') ?? '',
    };
    const errors = validateSignInHelp(request, config);
    if (errors.length > 0) throw invalid(errors);
    const reference = `SH-${randomBytes(4).toString('hex').toUpperCase()}`;
    const at = iso();
    db.prepare('INSERT INTO sign_in_help (reference, name, email, area_id, description, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      reference,
      request.name.trim(),
      request.email,
      request.areaId,
      request.description.trim(),
      at,
    );
    notifySignInHelp(db, { to: request.email, name: request.name.trim(), reference, locale: ctx.locale }, at);
    return { status: 201, body: { reference } };
  };

  const upload: Handler = (ctx) => {
    const session = requireSession(ctx);
    const file = ctx.upload;
    if (!file) throw new HttpError(400, 'validation', 'No file.');
    let keep = false;
    try {
      const rawName = ctx.req.headers['x-file-name'];
      let name = '';
      try {
        name = typeof rawName === 'string' ? decodeURIComponent(rawName).trim() : '';
      } catch {
        throw invalid([{ field: 'name', code: 'invalid_choice' }]);
      }
      if (!name || name.length > 255 || /[/\\\0]/.test(name)) throw invalid([{ field: 'name', code: name ? 'invalid_choice' : 'required' }]);
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
      db.prepare(
        'INSERT INTO attachments (id, token, owner_user_id, ticket_number, name, size, content_type, file, created_at) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?)',
      ).run(id, token, session.userId, name, file.size, contentType, id, iso());
      return { status: 201, body: { token, name, size: file.size, contentType } };
    } finally {
      if (!keep) rmSync(file.tempPath, { force: true });
    }
  };

  const download = (ctx: Ctx, id: string, res: ServerResponse): void => {
    const row = db.prepare('SELECT * FROM attachments WHERE id = ?').get(id) as AttachmentRow | undefined;
    const expires = Number(ctx.url.searchParams.get('expires') ?? '');
    const sig = ctx.url.searchParams.get('sig');
    let allowed = false;
    if (sig !== null) {
      const expected = Buffer.from(signature(id, expires));
      const given = Buffer.from(sig);
      allowed = Number.isFinite(expires) && expires * 1000 > now().getTime() && expected.length === given.length && timingSafeEqual(expected, given);
      if (!allowed && !ctx.session) throw new HttpError(403, 'forbidden', 'The download link is not valid or has expired.');
    }
    if (!allowed) {
      const session = requireSession(ctx);
      if (row) {
        const ticket = row.ticket_number === null ? undefined : getTicketRow(db, row.ticket_number);
        allowed = ticket ? canSee(db, ticket, session.email) : row.owner_user_id === session.userId;
      }
    }
    if (!row || !allowed) throw notFound('The attachment');
    res.writeHead(200, {
      ...CORS_HEADERS,
      'Content-Type': row.content_type,
      'Content-Length': String(row.size),
      'Content-Disposition': contentDisposition(row.name),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'Cache-Control': 'private, no-store',
    });
    createReadStream(join(dataDir, 'attachments', row.file)).pipe(res);
  };

  // ---- dev-only routes ------------------------------------------------------------------

  const devOutbox: Handler = (ctx) => ({
    status: 200,
    body: {
      items: readOutbox(db, {
        to: ctx.url.searchParams.get('to') ?? undefined,
        ticket: ctx.url.searchParams.get('ticket') ?? undefined,
      }),
    },
  });

  const devRow = (numberText: string | undefined): TicketRow => {
    const n = parseNumber(numberText ?? '');
    const row = n === undefined ? undefined : getTicketRow(db, n);
    if (!row) throw notFound('The case');
    return row;
  };

  const devAgentComment: Handler = (ctx, params) => {
    const row = devRow(params['number']);
    const body = asObject(ctx.body);
    const text = (optionalString(body, 'body') ?? '').trim();
    const to = optionalString(body, 'status');
    if (to !== undefined && !(STATUSES as readonly string[]).includes(to)) throw invalid([{ field: 'status', code: 'invalid_choice' }]);
    if (row.status === 'closed') throw closedConflict();
    if (!text && to === undefined) throw invalid([{ field: 'comment', code: 'required' }]);
    const at = iso();
    db.transaction(() => {
      if (text) {
        act(row, { type: 'comment', by: 'agent', via: 'web' }, at);
        insertComment(db, row.number, { author: { name: 'Morgan (Support)', email: 'morgan@support.example.com' }, role: 'agent', body: text, via: 'web', at });
      }
      let closed = false;
      if (to !== undefined) {
        const fresh = getTicketRow(db, row.number) ?? row;
        closed = act(fresh, { type: 'set_status', to: to as Status }, at) === 'closed';
      }
      // The emails tell the case's state after the whole change (a reply that sets Pending says Pending).
      const after = getTicketRow(db, row.number) ?? row;
      if (text) notifyAgentComment(db, after, text, ticketLink, at);
      if (closed) notifyClosed(db, after, ticketLink, at, false);
    })();
    return ticketReply(ctx, row.number, 201);
  };

  const devEmailReply: Handler = (ctx, params) => {
    const row = devRow(params['number']);
    const text = (optionalString(asObject(ctx.body), 'body') ?? '').trim();
    return userComment(ctx, row, text, { name: row.requester_name, email: row.requester_email }, 'email');
  };

  const devAutoClose: Handler = () => ({ status: 200, body: { closed: runAutoClose() } });

  const routes: Route<Ctx>[] = [
    route('GET', '/api/session', getSession),
    route('POST', '/api/session', signIn),
    route('DELETE', '/api/session', signOut),
    route('PUT', '/api/session/account', selectAccount),
    route('GET', '/api/catalog', getCatalog),
    route('GET', '/api/articles', getArticles),
    route('GET', '/api/tickets', listTickets),
    route('POST', '/api/tickets', createTicket),
    route('GET', '/api/tickets/{number}', getTicket),
    route('POST', '/api/tickets/{number}/comments', addComment),
    route('POST', '/api/uploads', upload),
    route('POST', '/api/tickets/{number}/attachments', addAttachments),
    route('GET', '/api/attachments/{id}', () => undefined),
    route('POST', '/api/tickets/{number}/watchers', addWatcher),
    route('DELETE', '/api/tickets/{number}/watchers/{email}', removeWatcher),
    route('POST', '/api/tickets/{number}/callbacks', requestCallback),
    route('POST', '/api/sign-in-help', signInHelp),
    ...(options.dev
      ? [
          route<Ctx>('GET', '/api/_dev/outbox', devOutbox),
          route<Ctx>('POST', '/api/_dev/tickets/{number}/agent-comment', devAgentComment),
          route<Ctx>('POST', '/api/_dev/tickets/{number}/email-reply', devEmailReply),
          route<Ctx>('POST', '/api/_dev/auto-close', devAutoClose),
        ]
      : []),
  ];

  // ---- request pipeline -----------------------------------------------------------------

  async function receiveUpload(req: IncomingMessage): Promise<Upload> {
    const max = config.attachments.maxBytes;
    const tooLarge = (): HttpError => new HttpError(413, 'too_large', `Files are limited to ${max} bytes.`, { errors: [{ field: 'attachments', code: 'file_too_large' }], headers: { Connection: 'close' } });
    if (Number(req.headers['content-length'] ?? '0') > max) throw tooLarge();
    const tempPath = join(dataDir, 'attachments', `tmp-${randomUUID()}`);
    const hash = createHash('sha256');
    const headChunks: Buffer[] = [];
    let headSize = 0;
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size > max) {
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

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const host = req.headers.host ?? '127.0.0.1';
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (method === 'OPTIONS') {
      sendRaw(res, 204, undefined, undefined, CORS_HEADERS);
      return;
    }
    let matched: ReturnType<typeof matchRoute<Ctx>>;
    try {
      matched = matchRoute(routes, method, url.pathname);
    } catch {
      matched = undefined;
    }
    if (matched === undefined) return sendReply(res, problemReply(notFound('This address')));
    if (matched === 'method_not_allowed') {
      return sendReply(res, problemReply(new HttpError(405, 'not_found', `${method} is not allowed here.`)));
    }
    const { route: r, params } = matched;
    const ctx: Ctx = {
      req,
      url,
      origin: url.origin,
      locale: matchLocale(parseAcceptLanguage(String(req.headers['accept-language'] ?? '')), config.locales) ?? config.defaultLocale,
      ip: req.socket.remoteAddress ?? 'unknown',
      session: sessionFrom(req),
      body: undefined,
      upload: undefined,
    };
    if (!ctx.session && !PUBLIC.has(`${r.method} ${r.path}`) && !url.pathname.startsWith('/api/_dev/')) {
      req.resume();
      return sendReply(res, problemReply(unauthorized()));
    }
    if (r.path === '/api/attachments/{id}') {
      try {
        download(ctx, params['id'] ?? '', res);
      } catch (error) {
        sendReply(res, problemReply(error instanceof HttpError ? error : new HttpError(500, 'server', 'Unexpected error.')));
      }
      return;
    }
    const isDev = url.pathname.startsWith('/api/_dev/');
    const idempotent = method === 'POST' && !isDev;
    const key = req.headers['idempotency-key'];
    let record: { scope: string; key: string } | undefined;
    try {
      if (idempotent && (typeof key !== 'string' || key.length < 1 || key.length > 255)) {
        req.resume();
        throw new HttpError(400, 'validation', 'Every POST needs an Idempotency-Key header.', {
          errors: [{ field: 'Idempotency-Key', code: 'required' }],
        });
      }
      let fingerprint = '';
      if (r.handler === upload) {
        ctx.upload = await receiveUpload(req);
        fingerprint = sha256(`${method} ${url.pathname}\n${String(req.headers['content-type'] ?? '')}\n${String(req.headers['x-file-name'] ?? '')}\n${ctx.upload.sha256}`);
      } else if (method === 'POST' || method === 'PUT') {
        const { value, raw } = await readJson(req);
        ctx.body = value;
        fingerprint = sha256(Buffer.concat([Buffer.from(`${method} ${url.pathname}\n`), raw]));
      } else {
        req.resume();
      }
      // Sign-in is safe to repeat and its answer holds a bearer token: it is never stored for replay.
      if (idempotent && typeof key === 'string' && r.handler !== signIn) {
        const scope = ctx.session ? `session:${ctx.session.tokenHash}` : `client:${ctx.ip}`;
        const replay = claimKey(scope, key, fingerprint);
        if (replay) {
          if (ctx.upload) rmSync(ctx.upload.tempPath, { force: true });
          sendRaw(res, replay.status, replay.contentType, replay.body, { 'Idempotent-Replayed': 'true' });
          return;
        }
        record = { scope, key };
      }
      await options.hooks?.beforeHandle?.({ method, path: url.pathname });
      const reply = (await r.handler(ctx, params)) ?? { status: 204 };
      finish(res, reply, record);
    } catch (error) {
      if (ctx.upload) rmSync(ctx.upload.tempPath, { force: true });
      if (!(error instanceof HttpError)) log(`error on ${method} ${url.pathname}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      finish(res, problemReply(error instanceof HttpError ? error : new HttpError(500, 'server', 'Unexpected error.')), record);
    }
  }

  /** Draft httpapi-idempotency-key: first use claims the key; a finished one replays; a running one conflicts. */
  function claimKey(scope: string, key: string, fingerprint: string): { status: number; contentType: string | undefined; body: string | undefined } | undefined {
    const nowMs = now().getTime();
    return db.transaction(() => {
      db.prepare('DELETE FROM idempotency WHERE scope = ? AND key = ? AND created_at < ?').run(scope, key, nowMs - IDEMPOTENCY_TTL_MS);
      const row = db.prepare('SELECT * FROM idempotency WHERE scope = ? AND key = ?').get(scope, key) as
        | { fingerprint: string; state: string; status: number | null; content_type: string | null; body: string | null }
        | undefined;
      if (!row) {
        db.prepare("INSERT INTO idempotency (scope, key, fingerprint, state, created_at) VALUES (?, ?, ?, 'running', ?)").run(scope, key, fingerprint, nowMs);
        return undefined;
      }
      if (row.fingerprint !== fingerprint) {
        throw new HttpError(422, 'conflict', 'This Idempotency-Key was already used with another request.', { conflict: 'idempotency_mismatch' });
      }
      if (row.state === 'running') {
        throw new HttpError(409, 'conflict', 'A request with this Idempotency-Key is still being processed.', { conflict: 'idempotency_in_progress' });
      }
      return { status: row.status ?? 200, contentType: row.content_type ?? undefined, body: row.body ?? undefined };
    })();
  }

  function finish(res: ServerResponse, reply: Reply, record: { scope: string; key: string } | undefined): void {
    if (record) {
      const stored = reply.status < 500 && reply.status !== 401 && reply.status !== 429;
      if (stored) {
        const contentType = reply.status >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8';
        db.prepare("UPDATE idempotency SET state = 'done', status = ?, content_type = ?, body = ? WHERE scope = ? AND key = ?").run(
          reply.status,
          reply.body === undefined ? null : contentType,
          reply.body === undefined ? null : JSON.stringify(reply.body),
          record.scope,
          record.key,
        );
      } else {
        db.prepare('DELETE FROM idempotency WHERE scope = ? AND key = ?').run(record.scope, record.key);
      }
    }
    sendReply(res, reply);
  }

  // ---- lifecycle --------------------------------------------------------------------------

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`unhandled: ${String(error)}`);
      if (!res.headersSent) sendReply(res, problemReply(new HttpError(500, 'server', 'Unexpected error.')));
    });
  });
  let timer: NodeJS.Timeout | undefined;
  const interval = options.autoCloseIntervalMs ?? 60_000;

  return {
    db,
    runAutoClose,
    listen(port: number, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          ownOrigin = `http://${host}:${address.port}`;
          if (interval > 0) {
            timer = setInterval(() => {
              try {
                runAutoClose();
              } catch (error) {
                log(`auto-close failed: ${String(error)}`);
              }
            }, interval);
            timer.unref();
          }
          resolve({ url: ownOrigin });
        });
      });
    },
    close() {
      if (timer) clearInterval(timer);
      return new Promise((resolve) => {
        server.close(() => {
          db.close();
          resolve();
        });
        server.closeAllConnections();
      });
    },
  };
}

function stringArray(body: JsonObject, field: string): string[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) {
    throw invalid([{ field: field === 'tokens' || field === 'attachmentTokens' ? 'attachments' : field, code: 'invalid_choice' }]);
  }
  return value;
}

function encodeCursor(sort: TicketSort, row: TicketRow): string {
  return Buffer.from(JSON.stringify({ s: sort, u: row.updated_at, n: row.number })).toString('base64url');
}

function decodeCursor(text: string, sort: TicketSort): { u: string; n: number } | undefined {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (typeof value !== 'object' || value === null) return undefined;
    const { s, u, n } = value as { s?: unknown; u?: unknown; n?: unknown };
    if (s !== sort || typeof u !== 'string' || typeof n !== 'number' || !Number.isInteger(n)) return undefined;
    return { u, n };
  } catch {
    return undefined;
  }
}

