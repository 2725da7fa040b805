/**
 * The five actions of a case view (send a comment, attach files, add a watcher, remove a
 * watcher, "Call me"), each an `ActionController`: busy, abort on disconnect, field errors,
 * failure kind, focus after the outcome and one idempotency key per intent. The element
 * renders their `state`; what each success means for the view is a `DetailEvent`.
 */
import { msg, str } from '@lit/localize';
import type { ReactiveControllerHost } from 'lit';
import type { SupportBackend } from '../../adapters/backend.js';
import { ActionController, type IntentKey } from '../../controllers/action-controller.js';
import type { LocaleCode, SupportConfig } from '../../core/config.js';
import type { SupportError } from '../../core/errors.js';
import type { Status, Ticket } from '../../core/ticket.js';
import { validateComment, validateEmailField, validatePhone } from '../../core/validation.js';
import { AttachmentsAddedEvent, CallbackRequestedEvent, CommentAddedEvent, WatchersChangedEvent } from '../../events/events.js';
import { fieldErrorMessage } from '../shared/field-errors.js';
import type { ShownError } from '../shared/forms.js';
import type { DetailEvent } from './ticket-detail.machine.js';
import type { CommentOutbox } from './ticket-detail-outbox.js';

/** What the actions need from the case view. */
export interface CaseActionDeps {
  readonly backend: () => SupportBackend;
  readonly config: () => SupportConfig;
  readonly number: () => string;
  readonly locale: () => LocaleCode;
  /** The backend confirmed: this is the case now. */
  readonly changed: (ticket: Ticket) => void;
  readonly send: (event: DetailEvent) => void;
  readonly dispatch: (event: Event) => void;
  /** The comment's key lives in the comment draft, so a reload still sends it once. */
  readonly commentKey: { readonly load: () => IntentKey | undefined; readonly save: (value: IntentKey | undefined) => void };
  /** The key of "attach these files" lives with the chosen files, so a reload sends it once. */
  readonly attachKey: { readonly load: () => IntentKey | undefined; readonly save: (value: IntentKey | undefined) => void };
  /**
   * A refusal the view may handle itself (true: handled, nothing to show): a `conflict`/`closed`
   * (reload the case), an `unauthorized` the host takes over (`retry` sends the same call again).
   */
  readonly refused: (error: SupportError, retry: () => void) => Promise<boolean> | boolean;
  readonly find: (selector: string) => HTMLElement | null;
  /** A comment that fails for want of a network waits in its outbox, with its key; the field then lets go of its text. */
  readonly waiting: () => CommentOutbox;
}

export interface CommentArgs {
  readonly body: string;
  /** The state before sending, to announce a change of state. */
  readonly before: Status | undefined;
}

export type CaseActions = ReturnType<typeof createCaseActions>;

/** The forms of a case view; field errors and failures show in the form of their action. */
export type CaseForm = 'comment' | 'watcher' | 'callback' | 'attachments';

/** Each form's field and control, for its error messages and the error summary's links. */
const FORM_FIELDS: { readonly [F in CaseForm]: { readonly field: string; readonly control: string } } = {
  comment: { field: 'comment', control: 'comment' },
  watcher: { field: 'email', control: 'watcher-email' },
  callback: { field: 'phone', control: 'phone' },
  attachments: { field: 'attachments', control: 'attachments' },
};

export function createCaseActions(host: ReactiveControllerHost, deps: CaseActionDeps) {
  const options = () => ({ locale: deps.locale() });
  const focusErrors = () => deps.find('.error-summary');
  // A session that ended: the sign-in form shown under the notice takes focus.
  const focusFailure = () => deps.find('.failure + support-sign-in') ?? deps.find('.failure');
  const focus = { invalid: focusErrors, failed: focusFailure };
  const common = (retry: () => void) => ({ onFailure: (error: SupportError) => deps.refused(error, retry), focus });

  const retryComment = (): void => void comment.retry();
  const comment = new ActionController<CommentArgs, Ticket>(host, {
    ...common(retryComment),
    // A comment the outbox now holds is not a failure: its waiting item shows the text.
    onFailure: (error, _args, idempotencyKey) => {
      const waiting = deps.waiting();
      if (!waiting.outbox.holds(idempotencyKey)) return deps.refused(error, retryComment);
      waiting.letGo();
      return true;
    },
    validate: ({ body }) => validateComment(body, deps.config()),
    intentOf: ({ body }) => body,
    keyStore: deps.commentKey,
    task: ({ body }, { signal, idempotencyKey }) =>
      deps
        .waiting()
        .outbox.queueOnNetworkFailure({ kind: 'comment', number: deps.number(), body }, idempotencyKey, () =>
          deps.backend().addComment(deps.number(), body, { ...options(), signal, idempotencyKey }),
        ),
    onDone: (ticket, { before }) => {
      deps.changed(ticket);
      deps.send({ type: 'comment-added', before, after: ticket.status });
      const added = [...ticket.comments].reverse().find((c) => c.authorRole === 'user');
      if (added) deps.dispatch(new CommentAddedEvent(ticket, added));
    },
  });

  const attachments = new ActionController<{ readonly tokens: readonly string[] }, Ticket>(host, {
    ...common((): void => void attachments.retry()),
    intentOf: ({ tokens }) => [...tokens].sort().join(','),
    keyStore: deps.attachKey,
    task: ({ tokens }, { signal, idempotencyKey }) =>
      deps.backend().addAttachments(deps.number(), tokens, { ...options(), signal, idempotencyKey }),
    onDone: (ticket) => {
      deps.changed(ticket);
      deps.send({ type: 'attachments-added', status: ticket.status });
      deps.dispatch(new AttachmentsAddedEvent(ticket));
    },
  });

  const addWatcher = new ActionController<{ readonly email: string }, Ticket>(host, {
    ...common((): void => void addWatcher.retry()),
    validate: ({ email }) => validateEmailField('email', email),
    task: ({ email }, { signal }) => deps.backend().addWatcher(deps.number(), email.trim(), { ...options(), signal }),
    onDone: (ticket, { email }) => {
      deps.changed(ticket);
      deps.send({ type: 'watcher-added', email: email.trim() });
      deps.dispatch(new WatchersChangedEvent(ticket));
    },
  });

  const retryRemove = (): void => void removeWatcher.retry();
  const removeWatcher = new ActionController<{ readonly email: string }, Ticket>(host, {
    task: ({ email }, { signal }) => deps.backend().removeWatcher(deps.number(), email, { ...options(), signal }),
    onDone: (ticket, { email }) => {
      deps.changed(ticket);
      deps.send({ type: 'watcher-removed', email });
      deps.dispatch(new WatchersChangedEvent(ticket));
    },
    onFailure: (error) => {
      deps.send({ type: 'remove-failed' });
      return deps.refused(error, retryRemove);
    },
    focus: { ...focus, done: () => deps.find('#watchers-title') },
  });

  const callback = new ActionController<{ readonly phone: string }, Ticket>(host, {
    ...common((): void => void callback.retry()),
    validate: ({ phone }) => validatePhone('phone', phone),
    intentOf: ({ phone }) => phone.trim(),
    task: ({ phone }, { signal, idempotencyKey }) => {
      const backend = deps.backend();
      const call = { ...options(), signal, idempotencyKey };
      return backend.capabilities.callMe === 'comment'
        ? backend.addComment(deps.number(), callMeComment(phone.trim()), call)
        : backend.requestCallback(deps.number(), phone.trim(), call);
    },
    onDone: (ticket, { phone }) => {
      deps.changed(ticket);
      deps.send({ type: 'callback-requested', phone: phone.trim() });
      deps.dispatch(new CallbackRequestedEvent(ticket, phone.trim()));
    },
  });

  const all = [comment, attachments, addWatcher, removeWatcher, callback] as const;
  const byForm: { readonly [F in CaseForm]: readonly ActionController<never, Ticket>[] } = {
    comment: [comment],
    attachments: [attachments],
    watcher: [addWatcher, removeWatcher],
    callback: [callback],
  };

  return {
    comment,
    attachments,
    addWatcher,
    removeWatcher,
    callback,
    /** Whether any action is under way (one at a time per case, as before). */
    get busy(): boolean {
      return all.some((action) => action.busy);
    },
    /** The outcome of every action is forgotten: feedback belongs to one form at a time. */
    resetAll(): void {
      for (const action of all) action.reset();
    },
    /** Another case is shown: abort and forget everything. */
    clearAll(): void {
      for (const action of all) action.clear();
    },
    /** The field errors of `form`, worded (call from `render()`), each linking to its control. */
    errorsOf(form: CaseForm, config: SupportConfig): readonly ShownError[] {
      const { field, control } = FORM_FIELDS[form];
      return byForm[form]
        .flatMap((action) => action.fieldErrors)
        .map((error) => ({ id: control, message: fieldErrorMessage(form, { field, code: error.code }, { config }) }));
    },
    /** The actions whose errors and failures show in `form`. */
    of(form: CaseForm): readonly ActionController<never, Ticket>[] {
      return byForm[form];
    },
  };
}

/** Call me on a backend that takes it as a comment: the request, in the user's words and language. */
export function callMeComment(phone: string): string {
  return msg(str`Please call me at ${phone}.`, {
    id: 'my-tickets.callback.comment',
    desc: 'Comment sent to support as a Call me request on helpdesks that record it as a comment (Zendesk). ${phone} is the number the user typed.',
  });
}
