import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * How close to the end of the loaded rows the next page starts loading: the row this many from
 * the end coming into the list's view loads the next page, so it is there before the user
 * reaches the end (a row is 4–6rem, the list 32rem: about two screens ahead).
 */
export const LOAD_AHEAD_ROWS = 10;

/**
 * Rows of a new first page rendered before the first paint: a screenful (a row is 4–6rem, the
 * list 32rem), the rows without `content-visibility` in the styles. The rest of the page
 * renders right after that paint, so the list shows without waiting for rows out of view.
 */
export const FIRST_PAINT_ROWS = 8;

/** What the controller needs of its list. */
export interface ListRowsOptions<T> {
  /** The scrolling list; its `.row` children are the rows. */
  readonly scroller: () => Element | null;
  /** The loaded rows while another page remains to load; `undefined` once every page is loaded. */
  readonly rowsBeforeMore: () => readonly T[] | undefined;
  /** One of the last rows showed in the list: the next page should load. */
  readonly nearEnd: () => void;
}

/**
 * The rows of a long, cursor-loaded list (issue 15: every loaded row is in the DOM, no
 * virtualizer): a new first page shows a screenful before the first paint and the rest right
 * after it, and the next page loads when one of the last rows scrolls into view.
 */
export class ListRowsController<T> implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly options: ListRowsOptions<T>;
  /** Watches the last rows: when one shows in the list, the next page loads. */
  private loadAhead: IntersectionObserver | undefined;
  private watchedRows: readonly T[] | undefined;
  /** Settles once the rows past `FIRST_PAINT_ROWS` of a new first page are rendered; set meanwhile. */
  private restRendered: Promise<void> | undefined;

  constructor(host: ReactiveControllerHost, options: ListRowsOptions<T>) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostUpdated(): void {
    if (!this.restRendered) this.watchLoadAhead();
  }

  hostDisconnected(): void {
    this.loadAhead?.disconnect();
    this.loadAhead = undefined;
    this.watchedRows = undefined;
  }

  /** Settles once the rows held back for the first paint are rendered too (at once when none are). */
  get restComplete(): Promise<void> | undefined {
    return this.restRendered;
  }

  /** The rows to render now: a screenful of a new first page until it has painted, else all. */
  shown(rows: readonly T[]): readonly T[] {
    return this.restRendered ? rows.slice(0, FIRST_PAINT_ROWS) : rows;
  }

  /**
   * A new first page arrives: the next render shows its first `FIRST_PAINT_ROWS` rows, the
   * rest follow after a paint (a hidden page runs no frames: after a short timeout there).
   * Only for a list at its top.
   */
  firstPageArrived(): void {
    // A list scrolled down keeps its place: shortened for a frame, it would lose it.
    if (this.restRendered || (this.options.scroller()?.scrollTop ?? 0) > 0) return;
    const rest = new Promise<void>((resolve) => {
      const timeout = setTimeout(resolve, 100);
      requestAnimationFrame(() => setTimeout(() => {
        clearTimeout(timeout);
        resolve();
      }));
    });
    this.restRendered = rest.then(() => {
      this.restRendered = undefined;
      this.host.requestUpdate();
    });
  }

  /**
   * Observes the last `LOAD_AHEAD_ROWS` rows (none when every page is loaded), again whenever the
   * rows change: any of them showing loads the next page. All of them, not one: a scroll can
   * jump past a single row, and observing fires at once, so a short page that already shows its
   * end loads the next one too.
   */
  private watchLoadAhead(): void {
    const scroller = this.options.scroller();
    const rows = scroller ? this.options.rowsBeforeMore() : undefined;
    if (rows === this.watchedRows && (!scroller || this.loadAhead?.root === scroller)) return;
    this.watchedRows = rows;
    this.loadAhead?.disconnect();
    if (!rows || !scroller) return;
    if (this.loadAhead?.root !== scroller) {
      this.loadAhead = new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting)) this.options.nearEnd();
      }, { root: scroller });
    }
    const elements = scroller.querySelectorAll('.row');
    for (let i = Math.max(0, elements.length - LOAD_AHEAD_ROWS); i < elements.length; i++) {
      const row = elements[i];
      if (row) this.loadAhead.observe(row);
    }
  }
}
