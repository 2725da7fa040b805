/**
 * How the helpdesks' own states map onto the seed's four. One table per helpdesk, shared by the
 * browser adapter and the reference server's connector for that helpdesk, so the two can never
 * disagree on what "pending" means.
 */
import type { Status } from './ticket.js';

/** Zendesk: new/open/hold → open; pending (waiting on the customer) → action required; solved → pending; closed → closed. */
export const ZENDESK_TO_STATUS: Readonly<Record<string, Status>> = {
  new: 'open',
  open: 'open',
  hold: 'open',
  pending: 'action_required',
  solved: 'pending',
  closed: 'closed',
};

/** The Zendesk states each of ours stands for, in Zendesk's own words. */
export const STATUS_TO_ZENDESK: Readonly<Record<Status, readonly string[]>> = {
  open: ['new', 'open', 'hold'],
  action_required: ['pending'],
  pending: ['solved'],
  closed: ['closed'],
};

/** Freshdesk's numeric states: 2 open, 3 pending (waiting on the customer) → action required, 4 resolved → pending, 5 closed. */
export const FRESHDESK_TO_STATUS: Readonly<Record<number, Status>> = {
  2: 'open',
  3: 'action_required',
  4: 'pending',
  5: 'closed',
};

export const STATUS_TO_FRESHDESK: Readonly<Record<Status, number>> = {
  open: 2,
  action_required: 3,
  pending: 4,
  closed: 5,
};
