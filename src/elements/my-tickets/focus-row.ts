/**
 * Focus on a row of the virtualized case list (going back from a case): the row may not be in
 * the DOM, so it is scrolled into view first and looked for again on the next frames.
 */
import { virtualizerOf } from './lazy-virtualizer.js';

/** Brings the row of case `number` (at `index` of the rows) into view and focuses it; false if it never showed. */
export async function focusRow(root: ParentNode, index: number, number: string): Promise<boolean> {
  if (index < 0) return false;
  const scroller = root.querySelector('.scroller');
  let scrolled = false;
  for (let frame = 0; frame < 60; frame++) {
    const button = root.querySelector<HTMLElement>(`.row__open[data-number="${CSS.escape(number)}"]`);
    if (button) {
      button.focus();
      return true;
    }
    const virtualizer = virtualizerOf(scroller);
    if (virtualizer && !scrolled) {
      try {
        await virtualizer.layoutComplete;
        virtualizer.element(index)?.scrollIntoView({ block: 'center' });
        scrolled = true;
      } catch {
        // Not laid out yet: try again on the next frame.
      }
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return false;
}
