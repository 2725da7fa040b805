/**
 * Benchmark page of `npm run bench` (scripts/bench.mjs serves it with Vite and drives it with
 * Chromium). Times, with 10,000 cases in the memory backend:
 * - `first-render`: from inserting <my-tickets> to its first rows painted (`first-page`: to
 *   the backend's first page, before the rows render);
 * - `keystroke-frame`: from one keystroke in the search field to the next painted frame
 *   (what typing costs the main thread);
 * - `keystroke-results`: from that keystroke to the filtered rows painted (includes the
 *   search debounce and the backend query).
 * Results are `performance.measure` entries; `window.benchDone` turns true at the end.
 */
import { createMemoryBackend } from '../../src/adapters/memory-adapter.js';
import '../../src/define/my-tickets.js';

declare global {
  interface Window {
    benchDone?: boolean;
    benchError?: string;
  }
}

const CASES = 10_000;
const QUERY = '42';

function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (check()) return;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  throw new Error('timed out');
}

async function run(): Promise<void> {
  const backend = createMemoryBackend({ signedInAs: 'alex@example.com' });
  backend.bulkCreate(CASES);
  const el = document.createElement('my-tickets');
  el.backend = backend;
  el.locale = 'en';
  const root = () => el.shadowRoot;
  const rows = () => [...(root()?.querySelectorAll('.row__open') ?? [])];

  performance.mark('render-start');
  document.getElementById('stage')?.append(el);
  await el.listComplete;
  performance.measure('first-page', 'render-start');
  await until(() => rows().length > 0);
  await nextPaint();
  performance.mark('render-end');
  performance.measure('first-render', 'render-start', 'render-end');

  const search = root()?.querySelector<HTMLInputElement>('#search');
  if (!search) throw new Error('no search field');
  search.focus();
  performance.mark('key-start');
  search.value = QUERY;
  search.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: QUERY }));
  await nextPaint();
  performance.mark('key-frame');
  performance.measure('keystroke-frame', 'key-start', 'key-frame');
  await until(() => rows().length > 0 && rows().every((r) => r.textContent?.includes(QUERY)));
  await nextPaint();
  performance.mark('key-results');
  performance.measure('keystroke-results', 'key-start', 'key-results');
}

run().then(
  () => (window.benchDone = true),
  (error: unknown) => {
    window.benchError = String(error);
    window.benchDone = true;
  },
);
