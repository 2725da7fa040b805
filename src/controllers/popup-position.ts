/**
 * Where a popup of ./popup-controller.ts goes, loaded on its first open: in the top layer
 * (native Popover API, `popover="manual"`, so no `overflow` or `transform` of the host page
 * clips or misplaces it) where the browser has it, and
 * - with CSS anchor positioning where the browser has it (`anchor-name` on the trigger,
 *   `position-area` on the popup, flipped by `position-try-fallbacks`): nothing to download,
 *   nothing to keep updating;
 * - else with @floating-ui/dom, imported only then: `computePosition` (fixed strategy) with
 *   `offset`, `flip` and `shift`, kept current by `autoUpdate`.
 */
import type { Placement } from '@floating-ui/dom';
import type { PopupControllerOptions } from './popup-controller.js';

/** Whether this browser positions popups itself (CSS anchor positioning). */
export function supportsAnchorPositioning(): boolean {
  return typeof CSS !== 'undefined' && CSS.supports('anchor-name: --a') && CSS.supports('position-area: bottom');
}

let anchors = 0;

/** Shows `popup` next to `trigger`; resolves to what stops keeping it there. */
export async function positionPopup(trigger: HTMLElement, popup: HTMLElement, options: PopupControllerOptions): Promise<() => void> {
  const placement = options.placement ?? 'bottom-end';
  const gap = options.offset ?? 6;
  const native = options.anchorPositioning ?? supportsAnchorPositioning();
  const floating = native ? undefined : await import('@floating-ui/dom');
  if ('showPopover' in popup) {
    // The UA's [popover] style centres the popup in the viewport; the position below wins.
    Object.assign(popup.style, { inset: 'auto', margin: '0' });
    popup.popover = 'manual';
    popup.showPopover();
  }
  if (!floating) return anchorTo(trigger, popup, placement, gap);
  const { computePosition, offset, flip, shift } = floating;
  const update = () => {
    void computePosition(trigger, popup, {
      strategy: 'fixed',
      placement,
      middleware: [offset(gap), flip(), shift({ padding: 8 })],
    }).then(({ x, y }) => {
      // floating-ui gives viewport coordinates; they are physical by nature.
      Object.assign(popup.style, { position: 'fixed', left: `${x}px`, top: `${y}px` });
    });
  };
  return (options.autoUpdate ?? floating.autoUpdate)(trigger, popup, update);
}

const SIDE_MARGIN = { top: 'marginBottom', bottom: 'marginTop', left: 'marginRight', right: 'marginLeft' } as const;

/**
 * Anchors `popup` to `trigger` with CSS (`position-area`), `gap` px away on the placement's
 * side, flipped by the browser when it does not fit; returns what undoes it. floating-ui's
 * `-start`/`-end` follow the popup's direction, as they do here.
 */
function anchorTo(trigger: HTMLElement, popup: HTMLElement, placement: Placement, gap: number): () => void {
  const name = `--se-popup-anchor-${++anchors}`;
  const [side, align] = placement.split('-') as [keyof typeof SIDE_MARGIN, 'start' | 'end' | undefined];
  const vertical = side === 'top' || side === 'bottom';
  const rtl = getComputedStyle(popup).direction === 'rtl';
  // `span-left` covers the anchor's column and the one left of it, so the popup's right edge
  // meets the trigger's: the `end` alignment in a left-to-right page.
  const spans = vertical ? (rtl ? ['span-left', 'span-right'] : ['span-right', 'span-left']) : ['span-bottom', 'span-top'];
  const span = align === 'start' ? spans[0] : align === 'end' ? spans[1] : undefined;
  trigger.style.setProperty('anchor-name', name);
  popup.style.setProperty('position', 'fixed');
  popup.style.setProperty('position-anchor', name);
  popup.style.setProperty('position-area', span ? `${side} ${span}` : side);
  popup.style.setProperty('position-try-fallbacks', vertical ? 'flip-block, flip-inline, flip-block flip-inline' : 'flip-inline, flip-block, flip-block flip-inline');
  popup.style[SIDE_MARGIN[side]] = `${gap}px`;
  return () => {
    trigger.style.removeProperty('anchor-name');
    for (const property of ['position-anchor', 'position-area', 'position-try-fallbacks']) popup.style.removeProperty(property);
  };
}
