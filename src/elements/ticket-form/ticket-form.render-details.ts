/** The case form of `<ticket-form>` ("Add case details"): fields, attachments, submit. */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Session } from '../../adapters/backend.js';
import type { AreaConfig, FlowConfig } from '../../core/config.js';
import type { ErrorKind } from '../../core/errors.js';
import { productAvailability } from '../../core/flows.js';
import { formatNumberWith } from '../../localization/format.js';
import type { ContactMethod } from '../../core/ticket.js';
import type { OutboxController } from '../../controllers/outbox-controller.js';
import type { UploadController } from '../../controllers/upload-controller.js';
import { renderOutbox } from '../shared/outbox-view.js';
import { errorSummary, fieldMessages, radioGroup, selectField, textField, type Choice } from '../shared/forms.js';
import { rejectionMessage, renderUploadList, renderUploadPicker } from '../shared/upload-list.js';
import type { FailureDetails } from '../shared/messages.js';
import { backButton } from './ticket-form.render-parts.js';
import { failureNotice, languageButtons, stepHeading, type TicketFormView } from './ticket-form.render-parts.js';
import { renderCustomFields } from './ticket-form.custom-fields.js';

export interface DetailsOptions {
  readonly area: AreaConfig;
  readonly flow: FlowConfig;
  readonly session: Session;
  readonly uploads: UploadController;
  /** The case is on its way (the submit action is busy). */
  readonly busy: boolean;
  readonly failure: ErrorKind | FailureDetails | undefined;
  /** "Back": to the previous step, else to the list of product areas if the customer chose there. */
  readonly back: (() => void) | undefined;
  submit(event: Event): void;
  /** Files pasted into the form's fields, where the form takes attachments. */
  readonly paste: ((event: ClipboardEvent) => void) | undefined;
  /** The user's cases waiting to be sent (typed while offline). */
  readonly outbox?: OutboxController | undefined;
}

/** The details step shows the waiting cases: its host adds their styles. */
export { outboxStyles } from '../shared/outbox-view.js';

/** Cancel gives a waiting case back to the form when the form is empty, else the form keeps what it holds. */
function waitingCases(view: TicketFormView, outbox: OutboxController | undefined) {
  if (!outbox) return nothing;
  return renderOutbox(outbox, {
    locale: view.locale,
    onCancel: (payload) => {
      if (payload.kind === 'case' && view.fields.subject.trim() === '' && view.fields.description.trim() === '') {
        view.edit({ subject: payload.ticket.subject, description: payload.ticket.description });
      }
    },
  });
}

export function detailsHeading(): TemplateResult {
  return stepHeading(msg('Add case details', { id: 'ticket-form.details.heading', desc: 'Heading of the case form. French seed words: "Ajouter les détails du dossier".' }));
}

export function renderDetails(view: TicketFormView, o: DetailsOptions): TemplateResult {
  const { config, locale, fields } = view;
  const products = o.area.products.filter((p) => productAvailability(config, locale, p.id).offered);
  const attachmentsError = [
    ...o.uploads.rejected.map((r) => rejectionMessage(r, config.attachments, locale)),
    ...(view.errorFor('attachments') ? [view.errorFor('attachments')] : []),
  ].join(' ');
  return html`${detailsHeading()}
    <p class="hint">
      ${msg('Fields marked with an asterisk (*) are required.', { id: 'ticket-form.required_note', desc: 'Above the case form: explains the asterisk. Seed: "Les champs marqués d\'un astérisque (*) sont requis."' })}
    </p>
    ${errorSummary(view.summary, view.root)} ${o.failure ? failureNotice(o.failure, { locale, maxBytes: config.attachments.maxBytes }) : nothing}
    ${waitingCases(view, o.outbox)} ${renderAccount(o.session)}
    ${o.flow.steps.includes('category') ? renderClassification(view) : nothing}
    <form part="form" novalidate aria-busy=${o.busy ? 'true' : 'false'} @submit=${o.submit} @paste=${o.paste ?? nothing}>
      ${textField({
        id: 'subject',
        label: msg('Subject', { id: 'ticket-form.subject.label', desc: 'Label of the case subject (title) field.' }),
        value: fields.subject,
        required: true,
        readonly: view.readOnly('subject'),
        maxlength: config.maxLengths.subject,
        error: view.errorFor('subject'),
        onInput: (value) => view.edit({ subject: value }),
      })}
      ${selectField({
        id: 'productId',
        label: msg('Product', { id: 'ticket-form.product.label', desc: 'Label of the product select in the case form.' }),
        value: fields.productId,
        required: true,
        placeholder: msg('Choose a product', { id: 'ticket-form.product.placeholder', desc: 'Empty first option of the product select.' }),
        choices: products.map((p) => ({ value: p.id, label: p.name })),
        error: view.errorFor('productId'),
        onChange: (value) => view.edit({ productId: value }),
      })}
      ${renderProductNotes(view, o.area)}
      ${textField({
        id: 'description',
        label: msg('Description', { id: 'ticket-form.description.label', desc: 'Label of the case description field.' }),
        hint: msg('What happened, what you expected, and any error message you saw.', { id: 'ticket-form.description.hint', desc: 'Hint under the description field.' }),
        value: fields.description,
        multiline: true,
        required: true,
        readonly: view.readOnly('description'),
        maxlength: config.maxLengths.description,
        error: view.errorFor('description'),
        onInput: (value) => view.edit({ description: value }),
      })}
      ${radioGroup({
        id: 'contactMethod',
        label: msg('Preferred contact method', { id: 'ticket-form.contact.label', desc: 'Legend of the preferred contact method choice.' }),
        value: fields.contactMethod,
        required: true,
        readonly: view.readOnly('contactMethod'),
        error: view.errorFor('contactMethod'),
        choices: contactChoices(),
        onChange: (value) => {
          const method = contactChoiceOf(value);
          if (method) view.edit({ contactMethod: method });
        },
      })}
      ${renderCustomFields(view)}
      ${o.flow.attachmentsInForm ? renderAttachments(view, o.uploads, attachmentsError, o.busy) : nothing} ${renderActions(o)}
    </form>`;
}

function contactChoiceOf(value: string): ContactMethod | undefined {
  return value === 'email' || value === 'portal' ? value : undefined;
}

function contactChoices(): Choice[] {
  return [
    {
      value: 'email',
      label: msg('Email', { id: 'ticket-form.contact.email', desc: 'Contact method choice: by email.' }),
      hint: msg('We answer by email. You can reply directly to our emails.', { id: 'ticket-form.contact.email.hint', desc: 'Hint under the Email contact choice.' }),
    },
    {
      value: 'portal',
      label: msg('Online support center', { id: 'ticket-form.contact.portal', desc: 'Contact method choice: through the online support center (portal).' }),
      hint: msg('We send you a “no-reply” email when there is news. You read answers and add comments by signing in to the support center.', { id: 'ticket-form.contact.portal.hint', desc: 'Hint under the Online support center contact choice.' }),
    },
  ];
}

function renderAccount(session: Session): TemplateResult | typeof nothing {
  const accountName = session.accounts.find((a) => a.id === session.activeAccountId)?.name;
  if (session.accounts.length <= 1 || !accountName) return nothing;
  return html`<p class="account">
    ${msg(str`This case is for the account ${accountName}.`, { id: 'ticket-form.account', desc: 'In the case form when the customer has several accounts: which account the case is opened for. ${accountName} is the account name.' })}
  </p>`;
}

function renderClassification(view: TicketFormView): TemplateResult {
  const category = view.categories.find((c) => c.id === view.fields.categoryId);
  const categoryLabel = category?.label;
  const subcategoryLabel = category?.subcategories.find((s) => s.id === view.fields.subcategoryId)?.label;
  return html`<div class="classification">
    <span>
      ${categoryLabel && subcategoryLabel
        ? msg(str`Category: ${categoryLabel} › ${subcategoryLabel}`, { id: 'ticket-form.details.category', desc: 'In the case form, the chosen category and subcategory. ${categoryLabel} and ${subcategoryLabel} come from the support catalog.' })
        : msg('No category chosen yet.', { id: 'ticket-form.details.no_category', desc: 'In the case form when the category is missing (e.g. after the backend rejected it).' })}
    </span>
    <button type="button" class="link" id="categoryId" @click=${() => view.goTo('category')}>
      ${msg('Change category', { id: 'ticket-form.details.change_category', desc: 'Link-style button going back to the category step.' })}
    </button>
  </div>`;
}

/** Submit keeps focus while busy: `aria-disabled`, never `disabled` (COMMON busy convention). */
function renderActions(o: DetailsOptions): TemplateResult {
  return html`${o.busy
      ? html`<p role="status">${msg('Sending your case…', { id: 'ticket-form.submitting', desc: 'Shown while the case is being sent.' })}</p>`
      : html`<p role="status" class="visually-hidden"></p>`}
    <div class="actions">
      <button type="submit" part="submit-button" aria-disabled=${o.busy ? 'true' : 'false'}>
        ${msg('Submit ticket', { id: 'ticket-form.submit', desc: 'Button that sends the case. French seed words: "Envoyer le ticket".' })}
      </button>
      ${backButton(o.back)}
    </div>`;
}

function renderProductNotes(view: TicketFormView, area: AreaConfig): TemplateResult | typeof nothing {
  const missing = area.products.flatMap((product) => {
    const availability = productAvailability(view.config, view.locale, product.id);
    return availability.offered ? [] : [{ product, offeredIn: availability.offeredIn }];
  });
  if (missing.length === 0) return nothing;
  return html`${missing.map(({ product, offeredIn }) => {
    const name = product.name;
    return html`<div class="notice product-not-offered" part="notice" data-product=${product.id}>
      <p>
        ${msg(str`Support for ${name} is not offered in this language, so it is not in the list.`, { id: 'ticket-form.not_offered.product', desc: 'Under the product select, for a product not supported in the current language; buttons to switch language follow. ${name} is the product\'s brand name.' })}
      </p>
      ${languageButtons(offeredIn, view.locale, view.requestLocale)}
    </div>`;
  })}`;
}

const MEGABYTES: Intl.NumberFormatOptions = { style: 'unit', unit: 'megabyte', unitDisplay: 'short', maximumFractionDigits: 1 };

function renderAttachments(view: TicketFormView, uploads: UploadController, error: string, busy: boolean): TemplateResult {
  const limits = view.config.attachments;
  const max = limits.maxFiles;
  const types = limits.accept.join(', ');
  const size = formatNumberWith(limits.maxBytes / (1024 * 1024), view.locale, MEGABYTES);
  return html`<div class="field ${error ? 'field--error' : ''}" role="group" aria-labelledby="attachments-label">
    <span class="label" id="attachments-label">
      ${msg('Attachments (optional)', { id: 'ticket-form.attachments.label', desc: 'Label of the attachments part of the case form.' })}
    </span>
    <div class="hint" id="attachments-hint">
      ${msg(str`Up to ${max} files, ${size} each. Accepted types: ${types}. You can add more files after opening the case.`, { id: 'ticket-form.attachments.hint', desc: 'Hint of the attachments part. ${max} is the file count limit, ${size} the size limit (e.g. "20 MB"), ${types} the accepted extensions.' })}
    </div>
    <div role="alert">${error ? fieldMessages('attachments', undefined, error) : nothing}</div>
    ${renderUploadPicker(uploads, { id: 'attachments', describedBy: error ? 'attachments-hint attachments-error' : 'attachments-hint', disabled: busy }, limits)}
    ${renderUploadList(uploads, view.locale, limits)}
  </div>`;
}
