import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the controller needs of its element. */
export interface StepFocusHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * Where focus goes as a stepped form moves, for a screen-reader user: to the new step's heading
 * (`.step-heading`), or to the sign-in form when that shows instead, once the render that shows
 * it is done; to the error summary when a step is refused (the GOV.UK error-summary pattern).
 */
export class StepFocusController implements ReactiveController {
  private readonly host: StepFocusHost;
  private pending = false;

  constructor(host: StepFocusHost) {
    this.host = host;
    host.addController(this);
  }

  /** The heading of the step shown, if one is. */
  get heading(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('.step-heading');
  }

  /** After the next render: focus on the step's heading, or on the sign-in shown instead. */
  next(): void {
    this.pending = true;
  }

  /** Focus on the error summary, once it is rendered. */
  async summary(): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  hostUpdated(): void {
    if (!this.pending) return;
    this.pending = false;
    const heading = this.heading;
    if (heading) heading.focus();
    else this.host.renderRoot.querySelector<HTMLElement>('support-sign-in')?.focus();
  }
}
