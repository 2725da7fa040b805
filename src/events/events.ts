/**
 * Every event the support elements fire. Each is a class (so listeners get typed details
 * through `GlobalEventHandlersEventMap`), bubbles and is composed (it leaves the shadow root).
 * "Request" events are cancelable: a host that calls `preventDefault()` takes over.
 */
import type { Article } from '../core/catalog.js';
import type { LocaleCode } from '../core/config.js';
import type { ErrorKind } from '../core/errors.js';
import type { Comment, Realm, Ticket } from '../core/ticket.js';
import type { Session } from '../adapters/backend.js';

const init = { bubbles: true, composed: true } as const;

/** A case was created and confirmed by the backend. */
export class TicketCreatedEvent extends Event {
  static readonly eventName = 'ticket-created';
  constructor(readonly ticket: Ticket) {
    super(TicketCreatedEvent.eventName, init);
  }
}

/** The customer's comment was saved (the case may have moved from pending to open). */
export class CommentAddedEvent extends Event {
  static readonly eventName = 'comment-added';
  constructor(readonly ticket: Ticket, readonly comment: Comment) {
    super(CommentAddedEvent.eventName, init);
  }
}

/** Files were attached to an existing case. */
export class AttachmentsAddedEvent extends Event {
  static readonly eventName = 'attachments-added';
  constructor(readonly ticket: Ticket) {
    super(AttachmentsAddedEvent.eventName, init);
  }
}

/** A watcher was added or removed. */
export class WatchersChangedEvent extends Event {
  static readonly eventName = 'watchers-changed';
  constructor(readonly ticket: Ticket) {
    super(WatchersChangedEvent.eventName, init);
  }
}

/** A "Call me" request was sent. */
export class CallbackRequestedEvent extends Event {
  static readonly eventName = 'callback-requested';
  constructor(readonly ticket: Ticket, readonly phone: string) {
    super(CallbackRequestedEvent.eventName, init);
  }
}

/**
 * The customer asked to open a follow-up of a closed case. Cancelable: by default the
 * element opening it shows `<ticket-form follow-up-of>` itself.
 */
export class FollowUpRequestedEvent extends Event {
  static readonly eventName = 'follow-up-requested';
  constructor(readonly ticketNumber: string, readonly areaId: string) {
    super(FollowUpRequestedEvent.eventName, { ...init, cancelable: true });
  }
}

/** Someone signed in, switched account or signed out (`session` is null then). */
export class SessionChangedEvent extends Event {
  static readonly eventName = 'session-changed';
  constructor(readonly session: Session | null) {
    super(SessionChangedEvent.eventName, init);
  }
}

/**
 * A call failed with `unauthorized` after the adapter's own refresh (if it has one): the
 * session ended, or there never was one (`hadSession` false). Cancelable: a host that calls
 * `preventDefault()` signs the user in its own way and then hands the element a session by
 * setting its `session` property (a new object); the element then sends the pending call
 * again, with everything typed still there. Not cancelled: the element shows its sign-in form
 * in place. `realm` is the kind of credentials the element needs.
 */
export class SessionExpiredEvent extends Event {
  static readonly eventName = 'session-expired';
  constructor(readonly realm: Realm, readonly hadSession: boolean) {
    super(SessionExpiredEvent.eventName, { ...init, cancelable: true });
  }
}

/** A can't-sign-in request was received by the backend. */
export class SignInHelpSubmittedEvent extends Event {
  static readonly eventName = 'sign-in-help-submitted';
  constructor(readonly reference: string, readonly areaId: string) {
    super(SignInHelpSubmittedEvent.eventName, init);
  }
}

/** The customer opened a suggested article ("Need quick answers?"). */
export class ArticleOpenedEvent extends Event {
  static readonly eventName = 'article-opened';
  constructor(readonly article: Article) {
    super(ArticleOpenedEvent.eventName, init);
  }
}

/**
 * The customer chose to continue in another language (an area or product not offered in the
 * current one). Cancelable: by default the element sets its own `locale`.
 */
export class LocaleChangeRequestEvent extends Event {
  static readonly eventName = 'locale-change-request';
  constructor(readonly locale: LocaleCode) {
    super(LocaleChangeRequestEvent.eventName, { ...init, cancelable: true });
  }
}

/** The customer asked to see their cases ("Manage my tickets"). Cancelable. */
export class ManageTicketsRequestEvent extends Event {
  static readonly eventName = 'manage-tickets-request';
  constructor() {
    super(ManageTicketsRequestEvent.eventName, { ...init, cancelable: true });
  }
}

/**
 * A case was opened in `<my-tickets>` (from the list or through its `ticket` property), so a
 * host can keep its address bar in step. `ticketNumber` is the case number.
 */
export class TicketOpenedEvent extends Event {
  static readonly eventName = 'ticket-opened';
  constructor(readonly ticketNumber: string) {
    super(TicketOpenedEvent.eventName, init);
  }
}

/* ------------------------------------------------------------ lifecycle and analytics events
 * For funnels and monitoring. Each carries `source`, the tag of the element that fired it: the
 * events of a step inside `<support-contact>` leave it too (composed), so a host can tell the
 * page's own steps (`home`, `sign_in`, `form`...) from the form's (`subject`, `details`...).
 * Fired by src/controllers/lifecycle-controller.ts.
 */

/** The element rendered its first real content (its data is loaded); once per connection. */
export class SupportReadyEvent extends Event {
  static readonly eventName = 'support-ready';
  constructor(readonly source: string) {
    super(SupportReadyEvent.eventName, init);
  }
}

/** The element shows an error from the backend. `status` is the HTTP status, when there was one. */
export class SupportErrorEvent extends Event {
  static readonly eventName = 'support-error';
  constructor(readonly source: string, readonly kind: ErrorKind, readonly status: number | undefined) {
    super(SupportErrorEvent.eventName, init);
  }
}

/** The element moved from one step of its flow to another (e.g. `subject` → `details`). */
export class StepChangeEvent extends Event {
  static readonly eventName = 'step-change';
  constructor(readonly source: string, readonly from: string, readonly to: string) {
    super(StepChangeEvent.eventName, init);
  }
}

/** Why a case counts as deflected: see {@link CaseDeflectedEvent}. */
export type DeflectionReason = 'solved' | 'left';

/**
 * The customer opened a suggested article ("Need quick answers?") and then, without opening a
 * case, either said it solved their problem (`solved`) or left the form (`left`: the element
 * was removed from the page, e.g. "Back to Contact Support" or the host closing it). Fired once
 * per case started. When the element was removed, the event is fired on it and on the document
 * it was in, since a removed element's events reach no ancestor.
 */
export class CaseDeflectedEvent extends Event {
  static readonly eventName = 'case-deflected';
  constructor(readonly source: string, readonly article: Article, readonly reason: DeflectionReason) {
    super(CaseDeflectedEvent.eventName, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ticket-created': TicketCreatedEvent;
    'comment-added': CommentAddedEvent;
    'attachments-added': AttachmentsAddedEvent;
    'watchers-changed': WatchersChangedEvent;
    'callback-requested': CallbackRequestedEvent;
    'follow-up-requested': FollowUpRequestedEvent;
    'session-changed': SessionChangedEvent;
    'session-expired': SessionExpiredEvent;
    'sign-in-help-submitted': SignInHelpSubmittedEvent;
    'article-opened': ArticleOpenedEvent;
    'locale-change-request': LocaleChangeRequestEvent;
    'manage-tickets-request': ManageTicketsRequestEvent;
    'ticket-opened': TicketOpenedEvent;
    'support-ready': SupportReadyEvent;
    'support-error': SupportErrorEvent;
    'step-change': StepChangeEvent;
    'case-deflected': CaseDeflectedEvent;
  }
}
