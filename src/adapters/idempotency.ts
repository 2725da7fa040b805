/**
 * One idempotency rule for the backends that keep it themselves (memory, Zendesk): the same
 * key with the same input gets the first call's promise (a double submit or a retry opens one
 * case), the same key with another input is a conflict, and a call that failed frees its key
 * so the user may try again with it.
 *
 * One store per result type, so a replayed promise is of the type its caller expects.
 *
 * And idempotent removal for the HTTP adapters (fetch, Zendesk): `removedOrAbsent`.
 */
import { sameEmail } from '../core/access.js';
import { SupportError } from '../core/errors.js';
import type { Ticket } from '../core/ticket.js';

export type IdempotentRun<T> = (key: string, input: unknown, task: () => T | Promise<T>) => Promise<T>;

export function idempotentRunner<T>(): IdempotentRun<T> {
  const calls = new Map<string, { readonly input: string; readonly result: Promise<T> }>();
  return (key, input, task) => {
    const text = JSON.stringify(input);
    const previous = calls.get(key);
    if (previous) {
      if (previous.input === text) return previous.result;
      return Promise.reject(
        new SupportError('conflict', 'Idempotency key reused with another request', { status: 422, conflict: 'idempotency_mismatch' }),
      );
    }
    // A task that throws at once rejects like one that fails later.
    const result = new Promise<T>((resolve) => resolve(task()));
    calls.set(key, { input: text, result });
    result.catch(() => {
      if (calls.get(key)?.result === result) calls.delete(key);
    });
    return result;
  };
}

/**
 * Removing a watcher is idempotent: a 404 on the removal (its retry, after a first answer that
 * was lost, finds nothing to delete on a server that answers 404 for that) is a success when
 * the case is still there without the watcher; the case is then read again and returned.
 */
export async function removedOrAbsent(remove: () => Promise<Ticket>, reload: () => Promise<Ticket>, email: string): Promise<Ticket> {
  try {
    return await remove();
  } catch (error) {
    if (!(error instanceof SupportError) || error.kind !== 'not_found') throw error;
    let current: Ticket;
    try {
      current = await reload();
    } catch {
      throw error;
    }
    if (current.watchers.some((w) => sameEmail(w.email, email))) throw error;
    return current;
  }
}
