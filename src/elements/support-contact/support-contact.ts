import { msg } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Account, Session } from '../../adapters/backend.js';
import { ContactAccountController } from '../../controllers/contact-account-controller.js';
import { ContactSessionController } from '../../controllers/contact-session-controller.js';
import { PopupController } from '../../controllers/popup-controller.js';
import type { LocaleCode } from '../../core/config.js';
import type { TicketPrefill } from '../../core/prefill.js';
import type { SupportError } from '../../core/errors.js';
import { failureMessage } from '../shared/messages.js';
import {
  FollowUpRequestedEvent,
  LocaleChangeRequestEvent,
  ManageTicketsRequestEvent,
  SessionChangedEvent,
} from '../../events/events.js';
import { SupportElement } from '../shared/support-element.js';
import {
  accountSwitchInMenu,
  areasStartingWith,
  initialContactState,
  newTicketAreas,
  sessionOf,
  transition,
  type ContactContext,
  type ContactEvent,
  type ContactState,
  type ContactView,
} from './support-contact.machine.js';
import { renderMoreOptions, renderSignInHelpSlot, type HelpContext } from './support-contact.render-help.js';
import { renderHome } from './support-contact.render-home.js';
import { announcementText, newTicketLabel, renderChooseAccount, renderOtherRealms, renderProfile, renderTopSignIn } from './support-contact.render-profile.js';
import { supportContactStyles } from './support-contact.styles.js';
import { exportPartsOf } from './support-contact.parts.js';
import { LifecycleController } from '../../controllers/lifecycle-controller.js';

export type { ContactView } from './support-contact.machine.js';

/**
 * @summary The Contact Support page: product areas with the start control of the user's
 * language, sign-in (or the host's session), account choice, profile menu, "I can't sign in"
 * help and "More support options". Composes `<support-sign-in>`, `<ticket-form>` and
 * `<my-tickets>` as its steps.
 *
 * What each (language, area) pair gets comes from the config through `core/flows.ts`: the
 * start control (`open_case_top`, `create_ticket_in_area`, `sign_in_top_right`), how several
 * accounts are handled (`popup_first`, `profile_menu`), and how the can't-sign-in form is
 * reached. An area or product not offered in the language says so, with buttons to continue
 * in a language that offers it; a flow the language lacks is never started.
 *
 * @fires support-ready - The element shows its first real content; `event.source` is its tag.
 * @fires support-error - The element shows a backend error; `event.kind`, `event.status`.
 * @fires step-change - The element moved to another step of its flow; `event.from`, `event.to`.
 * @fires session-changed - Signed in (from `<support-sign-in>`), switched account or signed out; `event.session`.
 * @fires locale-change-request - The user chose to continue in another language; cancelable (default: sets `locale`).
 * @fires manage-tickets-request - The user asked for "Manage my tickets"; cancelable (default: shows `<my-tickets>`).
 * @fires follow-up-requested - Re-fired from `<my-tickets>`; cancelable (default: shows `<ticket-form follow-up-of>`).
 * @fires ticket-created - From the composed `<ticket-form>`.
 * @fires sign-in-help-submitted - From the can't-sign-in form; `event.reference`.
 * @fires session-expired - A call was refused with `unauthorized` (here or in a composed step); cancelable (default: sign-in in place).
 *
 * @csspart header - The page header (heading, sign-in button or profile button).
 * @csspart heading - The page heading "Contact Support".
 * @csspart button - Every button of the page itself.
 * @csspart open-case-button - "Open a support case" at the top (Flow 1 languages).
 * @csspart sign-in-button - "Sign in" at the top end of the header (Flow 3 languages).
 * @csspart areas - The list of product areas.
 * @csspart area - One product area's box.
 * @csspart area-name - The name of a product area.
 * @csspart start-button - The start control in an area's box ("Continue" or "Create ticket").
 * @csspart locale-button - A "Continue in <language>" button.
 * @csspart other-realm-button - Under the top-right sign-in: opens the sign-in of other products' credentials (also has part `button`).
 * @csspart profile-button - The avatar button that opens the profile menu.
 * @csspart profile-menu - The profile menu popup.
 * @csspart account-dialog - The "choose an account" dialog (Flow 1).
 * @csspart back-button - "Back to Contact Support".
 * @csspart more-options - The "More support options" section.
 * @csspart help-link - A link-styled "I can't sign in" help choice (also has part `button`).
 * @csspart account-choice - An account in the "choose an account" dialog (also has part `button`).
 * @csspart menu-item - An item of the profile menu (also has part `button`).
 * @csspart new-ticket-button - A "New ticket" button for a product area (also has part `button`).
 *
 * @cssprop [--se-color-primary=#1a56c4] - Buttons, links, avatar.
 * @cssprop [--se-color-surface=#ffffff] - Background of page, menu and dialog.
 * @cssprop [--se-color-border=#8a8a90] - Borders.
 * @cssprop [--se-area-border-color=var(--se-color-border)] - Border of the product area boxes.
 * @cssprop [--se-area-background=var(--se-color-surface)] - Background of the product area boxes.
 * @cssprop [--se-avatar-size=2.25rem] - Size of the profile avatar.
 * @cssprop [--se-page-max-width=64rem] - Widest the page gets.
 * @cssprop [--se-space=1rem] - Base spacing.
 * @cssprop [--se-font-size=1rem] - Body text size.
 * @cssprop [--se-font-size-small=0.875rem] - Hints and secondary text size.
 * @cssprop [--se-font-size-heading=1.375rem] - Heading size.
 * @cssprop [--se-line-height=1.5] - Line height.
 * @cssprop [--se-focus-ring=3px solid var(--se-color-focus)] - Focus outline.
 * @cssprop [--se-focus-ring-offset=2px] - Focus outline offset.
 */
export class SupportContact extends SupportElement {
  static override styles = [...SupportElement.styles, supportContactStyles];

  /** Passed to the composed `<ticket-form>` as its `prefill` (see there): `{ subject, description, category, subcategory, contactMethod, customFields }`, each `{ value, readOnly? }`. Attribute: JSON. */
  @property({ type: Object }) prefill: TicketPrefill | undefined;

  /** Everything the page shows and knows; only `transition` (support-contact.machine.ts) changes it. */
  @state() private state: ContactState = initialContactState;

  @query('h1') private pageHeading: HTMLElement | null | undefined;
  @query('#profile-button') private profileButton: HTMLElement | null | undefined;
  @query('#profile-menu') private profileMenuElement: HTMLElement | null | undefined;
  @query('#account-dialog') private accountDialog: HTMLDialogElement | null | undefined;
  @query('#account-trigger') private accountTrigger: HTMLElement | null | undefined;

  /** The profile menu (the one popup controller: native popover, CSS anchor positioning). */
  readonly profileMenu = new PopupController(this, {
    trigger: () => this.profileButton,
    popup: () => this.profileMenuElement,
    placement: 'bottom-end',
  });

  private readonly sessionSource = new ContactSessionController(this, {
    load: (signal) => this.api.getSession({ signal, locale: this.resolvedLocale }),
    onKnown: (session) => this.dispatch({ type: 'session_known', session }),
  });

  protected readonly lifecycle = new LifecycleController(this, () => ({ ready: this.state.session.status !== 'unknown', step: this.state.view.kind, error: this.sessionSource.failure }));

  private readonly accounts = new ContactAccountController(this, {
    backend: () => this.api,
    locale: () => this.resolvedLocale,
    onChosen: (session) => {
      this.dispatch({ type: 'account_chosen', session });
      this.dispatchEvent(new SessionChangedEvent(session));
    },
    onChoiceFailed: (kind) => this.dispatch({ type: 'account_choice_failed', kind }),
    onSwitched: (session) => {
      this.dispatch({ type: 'account_switched', session });
      this.dispatchEvent(new SessionChangedEvent(session));
    },
    onSwitchFailed: (kind) => this.dispatch({ type: 'account_switch_failed', kind }),
    onSignedOut: () => {
      this.dispatch({ type: 'signed_out' });
      this.dispatchEvent(new SessionChangedEvent(null));
    },
    expired: (retry) => this.sessionExpiry.expired(this.signInRealm, retry),
  });

  /** The view shown now (read-only; for hosts and tests). */
  get currentView(): ContactView {
    return this.state.view;
  }

  /** Nested steps work for the session this page uses (the host's, the backend's, or the one signed in here). */
  protected override get providedSession(): Session | null | undefined {
    // Not `null`: a step that needs a session then asks the backend itself, as it always did.
    return sessionOf(this.state) ?? undefined;
  }

  private get context(): ContactContext {
    return { config: this.config, locale: this.resolvedLocale };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.sessionExpiry.noteSession(sessionOf(this.state));
    if (!this.hasUpdated || changed.has('session') || changed.has('backend')) this.sessionSource.sync(this.session);
  }

  protected override updated(): void {
    const dialog = this.accountDialog;
    if (!dialog) return;
    const open = this.state.view.kind === 'choose_account' && this.state.view.dialogOpen;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }

  private dispatch(event: ContactEvent): void {
    const step = transition(this.state, event, this.context);
    this.state = step.state;
    if (step.navigated) void this.afterNavigation();
  }

  /** A new view: the profile menu closes and focus goes to the view's heading. */
  private async afterNavigation(): Promise<void> {
    this.profileMenu.hide({ returnFocus: false });
    await this.updateComplete;
    await this.focusViewHeading();
  }

  /** Focus goes to the new view's heading (the page's, or the composed step's). */
  private async focusViewHeading(): Promise<void> {
    const kind = this.state.view.kind;
    if (kind === 'home') {
      this.pageHeading?.focus();
      return;
    }
    if (kind === 'choose_account') return; // the dialog takes focus
    const step = this.renderRoot.querySelector<HTMLElement>('.step');
    if (!step) return;
    if (step instanceof LitElement) await step.updateComplete;
    const heading = step.shadowRoot?.querySelector<HTMLElement>('h1, h2');
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      heading.focus();
    } else {
      step.focus();
    }
  }

  /** "Manage my tickets": a cancelable request; by default `<my-tickets>` is shown. */
  private openTickets(): void {
    const request = new ManageTicketsRequestEvent();
    this.dispatchEvent(request);
    if (request.defaultPrevented) return;
    this.dispatch({ type: 'show_tickets' });
  }

  /** "Continue in <language>": a cancelable request; by default this element switches. */
  private async requestLocale(locale: LocaleCode, focusAreaId?: string): Promise<void> {
    const request = new LocaleChangeRequestEvent(locale);
    this.dispatchEvent(request);
    if (request.defaultPrevented) return;
    this.locale = locale;
    await this.updateComplete;
    await this.localeReady;
    await this.updateComplete;
    const target = focusAreaId
      ? this.renderRoot.querySelector<HTMLElement>(`#area-${CSS.escape(focusAreaId)}`)
      : this.pageHeading;
    target?.focus();
  }

  // ---- account actions ----

  private chooseAccount(account: Account): void {
    if (this.state.view.kind !== 'choose_account' || this.accounts.choosing.busy) return;
    this.dispatch({ type: 'account_choice_started' });
    void this.accounts.choose(account.id);
  }

  private switchAccount(accountId: string): void {
    const session = sessionOf(this.state);
    if (!session || accountId === session.activeAccountId) return;
    void this.accounts.switchTo(accountId);
  }

  /**
   * Closes the account dialog without a choice (Escape, Cancel): focus returns to the button
   * that opens it again, and the form stays closed until an account is chosen.
   */
  private async dismissAccountDialog(): Promise<void> {
    this.dispatch({ type: 'account_dialog_dismissed' });
    await this.updateComplete;
    if (this.state.view.kind === 'choose_account') this.accountTrigger?.focus();
  }

  private onAccountDialogKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    // Handled here rather than through the dialog's own close request, so focus returns at once.
    event.preventDefault();
    void this.dismissAccountDialog();
  }

  private onAccountDialogClose(): void {
    // Closed by the browser some other way: follow it.
    const view = this.state.view;
    if (view.kind === 'choose_account' && view.dialogOpen) void this.dismissAccountDialog();
  }

  // ---- events of composed steps: re-fired from this element so the host can veto ----

  /** From `<support-sign-in>`: the event goes on to the host as is; this element follows it. */
  private onSignedIn(event: SessionChangedEvent): void {
    this.dispatch({ type: 'signed_in', session: event.session });
  }

  /** Session changes from composed steps (a re-sign-in inside `<ticket-form>`, for instance). */
  private onChildSessionChanged(event: SessionChangedEvent): void {
    this.dispatch({ type: 'session_changed', session: event.session });
  }

  private onChildManageTickets(event: ManageTicketsRequestEvent): void {
    event.stopPropagation();
    event.preventDefault();
    this.openTickets();
  }

  private onChildLocaleRequest(event: LocaleChangeRequestEvent): void {
    event.stopPropagation();
    event.preventDefault();
    void this.requestLocale(event.locale);
  }

  private onChildFollowUp(event: FollowUpRequestedEvent): void {
    event.stopPropagation();
    event.preventDefault();
    const request = new FollowUpRequestedEvent(event.ticketNumber, event.areaId);
    this.dispatchEvent(request);
    if (request.defaultPrevented) return;
    this.dispatch({ type: 'follow_up', areaId: event.areaId, ticketNumber: event.ticketNumber });
  }

  // ---- rendering ----

  private get helpContext(): HelpContext {
    return {
      config: this.config,
      locale: this.resolvedLocale,
      openForm: (areaId) => this.dispatch({ type: 'show_sign_in_help', areaId }),
    };
  }

  private renderBack(): TemplateResult {
    return html`<div class="back">
      <button type="button" class="link" part="button back-button" data-action="back" @click=${() => this.dispatch({ type: 'go_home' })}>
        ${msg('Back to Contact Support', { id: 'contact.back', desc: 'Link-like button above a step that returns to the Contact Support page.' })}
      </button>
    </div>`;
  }

  private renderSignInStep(view: Extract<ContactView, { kind: 'sign_in' }>): TemplateResult {
    const help = renderSignInHelpSlot(this.helpContext, {
      realm: view.realm,
      areaId: view.areaId,
      lockedHelpShown: view.lockedHelpShown,
      toggleLockedHelp: () => this.dispatch({ type: 'locked_help_toggled' }),
    });
    return html`${this.renderBack()}
      <support-sign-in class="step" exportparts=${exportPartsOf('support-sign-in')} realm=${view.realm} locale=${this.resolvedLocale} @session-changed=${this.onSignedIn}>
        ${help}
      </support-sign-in>
      ${view.areaId === undefined ? renderOtherRealms(this.context, view.realm, (realm) => this.dispatch({ type: 'sign_in_top', realm })) : nothing}`;
  }

  private renderChooseAccountStep(view: Extract<ContactView, { kind: 'choose_account' }>): TemplateResult {
    const session = sessionOf(this.state);
    return html`${this.renderBack()}
      ${renderChooseAccount({
        session,
        failure: view.failure,
        busy: this.accounts.choosing.busy,
        reopen: () => this.dispatch({ type: 'account_dialog_opened' }),
        choose: (account) => this.chooseAccount(account),
        dismiss: () => void this.dismissAccountDialog(),
        onKeydown: (event) => this.onAccountDialogKeydown(event),
        onClose: () => this.onAccountDialogClose(),
      })}`;
  }

  private renderTicketsStep(view: Extract<ContactView, { kind: 'tickets' }>): TemplateResult {
    const areas = newTicketAreas(this.context, sessionOf(this.state));
    return html`${this.renderBack()}
      ${areas.length > 0
        ? html`<div class="actions">
            ${areas.map(
              (area) => html`<button type="button" part="button new-ticket-button" data-action="new-ticket" @click=${() => this.dispatch({ type: 'new_ticket', areaId: area.id })}>
                ${newTicketLabel(area, areas.length > 1)}
              </button>`,
            )}
          </div>`
        : nothing}
      <my-tickets
        class="step" exportparts=${exportPartsOf('my-tickets')}
        ticket=${ifDefined(view.ticket)}
        locale=${this.resolvedLocale}
        @session-changed=${this.onChildSessionChanged}
        @follow-up-requested=${this.onChildFollowUp}
        @locale-change-request=${this.onChildLocaleRequest}
      ></my-tickets>`;
  }

  // The steps get backend, config and session through the context this element provides.
  private renderView(): TemplateResult {
    const view = this.state.view;
    const locale = this.resolvedLocale;
    switch (view.kind) {
      case 'home':
        return renderHome({
          ...this.context,
          startArea: (areaId) => this.dispatch({ type: 'start_area', areaId }),
          continueIn: (code, areaId) => void this.requestLocale(code, areaId),
          focusAreas: () => this.renderRoot.querySelector<HTMLElement>('#areas-heading')?.focus(),
          moreOptions: renderMoreOptions(this.helpContext),
        });
      case 'sign_in':
        return this.renderSignInStep(view);
      case 'choose_account':
        return this.renderChooseAccountStep(view);
      case 'form':
        return html`${this.renderBack()}
          <ticket-form
            class="step" exportparts=${exportPartsOf('ticket-form')}
            area=${view.areaId} .prefill=${this.prefill}
            follow-up-of=${ifDefined(view.followUpOf)} locale=${locale}
            @session-changed=${this.onChildSessionChanged} @manage-tickets-request=${this.onChildManageTickets} @locale-change-request=${this.onChildLocaleRequest}
          ></ticket-form>`;
      case 'tickets':
        return this.renderTicketsStep(view);
      case 'sign_in_help':
        return html`${this.renderBack()}
          <support-sign-in-help class="step" exportparts=${exportPartsOf('support-sign-in-help')} area=${ifDefined(view.areaId)} locale=${locale}></support-sign-in-help>`;
    }
  }

  private renderHeaderEnd(): TemplateResult | typeof nothing {
    const session = sessionOf(this.state);
    if (session) {
      return renderProfile({
        session,
        menuOpen: this.profileMenu.open,
        switchAccounts: session.accounts.length > 1 && accountSwitchInMenu(this.context),
        newTicketAreas: newTicketAreas(this.context, sessionOf(this.state)),
        toggleMenu: () => void this.profileMenu.toggle(),
        switchAccount: (accountId) => this.switchAccount(accountId),
        openTickets: () => this.openTickets(),
        openNewTicket: (areaId) => this.dispatch({ type: 'new_ticket', areaId }),
        signOut: () => void this.accounts.signOut(),
        signingOut: this.accounts.signingOut.busy,
      });
    }
    if (session === undefined || this.state.view.kind === 'sign_in' || this.sessionSource.failure) return nothing;
    const [area] = areasStartingWith(this.context, 'sign_in_top_right');
    if (!area) return nothing;
    return renderTopSignIn(() => this.dispatch({ type: 'sign_in_top', realm: area.realm }));
  }

  /** Who is signed in could not be learned: say why and ask again, rather than a sign-in form a valid token does not need. */
  private renderSessionFailure(failure: SupportError): TemplateResult {
    return html`<div class="notice notice--error session-error" role="alert">
      <p>${failureMessage(failure, { locale: this.resolvedLocale })}</p>
      <button type="button" class="secondary retry" @click=${() => this.sessionSource.retry()}>
        ${msg('Try again', { id: 'contact.session.retry', desc: 'Button under the error shown when Contact Support could not learn who is signed in; asks the support service again.' })}
      </button>
    </div>`;
  }

  override render() {
    const known = this.state.session.status !== 'unknown';
    return html`<div class="page" lang=${this.resolvedLocale} aria-busy=${known ? 'false' : 'true'}>
      <header part="header">
        <h1 part="heading" tabindex="-1">
          ${msg('Contact Support', { id: 'contact.heading', desc: 'Heading of the Contact Support page. French seed words: "Contacter l\'assistance".' })}
        </h1>
        <div class="header-end">${this.renderHeaderEnd()}</div>
      </header>
      ${this.sessionSource.failure ? this.renderSessionFailure(this.sessionSource.failure) : this.renderView()}
      <div role="status" class="visually-hidden">${announcementText(this.state.announcement)}</div>
    </div>`;
  }
}
