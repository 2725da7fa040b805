import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Session } from '../adapters/backend.js';
import type { Realm } from '../core/ticket.js';
import { SessionExpiredEvent } from '../events/events.js';

/** What the controller needs of its element (a `SupportElement`). */
export interface SessionExpiryHost extends ReactiveControllerHost, HTMLElement {
  readonly session: Session | null | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * Where an element stands with a session that stopped working. Transitions:
 *
 * | from        | event                                              | to          |
 * |-------------|----------------------------------------------------|-------------|
 * | `active`    | `expired()`, the host cancels `session-expired`    | `host`      |
 * | `active`    | `expired()`, not cancelled                         | `active` (the element shows its sign-in form) |
 * | `host`      | `expired()` again (another call)                   | `host`, one more call to resume, no second event |
 * | `host`      | the host sets `session` to a new, non-null session | `active`, every waiting call resumed once |
 * | any         | `signedIn()` (the in-place form)                   | `active`    |
 */
type ExpiryState =
  | { readonly status: 'active' }
  | { readonly status: 'host'; readonly since: Session | null | undefined; readonly resumes: Set<(session: Session) => void> };

/** Each element's controller, so a nested one can ask its enclosing ones whether a session existed. */
const controllers = new WeakMap<HTMLElement, SessionExpiryController>();

/**
 * The one place the support elements handle a call refused with `unauthorized` (after the
 * adapter's refresh, if any): fires the cancelable `session-expired`, waits for the host's
 * session when the host took over and then resumes the calls that were refused, or lets the
 * element show sign-in in place; it also knows whether a session ever existed here, so the
 * message says "sign in" rather than "your session has ended" to someone never signed in.
 * It never touches what the user typed: the element keeps its fields as they are.
 */
export class SessionExpiryController implements ReactiveController {
  private readonly host: SessionExpiryHost;
  private state: ExpiryState = { status: 'active' };
  private had = false;
  private lastRealm: Realm | undefined;
  private returnTo: HTMLElement | undefined;
  private focusPending = false;

  constructor(host: SessionExpiryHost) {
    this.host = host;
    host.addController(this);
    controllers.set(host, this);
  }

  hostConnected(): void {}

  hostUpdated(): void {
    const form = this.focusPending ? this.host.renderRoot.querySelector<HTMLElement>('support-sign-in') : null;
    if (!form) return;
    this.focusPending = false;
    form.focus();
  }

  hostUpdate(): void {
    const session = this.host.session;
    this.noteSession(session);
    const state = this.state;
    if (state.status !== 'host' || !session || session === state.since) return;
    this.state = { status: 'active' };
    // After this update, so the calls go out with the element already showing the new session.
    void this.host.updateComplete.then(() => {
      for (const resume of state.resumes) resume(session);
    });
  }

  /**
   * Whether a session existed here or in an enclosing support element (the host's, one the
   * backend reported, one signed in with): a case opened from a list that had loaded was seen
   * signed in, though the case view itself never held the session.
   */
  get hadSession(): boolean {
    for (let node: Node | null = this.host; node; node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null)) {
      if (node instanceof HTMLElement && controllers.get(node)?.had) return true;
    }
    return false;
  }

  /** The host took over and the element waits for its session: no sign-in form in place. */
  get waitingForHost(): boolean {
    return this.state.status === 'host';
  }

  /** The realm of the last session known here, if any (sign-in again asks for the same credentials). */
  get realm(): Realm | undefined {
    return this.lastRealm;
  }

  /** The element learned of a session (from the backend, or `true`: a call that needs one succeeded). */
  noteSession(session: Session | null | undefined | true): void {
    if (!session) return;
    this.had = true;
    if (session !== true) this.lastRealm = session.realm;
  }

  /**
   * A call was refused with `unauthorized`. Returns true when the host took over: `resume`
   * (keep it the same function for the same call, so it runs once) runs once the host hands
   * back a session; none for a `Task` that has `session` among its arguments (it runs again by
   * itself). False: the element shows its sign-in form in place.
   */
  expired(realm: Realm, resume?: (session: Session) => void): boolean {
    const state = this.state;
    if (state.status === 'host') {
      if (resume) state.resumes.add(resume);
      return true;
    }
    this.returnTo = deepActiveElement(this.host);
    // Before the event: a listener may hand back a session at once, from inside it.
    const since = this.host.session;
    const event = new SessionExpiredEvent(realm, this.hadSession);
    this.host.dispatchEvent(event);
    if (!event.defaultPrevented) return false;
    this.state = { status: 'host', since, resumes: new Set(resume ? [resume] : []) };
    this.host.requestUpdate();
    return true;
  }

  /** Signed in with the form shown in place; `returnFocus`: back to the control the user had used. */
  async signedIn(session: Session, { returnFocus = false } = {}): Promise<void> {
    this.noteSession(session);
    this.state = { status: 'active' };
    this.focusPending = false;
    const target = this.returnTo;
    this.returnTo = undefined;
    this.host.requestUpdate();
    if (!returnFocus) return;
    await this.host.updateComplete;
    if (target?.isConnected) target.focus();
  }

  /**
   * Focus goes to the heading of the sign-in form in place once it shows (a refused load
   * renders it a moment later); only when focus is in this element or nowhere, so a load the
   * user is not looking at never pulls focus away.
   */
  focusSignIn(): void {
    if (!focusIsHereOrNowhere(this.host)) return;
    this.focusPending = true;
    this.host.requestUpdate();
  }
}

/** The focused element inside `host`'s shadow root (through nested shadow roots), if any. */
function deepActiveElement(host: HTMLElement): HTMLElement | undefined {
  let active = host.shadowRoot?.activeElement ?? null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

function focusIsHereOrNowhere(host: HTMLElement): boolean {
  const active = document.activeElement;
  return !active || active === document.body || host.matches(':focus-within');
}
