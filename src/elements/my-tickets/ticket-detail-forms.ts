/**
 * The attachments, watcher and "Call me" forms of a case view. They call `msg()`, so call them from
 * `render()`; the element passes its state and handlers as a `CaseFormsView`.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { BackendCapabilities } from '../../adapters/backend.js';
import type { SupportConfig, LocaleCode } from '../../core/config.js';
import type { UploadController } from '../../controllers/upload-controller.js';
import type { Ticket } from '../../core/ticket.js';
import { renderRejected, renderUploadList, renderUploadPicker } from '../shared/upload-list.js';
import { errorSummary, textField } from '../shared/forms.js';
import type { CaseActions, CaseForm } from './ticket-detail-actions.js';
import { confirmingRemoval, type DetailField, type DetailView } from './ticket-detail.machine.js';
import { renderAttachmentList, renderCallbackList, renderWatcher } from './ticket-detail-render.js';

export interface CaseFormsView {
  readonly actions: CaseActions;
  readonly view: DetailView;
  readonly config: SupportConfig;
  readonly root: ParentNode;
  readonly locale: LocaleCode;
  readonly failureOf: (form: CaseForm) => TemplateResult | typeof nothing;
  readonly onInput: (field: DetailField, value: string) => void;
  readonly addWatcher: (event: Event) => void;
  readonly askRemove: (email: string) => Promise<void>;
  readonly removeWatcher: (email: string) => void;
  readonly cancelRemove: (email: string) => Promise<void>;
  /** What the backend allows: no "Remove" without `removeWatcher`, no "Add watcher" form without `addWatcher`. */
  readonly capabilities: BackendCapabilities;
  readonly requestCallback: (event: Event) => void;
  readonly uploads: UploadController;
  readonly attach: () => void;
  /** The sign-in form in place, for an upload the backend refused because the session ended. */
  readonly signIn: () => TemplateResult | typeof nothing;
}

export function renderWatchers(f: CaseFormsView, ticket: Ticket, closed: boolean): TemplateResult {
  const shown = f.actions.errorsOf('watcher', f.config);
  const confirming = confirmingRemoval(f.view);
  return html`<section aria-labelledby="watchers-title">
    <h3 id="watchers-title" tabindex="-1">${msg('Manage watchers', { id: 'my-tickets.watchers', desc: 'Heading of the people who can follow a case. Seed French: "Gérer les observateurs".' })}</h3>
    <p class="hint">
      ${msg('Watchers can follow the progress of this case in the support portal. Adding or removing them does not change the state of the case.', {
        id: 'my-tickets.watchers.hint',
        desc: 'Explanation under "Manage watchers".',
      })}
    </p>
    ${ticket.watchers.length > 0
      ? html`<ul class="plain-list watchers">
          ${ticket.watchers.map(({ email }) =>
            renderWatcher({
              email,
              closed,
              removable: f.capabilities.removeWatcher,
              confirming: confirming === email,
              removing: f.actions.removeWatcher.busy,
              onAsk: () => void f.askRemove(email),
              onRemove: () => f.removeWatcher(email),
              onCancel: () => void f.cancelRemove(email),
            }),
          )}
        </ul>`
      : html`<p class="muted">${msg('No one else follows this case.', { id: 'my-tickets.watchers.none', desc: 'Shown when a case has no watchers.' })}</p>`}
    ${closed || !f.capabilities.addWatcher
      ? nothing
      : html`<form class="watcher-form" novalidate aria-busy=${f.actions.addWatcher.busy ? 'true' : 'false'} @submit=${f.addWatcher}>
          ${errorSummary(shown, f.root)}
          ${textField({
            id: 'watcher-email',
            label: msg('Email address of the person to add', { id: 'my-tickets.watcher.label', desc: 'Label of the field to add a watcher to a case.' }),
            type: 'email',
            autocomplete: 'off',
            value: f.view.fields.watcher,
            error: shown[0]?.message,
            onInput: (value) => f.onInput('watcher', value),
          })}
          ${f.failureOf('watcher')}
          <div class="actions">
            <button type="submit" class="secondary" aria-disabled=${f.actions.addWatcher.busy ? 'true' : 'false'}>
              ${msg('Add watcher', { id: 'my-tickets.watcher.add', desc: 'Button that adds the typed email address as a watcher of the case.' })}
            </button>
          </div>
        </form>`}
  </section>`;
}

/**
 * "Call me": the calls already requested, and the form when `offered`. Where the form is not
 * offered (another language, another plan), calls requested before are still listed: the
 * customer should see that a call is on its way. Nothing when there is neither.
 */
export function renderCallback(f: CaseFormsView, ticket: Ticket, offered: boolean): TemplateResult | typeof nothing {
  if (!offered && ticket.callbacks.length === 0) return nothing;
  return html`<section aria-labelledby="callback-title" class="callback">
    <h3 id="callback-title">${msg('Call me', { id: 'my-tickets.callback', desc: 'Heading and name of the option to be called by support about a case. French: "M\'appeler".' })}</h3>
    ${renderCallbackList(ticket, f.locale)}
    ${offered ? renderCallbackForm(f) : nothing}
  </section>`;
}

function renderCallbackForm(f: CaseFormsView): TemplateResult {
  const shown = f.actions.errorsOf('callback', f.config);
  return html`<form class="callback-form" novalidate aria-busy=${f.actions.callback.busy ? 'true' : 'false'} @submit=${f.requestCallback}>
      ${errorSummary(shown, f.root)}
      ${textField({
        id: 'phone',
        label: msg('Phone number', { id: 'my-tickets.phone.label', desc: 'Label of the phone number support should call.' }),
        hint: msg('Include the country code, like +1 555 010 0199.', { id: 'my-tickets.phone.hint', desc: 'Hint under the "Call me" phone field. Keep the example number as is.' }),
        type: 'tel',
        autocomplete: 'tel',
        value: f.view.fields.phone,
        required: true,
        error: shown[0]?.message,
        onInput: (value) => f.onInput('phone', value),
      })}
      ${f.failureOf('callback')}
      <div class="actions">
        <button type="submit" class="secondary" aria-disabled=${f.actions.callback.busy ? 'true' : 'false'}>
          ${msg('Call me', { id: 'my-tickets.callback.submit', desc: 'Button that sends a request to be called by support about the case.' })}
        </button>
      </div>
    </form>`;
}

export function renderAttachments(f: CaseFormsView, ticket: Ticket, closed: boolean): TemplateResult {
  const locale = f.locale;
  return html`<section aria-labelledby="attachments-title">
    <h3 id="attachments-title">${msg('Attachments', { id: 'my-tickets.attachments', desc: 'Heading of the files attached to a case.' })}</h3>
    ${renderAttachmentList(ticket, locale)}
    ${closed
      ? nothing
      : html`<p class="hint">
            ${msg('Adding attachments does not change the state of the case.', { id: 'my-tickets.attachments.hint', desc: 'Hint above the control that adds files to a case.' })}
          </p>
          ${renderAddAttachments(f)}`}
  </section>`;
}

function renderAddAttachments(f: CaseFormsView): TemplateResult {
  const locale = f.locale;
  const limits = f.config.attachments;
  const rejected = f.uploads.rejected;
  const ready = f.uploads.tokens.length;
  return html`<div class="add-attachments" aria-busy=${f.actions.attachments.busy ? 'true' : 'false'}>
    ${renderRejected(rejected, limits, locale, 'attachments-error')}
    ${renderUploadPicker(f.uploads, { id: 'attachments', describedBy: rejected.length > 0 ? 'attachments-error' : undefined }, limits)}
    ${renderUploadList(f.uploads, locale, limits)}
    ${f.uploads.items.some((item) => item.state === 'failed' && item.error === 'unauthorized') ? f.signIn() : nothing}
    ${f.failureOf('attachments')}
    ${ready > 0
      ? html`<div class="actions">
          <button
            type="button"
            class="attach"
            aria-disabled=${f.uploads.busy || f.actions.attachments.busy ? 'true' : 'false'}
            @click=${f.attach}
          >
            ${msg('Attach to the case', { id: 'my-tickets.attachments.submit', desc: 'Button that attaches the uploaded files to the case.' })}
          </button>
        </div>`
      : nothing}
  </div>`;
}
