/**
 * What changed between two versions of a case, in the words of `TicketChange.kinds`. Shared by
 * the backends that find changes by comparing (memory, polling) and by the elements that tell
 * their user about a change they did not make.
 */
import type { Ticket, TicketSummary } from './ticket.js';

export type ChangeKind = 'created' | 'comment' | 'status' | 'attachment' | 'watcher' | 'callback';

const sameIds = (a: readonly { readonly id: string }[], b: readonly { readonly id: string }[]) =>
  a.length === b.length && a.every((item, i) => item.id === b[i]?.id);

/**
 * The kinds of change from `before` (undefined: the case is new) to `after`; empty when nothing a
 * user sees changed. When only a summary of `before` is known (a poller that read a list), a
 * visible change other than the state is most often a reply, and is called one.
 */
export function changeKinds(before: Ticket | TicketSummary | undefined, after: Ticket): ChangeKind[] {
  if (!before) return ['created'];
  const kinds: ChangeKind[] = [];
  if (!('comments' in before)) {
    if (before.status !== after.status) kinds.push('status');
    return kinds.length ? kinds : ['comment'];
  }
  if (!sameIds(before.comments, after.comments)) kinds.push('comment');
  if (before.status !== after.status) kinds.push('status');
  if (!sameIds(before.attachments, after.attachments)) kinds.push('attachment');
  const watchers = (t: Ticket) => t.watchers.map((w) => w.email).join('\n');
  if (watchers(before) !== watchers(after)) kinds.push('watcher');
  if (!sameIds(before.callbacks, after.callbacks)) kinds.push('callback');
  return kinds;
}

