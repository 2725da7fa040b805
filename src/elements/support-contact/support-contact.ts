import { msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Account, Session } from '../../adapters/backend.js';
import { PopupController } from '../../controllers/popup-controller.js';
import type { AreaConfig, FlowConfig, LocaleCode, SignInHelpLabel, SignInHelpRoute } from '../../core/config.js';
import { isAbort, isSupportError } from '../../core/errors.js';
import { productAvailability, resolveFlow, signInHelpFor, type FlowResolution } from '../../core/flows.js';
import type { Realm } from '../../core/ticket.js';
import {
  FollowUpRequestedEvent,
  LocaleChangeRequestEvent,
  ManageTicketsRequestEvent,
  SessionChangedEvent,
} from '../../events/events.js';
import { errorKindMessage } from '../shared/messages.js';
import { SupportElement } from '../shared/support-element.js';
import { supportContactStyles } from './support-contact.styles.js';

/** What the page shows; each kind is one view with its own heading. */
export type ContactView =
  | { readonly kind: 'home' }
  /** Sign-in; `areaId` is the area whose flow continues afterwards (none: back home). */
  | { readonly kind: 'sign_in'; readonly realm: Realm; readonly areaId: string | undefined }
  /** Flow 1: pick the account first (a modal dialog over this view). */
  | { readonly kind: 'choose_account'; readonly areaId: string }
  | { readonly kind: 'form'; readonly areaId: string; readonly followUpOf: string | undefined }
  /** `<my-tickets>`; `newTicketAreas` get a "New ticket" button above it. */
  | { readonly kind: 'tickets'; readonly ticket: string | undefined }
  | { readonly kind: 'sign_in_help'; readonly areaId: string | undefined };

type OfferedFlow = Extract<FlowResolution, { offered: true }>;

/**
 * The text of each can't-sign-in link, by the config's label (not by language): the config
 * says which label a language uses, these say what each label reads.
 */
const SIGN_IN_HELP_LABELS: { readonly [K in SignInHelpLabel]: (areaName: string) => string } = {
  area_form: (area) =>
    msg(str`Fill in the sign-in help form for ${area}`, {
      id: 'contact.help.area_form',
      desc: 'Link under the sign-in form, one per product area, opening that area\'s can\'t-sign-in web form. ${area} is the product area\'s brand names, shown as is.',
    }),
  fill_in_form: () =>
    msg('Fill in a form', {
      id: 'contact.help.fill_in_form',
      desc: 'Link under the sign-in form that opens the can\'t-sign-in web form. French seed word: "Remplir un formulaire".',
    }),
  please_fill_in_form: () =>
    msg('Please fill in this form', {
      id: 'contact.help.please_fill_in_form',
      desc: 'Link under the sign-in form that opens the can\'t-sign-in web form, as the German UI words it ("please fill in this form"). Shown on its own line after "If resetting does not work, we can help you by email:".',
    }),
  need_help_resetting: () =>
    msg('Need help resetting your password?', {
      id: 'contact.help.need_help_resetting',
      desc: 'Link under the sign-in form that opens the can\'t-sign-in web form, as the Brazilian Portuguese UI words it.',
    }),
  other: () =>
    msg('Other', {
      id: 'contact.help.other',
      desc: 'Last of the sign-in help choices ("I forgot my password", "My account is locked", ...); opens the can\'t-sign-in web form.',
    }),
};

/** Initials for the avatar: the first letters of the first two words of the name. */
function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((word) => [...word][0] ?? '')
    .join('')
    .toLocaleUpperCase();
}

/** A language's name in that language ("English", "français"), for "Continue in ...". */
function ownLanguageName(code: LocaleCode): string {
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A language's name in the UI's language, for "offered in ..." notes. */
function languageNameIn(code: LocaleCode, uiLocale: LocaleCode): string {
  try {
    return new Intl.DisplayNames([uiLocale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

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
 * @fires session-changed - Signed in (from `<support-sign-in>`), switched account or signed out; `event.session`.
 * @fires locale-change-request - The user chose to continue in another language; cancelable (default: sets `locale`).
 * @fires manage-tickets-request - The user asked for "Manage my tickets"; cancelable (default: shows `<my-tickets>`).
 * @fires follow-up-requested - Re-fired from `<my-tickets>`; cancelable (default: shows `<ticket-form follow-up-of>`).
 * @fires ticket-created - From the composed `<ticket-form>`.
 * @fires sign-in-help-submitted - From the can't-sign-in form; `event.reference`.
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
 * @csspart profile-button - The avatar button that opens the profile menu.
 * @csspart profile-menu - The profile menu popup.
 * @csspart account-dialog - The "choose an account" dialog (Flow 1).
 * @csspart back-button - "Back to Contact Support".
 * @csspart more-options - The "More support options" section.
 *
 * @cssprop [--se-color-primary=#1a56c4] - Buttons, links, avatar.
 * @cssprop [--se-color-surface=#ffffff] - Background of page, menu and dialog.
 * @cssprop [--se-color-border=#8a8a90] - Borders.
 * @cssprop [--se-area-border-color=var(--se-color-border)] - Border of the product area boxes.
 * @cssprop [--se-area-background=var(--se-color-surface)] - Background of the product area boxes.
 * @cssprop [--se-avatar-size=2.25rem] - Size of the profile avatar.
 * @cssprop [--se-page-max-width=64rem] - Widest the page gets.
 * @cssprop [--se-space=1rem] - Base spacing.
 */
export class SupportContact extends SupportElement {
  static override styles = [...SupportElement.styles, supportContactStyles];

  @state() private view: ContactView = { kind: 'home' };
  /** The session in use: the host's, the backend's, or from signing in; undefined while unknown. */
  @state() private activeSession: Session | null | undefined;
  /** Flow 1: whether the account was picked in the popup for this session. */
  @state() private accountChosen = false;
  @state() private accountDialogOpen = false;
  @state() private accountError: string | undefined;
  @state() private lockedHelpShown = false;
  @state() private announcement = '';
  @state() private busy = false;

  @query('h1') private pageHeading: HTMLElement | null | undefined;
  @query('#profile-button') private profileButton: HTMLElement | null | undefined;
  @query('#profile-menu') private profileMenuElement: HTMLElement | null | undefined;
  @query('#account-dialog') private accountDialog: HTMLDialogElement | null | undefined;
  @query('#account-trigger') private accountTrigger: HTMLElement | null | undefined;

  /** The profile menu (floating-ui through the one popup controller). */
  readonly profileMenu = new PopupController(this, {
    trigger: () => this.profileButton,
    popup: () => this.profileMenuElement,
    placement: 'bottom-end',
  });

  private sessionRequest: AbortController | undefined;
  private actionRequest: AbortController | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.sessionRequest?.abort();
    this.actionRequest?.abort();
  }

  /** The view shown now (read-only; for hosts and tests). */
  get currentView(): ContactView {
    return this.view;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('session') || changed.has('backend')) this.syncSession();
  }

  protected override updated(): void {
    const dialog = this.accountDialog;
    if (!dialog) return;
    if (this.accountDialogOpen && !dialog.open) dialog.showModal();
    else if (!this.accountDialogOpen && dialog.open) dialog.close();
  }

  private syncSession(): void {
    this.sessionRequest?.abort();
    if (this.session !== undefined) {
      this.activeSession = this.session;
      return;
    }
    const request = new AbortController();
    this.sessionRequest = request;
    this.api.getSession({ signal: request.signal, locale: this.resolvedLocale }).then(
      (session) => {
        if (!request.signal.aborted) this.activeSession = session;
      },
      (error: unknown) => {
        if (!isAbort(error) && !request.signal.aborted) this.activeSession = null;
      },
    );
  }

  // ---- questions asked of the config (through core/flows.ts) ----

  private flowOf(areaId: string): FlowResolution {
    return resolveFlow(this.config, this.resolvedLocale, areaId);
  }

  private offeredFlows(): OfferedFlow[] {
    return this.config.areas.map((area) => this.flowOf(area.id)).filter((r): r is OfferedFlow => r.offered);
  }

  private areasStartingWith(start: FlowConfig['start']): AreaConfig[] {
    return this.offeredFlows()
      .filter((r) => r.flow.start === start)
      .map((r) => r.area);
  }

  /** Areas whose flow goes through "Manage my tickets" (Flow 3): they get "New ticket" there. */
  private newTicketAreas(): AreaConfig[] {
    return this.offeredFlows()
      .filter((r) => r.steps.includes('manage_tickets'))
      .map((r) => r.area);
  }

  /** Whether this language switches accounts in the profile menu (Flow 2). */
  private accountSwitchInMenu(): boolean {
    return this.offeredFlows().some((r) => r.flow.accountChoice === 'profile_menu');
  }

  // ---- navigation ----

  private async show(view: ContactView): Promise<void> {
    this.profileMenu.hide({ returnFocus: false });
    this.view = view;
    this.lockedHelpShown = false;
    await this.updateComplete;
    await this.focusViewHeading();
  }

  /** Focus goes to the new view's heading (the page's, or the composed step's). */
  private async focusViewHeading(): Promise<void> {
    if (this.view.kind === 'home') {
      this.pageHeading?.focus();
      return;
    }
    if (this.view.kind === 'choose_account') return; // the dialog takes focus
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

  private goHome(): Promise<void> {
    return this.show({ kind: 'home' });
  }

  /** Starts an area's flow from its start control; never a flow the language lacks. */
  private startArea(areaId: string): void {
    const resolution = this.flowOf(areaId);
    if (!resolution.offered) return;
    // A session of the other realm (product vs support center) does not open this area's cases.
    if (resolution.steps.includes('sign_in') && this.activeSession?.realm !== resolution.area.realm) {
      void this.show({ kind: 'sign_in', realm: resolution.area.realm, areaId });
      return;
    }
    this.continueFlow(areaId);
  }

  /** The steps of an area's flow after sign-in, up to the form. */
  private continueFlow(areaId: string): void {
    const resolution = this.flowOf(areaId);
    const session = this.activeSession;
    if (!resolution.offered || !session) {
      void this.goHome();
      return;
    }
    const { flow, steps } = resolution;
    if (
      steps.includes('choose_account') &&
      flow.accountChoice === 'popup_first' &&
      session.accounts.length > 1 &&
      !this.accountChosen
    ) {
      this.accountError = undefined;
      this.accountDialogOpen = true;
      void this.show({ kind: 'choose_account', areaId });
      return;
    }
    if (steps.includes('manage_tickets')) {
      void this.show({ kind: 'tickets', ticket: undefined });
      return;
    }
    void this.show({ kind: 'form', areaId, followUpOf: undefined });
  }

  private openNewTicket(areaId: string): void {
    if (!this.flowOf(areaId).offered) return;
    void this.show({ kind: 'form', areaId, followUpOf: undefined });
  }

  /** "Manage my tickets": a cancelable request; by default `<my-tickets>` is shown. */
  private openTickets(): void {
    const request = new ManageTicketsRequestEvent();
    this.dispatchEvent(request);
    if (request.defaultPrevented) return;
    void this.show({ kind: 'tickets', ticket: undefined });
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

  private focusAreas(): void {
    this.renderRoot.querySelector<HTMLElement>('#areas-heading')?.focus();
  }

  // ---- session ----

  private async onSignedIn(event: SessionChangedEvent): Promise<void> {
    // The event goes on to the host as is; this element follows the new session.
    this.activeSession = event.session;
    this.accountChosen = false;
    if (!event.session) {
      await this.goHome();
      return;
    }
    const view = this.view;
    if (view.kind === 'sign_in') {
      if (view.areaId) {
        this.continueFlow(view.areaId);
      } else {
        const name = event.session.user.name;
        this.announcement = msg(str`Signed in as ${name}.`, {
          id: 'contact.signed_in',
          desc: 'Announced after signing in from the top of the page. ${name} is the user\'s name.',
        });
        await this.goHome();
      }
    }
  }

  /** Session changes from composed steps (a re-sign-in inside `<ticket-form>`, for instance). */
  private onChildSessionChanged(event: SessionChangedEvent): void {
    this.activeSession = event.session;
  }

  private async chooseAccount(account: Account): Promise<void> {
    const view = this.view;
    if (view.kind !== 'choose_account' || this.busy) return;
    this.actionRequest?.abort();
    const request = new AbortController();
    this.actionRequest = request;
    this.busy = true;
    this.accountError = undefined;
    try {
      const session = await this.api.selectAccount(account.id, { signal: request.signal, locale: this.resolvedLocale });
      this.activeSession = session;
      this.accountChosen = true;
      this.dispatchEvent(new SessionChangedEvent(session));
      this.accountDialogOpen = false;
      this.busy = false;
      await this.show({ kind: 'form', areaId: view.areaId, followUpOf: undefined });
    } catch (error) {
      if (isAbort(error)) return;
      this.accountError = errorKindMessage(isSupportError(error) ? error.kind : 'server');
    } finally {
      this.busy = false;
    }
  }

  /**
   * Closes the account dialog without a choice (Escape, Cancel): focus returns to the button
   * that opens it again, and the form stays closed until an account is chosen.
   */
  private async dismissAccountDialog(): Promise<void> {
    this.accountDialogOpen = false;
    await this.updateComplete;
    if (this.view.kind === 'choose_account') this.accountTrigger?.focus();
  }

  private onAccountDialogKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    // Handled here rather than through the dialog's own close request, so focus returns at once.
    event.preventDefault();
    void this.dismissAccountDialog();
  }

  private onAccountDialogClose(): void {
    // Closed by the browser some other way: follow it.
    if (this.accountDialogOpen) void this.dismissAccountDialog();
  }

  private async switchAccount(accountId: string): Promise<void> {
    const session = this.activeSession;
    if (!session || accountId === session.activeAccountId) return;
    this.actionRequest?.abort();
    const request = new AbortController();
    this.actionRequest = request;
    try {
      const next = await this.api.selectAccount(accountId, { signal: request.signal, locale: this.resolvedLocale });
      this.activeSession = next;
      this.dispatchEvent(new SessionChangedEvent(next));
      const name = next.accounts.find((a) => a.id === next.activeAccountId)?.name ?? '';
      this.announcement = msg(str`Cases are now opened for ${name}.`, {
        id: 'contact.account_switched',
        desc: 'Announced after switching account in the profile menu. ${name} is the account\'s name.',
      });
    } catch (error) {
      if (isAbort(error)) return;
      this.announcement = errorKindMessage(isSupportError(error) ? error.kind : 'server');
    }
  }

  private async signOut(): Promise<void> {
    this.actionRequest?.abort();
    const request = new AbortController();
    this.actionRequest = request;
    try {
      await this.api.signOut({ signal: request.signal, locale: this.resolvedLocale });
    } catch (error) {
      if (isAbort(error)) return;
      // Signed out here whatever the backend said: the session is of no use to this page now.
    }
    this.activeSession = null;
    this.accountChosen = false;
    this.dispatchEvent(new SessionChangedEvent(null));
    this.announcement = msg('You are signed out.', { id: 'contact.signed_out', desc: 'Announced after signing out from the profile menu.' });
    await this.goHome();
  }

  // ---- events of composed steps: re-fired from this element so the host can veto ----

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
    void this.show({ kind: 'form', areaId: event.areaId, followUpOf: event.ticketNumber });
  }

  // ---- rendering ----

  private button(
    part: string,
    label: string | TemplateResult,
    onClick: () => void,
    extra: { secondary?: boolean; data?: string; describedBy?: string } = {},
  ): TemplateResult {
    return html`<button
      type="button"
      part="button ${part}"
      class=${extra.secondary ? 'secondary' : ''}
      data-action=${ifDefined(extra.data)}
      aria-describedby=${ifDefined(extra.describedBy)}
      @click=${onClick}
    >
      ${label}
    </button>`;
  }

  private renderLocaleButtons(locales: readonly LocaleCode[], focusAreaId: string): TemplateResult {
    return html`<div class="locale-buttons">
      ${locales.map((code) => {
        const name = ownLanguageName(code);
        return html`<button
          type="button"
          class="secondary"
          part="button locale-button"
          data-locale=${code}
          @click=${() => void this.requestLocale(code, focusAreaId)}
        >
          ${msg(html`Continue in <span lang=${code}>${name}</span>`, {
            id: 'contact.continue_in',
            desc: 'Button that switches the page to another language in which a product area or product is offered. ${name} is that language\'s name written in that language (for example "English", "français").',
          })}
        </button>`;
      })}
    </div>`;
  }

  private renderStart(area: AreaConfig, flow: FlowConfig): TemplateResult {
    const describedBy = `area-${area.id}`;
    if (flow.start === 'create_ticket_in_area') {
      return html`<div class="actions">
        <button type="button" part="button start-button" data-start="create_ticket" aria-describedby=${describedBy} @click=${() => this.startArea(area.id)}>
          ${msg('Create ticket', { id: 'contact.create_ticket', desc: 'Button in a product area\'s box that starts opening a case. French seed word: "Créer un ticket".' })}
        </button>
      </div>`;
    }
    return html`<div class="actions">
      <button type="button" part="button start-button" data-start="continue" aria-describedby=${describedBy} @click=${() => this.startArea(area.id)}>
        ${msg('Continue', { id: 'contact.continue', desc: 'Button under a product area that continues opening a case for it. French seed word: "Continuer".' })}
      </button>
    </div>`;
  }

  private renderProduct(area: AreaConfig, productId: string, name: string, areaOffered: boolean): TemplateResult {
    const availability = productAvailability(this.config, this.resolvedLocale, productId);
    const note =
      areaOffered && !availability.offered
        ? (() => {
            const languages = new Intl.ListFormat(this.resolvedLocale, { type: 'disjunction' }).format(
              availability.offeredIn.map((code) => languageNameIn(code, this.resolvedLocale)),
            );
            return html`<span class="product-note" data-not-offered>
              ${msg(str`Support offered in ${languages} only.`, {
                id: 'contact.product.offered_only_in',
                desc: 'Next to a product whose support is not offered in the page\'s language. ${languages} names the languages that offer it, in the page\'s language (for example "English").',
              })}
              ${this.renderLocaleButtons(availability.offeredIn, area.id)}
            </span>`;
          })()
        : nothing;
    return html`<li data-product=${productId}><span translate="no">${name}</span> ${note}</li>`;
  }

  private renderArea(area: AreaConfig): TemplateResult {
    const resolution = this.flowOf(area.id);
    return html`<li class="area" part="area" data-area=${area.id} data-offered=${resolution.offered ? 'true' : 'false'}>
      <h3 part="area-name" id="area-${area.id}" tabindex="-1" translate="no">${area.name}</h3>
      <ul class="products" aria-label=${msg(str`Products of ${area.name}`, { id: 'contact.area.products', desc: 'Accessible name of the list of products in a product area\'s box. ${area.name} is the area\'s brand names.' })}>
        ${area.products.map((p) => this.renderProduct(area, p.id, p.name, resolution.offered))}
      </ul>
      ${resolution.offered
        ? this.renderStart(area, resolution.flow)
        : html`<div class="not-offered" data-not-offered>
            <p class="muted">
              ${msg('Support for these products is not offered in this language.', {
                id: 'contact.area.not_offered',
                desc: 'In a product area\'s box when the area has no support in the page\'s language; followed by buttons to continue in a language that has it.',
              })}
            </p>
            ${this.renderLocaleButtons(resolution.offeredIn, area.id)}
          </div>`}
    </li>`;
  }

  /** The link(s) to the can't-sign-in form, the way the language reaches it. */
  private renderHelpEntry(route: SignInHelpRoute, areaId: string | undefined): TemplateResult {
    const openForm = (id: string | undefined) => () => void this.show({ kind: 'sign_in_help', areaId: id });
    switch (route.presentation) {
      case 'link_per_area':
        return html`<ul class="plain-list">
          ${this.config.areas.map(
            (area) => html`<li>
              <button type="button" class="link" part="button help-link" data-help-label=${route.label} data-area=${area.id} @click=${openForm(area.id)}>
                ${SIGN_IN_HELP_LABELS[route.label](area.name)}
              </button>
            </li>`,
          )}
        </ul>`;
      case 'link':
        return html`<p>
          <button type="button" class="link" part="button help-link" data-help-label=${route.label} @click=${openForm(areaId)}>
            ${SIGN_IN_HELP_LABELS[route.label]('')}
          </button>
        </p>`;
      case 'choice':
        return this.renderHelpChoices(route, areaId, openForm(areaId));
    }
  }

  private renderHelpChoices(route: SignInHelpRoute, areaId: string | undefined, openForm: () => void): TemplateResult {
    const realm = this.view.kind === 'sign_in' ? this.view.realm : (this.config.areas.find((a) => a.id === areaId)?.realm ?? 'product');
    return html`<p id="help-choices-label">
        ${msg('What is the problem?', { id: 'contact.help.choices', desc: 'Above the list of sign-in help choices.' })}
      </p>
      <ul class="plain-list" aria-labelledby="help-choices-label">
        <li>
          <a href=${this.config.passwordResetUrls[realm]} target="_blank" rel="noopener" data-help-choice="forgot">
            ${msg('I forgot my password', { id: 'contact.help.forgot', desc: 'Sign-in help choice; opens the reset-password page in a new tab.' })}
          </a>
        </li>
        <li>
          <button
            type="button"
            class="link"
            part="button help-link"
            data-help-choice="locked"
            aria-expanded=${this.lockedHelpShown ? 'true' : 'false'}
            aria-controls="locked-help"
            @click=${() => (this.lockedHelpShown = !this.lockedHelpShown)}
          >
            ${msg('My account is locked', { id: 'contact.help.locked', desc: 'Sign-in help choice; shows advice for a locked account.' })}
          </button>
          <p id="locked-help" class="hint" ?hidden=${!this.lockedHelpShown}>
            ${msg('Reset your password: that also unlocks the account. If it stays locked, choose the last option below.', {
              id: 'contact.help.locked.advice',
              desc: 'Shown under the "My account is locked" sign-in help choice.',
            })}
          </p>
        </li>
        <li>
          <button type="button" class="link" part="button help-link" data-help-label=${route.label} data-help-choice="other" @click=${openForm}>
            ${SIGN_IN_HELP_LABELS[route.label]('')}
          </button>
        </li>
      </ul>`;
  }

  private renderSignInHelpSlot(realm: Realm, areaId: string | undefined): TemplateResult {
    const route = signInHelpFor(this.config, this.resolvedLocale);
    return html`<div slot="help" class="sign-in-help">
      <h3>${msg('I can\'t sign in', { id: 'contact.help.heading', desc: 'Heading of the help under the sign-in form.' })}</h3>
      <p>
        ${msg('Try resetting your password first.', { id: 'contact.help.reset_first', desc: 'Advice under the sign-in form, before the reset-password link.' })}
        <a href=${this.config.passwordResetUrls[realm]} target="_blank" rel="noopener" data-help="reset">
          ${msg('Reset your password', { id: 'contact.help.reset', desc: 'Link to the reset-password page (opens in a new tab).' })}
        </a>
      </p>
      ${route
        ? html`<p>${msg('If resetting does not work, we can help you by email:', { id: 'contact.help.fallback_intro', desc: 'Before the link(s) to the can\'t-sign-in web form under the sign-in form.' })}</p>
            ${this.renderHelpEntry(route, areaId)}`
        : nothing}
    </div>`;
  }

  private renderMoreOptions(): TemplateResult {
    const route = signInHelpFor(this.config, this.resolvedLocale);
    const open = (areaId: string | undefined) => () => void this.show({ kind: 'sign_in_help', areaId });
    const items =
      route?.presentation === 'link_per_area'
        ? this.config.areas.map(
            (area) => html`<li>
              <button type="button" class="link" part="button help-link" data-help-form data-area=${area.id} @click=${open(area.id)}>
                ${msg(str`Can't sign in to ${area.name}? Fill in its sign-in help form`, {
                  id: 'contact.more.area_form',
                  desc: 'Item of "More support options", one per product area. ${area.name} is the area\'s brand names.',
                })}
              </button>
            </li>`,
          )
        : [
            html`<li>
              <button type="button" class="link" part="button help-link" data-help-form @click=${open(undefined)}>
                ${msg('Can\'t sign in? Fill in the sign-in help form', { id: 'contact.more.form', desc: 'Item of "More support options" that opens the can\'t-sign-in web form.' })}
              </button>
            </li>`,
          ];
    return html`<section part="more-options" aria-labelledby="more-heading">
      <h2 id="more-heading">
        ${msg('More support options', { id: 'contact.more.heading', desc: 'Heading of the section with other ways to get help. French seed words: "Plus d\'options d\'assistance".' })}
      </h2>
      <ul class="plain-list">${items}</ul>
    </section>`;
  }

  private renderHome(): TemplateResult {
    const openCaseTop = this.areasStartingWith('open_case_top').length > 0;
    return html`
      ${openCaseTop
        ? html`<div class="top-actions">
            <button type="button" part="button open-case-button" data-start="open_case_top" @click=${() => this.focusAreas()}>
              ${msg('Open a support case', { id: 'contact.open_case', desc: 'Button at the top of Contact Support that starts opening a case (then the user picks a product area). French seed words: "Ouvrir un dossier d\'assistance".' })}
            </button>
          </div>`
        : nothing}
      <section aria-labelledby="areas-heading">
        <h2 id="areas-heading" tabindex="-1">
          ${msg('Choose a product', { id: 'contact.areas.heading', desc: 'Heading above the product area boxes of Contact Support.' })}
        </h2>
        <ul class="areas" part="areas">
          ${this.config.areas.map((area) => this.renderArea(area))}
        </ul>
      </section>
      ${this.renderMoreOptions()}
    `;
  }

  private newTicketLabel(area: AreaConfig, several: boolean): string {
    const name = area.name;
    return several
      ? msg(str`New ticket for ${name}`, { id: 'contact.new_ticket.area', desc: 'Button (profile menu, and above the list of cases) that opens a new case, when several product areas open cases this way. ${name} is the area\'s brand names.' })
      : msg('New ticket', { id: 'contact.new_ticket', desc: 'Button (profile menu, and above the list of cases) that opens a new case. French seed words: "Nouveau ticket".' });
  }

  private renderBack(): TemplateResult {
    return html`<div class="back">
      <button type="button" class="link" part="button back-button" data-action="back" @click=${() => void this.goHome()}>
        ${msg('Back to Contact Support', { id: 'contact.back', desc: 'Link-like button above a step that returns to the Contact Support page.' })}
      </button>
    </div>`;
  }

  private renderAccountDialog(session: Session): TemplateResult {
    return html`<dialog
      id="account-dialog"
      part="account-dialog"
      aria-labelledby="account-dialog-title"
      aria-describedby="account-dialog-hint"
      @keydown=${this.onAccountDialogKeydown}
      @close=${this.onAccountDialogClose}
    >
      <h2 id="account-dialog-title">
        ${msg('Which account is this case for?', { id: 'contact.account.heading', desc: 'Heading of the dialog asking a user with several accounts to choose one before opening a case.' })}
      </h2>
      <p id="account-dialog-hint" class="hint">
        ${msg('You have several accounts. Choose the one the case is about.', { id: 'contact.account.hint', desc: 'Under the heading of the choose-an-account dialog.' })}
      </p>
      ${this.accountError ? html`<div class="notice notice--error" role="alert">${this.accountError}</div>` : nothing}
      <ul class="plain-list">
        ${session.accounts.map(
          (account) => html`<li>
            <button
              type="button"
              class="account-choice secondary"
              part="button account-choice"
              data-account=${account.id}
              ?disabled=${this.busy}
              @click=${() => void this.chooseAccount(account)}
            >
              <span translate="no">${account.name}</span>
              <span class="plan">
                ${account.plan === 'paid'
                  ? msg('Paid support plan', { id: 'contact.account.plan.paid', desc: 'Under an account\'s name in the choose-an-account dialog.' })
                  : msg('Free support plan', { id: 'contact.account.plan.free', desc: 'Under an account\'s name in the choose-an-account dialog.' })}
              </span>
            </button>
          </li>`,
        )}
      </ul>
      <div class="actions">
        <button type="button" class="secondary" part="button" data-action="cancel-account" @click=${() => void this.dismissAccountDialog()}>
          ${msg('Cancel', { id: 'contact.account.cancel', desc: 'Closes the choose-an-account dialog without choosing.' })}
        </button>
      </div>
    </dialog>`;
  }

  private renderView(): TemplateResult {
    const view = this.view;
    const locale = this.resolvedLocale;
    const session = this.activeSession ?? undefined;
    switch (view.kind) {
      case 'home':
        return this.renderHome();
      case 'sign_in':
        return html`${this.renderBack()}
          <support-sign-in
            class="step"
            realm=${view.realm}
            locale=${locale}
            .backend=${this.api}
            .config=${this.config}
            @session-changed=${(e: SessionChangedEvent) => void this.onSignedIn(e)}
          >
            ${this.renderSignInHelpSlot(view.realm, view.areaId)}
          </support-sign-in>`;
      case 'choose_account':
        return html`${this.renderBack()}
          <h2 id="choose-account-heading" tabindex="-1">
            ${msg('Choose an account', { id: 'contact.account.step', desc: 'Heading of the step where a user with several accounts picks one before opening a case.' })}
          </h2>
          <p>
            ${msg('Choose the account the case is for; then the case form opens.', { id: 'contact.account.step.hint', desc: 'Under the "Choose an account" step heading.' })}
          </p>
          <button id="account-trigger" type="button" part="button" @click=${() => (this.accountDialogOpen = true)}>
            ${msg('Choose the account', { id: 'contact.account.open', desc: 'Button that opens the choose-an-account dialog again.' })}
          </button>
          ${this.activeSession ? this.renderAccountDialog(this.activeSession) : nothing}`;
      case 'form':
        return html`${this.renderBack()}
          <ticket-form
            class="step"
            area=${view.areaId}
            follow-up-of=${ifDefined(view.followUpOf)}
            locale=${locale}
            .backend=${this.api}
            .config=${this.config}
            .session=${session}
            @session-changed=${this.onChildSessionChanged}
            @manage-tickets-request=${this.onChildManageTickets}
            @locale-change-request=${this.onChildLocaleRequest}
          ></ticket-form>`;
      case 'tickets': {
        const areas = this.newTicketAreas();
        return html`${this.renderBack()}
          ${areas.length > 0
            ? html`<div class="actions">
                ${areas.map((area) =>
                  this.button(
                    'new-ticket-button',
                    this.newTicketLabel(area, areas.length > 1),
                    () => this.openNewTicket(area.id),
                    { data: 'new-ticket' },
                  ),
                )}
              </div>`
            : nothing}
          <my-tickets
            class="step"
            ticket=${ifDefined(view.ticket)}
            locale=${locale}
            .backend=${this.api}
            .config=${this.config}
            .session=${session}
            @session-changed=${this.onChildSessionChanged}
            @follow-up-requested=${this.onChildFollowUp}
            @locale-change-request=${this.onChildLocaleRequest}
          ></my-tickets>`;
      }
      case 'sign_in_help':
        return html`${this.renderBack()}
          <support-sign-in-help
            class="step"
            area=${ifDefined(view.areaId)}
            locale=${locale}
            .backend=${this.api}
            .config=${this.config}
          ></support-sign-in-help>`;
    }
  }

  private renderProfile(session: Session): TemplateResult {
    const name = session.user.name;
    const switchAccounts = session.accounts.length > 1 && this.accountSwitchInMenu();
    const newTicketAreas = this.newTicketAreas();
    return html`<div class="profile">
      <button
        id="profile-button"
        type="button"
        class="profile-button secondary"
        part="button profile-button"
        @click=${() => void this.profileMenu.toggle()}
      >
        <span class="avatar" aria-hidden="true">${initials(name)}</span>
        <span class="visually-hidden">${msg(str`Profile: ${name}`, { id: 'contact.profile', desc: 'Accessible name of the avatar button that opens the profile menu. ${name} is the signed-in user\'s name.' })}</span>
      </button>
      <div id="profile-menu" class="popup" part="profile-menu" ?hidden=${!this.profileMenu.open}>
        <p class="who">
          <strong>${name}</strong><br />
          <span class="muted">${session.user.email}</span>
        </p>
        ${switchAccounts
          ? html`<label class="label" for="account-select">
                ${msg('My accounts', { id: 'contact.profile.accounts', desc: 'Label of the drop-down in the profile menu that switches the account cases are opened for. French seed words: "Mes comptes".' })}
              </label>
              <select id="account-select" @change=${(e: Event) => void this.switchAccount((e.target as HTMLSelectElement).value)}>
                ${session.accounts.map(
                  (account) => html`<option value=${account.id} ?selected=${account.id === session.activeAccountId}>${account.name}</option>`,
                )}
              </select>`
          : nothing}
        <ul class="plain-list">
          <li>
            <button type="button" class="link" part="button menu-item" data-action="manage-tickets" @click=${() => this.openTickets()}>
              ${msg('Manage my tickets', { id: 'contact.profile.manage_tickets', desc: 'Profile menu item that shows the user\'s cases. French seed words: "Gérer mes tickets".' })}
            </button>
          </li>
          ${newTicketAreas.map(
            (area) => html`<li>
              <button type="button" class="link" part="button menu-item" data-action="new-ticket" data-area=${area.id} @click=${() => this.openNewTicket(area.id)}>
                ${this.newTicketLabel(area, newTicketAreas.length > 1)}
              </button>
            </li>`,
          )}
          <li>
            <button type="button" class="link" part="button menu-item" data-action="sign-out" @click=${() => void this.signOut()}>
              ${msg('Sign out', { id: 'contact.profile.sign_out', desc: 'Profile menu item that signs the user out.' })}
            </button>
          </li>
        </ul>
      </div>
    </div>`;
  }

  private renderHeaderEnd(): TemplateResult | typeof nothing {
    const session = this.activeSession;
    if (session) return this.renderProfile(session);
    if (session === undefined || this.view.kind === 'sign_in') return nothing;
    const [area] = this.areasStartingWith('sign_in_top_right');
    if (!area) return nothing;
    return html`<button
      type="button"
      class="secondary"
      part="button sign-in-button"
      data-start="sign_in_top_right"
      @click=${() => void this.show({ kind: 'sign_in', realm: area.realm, areaId: undefined })}
    >
      ${msg('Sign in', { id: 'contact.sign_in', desc: 'Button at the top end of Contact Support that opens the sign-in form. French seed word: "S\'identifier".' })}
    </button>`;
  }

  override render() {
    return html`<div class="page" lang=${this.resolvedLocale} aria-busy=${this.activeSession === undefined ? 'true' : 'false'}>
      <header part="header">
        <h1 part="heading" tabindex="-1">
          ${msg('Contact Support', { id: 'contact.heading', desc: 'Heading of the Contact Support page. French seed words: "Contacter l\'assistance".' })}
        </h1>
        <div class="header-end">${this.renderHeaderEnd()}</div>
      </header>
      ${this.renderView()}
      <div role="status" class="visually-hidden">${this.announcement}</div>
    </div>`;
  }
}
