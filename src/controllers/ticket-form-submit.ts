import type { ReactiveControllerHost } from 'lit';
import type { SupportBackend } from '../adapters/backend.js';
import type { FlowConfig, LocaleCode } from '../core/config.js';
import { isAbort, isSupportError, SupportError } from '../core/errors.js';
import type { NewTicket, Ticket } from '../core/ticket.js';
import { ActionController, type ActionFocus, type ActionOptions } from './action-controller.js';

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
export function caseSubmitController(host: ReactiveControllerHost, o: CaseSubmitOptions): ActionController<CaseSubmission, Ticket> {
  return new ActionController<CaseSubmission, Ticket>(host, {
    task: async ({ ticket }, { signal, idempotencyKey }) => {
      try {
        return await o.backend().createTicket(ticket, { idempotencyKey, signal, locale: o.locale() });
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
  });
}
