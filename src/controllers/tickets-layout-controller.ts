/**
 * Knows when a virtualized list (`@lit-labs/virtualizer`) has laid out the rows it renders.
 *
 * The virtualizer first places new rows at an estimated height (100px, or the average of the
 * rows measured so far) and moves them once a ResizeObserver has measured them, which happens
 * only at the next animation frame. Until then rows taller than the estimate overlap: any
 * reading of the layout in between (a test, a host measuring the element) sees rows on top of
 * each other. The host awaits `settled()` in its `getUpdateComplete()`, so its
 * `updateComplete` means "rendered and laid out".
 *
 * Armed whenever the host hands the list new items and whenever the virtualizer renders another
 * range; rows a host update left off their places (their text changed, e.g. the language
 * arrived) are found by `settled()`, which reads the layout only when someone waits; it settles on the virtualizer's `layoutComplete`, or after a few
 * frames when no row changed size (the virtualizer then never reports). A hidden page paints nothing and
 * runs no frames: there is nothing to wait for.
 */
import type { virtualizerRef, VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Virtualizer = NonNullable<VirtualizerHostElement[typeof virtualizerRef]>;

/** Frames after which a layout that did not report is taken as done. */
const MAX_FRAMES = 6;
/** Waits before rows that stay off their places are left as they are (the bound of `settled`). */
const MAX_ROUNDS = 10;

function frames(count: number): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number) => (left <= 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(count);
  });
}

/** Whether two rendered rows overlap or leave a gap: the virtualizer has not measured them yet. */
function misplaced(scroller: Element): boolean {
  const rows = [...scroller.children]
    .filter((child) => !child.hasAttribute('virtualizer-sizer'))
    .map((child) => child.getBoundingClientRect())
    .filter((rect) => rect.height > 0)
    .sort((a, b) => a.top - b.top);
  return rows.some((rect, i) => {
    const next = rows[i + 1];
    return next !== undefined && Math.abs(next.top - rect.bottom) > 1;
  });
}

export class VirtualLayoutController implements ReactiveController {
  private readonly scroller: () => HTMLElement | null;
  private readonly items: () => unknown;
  private readonly virtualizer: (scroller: HTMLElement | undefined) => Virtualizer | undefined;
  private pending: Promise<void> | undefined;
  private lastItems: unknown;
  private listened: HTMLElement | undefined;
  private readonly onRange = () => this.arm();

  /**
   * `scroller` finds the element the virtualizer renders into; `items` is what it was given;
   * `virtualizer` is the one rendering into the scroller, if any (plain rows have none).
   */
  constructor(
    host: ReactiveControllerHost,
    scroller: () => HTMLElement | null,
    items: () => unknown,
    virtualizer: (scroller: HTMLElement | undefined) => Virtualizer | undefined,
  ) {
    this.scroller = scroller;
    this.items = items;
    this.virtualizer = virtualizer;
    host.addController(this);
  }

  hostUpdated(): void {
    const element = this.scroller() ?? undefined;
    if (element !== this.listened) {
      this.listened?.removeEventListener('rangeChanged', this.onRange);
      element?.addEventListener('rangeChanged', this.onRange);
      this.listened = element;
    }
    const items = element ? this.items() : undefined;
    const changed = items !== this.lastItems;
    this.lastItems = items;
    // No layout read here (it forced a synchronous layout after every update, issue 15):
    // `settled()` reads it when someone waits, and arms then if rows are off their places.
    if (element && changed) this.arm();
  }

  hostDisconnected(): void {
    this.listened?.removeEventListener('rangeChanged', this.onRange);
    this.listened = undefined;
    this.lastItems = undefined;
    this.pending = undefined;
  }

  /**
   * Settles once the rows rendered so far are at their measured places. A layout can render
   * more rows, which are measured a frame later: the rows are checked again after each wait.
   */
  async settled(): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const pending = this.pending;
      if (!pending) {
        if (!this.listened || !misplaced(this.listened)) return;
        this.arm();
        if (!this.pending) return;
        continue;
      }
      await pending;
      if (this.pending === pending) this.pending = undefined;
    }
  }

  private arm(): void {
    const virtualizer = this.virtualizer(this.listened);
    if (!virtualizer || document.visibilityState === 'hidden') return;
    const layout = virtualizer.layoutComplete.catch(() => undefined);
    const pending = Promise.race([layout, frames(MAX_FRAMES)]);
    this.pending = pending;
    void pending.then(() => {
      if (this.pending === pending) this.pending = undefined;
    });
  }
}
