/**
 * The "I can't sign in" help of `<support-contact>`: what goes in `<support-sign-in>`'s help
 * slot, and the "More support options" section of the home view. Render helpers only: the
 * element passes what to show and what each link does.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { LocaleCode, SignInHelpLabel, SignInHelpRoute, SupportConfig } from '../../core/config.js';
import { signInHelpFor } from '../../core/flows.js';
import type { Realm } from '../../core/ticket.js';

export interface HelpContext {
  readonly config: SupportConfig;
  readonly locale: LocaleCode;
  /** Opens the can't-sign-in form, for an area chosen in advance or none. */
  readonly openForm: (areaId: string | undefined) => void;
}

/** The sign-in step the help sits under. */
export interface SignInHelpPlace {
  readonly realm: Realm;
  readonly areaId: string | undefined;
  readonly lockedHelpShown: boolean;
  readonly toggleLockedHelp: () => void;
}

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

/** The link(s) to the can't-sign-in form, the way the language reaches it. */
function renderHelpEntry(context: HelpContext, route: SignInHelpRoute, place: SignInHelpPlace): TemplateResult {
  const openForm = (id: string | undefined) => () => context.openForm(id);
  switch (route.presentation) {
    case 'link_per_area':
      return html`<ul class="plain-list">
        ${context.config.areas.map(
          (area) => html`<li>
            <button type="button" class="link" part="button help-link" data-help-label=${route.label} data-area=${area.id} @click=${openForm(area.id)}>
              ${SIGN_IN_HELP_LABELS[route.label](area.name)}
            </button>
          </li>`,
        )}
      </ul>`;
    case 'link':
      return html`<p>
        <button type="button" class="link" part="button help-link" data-help-label=${route.label} @click=${openForm(place.areaId)}>
          ${SIGN_IN_HELP_LABELS[route.label]('')}
        </button>
      </p>`;
    case 'choice':
      return renderHelpChoices(context, route, place, openForm(place.areaId));
  }
}

function renderHelpChoices(context: HelpContext, route: SignInHelpRoute, place: SignInHelpPlace, openForm: () => void): TemplateResult {
  return html`<p id="help-choices-label">
      ${msg('What is the problem?', { id: 'contact.help.choices', desc: 'Above the list of sign-in help choices.' })}
    </p>
    <ul class="plain-list" aria-labelledby="help-choices-label">
      <li>
        <a href=${context.config.passwordResetUrls[place.realm]} target="_blank" rel="noopener" data-help-choice="forgot">
          ${msg('I forgot my password', { id: 'contact.help.forgot', desc: 'Sign-in help choice; opens the reset-password page in a new tab.' })}
        </a>
      </li>
      <li>
        <button
          type="button"
          class="link"
          part="button help-link"
          data-help-choice="locked"
          aria-expanded=${place.lockedHelpShown ? 'true' : 'false'}
          aria-controls="locked-help"
          @click=${place.toggleLockedHelp}
        >
          ${msg('My account is locked', { id: 'contact.help.locked', desc: 'Sign-in help choice; shows advice for a locked account.' })}
        </button>
        <p id="locked-help" class="hint" ?hidden=${!place.lockedHelpShown}>
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

/** The help given to `<support-sign-in>`'s `help` slot. */
export function renderSignInHelpSlot(context: HelpContext, place: SignInHelpPlace): TemplateResult {
  const route = signInHelpFor(context.config, context.locale);
  return html`<div slot="help" class="sign-in-help">
    <h3>${msg('I can\'t sign in', { id: 'contact.help.heading', desc: 'Heading of the help under the sign-in form.' })}</h3>
    <p>
      ${msg('Try resetting your password first.', { id: 'contact.help.reset_first', desc: 'Advice under the sign-in form, before the reset-password link.' })}
      <a href=${context.config.passwordResetUrls[place.realm]} target="_blank" rel="noopener" data-help="reset">
        ${msg('Reset your password', { id: 'contact.help.reset', desc: 'Link to the reset-password page (opens in a new tab).' })}
      </a>
    </p>
    ${route
      ? html`<p>${msg('If resetting does not work, we can help you by email:', { id: 'contact.help.fallback_intro', desc: 'Before the link(s) to the can\'t-sign-in web form under the sign-in form.' })}</p>
          ${renderHelpEntry(context, route, place)}`
      : nothing}
  </div>`;
}

/** "More support options" of the home view. */
export function renderMoreOptions(context: HelpContext): TemplateResult {
  const route = signInHelpFor(context.config, context.locale);
  const open = (areaId: string | undefined) => () => context.openForm(areaId);
  const items =
    route?.presentation === 'link_per_area'
      ? context.config.areas.map(
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
