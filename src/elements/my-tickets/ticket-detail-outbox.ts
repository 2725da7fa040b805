/**
 * The case view's share of the offline outbox: its comments waiting to be sent, what happens
 * when one gets through (the case as the backend returned it; the comment field and its draft
 * let go of the text when it is the same intent) and Cancel (the text goes back to the field
 * if the field is empty, so nothing is lost and nothing typed since is overwritten).
 */
import type { ReactiveControllerHost } from 'lit';
import type { SupportBackend } from '../../adapters/backend.js';
import type { IntentKey } from '../../controllers/action-controller.js';
import { OutboxController } from '../../controllers/outbox-controller.js';
import type { OutboxPayload } from '../../controllers/outbox.js';
import type { Ticket } from '../../core/ticket.js';

export interface CommentOutboxDeps {
  readonly backend: () => SupportBackend;
  readonly viewer: () => string | undefined;
  readonly number: () => string;
  /** The comment draft's key (the intent the field holds). */
  readonly draftKey: () => IntentKey | undefined;
  readonly comment: () => string;
  readonly changed: (ticket: Ticket) => void;
  /** The field's text was delivered, or waits in the outbox: empty the field, its draft and the send's outcome. */
  readonly delivered: () => void;
  readonly restore: (body: string) => void;
}

export type CommentOutbox = ReturnType<typeof commentOutbox>;

export function commentOutbox(host: ReactiveControllerHost, deps: CommentOutboxDeps) {
  const outbox = new OutboxController(host, {
    backend: deps.backend,
    viewer: deps.viewer,
    shows: (item) => item.payload.kind === 'comment' && item.payload.number === deps.number(),
    onSent: (item, result) => {
      if (item.payload.kind !== 'comment' || item.payload.number !== deps.number() || result.kind !== 'ticket') return;
      deps.changed(result.ticket);
      if (deps.draftKey()?.key === item.idempotencyKey) deps.delivered();
    },
  });
  return {
    outbox,
    /**
     * After the case and its user are known: show their items, and let go of a restored draft
     * the outbox already delivered (unless the user changed it meanwhile: typing is never undone).
     */
    async loaded(): Promise<void> {
      const key = deps.draftKey()?.key;
      const restored = deps.comment();
      await outbox.refresh();
      if (key && (await outbox.delivered('comment', key)) && deps.comment() === restored && deps.draftKey()?.key === key) deps.delivered();
    },
    /** The comment waits here now (the outbox shows its text): the field, its draft and its key let go of it. */
    letGo: deps.delivered,
    cancelled(payload: OutboxPayload): void {
      if (payload.kind === 'comment' && deps.comment().trim() === '') deps.restore(payload.body);
    },
  };
}
