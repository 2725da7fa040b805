/**
 * `watch()` of the memory backend: every write of the backend (the customer's, and the
 * support side the demo plays) reaches the subscribers whose scope holds the case. Writes are
 * collected and delivered on a later task, after the writer has its answer, and the steps of
 * one write (a reply that also sets a state) arrive as one change.
 */
import { maySeeCase } from '../core/access.js';
import { changeKinds } from '../core/changes.js';
import type { Ticket } from '../core/ticket.js';
import type { TicketChange, WatchOptions, WatchScope } from './backend.js';

interface Subscriber {
  readonly scope: WatchScope;
  readonly onChange: (change: TicketChange) => void;
  readonly signal: AbortSignal;
}

interface Pending {
  readonly before: Ticket | undefined;
  after: Ticket;
}

export interface ChangeHub {
  watch(scope: WatchScope, onChange: (change: TicketChange) => void, options: WatchOptions): void;
  /** Records that `before` (undefined for a new case) became `after`. */
  record(before: Ticket | undefined, after: Ticket): void;
}

/** `viewer` is the signed-in user's email at delivery time (none: nobody is told). */
export function createChangeHub(viewer: () => string | undefined): ChangeHub {
  const subscribers = new Set<Subscriber>();
  /** One map per synchronous run of writes: the steps of one write, not two writes, merge. */
  const batches: Map<string, Pending>[] = [];
  let open: Map<string, Pending> | undefined;
  let flushing: ReturnType<typeof setTimeout> | undefined;
  let sequence = 0;

  function inScope(scope: WatchScope, ticket: Ticket, email: string): boolean {
    if (scope.kind === 'case' && scope.number !== ticket.number) return false;
    return maySeeCase({ requesterEmail: ticket.requester.email, watcherEmails: ticket.watchers.map((w) => w.email) }, email);
  }

  function flush(): void {
    flushing = undefined;
    const email = viewer();
    const changes = batches.flatMap((batch) => [...batch.values()]);
    batches.length = 0;
    for (const { before, after } of changes) {
      const kinds = changeKinds(before, after);
      if (kinds.length === 0 || !email) continue;
      const change: TicketChange = { id: `memory-${after.number}-${++sequence}`, kinds, ticket: after };
      for (const subscriber of [...subscribers]) {
        // A watcher removed by this very change still learns of it.
        const sees = inScope(subscriber.scope, after, email) || (before !== undefined && inScope(subscriber.scope, before, email));
        if (!subscriber.signal.aborted && sees) subscriber.onChange(change);
      }
    }
  }

  return {
    watch(scope, onChange, { signal, onState }) {
      if (signal.aborted) return;
      const subscriber: Subscriber = { scope, onChange, signal };
      subscribers.add(subscriber);
      signal.addEventListener('abort', () => subscribers.delete(subscriber), { once: true });
      onState?.('live');
    },
    record(before, after) {
      if (!open) {
        const batch = new Map<string, Pending>();
        open = batch;
        batches.push(batch);
        queueMicrotask(() => (open = undefined));
      }
      const known = open.get(after.number);
      if (known) known.after = after;
      else open.set(after.number, { before, after });
      // A task later: the writer has its answer before anyone hears of the change.
      flushing ??= setTimeout(flush, 0);
    },
  };
}
