/**
 * What goes under every sign-in an element shows in place: "I can't sign in", opening the
 * can't-sign-in form (which needs no session) right there, so a customer who cannot sign in is
 * never stuck. The form is loaded and added when first opened: until then the page has one
 * "Email address", the sign-in's.
 */
import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { LocaleCode } from '../../core/config.js';

/** `areaId`: the product area the form is for, when the element knows it (else the help form asks). */
export function signInHelp(locale: LocaleCode, areaId?: string): TemplateResult {
  const onToggle = async (event: Event) => {
    const details = event.currentTarget as HTMLDetailsElement;
    if (!details.open || details.querySelector('support-sign-in-help')) return;
    await import('../../define/support-sign-in-help.js');
    const help = document.createElement('support-sign-in-help');
    if (areaId) help.setAttribute('area', areaId);
    help.setAttribute('locale', locale);
    details.append(help);
  };
  return html`<details slot="help" class="sign-in-help" @toggle=${onToggle}>
    <summary>${msg("I can't sign in", { id: 'sign-in.cant_sign_in_help', desc: 'Under a sign-in form shown in place (case form, My tickets, a case): opens the can\'t-sign-in form (no sign-in needed) right there.' })}</summary>
  </details>`;
}
