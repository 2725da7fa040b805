/**
 * The virtualizer's flow layout, except that a list outside the window (below the fold, in an
 * off-screen tile of a gallery or dashboard) still lays out its first rows. The virtualizer
 * clips its viewport to the window, so off screen it sees a viewport of height 0 and renders
 * no row at all: the list is an empty scrolling box, which a screen reader reads as nothing and
 * axe flags (scrollable-region-focusable), until the user scrolls to it.
 */
import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';

/** The height an unseen list lays out, in CSS px: a screenful of rows, not the whole list. */
export const OFF_SCREEN_VIEWPORT_PX = 480;

type Size = FlowLayout['viewportSize'];

export class EagerFlowLayout extends FlowLayout {
  override get viewportSize(): Size {
    return super.viewportSize;
  }

  override set viewportSize(dims: Size) {
    super.viewportSize = dims.height > 0 ? dims : { ...dims, height: OFF_SCREEN_VIEWPORT_PX };
  }
}

/** `flow()` with `EagerFlowLayout`: the `layout` option of `virtualize()`. */
export function eagerFlow(): { type: typeof EagerFlowLayout } {
  return { type: EagerFlowLayout };
}
