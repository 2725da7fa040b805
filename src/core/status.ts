/**
 * The seed's case-state rules, in one place. Every backend (memory, reference server) and
 * every element asks this module what an action does; none of them re-implements it.
 *
 * | action                              | open | action_required | pending | closed   |
 * |-------------------------------------|------|-----------------|---------|----------|
 * | customer comment (web or email)     | open | open            | open    | rejected |
 * | expert comment                      | =    | =               | =       | rejected |
 * | attachment, watcher, call-me        | =    | =               | =       | rejected |
 * | expert sets a state                 | to   | to              | to      | rejected |
 * | `autoCloseDays` without activity    | =    | =               | closed  | =        |
 *
 * The seed names only "pending → open" for a new comment; a customer's comment on an
 * action-required case also goes back to open, since it answers what support asked for.
 */
import type { Status, Ticket } from './ticket.js';

export type TicketAction =
  | { readonly type: 'comment'; readonly by: 'user' | 'agent'; readonly via: 'web' | 'email' }
  | { readonly type: 'attachment' }
  | { readonly type: 'watchers' }
  | { readonly type: 'callback' }
  | { readonly type: 'set_status'; readonly to: Status };

export type ActionOutcome =
  | {
      readonly ok: true;
      readonly status: Status;
      /** Whether the action restarts the auto-close clock (`activityAt`). */
      readonly countsAsActivity: boolean;
    }
  | { readonly ok: false; readonly reason: 'closed' };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether anything at all may still change on the case (seed: closed is read-only for everyone). */
export function isReadOnly(status: Status): boolean {
  return status === 'closed';
}

/** What `action` does to a case in `status`. Pure: the caller applies the outcome. */
export function applyAction(status: Status, action: TicketAction): ActionOutcome {
  if (isReadOnly(status)) return { ok: false, reason: 'closed' };
  switch (action.type) {
    case 'comment': {
      const reopens = action.by === 'user' && (status === 'pending' || status === 'action_required');
      return { ok: true, status: reopens ? 'open' : status, countsAsActivity: true };
    }
    case 'set_status':
      return { ok: true, status: action.to, countsAsActivity: action.to !== status };
    case 'attachment':
    case 'watchers':
    case 'callback':
      return { ok: true, status, countsAsActivity: false };
  }
}

/** Moment a pending case closes by itself, or undefined when it is not pending. */
export function autoCloseAt(
  ticket: Pick<Ticket, 'status' | 'activityAt'>,
  autoCloseDays: number,
): Date | undefined {
  if (ticket.status !== 'pending') return undefined;
  return new Date(Date.parse(ticket.activityAt) + autoCloseDays * DAY_MS);
}

/** Whether the auto-close rule closes this case at `now`. */
export function isDueForAutoClose(
  ticket: Pick<Ticket, 'status' | 'activityAt'>,
  autoCloseDays: number,
  now: Date,
): boolean {
  const at = autoCloseAt(ticket, autoCloseDays);
  return at !== undefined && now.getTime() >= at.getTime();
}
