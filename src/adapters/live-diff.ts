/**
 * What changed between two sightings of a case, for adapters that poll (the fetch adapter
 * without `/api/events`; the Zendesk adapter may share it): the `TicketChange` of `watch()`,
 * derived by comparing, with an id that is the same whenever the same state is seen again.
 */
import type { Ticket, TicketSummary } from '../core/ticket.js';
import type { TicketChange, TicketChangeKind } from './backend.js';

/** A case as seen before: the whole case (the case view polls it) or its list row. */
export type SeenBefore = Ticket | TicketSummary;

const isWhole = (seen: SeenBefore): seen is Ticket => 'comments' in seen;

/** Ids in `after` that `before` did not have. */
const added = <T>(before: readonly T[], after: readonly T[], key: (item: T) => string): boolean => {
  const known = new Set(before.map(key));
  return after.some((item) => !known.has(key(item)));
};

/**
 * The kinds of change from `before` (undefined: the case is new) to `after`; empty when
 * nothing the user would notice changed. From a list row, which lists no comments, anything
 * dated after the row's `updatedAt` is new.
 */
export function changeKinds(before: SeenBefore | undefined, after: Ticket): TicketChangeKind[] {
  if (before === undefined) return ['created'];
  const kinds: TicketChangeKind[] = [];
  if (isWhole(before)) {
    if (added(before.comments, after.comments, (c) => c.id)) kinds.push('comment');
    if (before.status !== after.status) kinds.push('status');
    if (added(before.attachments, after.attachments, (a) => a.id)) kinds.push('attachment');
    const emails = (t: Ticket): string => t.watchers.map((w) => w.email).sort().join('\n');
    if (emails(before) !== emails(after)) kinds.push('watcher');
    if (added(before.callbacks, after.callbacks, (c) => c.id)) kinds.push('callback');
    return kinds;
  }
  const since = Date.parse(before.updatedAt);
  const newer = (at: string): boolean => Date.parse(at) > since;
  if (after.comments.some((c) => newer(c.createdAt))) kinds.push('comment');
  if (before.status !== after.status) kinds.push('status');
  if (after.attachments.some((a) => newer(a.createdAt))) kinds.push('attachment');
  if (after.watchers.some((w) => newer(w.addedAt))) kinds.push('watcher');
  if (after.callbacks.some((c) => newer(c.requestedAt))) kinds.push('callback');
  // Something changed (the row moved) that none of the above names: a watcher left, say.
  if (kinds.length === 0 && after.updatedAt !== before.updatedAt) kinds.push('watcher');
  return kinds;
}

/** The change from `before` to `after`, or undefined when there is none. */
export function polledChange(before: SeenBefore | undefined, after: Ticket): TicketChange | undefined {
  const kinds = changeKinds(before, after);
  if (kinds.length === 0) return undefined;
  const state = [after.updatedAt, after.status, after.comments.length, after.attachments.length, after.watchers.length, after.callbacks.length];
  return { id: `poll:${after.number}:${state.join(':')}`, kinds, ticket: after };
}
