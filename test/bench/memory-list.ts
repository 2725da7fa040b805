/**
 * Node microbenchmark of the memory backend's list (issue 15), beside the browser bench:
 * `node --import tsx test/bench/memory-list.ts [cases]`. The keystroke figure is the browser
 * bench's `keystroke-query` (typing "42": the queries "4" then "42", first page of 50); the
 * others show where the time of a list query goes. Medians of RUNS, min–max; no thresholds.
 */
import { createMemoryBackend } from '../../src/adapters/memory-adapter.js';
import type { TicketQuery } from '../../src/adapters/backend.js';

const cases = Number(globalThis.process?.argv[2] ?? 100_000);
const RUNS = 41;

const backend = createMemoryBackend({ signedInAs: 'alex@example.com', seed: false });
backend.bulkCreate(cases);
const first = performance.now();
await backend.listTickets({ limit: 50 });
console.log(`${cases} cases; first page (builds the indexes): ${(performance.now() - first).toFixed(1)} ms`);
// The browser bench times one keystroke in a fresh page: code not yet optimised, as here.
const cold = performance.now();
await backend.listTickets({ search: '4', limit: 50 });
await backend.listTickets({ search: '42', limit: 50 });
console.log(`first keystroke "4" then "42" (cold code): ${(performance.now() - cold).toFixed(2)} ms`);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function scenario(name: string, queries: readonly TicketQuery[], between?: () => Promise<void>): Promise<void> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // Another search between runs, so no run starts from the previous run's matches.
    await backend.listTickets({ search: 'zzz', limit: 50 });
    if (between) await between();
    const start = performance.now();
    for (const query of queries) await backend.listTickets(query);
    times.push(performance.now() - start);
  }
  const label = name.padEnd(44);
  console.log(`${label}${median(times).toFixed(2)} ms (${Math.min(...times).toFixed(2)}–${Math.max(...times).toFixed(2)})`);
}

await scenario('keystroke "4" then "42" (bench keystroke-query)', [
  { search: '4', limit: 50 },
  { search: '42', limit: 50 },
]);
await scenario('one search "42"', [{ search: '42', limit: 50 }]);
await scenario('"e" "en" "env" "enve" (typing a word)', ['e', 'en', 'env', 'enve'].map((search) => ({ search, limit: 50 })));
await scenario('"42", status open, number_asc', [{ search: '42', status: 'open', sort: 'number_asc', limit: 50 }]);
await scenario('status open (no search)', [{ status: 'open', limit: 50 }]);
await scenario('sort number_asc (no search)', [{ sort: 'number_asc', limit: 50 }]);
await scenario('"issue", page 20 (offset 950)', [{ search: 'issue', limit: 50, cursor: btoa('950') }]);
let n = 0;
await scenario('"4" "42" after a comment between runs', [{ search: '4', limit: 50 }, { search: '42', limit: 50 }], async () => {
  await backend.addComment(String(10_000_001 + ((n * 4) % cases)), 'Bench comment', { idempotencyKey: `bench-${n++}` });
});
