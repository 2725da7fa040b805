/**
 * The offline outbox: sends that failed because the network was gone (a comment, a new case
 * with its files, a can't-sign-in request), kept in IndexedDB through `file-store.ts` with
 * their idempotency key, until `drainOutbox` delivers them in order.
 *
 * Records are keyed `outbox:<owner>:<saved-at>:<idempotency key>`, so one owner's items list in
 * the order they were saved. The owner is the user's digest (`userScope`, never the address),
 * or `profile` for a can't-sign-in request, which has no session: it belongs to the browser
 * profile (whoever uses this browser), like the IndexedDB database itself.
 *
 * What is stored is what the user typed and the files they chose (as Blobs): never a password
 * or a token, never an upload token (the files are uploaded again when the item is sent).
 * Records read back are checked like backend answers; a malformed one is dropped.
 */
import type { SignInHelpReceipt, SupportBackend } from '../adapters/backend.js';
import { isArrayOf, isNumber, isOneOf, isRecord, isString } from '../adapters/guards.js';
import { isCustomFieldValues } from '../core/custom-field-values.js';
import { isSupportError, SupportError, type ErrorKind, ERROR_KINDS } from '../core/errors.js';
import { dueForRetry, sendsWithoutAsking, waitsForRetry, type OutboxBackoff } from '../core/outbox.js';
import type { NewTicket, Ticket } from '../core/ticket.js';
import type { SignInHelpRequest } from '../core/validation.js';
import { sharedStore, userScope, type KeyValueStore } from './file-store.js';

export const PROFILE_OWNER = 'profile';
const PREFIX = 'outbox:';
const SENT_PREFIX = 'outbox-sent:';
/** The reference server's idempotency retention (server/idempotency.ts): older keys mean nothing. */
const SENT_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

/** A file chosen for a queued case, kept as a Blob. */
export interface OutboxFile {
  readonly name: string;
  readonly type: string;
  readonly blob: Blob;
}

export type OutboxPayload =
  | { readonly kind: 'comment'; readonly number: string; readonly body: string }
  | { readonly kind: 'case'; readonly ticket: Omit<NewTicket, 'attachmentTokens'>; readonly files: readonly OutboxFile[] }
  | { readonly kind: 'sign-in-help'; readonly request: SignInHelpRequest };

/**
 * `waiting`: sent at the next attempt; `ask`: too old to send without asking, the user decides;
 * `approved`: the user chose "Send anyway" (sent at the next attempt, whatever its age, also
 * after a reload); `refused`: the backend refused it for good (`refusal`), the user takes it back.
 */
export type OutboxItemState = 'waiting' | 'ask' | 'approved' | 'refused';

export interface OutboxItem {
  readonly key: string;
  readonly owner: string;
  readonly idempotencyKey: string;
  /** Epoch ms. */
  readonly savedAt: number;
  readonly state: OutboxItemState;
  readonly refusal?: ErrorKind | undefined;
  readonly payload: OutboxPayload;
}

/** What the backend answered to a delivered item: the case (comment, new case) or the receipt. */
export type OutboxResult = { readonly kind: 'ticket'; readonly ticket: Ticket } | { readonly kind: 'receipt'; readonly receipt: SignInHelpReceipt };

export type OutboxNews = { readonly type: 'changed' } | { readonly type: 'sent'; readonly item: OutboxItem; readonly result: OutboxResult };

const isFile = (v: unknown): v is OutboxFile => isRecord(v) && isString(v.name) && isString(v.type) && v.blob instanceof Blob;
const isText = (v: unknown, keys: readonly string[]): v is Record<string, unknown> => isRecord(v) && keys.every((k) => isString(v[k]));
const isTicketInput = (v: unknown): v is Omit<NewTicket, 'attachmentTokens'> =>
  isText(v, ['areaId', 'subject', 'description', 'contactMethod']) && !('attachmentTokens' in v) && (v.customFields === undefined || isCustomFieldValues(v.customFields));

function isPayload(v: unknown): v is OutboxPayload {
  if (!isRecord(v)) return false;
  if (v.kind === 'comment') return isString(v.number) && isString(v.body);
  if (v.kind === 'case') return isTicketInput(v.ticket) && isArrayOf(v.files, isFile);
  if (v.kind === 'sign-in-help') return isText(v.request, ['name', 'email', 'areaId', 'description']);
  return false;
}

function isItem(v: unknown): v is OutboxItem {
  return (
    isRecord(v) &&
    isString(v.key) &&
    isString(v.owner) &&
    isString(v.idempotencyKey) &&
    isNumber(v.savedAt) &&
    isOneOf<OutboxItemState>(['waiting', 'ask', 'approved', 'refused'])(v.state) &&
    (v.refusal === undefined || isOneOf(ERROR_KINDS)(v.refusal)) &&
    isPayload(v.payload)
  );
}

/** Only the fields a payload has: nothing else the caller's objects carry reaches storage. */
function cleanPayload(payload: OutboxPayload): OutboxPayload {
  switch (payload.kind) {
    case 'comment':
      return { kind: 'comment', number: payload.number, body: payload.body };
    case 'sign-in-help': {
      const { name, email, areaId, description } = payload.request;
      return { kind: 'sign-in-help', request: { name, email, areaId, description } };
    }
    case 'case': {
      const { areaId, productId, subject, description, categoryId, subcategoryId, contactMethod, followUpOf, customFields } = payload.ticket;
      const ticket = JSON.parse(JSON.stringify({ areaId, productId, subject, description, categoryId, subcategoryId, contactMethod, followUpOf, customFields })) as Omit<NewTicket, 'attachmentTokens'>;
      return { kind: 'case', ticket, files: payload.files.map(({ name, type, blob }) => ({ name, type, blob })) };
    }
  }
}

/** The owner name of a signed-in user's items. */
export function ownerOf(email: string): string {
  return userScope(email);
}

export class Outbox {
  private readonly listeners = new Set<(news: OutboxNews) => void>();
  private sequence = 0;

  constructor(private readonly store: KeyValueStore = sharedStore()) {}

  /** Follows additions, removals and deliveries; returns the unsubscribe. */
  subscribe(listener: (news: OutboxNews) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(news: OutboxNews): void {
    for (const listener of [...this.listeners]) listener(news);
  }

  /** Queues `payload` for `owner`, with the idempotency key its first attempt used. */
  async add(owner: string, payload: OutboxPayload, idempotencyKey: string, savedAt = Date.now()): Promise<OutboxItem> {
    // A retry that fails again is the same intent: it keeps its first place in the queue.
    const known = (await this.list(owner)).find((item) => item.idempotencyKey === idempotencyKey);
    if (known) return known;
    // Saved in the same millisecond still keeps its order: a per-page sequence breaks ties.
    const order = `${savedAt.toString(36).padStart(9, '0')}${(this.sequence++ % 1296).toString(36).padStart(2, '0')}`;
    const item: OutboxItem = { key: `${PREFIX}${owner}:${order}:${idempotencyKey}`, owner, idempotencyKey, savedAt, state: 'waiting', payload: cleanPayload(payload) };
    await this.store.put(item.key, item);
    this.emit({ type: 'changed' });
    return item;
  }

  /** `owner`'s items, oldest first. */
  async list(owner: string): Promise<OutboxItem[]> {
    return this.read(`${PREFIX}${owner}:`);
  }

  /** Every user's items (to know whether there is anything to send at all). */
  async listAll(): Promise<OutboxItem[]> {
    return this.read(PREFIX);
  }

  private async read(prefix: string): Promise<OutboxItem[]> {
    const items: OutboxItem[] = [];
    for (const { key, value } of await this.store.list(prefix)) {
      if (isItem(value) && value.key === key && key.startsWith(`${PREFIX}${value.owner}:`)) items.push(value);
      else await this.store.delete(key);
    }
    return items;
  }

  /** Drops the items sent with `idempotencyKey` (the form's own retry got through). */
  async forget(owner: string, idempotencyKey: string): Promise<void> {
    for (const item of await this.list(owner)) if (item.idempotencyKey === idempotencyKey) await this.remove(item);
  }

  /**
   * Remembers that `idempotencyKey` was delivered, so a form that still holds the same intent
   * (its draft survived a reload while the outbox sent it) lets it go instead of offering it
   * again. Kept as long as the server keeps keys; nothing but the key and the time.
   */
  async markSent(owner: string, idempotencyKey: string, at = Date.now()): Promise<void> {
    await this.store.put(`${SENT_PREFIX}${owner}:${idempotencyKey}`, at);
    const cutoff = at - SENT_KEPT_MS;
    for (const { key, value } of await this.store.list(`${SENT_PREFIX}${owner}:`)) {
      if (!isNumber(value) || value < cutoff) await this.store.delete(key);
    }
  }

  async wasSent(owner: string, idempotencyKey: string): Promise<boolean> {
    return isNumber(await this.store.get(`${SENT_PREFIX}${owner}:${idempotencyKey}`));
  }

  async remove(item: OutboxItem): Promise<void> {
    await this.store.delete(item.key);
    this.emit({ type: 'changed' });
  }

  async update(item: OutboxItem, change: Pick<OutboxItem, 'state'> & { readonly refusal?: ErrorKind | undefined }): Promise<OutboxItem> {
    const next: OutboxItem = { ...item, ...change };
    await this.store.put(item.key, next);
    this.emit({ type: 'changed' });
    return next;
  }
}

let shared: Outbox | undefined;

/** The page's one outbox (every element sees the same items and news). */
export function sharedOutbox(): Outbox {
  return (shared ??= new Outbox());
}

/** Sends one item through `backend` with its own idempotency key; files are uploaded first. */
export async function sendItem(backend: SupportBackend, item: OutboxItem, signal: AbortSignal): Promise<OutboxResult> {
  const key = item.idempotencyKey;
  const payload = item.payload;
  switch (payload.kind) {
    case 'comment':
      return { kind: 'ticket', ticket: await backend.addComment(payload.number, payload.body, { idempotencyKey: key, signal }) };
    case 'sign-in-help':
      return { kind: 'receipt', receipt: await backend.submitSignInHelp(payload.request, { idempotencyKey: key, signal }) };
    case 'case': {
      const tokens: string[] = [];
      for (const [i, file] of payload.files.entries()) {
        const uploaded = await backend.uploadFile(new File([file.blob], file.name, { type: file.type }), { signal, idempotencyKey: `${key}:file:${i}` });
        tokens.push(uploaded.token);
      }
      const ticket = await backend.createTicket({ ...payload.ticket, ...(tokens.length > 0 ? { attachmentTokens: tokens } : {}) }, { idempotencyKey: key, signal });
      return { kind: 'ticket', ticket };
    }
  }
}

export interface DrainOptions {
  readonly signal: AbortSignal;
  readonly now?: () => number;
  /** How long an item is sent without asking (default: core/outbox.ts). */
  readonly askAfterMs?: number;
  /** There is reason to think the network is back (`online`): items just saved are sent too. */
  readonly force?: boolean;
  /** Its `baseMs` is how long a just-saved item waits when not forced (default: core/outbox.ts). */
  readonly backoff?: OutboxBackoff;
}

/** How a drain ended: everything it could send was sent, or it stopped to wait for the network. */
export type DrainOutcome = 'done' | 'wait';

/**
 * Sends the items of the backend's signed-in user (and the profile's), oldest first, and
 * removes each once the backend confirmed. The user is asked again from the backend itself,
 * not from what an element believes: an item is never sent under another session. The first
 * failure a retry may fix stops the drain (later items wait behind it, keeping the order).
 */
export async function drainOutbox(outbox: Outbox, backend: SupportBackend, options: DrainOptions): Promise<DrainOutcome> {
  const now = options.now ?? Date.now;
  let owners: string[];
  try {
    const session = await backend.getSession({ signal: options.signal });
    owners = session ? [ownerOf(session.user.email), PROFILE_OWNER] : [PROFILE_OWNER];
  } catch (error) {
    if (options.signal.aborted) return 'wait';
    if (isSupportError(error) && !waitsForRetry(error)) owners = [PROFILE_OWNER];
    else return 'wait';
  }
  for (const owner of owners) {
    for (const item of await outbox.list(owner)) {
      if (options.signal.aborted) return 'wait';
      if (item.state === 'refused' || item.state === 'ask') continue;
      // Just failed: later (its turn keeps the later items waiting behind it).
      if (!options.force && item.state !== 'approved' && !dueForRetry(item.savedAt, now(), options.backoff)) return 'wait';
      if (item.state !== 'approved' && !sendsWithoutAsking(item.savedAt, now(), options.askAfterMs)) {
        await outbox.update(item, { state: 'ask' });
        continue;
      }
      let result: OutboxResult;
      try {
        result = await sendItem(backend, item, options.signal);
      } catch (error) {
        if (options.signal.aborted) return 'wait';
        const failure = isSupportError(error) ? error : new SupportError('network', String(error), { cause: error });
        if (waitsForRetry(failure)) return 'wait';
        await outbox.update(item, { state: 'refused', refusal: failure.kind });
        continue;
      }
      await outbox.markSent(owner, item.idempotencyKey, now());
      await outbox.remove(item);
      outbox.emit({ type: 'sent', item, result });
    }
  }
  return 'done';
}
