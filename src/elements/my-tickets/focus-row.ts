/**
 * Focus on a row of the case list (going back from a case). Every loaded row is in the DOM;
 * `focus()` scrolls it into view and renders it if `content-visibility` was skipping it.
 */

/** Focuses the row of case `number`; false if it is not in the list (e.g. a reload dropped it). */
export function focusRow(root: ParentNode, number: string): boolean {
  const button = root.querySelector<HTMLElement>(`.row__open[data-number="${CSS.escape(number)}"]`);
  if (!button) return false;
  button.focus();
  return true;
}
