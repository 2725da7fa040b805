/**
 * The signed-in parts of `<support-contact>`: the profile button and its menu, and Flow 1's
 * "choose an account" dialog. Render helpers only: the element passes the state and what
 * each control does.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { formatList } from '../../localization/format.js';
import type { Account, Session } from '../../adapters/backend.js';
import type { AreaConfig } from '../../core/config.js';
import type { ErrorKind } from '../../core/errors.js';
import { productNamesOfRealm } from '../../core/flows.js';
import type { Realm } from '../../core/ticket.js';
import { errorKindMessage } from '../shared/messages.js';
import { offeredFlows, type Announcement, type ContactContext } from './support-contact.machine.js';

/** Initials for the avatar: the first letters of the first two words of the name. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((word) => [...word][0] ?? '')
    .join('')
    .toLocaleUpperCase();
}

export function newTicketLabel(area: AreaConfig, several: boolean): string {
  const name = area.name;
  return several
    ? msg(str`New ticket for ${name}`, { id: 'contact.new_ticket.area', desc: 'Button (profile menu, and above the list of cases) that opens a new case, when several product areas open cases this way. ${name} is the area\'s brand names.' })
    : msg('New ticket', { id: 'contact.new_ticket', desc: 'Button (profile menu, and above the list of cases) that opens a new case. French seed words: "Nouveau ticket".' });
}

export interface ProfileContext {
  readonly session: Session;
  readonly menuOpen: boolean;
  /** Flow 2: "My accounts" in the menu. */
  readonly switchAccounts: boolean;
  readonly newTicketAreas: readonly AreaConfig[];
  readonly toggleMenu: () => void;
  readonly switchAccount: (accountId: string) => void;
  readonly openTickets: () => void;
  readonly openNewTicket: (areaId: string) => void;
  readonly signOut: () => void;
  /** Signing out is under way: its button says so (and a second run is refused). */
  readonly signingOut: boolean;
}

function renderAccountSelect(context: ProfileContext): TemplateResult {
  const { session } = context;
  return html`<label class="label" for="account-select">
      ${msg('My accounts', { id: 'contact.profile.accounts', desc: 'Label of the drop-down in the profile menu that switches the account cases are opened for. French seed words: "Mes comptes".' })}
    </label>
    <select
      id="account-select"
      @change=${(e: Event) => {
        if (e.target instanceof HTMLSelectElement) context.switchAccount(e.target.value);
      }}
    >
      ${session.accounts.map(
        (account) => html`<option value=${account.id} ?selected=${account.id === session.activeAccountId}>${account.name}</option>`,
      )}
    </select>`;
}

export function renderProfile(context: ProfileContext): TemplateResult {
  const { session, newTicketAreas } = context;
  const name = session.user.name;
  return html`<div class="profile">
    <button id="profile-button" type="button" class="profile-button secondary" part="button profile-button" @click=${context.toggleMenu}>
      <span class="avatar" aria-hidden="true">${initials(name)}</span>
      <span class="visually-hidden">${msg(str`Profile: ${name}`, { id: 'contact.profile', desc: 'Accessible name of the avatar button that opens the profile menu. ${name} is the signed-in user\'s name.' })}</span>
    </button>
    <div id="profile-menu" class="popup" part="profile-menu" ?hidden=${!context.menuOpen}>
      <p class="who">
        <strong>${name}</strong><br />
        <span class="muted">${session.user.email}</span>
      </p>
      ${context.switchAccounts ? renderAccountSelect(context) : nothing}
      <ul class="plain-list">
        <li>
          <button type="button" class="link" part="button menu-item" data-action="manage-tickets" @click=${context.openTickets}>
            ${msg('Manage my tickets', { id: 'contact.profile.manage_tickets', desc: 'Profile menu item that shows the user\'s cases. French seed words: "Gérer mes tickets".' })}
          </button>
        </li>
        ${newTicketAreas.map(
          (area) => html`<li>
            <button type="button" class="link" part="button menu-item" data-action="new-ticket" data-area=${area.id} @click=${() => context.openNewTicket(area.id)}>
              ${newTicketLabel(area, newTicketAreas.length > 1)}
            </button>
          </li>`,
        )}
        <li>
          <button
            type="button"
            class="link"
            part="button menu-item"
            data-action="sign-out"
            aria-disabled=${context.signingOut ? 'true' : 'false'}
            @click=${context.signOut}
          >
            ${msg('Sign out', { id: 'contact.profile.sign_out', desc: 'Profile menu item that signs the user out.' })}
          </button>
        </li>
      </ul>
    </div>
  </div>`;
}

export interface AccountDialogContext {
  readonly session: Session | null | undefined;
  /** Opens the dialog again after it was dismissed. */
  readonly reopen: () => void;
  readonly failure: ErrorKind | undefined;
  readonly busy: boolean;
  readonly choose: (account: Account) => void;
  readonly dismiss: () => void;
  readonly onKeydown: (event: KeyboardEvent) => void;
  readonly onClose: () => void;
}

/** Flow 1's "choose an account" step, with its dialog. */
export function renderChooseAccount(context: AccountDialogContext): TemplateResult {
  return html`<h2 id="choose-account-heading" tabindex="-1">
      ${msg('Choose an account', { id: 'contact.account.step', desc: 'Heading of the step where a user with several accounts picks one before opening a case.' })}
    </h2>
    <p>
      ${msg('Choose the account the case is for; then the case form opens.', { id: 'contact.account.step.hint', desc: 'Under the "Choose an account" step heading.' })}
    </p>
    <button id="account-trigger" type="button" part="button" @click=${context.reopen}>
      ${msg('Choose the account', { id: 'contact.account.open', desc: 'Button that opens the choose-an-account dialog again.' })}
    </button>
    ${context.session ? renderAccountDialog(context, context.session) : nothing}`;
}

function renderAccountDialog(context: AccountDialogContext, session: Session): TemplateResult {
  return html`<dialog
    id="account-dialog"
    part="account-dialog"
    aria-labelledby="account-dialog-title"
    aria-describedby="account-dialog-hint"
    aria-busy=${context.busy ? 'true' : 'false'}
    @keydown=${context.onKeydown}
    @close=${context.onClose}
  >
    <h2 id="account-dialog-title">
      ${msg('Which account is this case for?', { id: 'contact.account.heading', desc: 'Heading of the dialog asking a user with several accounts to choose one before opening a case.' })}
    </h2>
    <p id="account-dialog-hint" class="hint">
      ${msg('You have several accounts. Choose the one the case is about.', { id: 'contact.account.hint', desc: 'Under the heading of the choose-an-account dialog.' })}
    </p>
    ${context.failure ? html`<div class="notice notice--error" role="alert">${errorKindMessage(context.failure)}</div>` : nothing}
    <ul class="plain-list">
      ${session.accounts.map(
        (account) => html`<li>
          <button
            type="button"
            class="account-choice secondary"
            part="button account-choice"
            data-account=${account.id}
            aria-disabled=${context.busy ? 'true' : 'false'}
            @click=${() => context.choose(account)}
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
      <button type="button" class="secondary" part="button" data-action="cancel-account" @click=${context.dismiss}>
        ${msg('Cancel', { id: 'contact.account.cancel', desc: 'Closes the choose-an-account dialog without choosing.' })}
      </button>
    </div>
  </dialog>`;
}

/** What the live region says last. */
export function announcementText(announcement: Announcement | undefined): string {
  if (!announcement) return '';
  switch (announcement.kind) {
    case 'signed_in': {
      const name = announcement.name;
      return msg(str`Signed in as ${name}.`, {
        id: 'contact.signed_in',
        desc: 'Announced after signing in from the top of the page. ${name} is the user\'s name.',
      });
    }
    case 'account_switched': {
      const name = announcement.name;
      return msg(str`Cases are now opened for ${name}.`, {
        id: 'contact.account_switched',
        desc: 'Announced after switching account in the profile menu. ${name} is the account\'s name.',
      });
    }
    case 'signed_out':
      return msg('You are signed out.', { id: 'contact.signed_out', desc: 'Announced after signing out from the profile menu.' });
    case 'failed':
      return errorKindMessage(announcement.error);
  }
}

/**
 * Under the top-right sign-in (one realm's credentials): a way to the sign-in of each other
 * realm the page offers, named by its products, so a product user whose right password the
 * support-center sign-in refuses is not stuck there.
 */
export function renderOtherRealms(context: ContactContext, realm: Realm, signInWith: (realm: Realm) => void): TemplateResult | typeof nothing {
  const others = [...new Set(offeredFlows(context).map((r) => r.area.realm))].filter((r) => r !== realm);
  if (others.length === 0) return nothing;
  return html`<div class="actions other-realms">
    ${others.map((other) => {
      const products = formatList(productNamesOfRealm(context.config, other), context.locale, 'disjunction');
      return html`<button type="button" class="secondary" part="button other-realm-button" data-realm=${other} @click=${() => signInWith(other)}>
        ${msg(str`Account for ${products}? Sign in with it here`, {
          id: 'contact.sign_in.other_realm',
          desc: 'Button under the sign-in form opened by "Sign in" at the top, when other products use other credentials: opens their sign-in. ${products} lists brand names joined with "or" in the page\'s language (e.g. "eSignature, Rooms or CLM").',
        })}
      </button>`;
    })}
  </div>`;
}

/** The top end's "Sign in", for a visitor nobody signed in yet (the area's flow says which account it asks for). */
export function renderTopSignIn(onClick: () => void): TemplateResult {
  return html`<button type="button" class="secondary" part="button sign-in-button" data-start="sign_in_top_right" @click=${onClick}>
    ${msg('Sign in', { id: 'contact.sign_in', desc: 'Button at the top end of Contact Support that opens the sign-in form. French seed word: "S\'identifier".' })}
  </button>`;
}
