/**
 * Fires an element's lifecycle and analytics events (src/events/events.ts, lifecycle block)
 * from snapshots of its state, read after every update:
 *
 * | snapshot change                                   | event                         |
 * |---------------------------------------------------|-------------------------------|
 * | `ready` first true (per connection)               | `support-ready`               |
 * | `step` differs from the last update's             | `step-change` (from, to)      |
 * | `error` appears or changes kind/status            | `support-error` (kind, status)|
 * | `step` is `deflectedStep` after an article opened | `case-deflected` (`solved`)   |
 * | disconnected after an article opened, no case     | `case-deflected` (`left`)     |
 *
 * Articles and created cases are learnt from the host's own `article-opened` and
 * `ticket-created` events, so a nested `<ticket-form>`'s deflection is its own, not its page's.
 * The element only describes its state; the rules of when to fire live here, once.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Article } from '../core/catalog.js';
import { isSupportError, type SupportError } from '../core/errors.js';
import {
  ArticleOpenedEvent,
  CaseDeflectedEvent,
  StepChangeEvent,
  SupportErrorEvent,
  SupportReadyEvent,
  TicketCreatedEvent,
  type DeflectionReason,
} from '../events/events.js';

export interface LifecycleSnapshot {
  /** The element shows its first real content (not a loading state). */
  readonly ready: boolean;
  /** The step of its flow it shows now; undefined before it knows. */
  readonly step: string | undefined;
  /** The backend error it shows now, if any. */
  readonly error: Pick<SupportError, 'kind' | 'status'> | undefined;
}

export interface LifecycleOptions {
  /** The step that means "the customer said an article solved it" (ticket-form's `solved`). */
  readonly deflectedStep?: string;
}

export class LifecycleController implements ReactiveController {
  private ready = false;
  private step: string | undefined;
  private error: string | undefined;
  /** The article opened since the last case was started, until it counts or a case is created. */
  private article: Article | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly snapshot: () => LifecycleSnapshot,
    private readonly options: LifecycleOptions = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener(ArticleOpenedEvent.eventName, this.onArticle);
    this.host.addEventListener(TicketCreatedEvent.eventName, this.onCreated);
  }

  hostDisconnected(): void {
    this.host.removeEventListener(ArticleOpenedEvent.eventName, this.onArticle);
    this.host.removeEventListener(TicketCreatedEvent.eventName, this.onCreated);
    const document = this.host.ownerDocument;
    const event = this.deflected('left');
    // A removed element's events reach no ancestor: the document hears it too.
    if (event) document.dispatchEvent(new CaseDeflectedEvent(event.source, event.article, event.reason));
    this.ready = false;
    this.step = undefined;
    this.error = undefined;
  }

  hostUpdated(): void {
    const now = this.snapshot();
    const source = this.host.localName;
    if (now.ready && !this.ready) {
      this.ready = true;
      this.host.dispatchEvent(new SupportReadyEvent(source));
    }
    if (now.step !== undefined && now.step !== this.step) {
      const from = this.step;
      this.step = now.step;
      if (from !== undefined) this.host.dispatchEvent(new StepChangeEvent(source, from, now.step));
      if (now.step === this.options.deflectedStep) this.deflected('solved');
    }
    const error = now.error ? `${now.error.kind}:${now.error.status ?? ''}` : undefined;
    if (error !== this.error) {
      this.error = error;
      if (now.error) this.host.dispatchEvent(new SupportErrorEvent(source, now.error.kind, now.error.status));
    }
  }

  private deflected(reason: DeflectionReason): CaseDeflectedEvent | undefined {
    const article = this.article;
    if (!article) return undefined;
    this.article = undefined;
    const event = new CaseDeflectedEvent(this.host.localName, article, reason);
    this.host.dispatchEvent(event);
    return event;
  }

  // Only the host's own events: a nested element's article belongs to that element's case.
  private readonly onArticle = (event: Event): void => {
    if (event instanceof ArticleOpenedEvent && this.ownsEvent(event)) this.article = event.article;
  };

  private readonly onCreated = (event: Event): void => {
    if (this.ownsEvent(event)) this.article = undefined;
  };

  private ownsEvent(event: Event): boolean {
    const origin = event.composedPath()[0];
    return origin === this.host || (origin instanceof Node && origin.getRootNode() === this.host.shadowRoot);
  }
}

/** The backend error a failed `@lit/task` holds, for a snapshot's `error`. */
export function taskError(task: { readonly error: unknown }, failed: boolean): SupportError | undefined {
  return failed && isSupportError(task.error) ? task.error : undefined;
}
