/**
 * The case list's rows, virtualized only when the list is long (issue 15): @lit-labs/virtualizer
 * and its flow layout (eager-flow.ts) are 8.4 KB brotli that a list of a few cases does not
 * need. A list of at most `VIRTUALIZE_ABOVE` cases in all (`total`: no more pages to load, so
 * nothing waits for the virtualizer's `visibilityChanged`) renders plain rows; a longer one
 * loads the virtualizer, shows its first rows plain meanwhile, and re-renders its host when it
 * is there. `virtualizerReady()` is for the host's `updateComplete`.
 */
import type { virtualizerRef, VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';

/** Cases a list shows as plain rows: a few screens of them (a row is 4–6rem, the list 32rem). */
export const VIRTUALIZE_ABOVE = 20;

type Virtualizer = NonNullable<VirtualizerHostElement[typeof virtualizerRef]>;
type Modules = readonly [typeof import('@lit-labs/virtualizer/virtualize.js'), typeof import('./eager-flow.js')];
let loaded: Modules | undefined;
let loading: Promise<Modules> | undefined;

function loadVirtualizer(): Promise<Modules> {
  return (loading ??= Promise.all([import('@lit-labs/virtualizer/virtualize.js'), import('./eager-flow.js')]).then((modules) => (loaded = modules)));
}

export interface RowsOptions<T> {
  /** Rows loaded so far. */
  readonly items: readonly T[];
  /** Rows in all (loaded or not). */
  readonly total: number;
  readonly keyFunction: (item: T, index: number) => unknown;
  readonly renderItem: (item: T, index: number) => TemplateResult;
}

/** The rows of a `.scroller` list: plain, or through `virtualize()` when the list is long. */
export function rows<T>(host: ReactiveControllerHost, { items, total, keyFunction, renderItem }: RowsOptions<T>): unknown {
  if (Math.max(total, items.length) <= VIRTUALIZE_ABOVE) return repeat(items, keyFunction, renderItem);
  if (!loaded) {
    void loadVirtualizer().then(() => host.requestUpdate());
    return repeat(items.slice(0, VIRTUALIZE_ABOVE), keyFunction, renderItem);
  }
  const [{ virtualize }, { eagerFlow }] = loaded;
  // Lays out the first rows even off screen (eager-flow.ts).
  return virtualize({ scroller: true, layout: eagerFlow(), items: [...items], keyFunction, renderItem });
}

/** The virtualizer rendering into `scroller`, if it has one (a long list, once loaded). */
export function virtualizerOf(scroller: Element | null | undefined): Virtualizer | undefined {
  return loaded && scroller ? (scroller as VirtualizerHostElement)[loaded[0].virtualizerRef] : undefined;
}

/** Settles once the virtualizer, if a list asked for it, is loaded. */
export function virtualizerReady(): Promise<unknown> {
  return loading ?? Promise.resolve();
}
