/** How `<ticket-form>` ends: the confirmation with the case number, or "glad you found an answer". */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { FlowConfig, LocaleCode } from '../../core/config.js';
import { joinSentences } from '../../core/locale.js';
import type { Ticket } from '../../core/ticket.js';
import { statusLabel } from '../shared/messages.js';
import { stepHeading } from './ticket-form.render-parts.js';

export interface EndActions {
  manageTickets(): void;
  another(): void;
}

export function renderConfirmation(ticket: Ticket, confirmation: FlowConfig['confirmation'], locale: LocaleCode, actions: EndActions): TemplateResult {
  const number = ticket.number;
  return html`<div class="confirmation" part="confirmation">
    ${stepHeading(msg(str`Case ${number} is open`, { id: 'ticket-form.confirmation.heading', desc: 'Heading after the case was created. ${number} is the case number.' }))}
    <dl class="summary-list">
      <dt>${msg('Case number', { id: 'ticket-form.confirmation.number', desc: 'Label of the new case number on the confirmation.' })}</dt>
      <dd class="case-number">${number}</dd>
      <dt>${msg('Status', { id: 'ticket-form.confirmation.status', desc: 'Label of the new case state on the confirmation.' })}</dt>
      <dd class="case-status">${statusLabel(ticket.status)}</dd>
      ${ticket.followUpOf
        ? html`<dt>${msg('Follow-up of case', { id: 'ticket-form.confirmation.follow_up', desc: 'Label of the closed case number a follow-up case refers to, on the confirmation.' })}</dt>
            <dd>${ticket.followUpOf}</dd>`
        : nothing}
    </dl>
    <p class="confirmation-review" data-confirmation=${confirmation}>
      ${joinSentences(
        locale,
        confirmation === 'open_reviewed'
          ? msg('Your case is open and will be reviewed by a support expert.', { id: 'ticket-form.confirmation.reviewed', desc: 'Confirmation text in flows where the case is reviewed by an expert (seed: "sera examiné par un expert de l\'assistance").' })
          : msg('Your case is open: a support expert is looking at it.', { id: 'ticket-form.confirmation.open', desc: 'Confirmation text in Flow 1.' }),
        msg('You will receive an email with a link to your case.', { id: 'ticket-form.confirmation.email_link', desc: 'Confirmation: an email with a link to the ticket follows.' }),
      )}
    </p>
    <p class="confirmation-contact" data-contact=${ticket.contactMethod}>
      ${ticket.contactMethod === 'email'
        ? msg('You chose email as your contact method: you can reply directly to that email.', { id: 'ticket-form.confirmation.contact_email', desc: 'Confirmation when the preferred contact method is email.' })
        : msg('You chose the online support center: the email comes from a “no-reply” address, so do not reply to it. To add comments, sign in to the support center.', { id: 'ticket-form.confirmation.contact_portal', desc: 'Confirmation when the preferred contact method is the online support center (seed: email from "DocuSign (ne pas répondre)").' })}
    </p>
    <div class="actions">
      <button type="button" @click=${actions.manageTickets}>
        ${msg('View my tickets', { id: 'ticket-form.confirmation.my_tickets', desc: 'Button leading to the list of the customer\'s cases. French seed words: "Mes tickets".' })}
      </button>
      <button type="button" class="secondary" @click=${actions.another}>
        ${msg('Open another case', { id: 'ticket-form.confirmation.another', desc: 'Button starting a new case from the confirmation.' })}
      </button>
    </div>
  </div>`;
}

export function renderSolved(another: () => void): TemplateResult {
  return html`${stepHeading(msg('Glad you found an answer', { id: 'ticket-form.solved.heading', desc: 'Heading when a suggested article solved the problem and no case was opened.' }))}
    <p>${msg('No case was opened. If the problem comes back, you can open a case at any time.', { id: 'ticket-form.solved.text', desc: 'Text after the customer said an article solved the problem.' })}</p>
    <div class="actions">
      <button type="button" class="secondary" @click=${another}>
        ${msg('Open a case', { id: 'ticket-form.solved.open_case', desc: 'Button starting the case flow again after an article solved the problem.' })}
      </button>
    </div>`;
}
