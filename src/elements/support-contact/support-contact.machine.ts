/**
 * What `<support-contact>` shows and knows, as data, and the one pure function that moves it
 * on. No Lit, no DOM, no words: the element renders a `ContactState`, runs the backend calls
 * (through its controllers) and feeds their outcomes back here as events.
 *
 * | event                    | from                       | to                                                  |
 * |--------------------------|----------------------------|-----------------------------------------------------|
 * | `session_known`          | any                        | same view, the session the host or backend reports  |
 * | `session_changed`        | any                        | same view, the session a composed step reports      |
 * | `go_home`                | any                        | `home`                                              |
 * | `start_area`             | any                        | `sign_in` (no session of the area's realm), else as `continue` below |
 * | `sign_in_top`            | any                        | `sign_in` with no area (back home afterwards)       |
 * | `signed_in`              | `sign_in` with an area     | `choose_account` (Flow 1, several accounts), `tickets` (Flow 3) or `form` |
 * | `signed_in`              | `sign_in` without an area  | `home`, announcing who signed in                    |
 * | `signed_in` (no session) | any                        | `home`                                              |
 * | `account_dialog_opened`  | `choose_account`           | `choose_account`, dialog open                       |
 * | `account_dialog_dismissed` | `choose_account`         | `choose_account`, dialog closed (no form)           |
 * | `account_choice_started` | `choose_account`           | `choose_account`, the last failure forgotten        |
 * | `account_chosen`         | `choose_account`           | `form`, the account counts as chosen                |
 * | `account_choice_failed`  | `choose_account`           | `choose_account`, with the failure's kind; `sign_in` for the same area when the session ended |
 * | `account_switched`       | any                        | same view, announcing the account                   |
 * | `account_switch_failed`  | any                        | same view, announcing the failure's kind; `sign_in` (for the view's area, if any) when the session ended |
 * | `signed_out`             | any                        | `home`, signed out, announced                       |
 * | `new_ticket`             | any (area offered)         | `sign_in` then `form` (a session of another realm), else `form` (Flow 1: its account choice first) |
 * | `follow_up`              | any                        | `form` following up the case                        |
 * | `show_tickets`           | any                        | `tickets`                                           |
 * | `show_sign_in_help`      | any                        | `sign_in_help`                                      |
 * | `locked_help_toggled`    | `sign_in`                  | `sign_in`, the locked-account advice shown/hidden   |
 *
 * A flow the language lacks is never started: `start_area` and `new_ticket` on such an area
 * change nothing. Each step says whether a new view was shown (`navigated`): the element then
 * closes the profile menu and moves focus to that view's heading.
 */
import type { Session } from '../../adapters/backend.js';
import type { AreaConfig, FlowConfig, LocaleCode, SupportConfig } from '../../core/config.js';
import type { ErrorKind } from '../../core/errors.js';
import { resolveFlow, type FlowResolution } from '../../core/flows.js';
import type { Realm } from '../../core/ticket.js';

/** What the page shows; each kind is one view with its own heading. */
export type ContactView =
  | { readonly kind: 'home' }
  /**
   * Sign-in; `areaId` is the area whose flow continues afterwards (none: back home);
   * `lockedHelpShown`: the advice under "My account is locked" is open.
   */
  | {
      readonly kind: 'sign_in';
      readonly realm: Realm;
      readonly areaId: string | undefined;
      readonly lockedHelpShown: boolean;
      /** 'new_ticket': reached from "New ticket" with the other realm's session; the form follows. */
      readonly then?: 'new_ticket';
    }
  /** Flow 1: pick the account first (a modal dialog over this view); `failure`: the last choice failed. */
  | {
      readonly kind: 'choose_account';
      readonly areaId: string;
      readonly dialogOpen: boolean;
      readonly failure: ErrorKind | undefined;
    }
  | { readonly kind: 'form'; readonly areaId: string; readonly followUpOf: string | undefined }
  /** `<my-tickets>`; `newTicketAreas` get a "New ticket" button above it. */
  | { readonly kind: 'tickets'; readonly ticket: string | undefined }
  | { readonly kind: 'sign_in_help'; readonly areaId: string | undefined };

/** Whom the page works for. `accountChosen`: Flow 1's popup picked the account for this session. */
export type ContactSession =
  | { readonly status: 'unknown' }
  | { readonly status: 'signed_out' }
  | { readonly status: 'signed_in'; readonly session: Session; readonly accountChosen: boolean };

/** What the live region says last, as data: the element words it. */
export type Announcement =
  | { readonly kind: 'signed_in'; readonly name: string }
  | { readonly kind: 'account_switched'; readonly name: string }
  | { readonly kind: 'signed_out' }
  | { readonly kind: 'failed'; readonly error: ErrorKind };

export interface ContactState {
  readonly view: ContactView;
  readonly session: ContactSession;
  readonly announcement: Announcement | undefined;
}

export type ContactEvent =
  | { readonly type: 'session_known'; readonly session: Session | null }
  | { readonly type: 'session_changed'; readonly session: Session | null }
  | { readonly type: 'go_home' }
  | { readonly type: 'start_area'; readonly areaId: string }
  | { readonly type: 'sign_in_top'; readonly realm: Realm }
  | { readonly type: 'signed_in'; readonly session: Session | null }
  | { readonly type: 'account_dialog_opened' }
  | { readonly type: 'account_dialog_dismissed' }
  | { readonly type: 'account_choice_started' }
  | { readonly type: 'account_chosen'; readonly session: Session }
  | { readonly type: 'account_choice_failed'; readonly kind: ErrorKind }
  | { readonly type: 'account_switched'; readonly session: Session }
  | { readonly type: 'account_switch_failed'; readonly kind: ErrorKind }
  | { readonly type: 'signed_out' }
  | { readonly type: 'new_ticket'; readonly areaId: string }
  | { readonly type: 'follow_up'; readonly areaId: string; readonly ticketNumber: string }
  | { readonly type: 'show_tickets' }
  | { readonly type: 'show_sign_in_help'; readonly areaId: string | undefined }
  | { readonly type: 'locked_help_toggled' };

/** What the transitions ask of the config: the page's language decides the flows. */
export interface ContactContext {
  readonly config: SupportConfig;
  readonly locale: LocaleCode;
}

export interface ContactStep {
  readonly state: ContactState;
  /** A new view was shown: its heading takes focus. */
  readonly navigated: boolean;
}

export const initialContactState: ContactState = {
  view: { kind: 'home' },
  session: { status: 'unknown' },
  announcement: undefined,
};

/** The session in use: undefined while unknown, null when nobody is signed in. */
export function sessionOf(state: ContactState): Session | null | undefined {
  switch (state.session.status) {
    case 'unknown':
      return undefined;
    case 'signed_out':
      return null;
    case 'signed_in':
      return state.session.session;
  }
}

// ---- questions asked of the config (through core/flows.ts) ----

export type OfferedFlow = Extract<FlowResolution, { offered: true }>;

export function offeredFlows({ config, locale }: ContactContext): OfferedFlow[] {
  return config.areas.map((area) => resolveFlow(config, locale, area.id)).filter((r): r is OfferedFlow => r.offered);
}

export function areasStartingWith(context: ContactContext, start: FlowConfig['start']): AreaConfig[] {
  return offeredFlows(context)
    .filter((r) => r.flow.start === start)
    .map((r) => r.area);
}

/**
 * Areas that get "New ticket" (above the list of cases, in the profile menu): those whose flow
 * goes through "Manage my tickets" (Flow 3), and those the signed-in user's own credentials
 * open (a product user's "New ticket" leads into the product area's own flow, not to a
 * support-center sign-in). Several: one button per area, named, so the user picks the area.
 */
export function newTicketAreas(context: ContactContext, session?: Session | null): AreaConfig[] {
  return offeredFlows(context)
    .filter((r) => r.steps.includes('manage_tickets') || (session != null && r.area.realm === session.realm))
    .map((r) => r.area);
}

/** "New ticket" for an area: its form with this session, else the sign-in its realm needs first. */
function newTicket(state: ContactState, areaId: string, context: ContactContext): ContactStep {
  const resolution = resolveFlow(context.config, context.locale, areaId);
  if (!resolution.offered) return stay(state);
  if (resolution.steps.includes('sign_in') && sessionOf(state)?.realm !== resolution.area.realm) {
    return go(state, { kind: 'sign_in', realm: resolution.area.realm, areaId, lockedHelpShown: false, then: 'new_ticket' });
  }
  if (resolution.steps.includes('manage_tickets')) return go(state, { kind: 'form', areaId, followUpOf: undefined });
  return continueFlow(state, areaId, context);
}

/** Whether this language switches accounts in the profile menu (Flow 2). */
export function accountSwitchInMenu(context: ContactContext): boolean {
  return offeredFlows(context).some((r) => r.flow.accountChoice === 'profile_menu');
}

// ---- transitions ----

function known(previous: ContactSession, session: Session | null, accountChosen?: boolean): ContactSession {
  if (!session) return { status: 'signed_out' };
  const chosen = accountChosen ?? (previous.status === 'signed_in' && previous.accountChosen);
  return { status: 'signed_in', session, accountChosen: chosen };
}

function go(state: ContactState, view: ContactView, patch: Partial<ContactState> = {}): ContactStep {
  return { state: { ...state, ...patch, view }, navigated: true };
}

function stay(state: ContactState, patch: Partial<ContactState> = {}): ContactStep {
  return { state: { ...state, ...patch }, navigated: false };
}

const home: ContactView = { kind: 'home' };

/** The steps of an area's flow after sign-in, up to the form. */
function continueFlow(state: ContactState, areaId: string, context: ContactContext): ContactStep {
  const resolution = resolveFlow(context.config, context.locale, areaId);
  const session = state.session;
  if (!resolution.offered || session.status !== 'signed_in') return go(state, home);
  const { flow, steps } = resolution;
  if (
    steps.includes('choose_account') &&
    flow.accountChoice === 'popup_first' &&
    session.session.accounts.length > 1 &&
    !session.accountChosen
  ) {
    return go(state, { kind: 'choose_account', areaId, dialogOpen: true, failure: undefined });
  }
  if (steps.includes('manage_tickets')) return go(state, { kind: 'tickets', ticket: undefined });
  return go(state, { kind: 'form', areaId, followUpOf: undefined });
}

export function transition(state: ContactState, event: ContactEvent, context: ContactContext): ContactStep {
  const view = state.view;
  switch (event.type) {
    case 'session_known':
    case 'session_changed':
      return stay(state, { session: known(state.session, event.session) });
    case 'go_home':
      return go(state, home);
    case 'start_area': {
      const resolution = resolveFlow(context.config, context.locale, event.areaId);
      if (!resolution.offered) return stay(state);
      // A session of the other realm (product vs support center) does not open this area's cases.
      if (resolution.steps.includes('sign_in') && sessionOf(state)?.realm !== resolution.area.realm) {
        return go(state, { kind: 'sign_in', realm: resolution.area.realm, areaId: event.areaId, lockedHelpShown: false });
      }
      return continueFlow(state, event.areaId, context);
    }
    case 'sign_in_top':
      return go(state, { kind: 'sign_in', realm: event.realm, areaId: undefined, lockedHelpShown: false });
    case 'signed_in': {
      // A new sign-in: Flow 1 asks for the account again.
      const signedIn: ContactState = { ...state, session: known(state.session, event.session, false) };
      if (!event.session) return go(signedIn, home);
      if (view.kind !== 'sign_in') return stay(signedIn);
      if (view.areaId && view.then === 'new_ticket') return newTicket(signedIn, view.areaId, context);
      if (view.areaId) return continueFlow(signedIn, view.areaId, context);
      return go(signedIn, home, { announcement: { kind: 'signed_in', name: event.session.user.name } });
    }
    case 'account_dialog_opened':
    case 'account_dialog_dismissed':
      if (view.kind !== 'choose_account') return stay(state);
      return stay(state, { view: { ...view, dialogOpen: event.type === 'account_dialog_opened' } });
    case 'account_chosen':
      if (view.kind !== 'choose_account') return stay(state, { session: known(state.session, event.session) });
      return go(state, { kind: 'form', areaId: view.areaId, followUpOf: undefined }, { session: known(state.session, event.session, true) });
    case 'account_choice_started':
    case 'account_choice_failed': {
      if (view.kind !== 'choose_account') return stay(state);
      const failure = event.type === 'account_choice_failed' ? event.kind : undefined;
      // The session ended: sign in again, then this area's account choice once more.
      if (failure === 'unauthorized') return go(state, { kind: 'sign_in', realm: sessionOf(state)?.realm ?? 'product', areaId: view.areaId, lockedHelpShown: false });
      return stay(state, { view: { ...view, failure } });
    }
    case 'account_switched': {
      const next = event.session;
      const name = next.accounts.find((a) => a.id === next.activeAccountId)?.name ?? '';
      return stay(state, { session: known(state.session, next), announcement: { kind: 'account_switched', name } });
    }
    case 'account_switch_failed': {
      if (event.kind !== 'unauthorized') return stay(state, { announcement: { kind: 'failed', error: event.kind } });
      // The session ended: sign in again, then back to this area's flow (the form keeps its draft).
      const areaId = view.kind === 'form' || view.kind === 'choose_account' ? view.areaId : undefined;
      return go(state, { kind: 'sign_in', realm: sessionOf(state)?.realm ?? 'product', areaId, lockedHelpShown: false });
    }
    case 'signed_out':
      return go(state, home, { session: { status: 'signed_out' }, announcement: { kind: 'signed_out' } });
    case 'new_ticket':
      return newTicket(state, event.areaId, context);
    case 'follow_up':
      return go(state, { kind: 'form', areaId: event.areaId, followUpOf: event.ticketNumber });
    case 'show_tickets':
      return go(state, { kind: 'tickets', ticket: undefined });
    case 'show_sign_in_help':
      return go(state, { kind: 'sign_in_help', areaId: event.areaId });
    case 'locked_help_toggled':
      if (view.kind !== 'sign_in') return stay(state);
      return stay(state, { view: { ...view, lockedHelpShown: !view.lockedHelpShown } });
  }
}
