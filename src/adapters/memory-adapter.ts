/**
 * An in-browser backend with the same rules as the reference server: the demo's default and
 * the tests' backend. Rules come from `core/`; this file only stores and looks up.
 *
 * It is a plain object of functions (not a class) so a test can wrap one call:
 * `{ ...backend, createTicket: failing }`.
 */
import { mayChangeWatchers, mayFollowUp, maySeeCase, sameEmail, type CaseParticipants, type WatcherChange } from '../core/access.js';
import { catalogFor, seedArticles, seedCategories, suggestArticles } from '../core/catalog.js';
import type { SupportConfig } from '../core/config.js';
import { seedConfig } from '../core/config.js';
import { assertValid, SupportError } from '../core/errors.js';
import { canRequestCallbackFor, findArea, productAvailability } from '../core/flows.js';
import { applyAction, isDueForAutoClose, type TicketAction } from '../core/status.js';
import type { Comment, NewTicket, Person, Realm, Status, Ticket } from '../core/ticket.js';
import { summarize } from '../core/ticket.js';
import {
  validateComment,
  validateEmailField,
  validateFile,
  validatePhone,
  validateSignInHelp,
  validateTicketInput,
  followUpDescription,
} from '../core/validation.js';
import { FULL_CAPABILITIES } from './backend.js';
import type { Account, CallOptions, IdempotentCallOptions, Session, SignInHelpReceipt, SupportBackend, TicketQuery, UploadedFile, UploadOptions } from './backend.js';
import { isArrayOf, isNumber, isRecord } from './guards.js';
import { sleep } from './http.js';
import { idempotentRunner } from './idempotency.js';
import { createMemoryList } from './memory-list.js';
import { createChangeHub } from './memory-watch.js';
import { isTicket } from './shapes.js';

export interface DemoUser {
  readonly person: Person;
  readonly password: string;
  readonly realm: Realm;
  readonly accounts: readonly Account[];
}

/** Password shared by the demo users (the reference server seeds the same ones). */
export const DEMO_PASSWORD = 'correct horse battery';

export const demoUsers: readonly DemoUser[] = [
  {
    person: { name: 'Alex Martin', email: 'alex@example.com' },
    password: DEMO_PASSWORD,
    realm: 'product',
    accounts: [{ id: 'acc-alex', name: 'Alex Example Inc.', plan: 'paid' }],
  },
  {
    person: { name: 'Sam Rivera', email: 'sam@example.com' },
    password: DEMO_PASSWORD,
    realm: 'product',
    accounts: [
      { id: 'acc-northwind', name: 'Northwind', plan: 'paid' },
      { id: 'acc-contoso', name: 'Contoso', plan: 'free' },
    ],
  },
  {
    person: { name: 'Pat Lee', email: 'pat@example.com' },
    password: DEMO_PASSWORD,
    realm: 'support_center',
    accounts: [{ id: 'acc-pat', name: 'Pat Lee Consulting', plan: 'paid' }],
  },
];

export interface MemoryBackendOptions {
  readonly config?: SupportConfig;
  /** Clock for every timestamp and the auto-close rule. */
  readonly now?: () => Date;
  /** Delay of every call, to show loading states in the demo. */
  readonly latencyMs?: number;
  /** Signs this demo user in from the start (by email), as a host with its own session would. */
  readonly signedInAs?: string;
  /** Seeds demo cases for the demo users (on by default). */
  readonly seed?: boolean;
  /** Keeps cases in this localStorage key across reloads (never the session). */
  readonly storageKey?: string;
  readonly users?: readonly DemoUser[];
}

/** Extra controls for the demo and tests: things only support experts or time do. */
export interface MemoryBackendControls {
  /**
   * A support expert comments, optionally setting a state (e.g. pending with a solution), or
   * only sets a state when `body` is blank: the reference server's `POST
   * /api/_dev/tickets/{n}/agent-comment`. Subscribers of `watch()` see one change.
   */
  agentReply(number: string, body: string, status?: Status): Ticket;
  /** The customer answers a support email (the seed's "reply to the email"). */
  emailReply(number: string, body: string): Ticket;
  /** Closes every pending case whose auto-close time has come. */
  runAutoClose(): readonly string[];
  /** Ends the session as an expired token would: the next call fails with `unauthorized`. */
  expireSession(): void;
  /** Adds many cases at once, for lists and benchmarks. */
  bulkCreate(count: number, ownerEmail?: string): void;
  /** Requests received through the can't-sign-in form. */
  readonly signInHelpRequests: readonly { reference: string; name: string; email: string; areaId: string }[];
}

export type MemoryBackend = SupportBackend & MemoryBackendControls;

interface Stored {
  tickets: Ticket[];
  nextNumber: number;
}

const isStored = (v: unknown): v is Stored => isRecord(v) && isArrayOf(v.tickets, isTicket) && isNumber(v.nextNumber);

interface Upload extends UploadedFile {
  readonly url: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Who is on a stored case, in the terms of `core/access.ts`. */
function participants(ticket: Ticket): CaseParticipants {
  return { requesterEmail: ticket.requester.email, watcherEmails: ticket.watchers.map((w) => w.email) };
}

function randomId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

export function createMemoryBackend(options: MemoryBackendOptions = {}): MemoryBackend {
  const config = options.config ?? seedConfig;
  const now = options.now ?? (() => new Date());
  const latency = options.latencyMs ?? 0;
  const users = options.users ?? demoUsers;
  const uploads = new Map<string, Upload>();
  const ticketWrites = idempotentRunner<Ticket>();
  const signInHelpWrites = idempotentRunner<SignInHelpReceipt>();
  const signInHelpRequests: { reference: string; name: string; email: string; areaId: string }[] = [];

  let session: Session | null = null;
  // False after `expireSession()`: a real adapter learns of an expired token only from a call.
  let sessionKnown = true;
  const changes = createChangeHub(() => session?.user.email);
  const state: Stored = load() ?? { tickets: [], nextNumber: 10_000_001 };
  const list = createMemoryList(() => state.tickets);
  if (!load() && options.seed !== false) seedDemoCases();
  if (options.signedInAs) session = sessionFor(userByEmail(options.signedInAs));

  function load(): Stored | undefined {
    if (!options.storageKey) return undefined;
    const raw = globalThis.localStorage?.getItem(options.storageKey);
    if (!raw) return undefined;
    try {
      const stored: unknown = JSON.parse(raw);
      // Data of an older demo (or another app) under the key: start afresh rather than break.
      return isStored(stored) ? stored : undefined;
    } catch {
      return undefined;
    }
  }

  function save(): void {
    if (options.storageKey) globalThis.localStorage?.setItem(options.storageKey, JSON.stringify(state));
  }

  function userByEmail(email: string): DemoUser {
    const user = users.find((u) => sameEmail(u.person.email, email));
    if (!user) throw new SupportError('unauthorized', `No demo user ${email}`);
    return user;
  }

  function sessionFor(user: DemoUser): Session {
    const first = user.accounts[0];
    if (!first) throw new SupportError('server', `Demo user ${user.person.email} has no account`);
    return { user: user.person, realm: user.realm, accounts: user.accounts, activeAccountId: first.id };
  }

  function requireSession(): Session {
    if (!session) throw new SupportError('unauthorized', 'Sign in first', { status: 401 });
    return session;
  }

  function iso(offsetMs = 0): string {
    return new Date(now().getTime() + offsetMs).toISOString();
  }

  function find(number: string): Ticket {
    const who = requireSession();
    const ticket = state.tickets.find((t) => t.number === number);
    if (!ticket || !maySeeCase(participants(ticket), who.user.email)) throw new SupportError('not_found', `No case ${number}`, { status: 404 });
    return ticket;
  }

  function replace(next: Ticket): Ticket {
    const at = state.tickets.findIndex((t) => t.number === next.number);
    const before = state.tickets[at];
    changes.record(before, next);
    if (before) {
      // In place, so the list follows one case instead of rebuilding its indexes (issue 15).
      state.tickets[at] = next;
      list.changed(before, next);
    }
    save();
    return next;
  }

  function closedConflict(ticket: Ticket): SupportError {
    return new SupportError('conflict', `Case ${ticket.number} is closed`, { status: 409, conflict: 'closed' });
  }

  /** `mayChangeWatchers` of core/access.ts, the server's rule too. */
  function mayChange(ticket: Ticket, who: Session, change: WatcherChange): void {
    if (!mayChangeWatchers(participants(ticket), who.user.email, change)) {
      throw new SupportError('forbidden', 'A watcher may add watchers and remove only themselves', { status: 403 });
    }
  }

  /** Applies a rule of `core/status.ts` and records the change. */
  function change(ticket: Ticket, action: TicketAction, patch: Partial<Ticket>): Ticket {
    const outcome = applyAction(ticket.status, action);
    if (!outcome.ok) throw closedConflict(ticket);
    const at = iso();
    return replace({
      ...ticket,
      ...patch,
      status: outcome.status,
      updatedAt: at,
      activityAt: outcome.countsAsActivity ? at : ticket.activityAt,
    });
  }

  async function call<T>(opts: CallOptions | undefined, run: () => T | Promise<T>): Promise<T> {
    await sleep(latency, opts?.signal);
    return run();
  }

  /** An idempotent write on a case the signed-in user may see; the key is the user's own. */
  function writeCase(
    number: string,
    opts: IdempotentCallOptions,
    input: Readonly<Record<string, unknown>>,
    write: (ticket: Ticket, who: Session) => Ticket,
  ): Promise<Ticket> {
    return call(opts, () => {
      const who = requireSession();
      return ticketWrites(`${who.user.email}:${opts.idempotencyKey}`, { number, ...input }, () => write(find(number), who));
    });
  }

  function comment(author: Person, role: 'user' | 'agent', body: string, via: 'web' | 'email', at: string): Comment {
    return { id: randomId('c'), author, authorRole: role, body, via, createdAt: at };
  }

  function newTicket(input: NewTicket, requester: Person, accountId: string, createdAt: string): Ticket {
    const number = String(state.nextNumber++);
    const attachments = (input.attachmentTokens ?? []).flatMap((token) => {
      const upload = uploads.get(token);
      return upload ? [attachmentFrom(upload, createdAt)] : [];
    });
    return {
      id: randomId('t'),
      number,
      subject: input.subject.trim(),
      description: input.description.trim(),
      areaId: input.areaId,
      productId: input.productId,
      categoryId: input.categoryId,
      subcategoryId: input.subcategoryId,
      status: 'open',
      contactMethod: input.contactMethod,
      accountId,
      requester,
      createdAt,
      updatedAt: createdAt,
      activityAt: createdAt,
      comments: [],
      attachments,
      watchers: [],
      callbacks: [],
      followUpOf: input.followUpOf,
      ...(input.customFields && Object.keys(input.customFields).length > 0 ? { customFields: { ...input.customFields } } : {}),
    };
  }

  function attachmentFrom(upload: Upload, at: string) {
    return { id: upload.token, name: upload.name, size: upload.size, contentType: upload.contentType, url: upload.url, createdAt: at };
  }

  function seedDemoCases(): void {
    const support: Person = { name: 'Jordan (Support)', email: 'support@example.com' };
    const alex = userByEmail('alex@example.com');
    const base = (subject: string, productId: string, status: Status, ageDays: number): Ticket => {
      const at = iso(-ageDays * DAY);
      const t = newTicket(
        { areaId: 'esign', productId, subject, description: `${subject}.`, contactMethod: 'portal' },
        alex.person,
        'acc-alex',
        at,
      );
      // The description is the case's first words: shown once, above the comments.
      return { ...t, status };
    };
    const pending = base('Envelope stuck in "sending"', 'esignature', 'pending', 3);
    const closed = base('Cannot download the certificate of completion', 'esignature', 'closed', 20);
    state.tickets.push(
      base('Signer cannot open the document', 'esignature', 'open', 1),
      {
        ...base('Template fields are misaligned', 'esignature', 'action_required', 2),
        comments: [comment(support, 'agent', 'Could you attach the template file you use?', 'web', iso(-1 * DAY))],
      },
      {
        ...pending,
        activityAt: iso(-2 * DAY),
        updatedAt: iso(-2 * DAY),
        comments: [
          ...pending.comments,
          comment(support, 'agent', 'We cleared the queue; the envelope has been sent. Does it work for you now?', 'web', iso(-2 * DAY)),
        ],
        watchers: [{ email: 'manager@example.com', addedAt: iso(-3 * DAY) }],
      },
      { ...base('Room permissions for a new agent', 'rooms', 'open', 4), contactMethod: 'email' },
      { ...closed, activityAt: iso(-14 * DAY), updatedAt: iso(-14 * DAY) },
    );
    save();
  }

  const backend: MemoryBackend = {
    capabilities: { ...FULL_CAPABILITIES, live: 'push' },
    watch: changes.watch,

    get signInHelpRequests() {
      return signInHelpRequests;
    },

    getSession: (opts) =>
      call(opts, () => {
        sessionKnown = true;
        return session;
      }),

    // With a latency the demo stands for a remote backend: it has to ask, and shows it.
    knownSession: () => (latency > 0 || !sessionKnown ? undefined : session),

    signIn: (credentials, opts) =>
      call(opts, () => {
        const user = users.find((u) => sameEmail(u.person.email, credentials.email) && u.password === credentials.password);
        if (!user || user.realm !== credentials.realm) {
          throw new SupportError('unauthorized', 'Email or password is not right', { status: 401 });
        }
        session = sessionFor(user);
        sessionKnown = true;
        return session;
      }),

    signOut: (opts) =>
      call(opts, () => {
        session = null;
        sessionKnown = true;
      }),

    selectAccount: (accountId, opts) =>
      call(opts, () => {
        const current = requireSession();
        if (!current.accounts.some((a) => a.id === accountId)) {
          throw new SupportError('forbidden', 'Not one of your accounts', { status: 403 });
        }
        session = { ...current, activeAccountId: accountId };
        return session;
      }),

    getCatalog: (opts) =>
      call(opts, () => {
        const locale = opts?.locale ?? config.defaultLocale;
        return catalogFor(seedCategories, locale, (productId) => productAvailability(config, locale, productId).offered);
      }),

    suggestArticles: (query, opts) => call(opts, () => suggestArticles(seedArticles, query.query, query.areaId)),

    listTickets: (query: TicketQuery, opts) =>
      call(opts, () => {
        const who = requireSession();
        const offset = query.cursor ? Number(atob(query.cursor)) : 0;
        const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
        const page = list.page(who.user.email, query, offset, limit);
        const next = offset + limit < page.total ? btoa(String(offset + limit)) : undefined;
        return { items: page.tickets.map(summarize), total: page.total, ...(next ? { nextCursor: next } : {}) };
      }),

    getTicket: (number, opts) => call(opts, () => find(number)),

    createTicket: (input, opts: IdempotentCallOptions) =>
      call(opts, () => {
        const who = requireSession();
        return ticketWrites(`${who.user.email}:${opts.idempotencyKey}`, input, () => {
          const locale = opts.locale ?? config.defaultLocale;
          const errors = validateTicketInput(input, config, locale, seedCategories);
          const closed = input.followUpOf ? state.tickets.find((t) => t.number === input.followUpOf) : undefined;
          if (input.followUpOf && (!closed || !mayFollowUp({ ...participants(closed), status: closed.status }, who.user.email))) {
            errors.push({ field: 'followUpOf', code: 'invalid_choice' });
          }
          assertValid(errors);
          if (findArea(config, input.areaId)?.realm !== who.realm) {
            throw new SupportError('forbidden', 'This product area needs other credentials', { status: 403 });
          }
          const description = closed ? followUpDescription(input.description, closed.number) : input.description;
          const created = newTicket({ ...input, description }, who.user, who.activeAccountId, iso());
          state.tickets.push(created);
          save();
          changes.record(undefined, created);
          return created;
        });
      }),

    addComment: (number, body, opts) =>
      writeCase(number, opts, { body }, (ticket, who) => {
        assertValid(validateComment(body, config));
        return change(ticket, { type: 'comment', by: 'user', via: 'web' }, {
          comments: [...ticket.comments, comment(who.user, 'user', body.trim(), 'web', iso())],
        });
      }),

    uploadFile: async (file: File, opts?: UploadOptions) => {
      requireSession();
      const errors = validateFile(file, config.attachments, 0);
      if (errors.some((e) => e.code === 'file_too_large')) {
        throw new SupportError('too_large', `${file.name} is too large`, { status: 413 });
      }
      assertValid(errors);
      const steps = 5;
      for (let i = 1; i <= steps; i++) {
        await sleep(latency / steps, opts?.signal);
        opts?.onProgress?.(Math.round((file.size * i) / steps), file.size);
      }
      const token = randomId('u');
      const upload: Upload = {
        token,
        name: file.name,
        size: file.size,
        contentType: file.type || 'application/octet-stream',
        url: URL.createObjectURL(file),
      };
      uploads.set(token, upload);
      const { url: _url, ...uploaded } = upload;
      return uploaded;
    },

    addAttachments: (number, tokens, opts) =>
      writeCase(number, opts, { tokens }, (ticket) => {
        const files = tokens.map((token) => {
          const upload = uploads.get(token);
          if (!upload) throw new SupportError('validation', 'Unknown upload', { status: 422, fieldErrors: [{ field: 'attachments', code: 'invalid_choice' }] });
          return attachmentFrom(upload, iso());
        });
        if (ticket.attachments.length + files.length > config.attachments.maxFiles) {
          assertValid([{ field: 'attachments', code: 'too_many_files' }]);
        }
        return change(ticket, { type: 'attachment' }, { attachments: [...ticket.attachments, ...files] });
      }),

    addWatcher: (number, email, opts) =>
      call(opts, () => {
        const who = requireSession();
        const ticket = find(number);
        assertValid(validateEmailField('email', email));
        mayChange(ticket, who, { type: 'add', email });
        const watchers = ticket.watchers.some((w) => sameEmail(w.email, email))
          ? ticket.watchers
          : [...ticket.watchers, { email: email.trim().toLowerCase(), addedAt: iso() }];
        return change(ticket, { type: 'watchers' }, { watchers });
      }),

    removeWatcher: (number, email, opts) =>
      call(opts, () => {
        const who = requireSession();
        const ticket = find(number);
        if (ticket.status === 'closed') throw closedConflict(ticket);
        mayChange(ticket, who, { type: 'remove', email });
        // Nothing to remove (a retry, or never there): a success that changes nothing, as on the server.
        if (!ticket.watchers.some((w) => sameEmail(w.email, email))) return ticket;
        return change(ticket, { type: 'watchers' }, { watchers: ticket.watchers.filter((w) => !sameEmail(w.email, email)) });
      }),

    requestCallback: (number, phone, opts) =>
      writeCase(number, opts, { phone }, (ticket, who) => {
        const allowed = canRequestCallbackFor(config, ticket, who.accounts, opts.locale ?? config.defaultLocale);
        if (ticket.status !== 'closed' && !allowed) {
          throw new SupportError('forbidden', 'Call me is not offered for this case', { status: 403 });
        }
        assertValid(validatePhone('phone', phone));
        return change(ticket, { type: 'callback' }, {
          callbacks: [...ticket.callbacks, { id: randomId('cb'), phone: phone.trim(), requestedAt: iso() }],
        });
      }),

    submitSignInHelp: (request, opts) =>
      call(opts, () =>
        signInHelpWrites(`anonymous:${opts.idempotencyKey}`, request, () => {
          assertValid(validateSignInHelp(request, config));
          const reference = `SH-${String(signInHelpRequests.length + 1).padStart(6, '0')}`;
          signInHelpRequests.push({ reference, name: request.name, email: request.email, areaId: request.areaId });
          return { reference };
        }),
      ),

    agentReply(number, body, status) {
      const ticket = state.tickets.find((t) => t.number === number);
      if (!ticket) throw new SupportError('not_found', `No case ${number}`);
      const text = body.trim();
      if (!text && !status) assertValid([{ field: 'comment', code: 'required' }]);
      const expert: Person = { name: 'Jordan (Support)', email: 'support@example.com' };
      const withComment = text
        ? change(ticket, { type: 'comment', by: 'agent', via: 'web' }, { comments: [...ticket.comments, comment(expert, 'agent', text, 'web', iso())] })
        : ticket;
      return status ? change(withComment, { type: 'set_status', to: status }, {}) : withComment;
    },

    emailReply(number, body) {
      const ticket = state.tickets.find((t) => t.number === number);
      if (!ticket) throw new SupportError('not_found', `No case ${number}`);
      return change(ticket, { type: 'comment', by: 'user', via: 'email' }, {
        comments: [...ticket.comments, comment(ticket.requester, 'user', body, 'email', iso())],
      });
    },

    runAutoClose() {
      const due = state.tickets.filter((t) => isDueForAutoClose(t, config.autoCloseDays, now()));
      for (const ticket of due) change(ticket, { type: 'set_status', to: 'closed' }, {});
      return due.map((t) => t.number);
    },

    expireSession() {
      session = null;
      sessionKnown = false;
    },

    bulkCreate(count, ownerEmail = 'alex@example.com') {
      const owner = userByEmail(ownerEmail);
      const account = owner.accounts[0]?.id ?? '';
      const products = ['esignature', 'rooms', 'clm'] as const;
      const words = ['Envelope', 'Template', 'Signer', 'Invoice', 'Room', 'Workflow', 'Certificate', 'Webhook'];
      for (let i = 0; i < count; i++) {
        const at = iso(-(i % 900) * HOUR);
        const t = newTicket(
          {
            areaId: 'esign',
            productId: products[i % products.length] ?? 'esignature',
            subject: `${words[i % words.length] ?? 'Case'} issue #${i + 1}`,
            description: 'Generated case.',
            contactMethod: i % 2 ? 'email' : 'portal',
          },
          owner.person,
          account,
          at,
        );
        state.tickets.push({ ...t, status: (['open', 'action_required', 'pending', 'closed'] as const)[i % 4] ?? 'open' });
      }
      save();
      list.prepare(owner.person.email);
    },
  };

  // Time passes while the demo is open; pending cases close as the seed says.
  backend.runAutoClose();
  return backend;
}
