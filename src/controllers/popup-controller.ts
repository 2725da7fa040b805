/**
 * The one popup controller of the support elements (DESIGN.md §9): a non-modal popup
 * (menu, drop-down, account picker) anchored to a trigger button.
 *
 * - layer: the native Popover API (`popover="manual"`, top layer) where the browser has it, so
 *   no `overflow` or `transform` of the host page clips or misplaces the popup;
 * - position: ./popup-position.ts, loaded on the first open (the first view shows no popup):
 *   CSS anchor positioning where the browser has it, else @floating-ui/dom (issue 15: 7.4 KB
 *   brotli that a browser with anchor positioning never fetches); whatever keeps the position
 *   current stops on close and on disconnect;
 * - Escape closes and returns focus to the trigger; a click outside (by `composedPath()`, so
 *   clicks inside shadow roots count as inside) closes; focus leaving popup and trigger
 *   (Tab away) closes;
 * - the trigger gets `aria-expanded` and `aria-controls` (the popup's id) after each update.
 *
 * The host renders the popup itself (with `?hidden=${!popup.open}`) and calls `toggle()`
 * from the trigger's click.
 */
import type { autoUpdate as floatingAutoUpdate, Placement } from '@floating-ui/dom';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type PopupPosition = typeof import('./popup-position.js');
let popupPosition: Promise<PopupPosition> | undefined;

export interface PopupControllerOptions {
  /** The button that opens the popup. */
  readonly trigger: () => HTMLElement | null | undefined;
  /** The popup element (rendered by the host, hidden while closed). It needs an `id`. */
  readonly popup: () => HTMLElement | null | undefined;
  /** Where the popup goes relative to the trigger; default `bottom-end`. */
  readonly placement?: Placement;
  /** Gap between trigger and popup in px; default 6. */
  readonly offset?: number;
  /** What takes focus on open; default the first focusable control of the popup. */
  readonly initialFocus?: () => HTMLElement | null | undefined;
  /** Told after every open or close. */
  readonly onOpenChange?: (open: boolean) => void;
  /** Whether to position with CSS anchor positioning; default where the browser supports it (tests set false to run the floating-ui fallback). */
  readonly anchorPositioning?: boolean;
  /** For tests: a wrapper around floating-ui's `autoUpdate`. */
  readonly autoUpdate?: typeof floatingAutoUpdate;
}

export interface HideOptions {
  /** Whether focus goes back to the trigger (yes for Escape and choices, no for a click elsewhere). */
  readonly returnFocus?: boolean;
}

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export class PopupController implements ReactiveController {
  /** Whether the popup is open; the host renders from it. */
  open = false;

  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: PopupControllerOptions;
  /** Stops positioning: floating-ui's `autoUpdate` cleanup, or the anchor styles' removal. */
  private stopAutoUpdate: (() => void) | undefined;
  private listening: HTMLElement | undefined;
  private showRequest = 0;

  constructor(host: ReactiveControllerHost & HTMLElement, options: PopupControllerOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  /** Whether position updates are running (only while open and connected). */
  get positioning(): boolean {
    return this.stopAutoUpdate !== undefined;
  }

  hostUpdated(): void {
    const trigger = this.options.trigger();
    if (!trigger) return;
    trigger.setAttribute('aria-expanded', String(this.open));
    const popupId = this.options.popup()?.id;
    if (popupId) trigger.setAttribute('aria-controls', popupId);
  }

  hostDisconnected(): void {
    this.teardown();
    this.open = false;
  }

  toggle(): Promise<void> {
    if (this.open) {
      this.hide();
      return Promise.resolve();
    }
    return this.show();
  }

  async show(): Promise<void> {
    if (this.open) return;
    // The positioning code first, so the popup never shows unpositioned; a hide() meanwhile wins.
    const request = ++this.showRequest;
    const { positionPopup } = await (popupPosition ??= import('./popup-position.js'));
    if (this.open || request !== this.showRequest || !this.host.isConnected) return;
    this.open = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const trigger = this.options.trigger();
    const popup = this.options.popup();
    if (!this.open || !trigger || !popup || !this.host.isConnected) return;
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = await positionPopup(trigger, popup, this.options);
    if (!this.open || !this.host.isConnected) {
      // Closed while floating-ui loaded: the hide() found nothing to stop yet.
      this.teardown();
      return;
    }
    document.addEventListener('keydown', this.onKeydown, true);
    document.addEventListener('click', this.onDocumentClick, true);
    popup.addEventListener('focusout', this.onFocusOut);
    this.listening = popup;
    const first = this.options.initialFocus?.() ?? popup.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    this.options.onOpenChange?.(true);
  }

  hide(options: HideOptions = {}): void {
    this.showRequest++;
    if (!this.open) return;
    this.open = false;
    this.teardown();
    this.host.requestUpdate();
    if (options.returnFocus ?? true) this.options.trigger()?.focus();
    this.options.onOpenChange?.(false);
  }

  private teardown(): void {
    const popup = this.options.popup();
    if (popup && 'hidePopover' in popup && popup.matches(':popover-open')) popup.hidePopover();
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = undefined;
    document.removeEventListener('keydown', this.onKeydown, true);
    document.removeEventListener('click', this.onDocumentClick, true);
    this.listening?.removeEventListener('focusout', this.onFocusOut);
    this.listening = undefined;
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.open) return;
    event.preventDefault();
    event.stopPropagation();
    this.hide({ returnFocus: true });
  };

  private readonly onDocumentClick = (event: MouseEvent): void => {
    const path = event.composedPath();
    const popup = this.options.popup();
    const trigger = this.options.trigger();
    if ((popup && path.includes(popup)) || (trigger && path.includes(trigger))) return;
    this.hide({ returnFocus: false });
  };

  private readonly onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget;
    if (!(next instanceof Node)) return;
    const popup = this.options.popup();
    const trigger = this.options.trigger();
    if (popup?.contains(next) || trigger?.contains(next)) return;
    this.hide({ returnFocus: false });
  };
}

