/**
 * The draft of a comment on a case: the text being typed and the idempotency key of its last
 * send, kept together in localStorage (per customer, per case) so a reload or a failed send
 * neither loses the text nor sends it twice. Its `keyStore` is what an `ActionController`
 * persists the comment's key with.
 */
import type { ReactiveControllerHost } from 'lit';
import type { IntentKey } from './action-controller.js';
import { DraftController, type Draft } from './draft-controller.js';

type CommentDraft = Draft & {
  readonly body: string;
  /** Key used to send `keyFor`; '' when the text was never sent. */
  readonly idempotencyKey: string;
  readonly keyFor: string;
};

export class CommentDraftStore {
  private readonly draft: DraftController<CommentDraft>;
  private readonly body: () => string;
  /** Set while the host forgets a case's keys in memory only (another case is shown). */
  private frozen = false;

  /** `keyOf` names the draft (undefined while the customer or the case is unknown). */
  constructor(host: ReactiveControllerHost, keyOf: () => string | undefined, body: () => string) {
    this.draft = new DraftController<CommentDraft>(host, keyOf);
    this.body = body;
  }

  /** The text saved for this case ('' when none). */
  loadBody(): string {
    const saved = this.draft.load();
    return typeof saved?.body === 'string' ? saved.body : '';
  }

  /** Saves the typed text, keeping the key of its last send. */
  saveBody(body: string): void {
    this.save(body, this.loadKey());
  }

  clear(): void {
    this.draft.clear();
  }

  /** Runs `forget` without touching storage: the draft keeps its key for when the customer comes back. */
  withoutStorage(forget: () => void): void {
    this.frozen = true;
    try {
      forget();
    } finally {
      this.frozen = false;
    }
  }

  readonly keyStore = {
    load: (): IntentKey | undefined => this.loadKey(),
    save: (value: IntentKey | undefined): void => {
      if (!this.frozen) this.save(this.body(), value);
    },
  };

  private loadKey(): IntentKey | undefined {
    const saved = this.draft.load();
    const key = typeof saved?.idempotencyKey === 'string' ? saved.idempotencyKey : '';
    const intent = typeof saved?.keyFor === 'string' ? saved.keyFor : '';
    return key ? { intent, key } : undefined;
  }

  private save(body: string, key: IntentKey | undefined): void {
    if (body === '' && !key) {
      this.draft.clear();
      return;
    }
    this.draft.save({ body, idempotencyKey: key?.key ?? '', keyFor: key?.intent ?? '' });
  }
}
