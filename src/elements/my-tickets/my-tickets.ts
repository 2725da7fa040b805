import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import type { TicketPage, TicketSort } from '../../adapters/backend.js';
import { ActionController } from '../../controllers/action-controller.js';
import { ListRowsController } from '../../controllers/list-rows-controller.js';
import type { ErrorKind } from '../../core/errors.js';
import { isSupportError } from '../../core/errors.js';
import { findProduct } from '../../core/flows.js';
import { autoCloseAt } from '../../core/status.js';
import { STATUSES, type Ticket, type TicketSummary } from '../../core/ticket.js';
import { TicketOpenedEvent } from '../../events/events.js';
import { formatDate, formatDateTime, formatNumber, plural } from '../../localization/format.js';
import { formatUpdated } from '../shared/relative-time.js';
import { focusRow } from './focus-row.js';
import { failureMessage, statusLabel, statusMeaning } from '../shared/messages.js';
import { SupportElement } from '../shared/support-element.js';
import { LifecycleController, taskError } from '../../controllers/lifecycle-controller.js';
import { ListLive } from './my-tickets-live.js';
import { myTicketsStyles } from './my-tickets.styles.js';
import type { SupportTicketDetail } from './ticket-detail.js';
import { initialTicketsView, isFiltered, SORTS, ticketQuery, ticketsTransition, type TicketsEvent, type TicketsView } from './tickets-list.machine.js';

/**
 * Wait after the last keystroke before the search is sent: long enough to merge a burst of
 * keys, short enough that results follow typing (issue 15: keystroke → rows ≤ 100 ms; a
 * superseded request is aborted, so a slower typist costs the backend aborted queries only).
 */
const SEARCH_DEBOUNCE_MS = 50;

/**
 * @summary "My tickets": every case of the signed-in customer with its number and state, and one
 * case's conversation, attachments, watchers and "Call me".
 *
 * The list is cursor-loaded from the backend a page at a time, the next page when the user
 * scrolls near the end; rows out of view skip rendering work (`content-visibility: auto`), so
 * thousands of cases stay smooth; filtering, search and sorting run in the backend.
 * Choosing a case shows it in place (`ticket` follows); "Back to my tickets" returns to the
 * row that opened it.
 *
 * @slot new-case - Shown in the empty state, e.g. a link to open a new case.
 * @fires support-ready - The element shows its first real content; `event.source` is its tag.
 * @fires support-error - The element shows a backend error; `event.kind`, `event.status`.
 * @fires step-change - The element moved to another step of its flow; `event.from`, `event.to`.
 * @fires ticket-opened - A case was opened; `event.ticketNumber`.
 * @fires comment-added - The customer's comment was saved; `event.ticket`, `event.comment`.
 * @fires attachments-added - Files were attached to a case; `event.ticket`.
 * @fires watchers-changed - A watcher was added or removed; `event.ticket`.
 * @fires callback-requested - A "Call me" request was sent; `event.ticket`, `event.phone`.
 * @fires follow-up-requested - "Open a follow-up case" on a closed case. Cancelable: by
 *   default `<ticket-form follow-up-of>` opens inline. `event.ticketNumber`, `event.areaId`.
 * @fires ticket-created - A follow-up case was opened through the inline `<ticket-form>`.
 * @fires manage-tickets-request - "View my tickets" on that form's confirmation; this element
 *   handles it (back to the list) and marks it `defaultPrevented`.
 * @fires session-changed - The customer signed in after the session had ended.
 * @fires session-expired - A call was refused with `unauthorized` (after the adapter's refresh); `event.realm`, `event.hadSession`. Cancelable: the host signs the user in and sets `session`, and the call goes again; by default sign-in shows in place. What was typed stays.
 * @csspart list - The scrolling list of cases.
 * @csspart row - One case of the list.
 * @csspart empty - The notice shown when there is no case.
 * @csspart detail - The view of one case (`<support-ticket-detail>`).
 * @csspart detail-heading - The heading of the case shown.
 * @csspart detail-conversation - The comments of the case shown.
 * @cssprop [--se-list-height=32rem] - Height of the scrolling list of cases.
 * @cssprop [--se-color-primary=#1a56c4] - Links and buttons.
 * @cssprop [--se-font-size=1rem] - Body text size.
 * @cssprop [--se-font-size-small=0.875rem] - Hints and secondary text size.
 * @cssprop [--se-font-size-heading=1.375rem] - Heading size.
 * @cssprop [--se-line-height=1.5] - Line height.
 * @cssprop [--se-focus-ring=3px solid var(--se-color-focus)] - Focus outline.
 * @cssprop [--se-focus-ring-offset=2px] - Focus outline offset.
 */
export class MyTickets extends SupportElement {
  static override styles = [...SupportElement.styles, myTicketsStyles];

  /** Number of the case shown; empty for the list. Set it to open a case directly. */
  @property({ reflect: true }) ticket: string | undefined;

  /** How many cases each request to the backend brings. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  @state() private view: TicketsView = initialTicketsView;

  /** What is typed in the search field; it becomes the query's search after a pause. */
  private typed = '';
  private debounce: ReturnType<typeof setTimeout> | undefined;

  private readonly list = new Task(this, {
    // `session` is an argument so a host's sign-in, sign-out or account switch reloads the list.
    args: () => [this.view.listWanted, this.view.query, this.pageSize, this.api, this.session] as const,
    task: async ([wanted, query, pageSize, api], { signal }) => {
      if (!wanted) return undefined;
      this.more.clear();
      return api.listTickets(ticketQuery(query, pageSize), { signal, locale: this.resolvedLocale }).catch((error: unknown) => this.refused(error));
    },
    // Here rather than in the task: the rows and the task's completion (the summary's count)
    // change before the same update, one render pass of the first page instead of two.
    onComplete: (page) => {
      if (!page) return;
      this.sessionExpiry.noteSession(true);
      this.rows.firstPageArrived();
      this.send({ type: 'page-loaded', page });
    },
  });

  // Ready with the first page of the list (or the case opened through `ticket`); steps `list` and `case`.
  protected readonly lifecycle = new LifecycleController(this, () => ({
    ready: this.list.status === TaskStatus.COMPLETE || (this.ticket !== undefined && !this.view.listWanted),
    step: this.ticket ? 'case' : 'list',
    error: taskError(this.list, this.list.status === TaskStatus.ERROR),
  }));

  /** "Load more cases" and scrolling near the end: the next page after `cursor`. */
  private readonly more = new ActionController<string, TicketPage>(this, {
    intentOf: (cursor) => cursor,
    task: (cursor, { signal }) =>
      this.api.listTickets(ticketQuery(this.view.query, this.pageSize, cursor), { signal, locale: this.resolvedLocale }),
    onDone: (page) => this.send({ type: 'more-loaded', page }),
    onFailure: (error) => error.kind === 'unauthorized' && this.sessionExpiry.expired(this.signInRealm, this.resumeMore),
    focus: { failed: () => this.renderRoot.querySelector<HTMLElement>('.more-error + support-sign-in') },
  });
  private readonly resumeMore = (): void => void this.more.retry();

  private readonly live = new ListLive(this, {
    backend: () => this.api, session: () => this.session, locale: () => this.resolvedLocale, shownCase: () => this.ticket,
    rows: () => this.view.rows.items,
    apply: (change) => this.send({ type: 'case-live', ticket: change.ticket, kinds: change.kinds }),
    // A case is shown: the list reloads when it shows again (as after a case was created).
    catchUp: () => void (this.ticket ? this.send({ type: 'case-created' }) : this.list.run()),
  });

  private readonly rows = new ListRowsController<TicketSummary>(this, {
    scroller: () => this.renderRoot.querySelector('.scroller'),
    rowsBeforeMore: () => (this.view.rows.nextCursor ? this.view.rows.items : undefined),
    nearEnd: () => {
      if (this.more.failureKind) return;
      // The first page's rows can show before its task has settled.
      if (this.list.status === TaskStatus.COMPLETE) this.loadMore();
      else void this.listComplete.then(() => this.loadMore());
    },
  });


  constructor() {
    super();
    // A change made in the open case shows in its row when going back, without a reload.
    const patch = (event: Event & { ticket?: Ticket }) => {
      if (event.ticket) this.send({ type: 'case-changed', ticket: event.ticket });
    };
    for (const name of ['comment-added', 'attachments-added', 'watchers-changed', 'callback-requested']) {
      this.addEventListener(name, patch);
    }
    // One listener for every row's button, not one per row: fewer parts to make and update per row (issue 15).
    this.addEventListener('click', (event) => {
      const button = event.composedPath().find((node): node is HTMLElement => node instanceof HTMLElement && node.classList.contains('row__open'));
      const number = button?.getRootNode() === this.renderRoot ? button.dataset.number : undefined;
      if (number) void this.open(number);
    });
    // A follow-up case opened inline belongs in the list next time it shows.
    this.addEventListener('ticket-created', () => this.send({ type: 'case-created' }));
    // "View my tickets" on the inline follow-up's confirmation: this element is that view.
    this.addEventListener('manage-tickets-request', (event) => {
      if (!this.ticket) return;
      event.preventDefault();
      void this.back();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.debounce);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.ticket) this.send({ type: 'list-shown' });
    if (changed.has('pageSize') && !(this.pageSize >= 1)) this.pageSize = 50;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('ticket') || !this.ticket) return;
    this.live.opened(this.ticket);
    this.dispatchEvent(new TicketOpenedEvent(this.ticket));
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    const rest = this.rows.restComplete;
    if (rest) {
      await rest;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /** Settles once the list shows the answer to the current query (or its error). */
  get listComplete(): Promise<unknown> {
    return this.list.taskComplete.catch(() => undefined);
  }

  /** Loads the list again from the backend (after the host created or changed cases). */
  refresh(): Promise<unknown> {
    return this.list.run();
  }

  /** The list did not load: a session that ended goes to the host (the list loads again with its session), else sign-in shows here. */
  private refused(error: unknown): never {
    if (isSupportError(error) && error.kind === 'unauthorized' && !this.sessionExpiry.expired(this.signInRealm)) this.sessionExpiry.focusSignIn();
    throw error;
  }

  private send(event: TicketsEvent): void {
    this.view = ticketsTransition(this.view, event);
  }

  private onStatusChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.send({ type: 'filtered', status: STATUSES.find((s) => s === value) ?? '' });
  }

  private onSortChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    const sort = SORTS.find((s) => s === value);
    if (sort) this.send({ type: 'sorted', sort });
  }

  private onSearchInput(event: Event): void {
    this.typed = (event.target as HTMLInputElement).value;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.send({ type: 'searched', search: this.typed }), SEARCH_DEBOUNCE_MS);
  }

  private onSearchSubmit(event: Event): void {
    event.preventDefault();
    clearTimeout(this.debounce);
    this.send({ type: 'searched', search: this.typed });
  }

  private clearFilters(): void {
    clearTimeout(this.debounce);
    this.typed = '';
    this.send({ type: 'cleared' });
    const input = this.renderRoot.querySelector<HTMLInputElement>('#search');
    if (input) {
      input.value = '';
      input.focus();
    }
  }

  private loadMore(): void {
    const cursor = this.view.rows.nextCursor;
    if (!cursor || this.list.status !== TaskStatus.COMPLETE) return;
    void this.more.run(cursor);
  }

  private async open(number: string): Promise<void> {
    this.send({ type: 'case-opened', number });
    this.ticket = number;
    await this.updateComplete;
    this.renderRoot.querySelector<SupportTicketDetail>('support-ticket-detail')?.focusHeading();
  }

  private async back(): Promise<void> {
    const { openedFrom: from, stale } = this.view;
    this.send({ type: 'back' });
    this.ticket = undefined;
    if (stale) void this.list.run();
    await this.updateComplete;
    if (from && focusRow(this.renderRoot, from)) return;
    this.renderRoot.querySelector<HTMLElement>('#list-title')?.focus();
  }

  override render() {
    if (this.ticket) {
      return html`<support-ticket-detail
        part="detail"
        exportparts="heading: detail-heading, conversation: detail-conversation"
        show-back
        number=${this.ticket}
        locale=${ifDefined(this.locale ?? this.resolvedLocale)}
        @ticket-detail-back=${this.back}
      ></support-ticket-detail>`;
    }
    return html`
      <h2 id="list-title" tabindex="-1">${msg('My tickets', { id: 'my-tickets.title', desc: 'Heading of the list of the customer\'s cases. Seed French: "Mes tickets".' })}</h2>
      ${this.renderControls()}
      <p class="summary" role="status">${this.renderSummary()}${this.live.announcement()}</p>
      ${this.renderBody()}
    `;
  }

  private renderControls() {
    const sortLabel = (sort: TicketSort) => {
      switch (sort) {
        case 'updated_desc':
          return msg('Newest update first', { id: 'my-tickets.sort.updated_desc', desc: 'Sort option of the case list, after the label "Sort by". A native drop-down cuts what does not fit: keep it within about 28 characters (a phone shows no more).' });
        case 'updated_asc':
          return msg('Oldest update first', { id: 'my-tickets.sort.updated_asc', desc: 'Sort option of the case list, after the label "Sort by". A native drop-down cuts what does not fit: keep it within about 28 characters (a phone shows no more).' });
        case 'number_desc':
          return msg('Highest number first', { id: 'my-tickets.sort.number_desc', desc: 'Sort option of the case list, after the label "Sort by". A native drop-down cuts what does not fit: keep it within about 28 characters (a phone shows no more).' });
        case 'number_asc':
          return msg('Lowest number first', { id: 'my-tickets.sort.number_asc', desc: 'Sort option of the case list, after the label "Sort by". A native drop-down cuts what does not fit: keep it within about 28 characters (a phone shows no more).' });
      }
    };
    const query = this.view.query;
    return html`<form class="controls" role="search" novalidate @submit=${this.onSearchSubmit}>
      <div class="field">
        <label class="label" for="search">${msg('Search by case number or subject', { id: 'my-tickets.search', desc: 'Label of the search field above the case list.' })}</label>
        <input id="search" type="search" autocomplete="off" .value=${this.typed} @input=${this.onSearchInput} />
      </div>
      <div class="field">
        <label class="label" for="status">${msg('State', { id: 'my-tickets.filter.state', desc: 'Label of the filter of the case list by state.' })}</label>
        <select id="status" @change=${this.onStatusChange}>
          <option value="" ?selected=${query.status === ''}>${msg('All states', { id: 'my-tickets.filter.all', desc: 'Filter option showing cases in every state.' })}</option>
          ${STATUSES.map((s) => html`<option value=${s} ?selected=${query.status === s}>${statusLabel(s)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label class="label" for="sort">${msg('Sort by', { id: 'my-tickets.sort', desc: 'Label of the sort order of the case list.' })}</label>
        <select id="sort" @change=${this.onSortChange}>
          ${SORTS.map((s) => html`<option value=${s} ?selected=${query.sort === s}>${sortLabel(s)}</option>`)}
        </select>
      </div>
    </form>`;
  }

  private renderSummary() {
    const status = this.list.status;
    if (status === TaskStatus.PENDING || status === TaskStatus.INITIAL) {
      return msg('Loading your cases…', { id: 'my-tickets.loading', desc: 'Shown while the list of cases loads.' });
    }
    if (status === TaskStatus.ERROR) return nothing;
    const total = this.view.rows.total;
    const count = formatNumber(total, this.resolvedLocale);
    return plural(total, this.resolvedLocale, {
      one: () => msg(str`${count} case`, { id: 'my-tickets.count.one', desc: 'Number of cases matching the list\'s filters (singular). ${count} is the number.' }),
      other: () => msg(str`${count} cases`, { id: 'my-tickets.count.other', desc: 'Number of cases matching the list\'s filters (plural). ${count} is the number.' }),
    });
  }

  private renderBody() {
    const status = this.list.status;
    if (status === TaskStatus.ERROR) {
      const error = this.list.error;
      const kind: ErrorKind = isSupportError(error) ? error.kind : 'server';
      return html`<div class="notice notice--error list-error" role="alert">
          <p>${failureMessage(isSupportError(error) ? error : kind, this.failureContext)}</p>
          <button type="button" class="secondary" @click=${() => this.list.run()}>
            ${msg('Try again', { id: 'my-tickets.retry', desc: 'Button that retries loading cases or a case after an error.' })}
          </button>
        </div>
        ${kind === 'unauthorized' ? this.renderSignInHere(this.signInRealm, () => void this.list.run()) : nothing}`;
    }
    const { items, nextCursor } = this.view.rows;
    if (status !== TaskStatus.COMPLETE && items.length === 0) return nothing;
    if (items.length === 0) return this.renderEmpty();
    const moreError = this.more.failureKind;
    return html`${this.renderRows()}
      ${moreError
        ? html`<div class="notice notice--error more-error" role="alert">
              <p>${failureMessage(this.more.failure ?? moreError, this.failureContext)}</p>
            </div>
            ${moreError === 'unauthorized' ? this.renderSignInHere(this.signInRealm, this.resumeMore, { returnFocus: true }) : nothing}`
        : nothing}
      ${nextCursor
        ? html`<div class="actions">
            <button type="button" class="secondary load-more" aria-disabled=${this.more.busy ? 'true' : 'false'} @click=${() => this.loadMore()}>
              ${this.more.busy
                ? msg('Loading more cases…', { id: 'my-tickets.loading_more', desc: 'Button text while the next cases load.' })
                : msg('Load more cases', { id: 'my-tickets.load_more', desc: 'Button that loads the next cases of the list.' })}
            </button>
          </div>`
        : nothing}`;
  }

  private get failureContext() {
    return { locale: this.resolvedLocale, hadSession: this.sessionExpiry.hadSession };
  }

  private renderEmpty() {
    const filtered = isFiltered(this.view.query);
    if (filtered) {
      return html`<div part="empty" class="notice empty">
        <p>${msg('No case matches your search.', { id: 'my-tickets.no_match', desc: 'Shown when the search or state filter matches no case.' })}</p>
        <button type="button" class="secondary" @click=${this.clearFilters}>
          ${msg('Clear search and filter', { id: 'my-tickets.clear_filters', desc: 'Button that clears the search and the state filter of the case list.' })}
        </button>
      </div>`;
    }
    return html`<div part="empty" class="notice empty">
      <p>${msg('You have no support cases yet.', { id: 'my-tickets.empty', desc: 'Shown when the customer has no case at all.' })}</p>
      <p>
        ${msg('Open a new case from Contact Support when you need help; it will appear here with its number.', {
          id: 'my-tickets.empty.hint',
          desc: 'Hint under the empty case list, telling how to open a new case.',
        })}
      </p>
      <slot name="new-case"></slot>
    </div>`;
  }

  private renderRows() {
    const locale = this.resolvedLocale;
    const now = new Date();
    const total = this.view.rows.total;
    const updatedLabel = msg('Last update:', { id: 'my-tickets.row.updated', desc: 'Before the relative time of a case\'s last change in the list, e.g. "Last update: 2 hours ago".' });
    const renderItem = (t: TicketSummary, index: number) => {
      const product = findProduct(this.config, t.productId)?.name ?? t.productId;
      const closesAt = autoCloseAt(t, this.config.autoCloseDays);
      let meaning = statusMeaning(t.status);
      if (closesAt) {
        const date = formatDate(closesAt, locale);
        meaning = msg(str`Closes by itself on ${date} unless you reply.`, {
          id: 'my-tickets.pending_meaning_list',
          desc: 'Meaning of the Pending state in the case list. ${date} is the auto-close date (e.g. "3 December 2026").',
        });
      }
      return html`<li class="row" part="row" aria-setsize=${total} aria-posinset=${index + 1}>
        <button type="button" class="link row__open" data-number=${t.number}>
          <span class="row__number">${t.number}</span> <span>${t.subject}</span>${this.live.marker(t.number)}
        </button>
        <p class="row__state"><strong>${statusLabel(t.status)}</strong> — ${meaning}</p>
        <p class="row__updated">
          ${updatedLabel}
          <time datetime=${t.updatedAt} title=${formatDateTime(t.updatedAt, locale)}>${formatUpdated(t.updatedAt, now, locale)}</time>
        </p>
        <p class="row__meta">${product}</p>
      </li>`;
    };
    const busy = this.list.status === TaskStatus.PENDING || this.more.busy;
    return html`<ul
      class="scroller"
      part="list"
      aria-labelledby="list-title"
      aria-busy=${busy ? 'true' : 'false'}
    >
      ${repeat(this.rows.shown(this.view.rows.items), (t) => t.number, renderItem)}
    </ul>`;
  }
}
