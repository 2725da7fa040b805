/**
 * `<my-tickets>` live (issue 12): follows every case of the customer, so a row changes, moves
 * or appears without a reload, a support reply marks its row "New reply" until the case is
 * opened, and the list says what changed once, politely. The open case view follows its own
 * case and speaks for it: the list stays quiet meanwhile.
 */
import { msg } from '@lit/localize';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { Session, SupportBackend, TicketChange } from '../../adapters/backend.js';
import { LiveController } from '../../controllers/live-controller.js';
import { UnreadReplies } from '../../controllers/unread-replies.js';
import type { LocaleCode } from '../../core/config.js';
import type { TicketSummary } from '../../core/ticket.js';
import { liveNotice, liveNoticeText, renderInterruption, type LiveNotice } from './live-notice.js';

export interface ListLiveOptions {
  readonly backend: () => SupportBackend;
  readonly session: () => Session | null | undefined;
  readonly locale: () => LocaleCode;
  /** Number of the case shown in place of the list, if any. */
  readonly shownCase: () => string | undefined;
  readonly rows: () => readonly TicketSummary[];
  readonly apply: (change: TicketChange) => void;
  /** After a pause: load the list again. */
  readonly catchUp: () => void;
}

export class ListLive {
  /** The last thing to say, with a count so that the same words twice are said twice. */
  notice: { readonly notice: LiveNotice; readonly seq: number } | undefined;
  readonly unread: UnreadReplies;
  private me: { backend: SupportBackend; email: Promise<string | undefined>; known?: string | undefined } | undefined;
  private seq = 0;
  private readonly live: LiveController;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ListLiveOptions,
  ) {
    this.unread = new UnreadReplies(() => this.email());
    // The markers need to know whose they are before any change arrives.
    host.addController({ hostUpdate: () => void this.who() });
    this.live = new LiveController(host, {
      backend: options.backend,
      scope: () => ({ kind: 'cases' }),
      deps: () => [options.session()],
      locale: options.locale,
      onChange: (change) => void this.receive(change),
      catchUp: options.catchUp,
    });
  }

  /** The row's "New reply" marker, inside the row's button so that it is part of its name. */
  marker(number: string): TemplateResult | typeof nothing {
    if (!this.unread.has(number)) return nothing;
    return html` <span class="row__new">${msg('New reply', { id: 'live.new_reply', desc: 'Marker on a row of the case list: support answered and the customer has not opened the case since.' })}</span>`;
  }

  /**
   * What the list's status region says: the last change (screen readers only: the rows show
   * it), and while the connection is lost, that it is.
   */
  announcement(): TemplateResult {
    const last = this.notice;
    return html`${last ? keyed(last.seq, html`<span class="visually-hidden">${liveNoticeText(last.notice)}</span>`) : nothing}${renderInterruption(this.live.interrupted)}`;
  }

  /** The case was opened: its replies are seen, and what the list said is old news. */
  opened(number: string): void {
    this.unread.clear(number);
    this.notice = undefined;
  }

  private email(): string | undefined {
    const given = this.given(this.options.backend());
    return given !== undefined ? given?.user.email : this.me?.known;
  }

  /** The host's session (null: nobody), else what `backend` knows without a call; undefined when neither says. */
  private given(backend: SupportBackend): Session | null | undefined {
    const host = this.options.session();
    return host !== undefined ? host : backend.knownSession?.();
  }

  /**
   * Who the customer is when the host gave no session: what the backend knows without a call
   * (no round trip, and no update pass for its answer: issue 15), else asked once per backend.
   */
  private async who(): Promise<string | undefined> {
    const backend = this.options.backend();
    const given = this.given(backend);
    if (given !== undefined) return given?.user.email;
    if (this.me?.backend !== backend) {
      const me: NonNullable<ListLive['me']> = {
        backend,
        email: backend.getSession({ locale: this.options.locale() }).then(
          (session) => {
            me.known = session?.user.email;
            if (me.known) this.host.requestUpdate();
            return me.known;
          },
          () => undefined,
        ),
      };
      this.me = me;
    }
    return this.me.email;
  }

  /**
   * A row that moves (a change re-sorts the list) is moved in the DOM, and a moved button has
   * lost focus: it goes back to the same row's button, which is where it was (not a move of focus).
   */
  private async keepFocus(number: string): Promise<void> {
    await this.host.updateComplete;
    const root = this.host.shadowRoot;
    if (!root || root.activeElement) return;
    root.querySelector<HTMLElement>(`.row__open[data-number="${CSS.escape(number)}"]`)?.focus({ preventScroll: true });
  }

  private async receive(change: TicketChange): Promise<void> {
    const me = await this.who();
    if (!this.host.isConnected) return;
    const number = change.ticket.number;
    const row = this.options.rows().find((t) => t.number === number);
    const notice = liveNotice(change, me, row);
    const focused = this.host.shadowRoot?.activeElement;
    this.options.apply(change);
    if (focused instanceof HTMLElement && focused.dataset.number) void this.keepFocus(focused.dataset.number);
    const open = this.options.shownCase();
    if (open === number) return;
    if (notice?.reply) this.unread.mark(number);
    if (notice && open === undefined) this.notice = { notice, seq: ++this.seq };
    this.host.requestUpdate();
  }
}
