/**
 * One page of cases read whole from a helpdesk, in the contract's order and with the same
 * keyset cursor as the SQLite list (after the case with these `updatedAt` and number keys), so
 * the route encodes and checks cursors the same way for every connector.
 */
import type { TicketSummary } from '../../src/core/ticket.js';
import type { CaseListQuery, CasePage } from './types.js';

export function pageOf(items: readonly TicketSummary[], query: CaseListQuery): CasePage {
  const desc = query.sort.endsWith('_desc');
  const byUpdated = query.sort.startsWith('updated');
  const compare = (a: { updatedAt: string; number: number }, b: { updatedAt: string; number: number }): number => {
    const keys = byUpdated && a.updatedAt !== b.updatedAt ? (a.updatedAt < b.updatedAt ? -1 : 1) : a.number - b.number;
    return desc ? -keys : keys;
  };
  const keyed = items.map((item) => ({ item, key: { updatedAt: item.updatedAt, number: Number(item.number) } }));
  keyed.sort((a, b) => compare(a.key, b.key));
  const cursor = query.cursor;
  const after = cursor ? keyed.filter((k) => compare(k.key, { updatedAt: cursor.u, number: cursor.n }) > 0) : keyed;
  return { items: after.slice(0, query.limit).map((k) => k.item), total: items.length };
}
