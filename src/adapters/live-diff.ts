/**
 * What changed between two sightings of a case, for adapters that poll (the fetch adapter
 * without `/api/events`; the Zendesk adapter may share it): the `TicketChange` of `watch()`,
 * derived by comparing, with an id that is the same whenever the same state is seen again.
 */
import type { Ticket, TicketSummary } from '../core/ticket.js';
import type { TicketChange, TicketChangeKind } from './backend.js';

/** A case as seen before: the whole case (the case view polls it) or its list row. */
export type SeenBefore = Ticket | TicketSummary;

/**
 * The kinds of change from `before` (undefined: the case is new) to `after`; empty when
 * nothing the user would notice changed. Every change moves `updatedAt`, so what is dated
 * after `before.updatedAt` is new (a list row lists no comments: dates tell for both).
 */
export function changeKinds(before: SeenBefore | undefined, after: Ticket): TicketChangeKind[] {
  if (before === undefined) return ['created'];
  const since = Date.parse(before.updatedAt);
  const newer = (at: string): boolean => Date.parse(at) > since;
  const kinds: TicketChangeKind[] = [];
  if (after.comments.some((c) => newer(c.createdAt))) kinds.push('comment');
  if (before.status !== after.status) kinds.push('status');
  if (after.attachments.some((a) => newer(a.createdAt))) kinds.push('attachment');
  if (after.watchers.some((w) => newer(w.addedAt))) kinds.push('watcher');
  if (after.callbacks.some((c) => newer(c.requestedAt))) kinds.push('callback');
  // The case moved for none of the above: what is left is a watcher who left.
  if (kinds.length === 0 && after.updatedAt !== before.updatedAt) kinds.push('watcher');
  return kinds;
}

/** The change from `before` to `after`, or undefined when there is none. */
export function polledChange(before: SeenBefore | undefined, after: Ticket): TicketChange | undefined {
  const kinds = changeKinds(before, after);
  if (kinds.length === 0) return undefined;
  return { id: `poll:${after.number}:${after.updatedAt}:${after.status}`, kinds, ticket: after };
}
