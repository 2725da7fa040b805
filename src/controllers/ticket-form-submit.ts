import type { ReactiveControllerHost } from 'lit';
import type { SupportBackend } from '../adapters/backend.js';
import type { FlowConfig, LocaleCode } from '../core/config.js';
import { isAbort, isSupportError, SupportError } from '../core/errors.js';
import type { NewTicket, Ticket } from '../core/ticket.js';
import { ActionController, type ActionFocus, type ActionOptions } from './action-controller.js';
import { OutboxController } from './outbox-controller.js';
import type { OutboxFile } from './outbox.js';
import type { UploadItem } from './upload-controller.js';

/** What one submit of `<ticket-form>` sends, and the confirmation its flow shows. */
export interface CaseSubmission {
  readonly ticket: NewTicket;
  readonly confirmation: FlowConfig['confirmation'];
}

export interface CaseSubmitOptions {
  readonly backend: () => SupportBackend;
  readonly locale: () => LocaleCode;
  /** Where the idempotency key lives between reloads (the case's draft). */
  readonly keyStore: NonNullable<ActionOptions<CaseSubmission, Ticket>['keyStore']>;
  readonly onDone: (ticket: Ticket, submission: CaseSubmission) => void;
  /** Every refusal, whatever threw it (as a SupportError), before focus moves; true: handled, nothing to show. */
  readonly onRefused: (error: SupportError) => boolean;
  readonly focus: ActionFocus<Ticket>;
  /** The signed-in user's address: a case that fails for want of a network waits in their outbox. */
  readonly viewer?: () => string | undefined;
  /** The form's files: those uploaded go with a queued case, as Blobs (uploaded again when it is sent). */
  readonly uploads?: () => readonly UploadItem[];
  /** The confirmation of the form's flow, for a queued case of this form delivered later. */
  readonly confirmation?: () => FlowConfig['confirmation'] | undefined;
}

/** `<ticket-form>`'s submit, with the outbox its queued cases wait in (see `outbox-controller.ts`). */
export class CaseSubmitController extends ActionController<CaseSubmission, Ticket> {
  readonly outbox: OutboxController;

  constructor(host: ReactiveControllerHost, o: CaseSubmitOptions) {
    super(host, submitOptions(o, () => this.outbox));
    this.outbox = new OutboxController(host, {
      backend: o.backend,
      viewer: o.viewer ?? (() => undefined),
      shows: (item) => item.payload.kind === 'case',
      onSent: (item, result) => {
        if (item.payload.kind !== 'case' || result.kind !== 'ticket') return;
        this.delivered.set(item.idempotencyKey, { ticket: result.ticket, input: item.payload.ticket });
        this.finishDelivered();
      },
    });
    this.caseOptions = o;
  }

  private readonly caseOptions: CaseSubmitOptions;
  /** Cases the outbox delivered while this form was open, by key (until the form held one). */
  private readonly delivered = new Map<string, { readonly ticket: Ticket; readonly input: NewTicket }>();

  /** The form may restore its draft (and the draft's key) after the news came: checked again on each update. */
  hostUpdated(): void {
    this.finishDelivered();
  }

  /** The case this form holds got through from the outbox: the form ends as if its own send had. */
  private finishDelivered(): void {
    const key = this.caseOptions.keyStore.load()?.key;
    const sent = key === undefined ? undefined : this.delivered.get(key);
    const confirmation = this.caseOptions.confirmation?.();
    if (key === undefined || !sent || !confirmation || this.busy) return;
    this.delivered.delete(key);
    this.clear();
    this.caseOptions.onDone(sent.ticket, { ticket: sent.input, confirmation });
  }
}

function filesOf(items: readonly UploadItem[]): OutboxFile[] {
  return items.flatMap((item) => (item.state === 'done' && item.uploaded ? [{ name: item.file.name, type: item.file.type, blob: item.file }] : []));
}

/**
 * The intent a submit stands for: a digest of what is sent, so a retry of the same case
 * reuses its idempotency key and an edited case gets a new one (a reused key with another
 * body is refused as a conflict). A digest, not the case: the draft already holds the text,
 * and upload tokens stay out of storage.
 */
export function caseIntent(ticket: NewTicket): string {
  const json = JSON.stringify(ticket);
  // FNV-1a, 32 bits: a collision only reuses a key, which the backend then refuses.
  let hash = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) {
    hash ^= json.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `ticket:${hash.toString(16).padStart(8, '0')}`;
}

/** The `ActionController` that opens a case: one key per intent, kept with the draft. */
export function caseSubmitController(host: ReactiveControllerHost, o: CaseSubmitOptions): CaseSubmitController {
  return new CaseSubmitController(host, o);
}

function submitOptions(o: CaseSubmitOptions, outbox: () => OutboxController): ActionOptions<CaseSubmission, Ticket> {
  return {
    task: async ({ ticket }, { signal, idempotencyKey }) => {
      const { attachmentTokens: _tokens, ...typed } = ticket;
      const payload = { kind: 'case' as const, ticket: typed, files: filesOf(o.uploads?.() ?? []) };
      try {
        return await outbox().queueOnNetworkFailure(payload, idempotencyKey, () => o.backend().createTicket(ticket, { idempotencyKey, signal, locale: o.locale() }));
      } catch (error) {
        throw isSupportError(error) || isAbort(error) ? error : new SupportError('server', String(error), { cause: error });
      }
    },
    intentOf: ({ ticket }) => caseIntent(ticket),
    keyStore: o.keyStore,
    onDone: o.onDone,
    // Unless handled (the host signs the user in again), the controller still settles as invalid or failed and moves focus.
    onFailure: (error) => o.onRefused(error),
    focus: o.focus,
  };
}
