import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { DraftController } from '../../controllers/draft-controller.js';
import { ActionController } from '../../controllers/action-controller.js';
import { OutboxController } from '../../controllers/outbox-controller.js';
import type { OutboxItem, OutboxPayload, OutboxResult } from '../../controllers/outbox.js';
import { validateSignInHelp, type SignInHelpRequest } from '../../core/validation.js';
import { SignInHelpSubmittedEvent } from '../../events/events.js';
import { errorSummary, radioGroup, selectField, textField, type ShownError } from '../shared/forms.js';
import { fieldErrorMessage } from '../shared/field-errors.js';
import { failureMessage } from '../shared/messages.js';
import { outboxStyles, renderOutbox } from '../shared/outbox-view.js';
import { SupportElement } from '../shared/support-element.js';
import { signInHelpStyles } from './sign-in-help.styles.js';

type HelpDraft = {
  name: string;
  email: string;
  areaId: string;
  description: string;
  /** The intent the key was made for, and the key: a retry of the same request reuses it. */
  intent: string;
  idempotencyKey: string;
};

type Receipt = { readonly reference: string; readonly email: string; readonly areaId: string };

/**
 * Up to this many product areas are radios, more a drop-down: an area's name may be long
 * ("Protect & Sign, CLM.CM & Insight & Analyzer (Seal)"), and a radio's label wraps where a
 * native drop-down cuts it (at 320 px it shows half of it).
 */
const AREA_RADIOS_UP_TO = 5;

function emptyDraft(areaId: string): HelpDraft {
  return { name: '', email: '', areaId, description: '', intent: '', idempotencyKey: '' };
}

/**
 * @summary The "I can't sign in" web form: name, email, product area and what happens.
 * Needs no sign-in; sends a request through the backend and shows its reference.
 *
 * What is typed is kept as a draft (never a password: the form has none) until the backend
 * confirms; a repeated submit of the same request reuses its idempotency key (kept with the
 * draft, so a reload keeps it too), so it creates one request. Sent while the network is gone,
 * the request also waits in the outbox and is sent when the connection returns. It has no
 * session, so it belongs to the browser profile: whoever uses this browser sees it waiting.
 *
 * @fires sign-in-help-submitted - The backend received the request; `event.reference`, `event.areaId`.
 * @csspart heading - The form's heading.
 * @csspart form - The form.
 * @csspart submit - The "Send" button.
 * @csspart error-summary - The box listing the form's errors.
 * @csspart confirmation - The box with the reference after sending.
 * @csspart outbox - Requests waiting for the connection ("Waiting to send", offline outbox).
 * @cssprop [--se-color-primary=#1a56c4] - Buttons and links.
 * @cssprop [--se-color-error=#b3261e] - Errors.
 * @cssprop [--se-color-success=#1e6b3a] - The confirmation's border.
 */
export class SupportSignInHelp extends SupportElement {
  static override styles = [...SupportElement.styles, outboxStyles, signInHelpStyles];

  /** The product area chosen in advance (when the user came from that area's link). */
  @property() area: string | undefined;

  @state() private draft: HelpDraft = emptyDraft('');

  @query('h2') private heading: HTMLElement | null | undefined;
  @query('.error-summary') private summary: HTMLElement | null | undefined;

  private readonly drafts = new DraftController<HelpDraft>(this, () => 'sign-in-help');

  private readonly submission = new ActionController<SignInHelpRequest, Receipt>(this, {
    validate: (request) => validateSignInHelp(request, this.config),
    intentOf: (request) => JSON.stringify(request),
    keyStore: {
      load: () => (this.draft.idempotencyKey ? { intent: this.draft.intent, key: this.draft.idempotencyKey } : undefined),
      save: (value) => this.edit({ intent: value?.intent ?? '', idempotencyKey: value?.key ?? '' }),
    },
    task: async (request, { signal, idempotencyKey }) => {
      const send = () => this.api.submitSignInHelp(request, { idempotencyKey, signal, locale: this.resolvedLocale });
      const receipt = await this.waiting.queueOnNetworkFailure({ kind: 'sign-in-help', request }, idempotencyKey, send);
      return { reference: receipt.reference, email: request.email, areaId: request.areaId };
    },
    onDone: (receipt) => this.received(receipt),
    focus: {
      done: () => this.heading,
      invalid: () => this.summary,
      failed: () => this.renderRoot.querySelector<HTMLElement>('.notice--error'),
    },
  });

  /** The request the outbox delivered while this form held it (its own send had failed). */
  @state() private delivered: Receipt | undefined;

  private readonly waiting = new OutboxController(this, {
    backend: () => this.api,
    viewer: () => undefined,
    shows: (item) => item.payload.kind === 'sign-in-help',
    onSent: (item, result) => this.outboxSent(item, result),
  });

  private received(receipt: Receipt): void {
    this.drafts.clear();
    this.draft = emptyDraft(this.area ?? '');
    this.dispatchEvent(new SignInHelpSubmittedEvent(receipt.reference, receipt.areaId));
  }

  private outboxSent(item: OutboxItem, result: OutboxResult): void {
    if (item.payload.kind !== 'sign-in-help' || result.kind !== 'receipt' || item.idempotencyKey !== this.draft.idempotencyKey) return;
    const { email, areaId } = item.payload.request;
    this.submission.clear();
    this.delivered = { reference: result.receipt.reference, email, areaId };
    this.received(this.delivered);
  }

  /** Cancel: the request's words come back when the form is empty (nothing typed since is overwritten). */
  private cancelled(payload: OutboxPayload): void {
    if (payload.kind !== 'sign-in-help' || this.draft.description.trim() !== '') return;
    const { name, email, areaId, description } = payload.request;
    this.edit({ name, email, areaId, description });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const saved = this.drafts.load();
    if (saved) this.draft = { ...this.draft, ...saved };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('area') && this.area && this.config.areas.some((a) => a.id === this.area)) {
      this.draft = { ...this.draft, areaId: this.area };
    }
  }

  /** Moves focus to the heading of what is shown (the form, or the confirmation). */
  override focus(): void {
    this.heading?.focus();
  }

  private edit(patch: Partial<HelpDraft>): void {
    this.draft = { ...this.draft, ...patch };
    this.drafts.save(this.draft);
  }

  private submit(event: Event): void {
    event.preventDefault();
    const request: SignInHelpRequest = {
      name: this.draft.name.trim(),
      email: this.draft.email.trim(),
      areaId: this.draft.areaId,
      description: this.draft.description.trim(),
    };
    void this.submission.run(request);
  }

  private renderConfirmation(receipt: Receipt) {
    const { reference, email } = receipt;
    return html`<div class="notice notice--success" part="confirmation" role="status">
      <h2 part="heading" tabindex="-1">
        ${msg('We received your request', { id: 'sign-in-help.sent.heading', desc: 'Heading shown after the can\'t-sign-in form was sent.' })}
      </h2>
      <p>
        ${msg(str`Your reference is ${reference}.`, { id: 'sign-in-help.sent.reference', desc: 'After sending the can\'t-sign-in form. ${reference} is the request\'s reference (letters and digits).' })}
      </p>
      <p>
        ${msg(str`We will answer by email at ${email}. Quote the reference if you write to us about it.`, { id: 'sign-in-help.sent.next', desc: 'After sending the can\'t-sign-in form. ${email} is the address the customer entered.' })}
      </p>
    </div>`;
  }

  override render() {
    const outcome = this.submission.state;
    if (outcome.status === 'done') return this.renderConfirmation(outcome.result);
    if (this.delivered) return this.renderConfirmation(this.delivered);
    const shown: ShownError[] = this.submission.fieldErrors.map((e) => ({
      id: e.field,
      message: fieldErrorMessage('sign-in-help', e, { config: this.config }),
    }));
    const failure = this.submission.failureKind;
    const busy = this.submission.busy;
    const errorFor = (field: string) => shown.find((e) => e.id === field)?.message;
    return html`
      <h2 part="heading" tabindex="-1">
        ${msg('Get help signing in', { id: 'sign-in-help.heading', desc: 'Heading of the web form for customers who cannot sign in.' })}
      </h2>
      <p class="hint">
        ${msg('You do not need to sign in to send this form. We answer by email.', { id: 'sign-in-help.intro', desc: 'Under the heading of the can\'t-sign-in form.' })}
      </p>
      ${errorSummary(shown, this.renderRoot)}
      ${failure ? html`<div class="notice notice--error" role="alert" tabindex="-1">${failureMessage(this.submission.failure ?? failure, { locale: this.resolvedLocale })}</div>` : nothing}
      ${renderOutbox(this.waiting, { locale: this.resolvedLocale, onCancel: (payload) => this.cancelled(payload) })}
      <form part="form" novalidate @submit=${this.submit} aria-busy=${busy ? 'true' : 'false'}>
        ${textField({
          id: 'name',
          label: msg('Full name', { id: 'sign-in-help.name', desc: 'Label of the name field of the can\'t-sign-in form.' }),
          value: this.draft.name,
          autocomplete: 'name',
          required: true,
          error: errorFor('name'),
          onInput: (name) => this.edit({ name }),
        })}
        ${textField({
          id: 'email',
          label: msg('Email address', { id: 'sign-in-help.email', desc: 'Label of the email field of the can\'t-sign-in form.' }),
          hint: msg('The one you sign in with. We answer to it.', { id: 'sign-in-help.email.hint', desc: 'Hint under the email field of the can\'t-sign-in form.' }),
          value: this.draft.email,
          type: 'email',
          autocomplete: 'email',
          required: true,
          error: errorFor('email'),
          onInput: (email) => this.edit({ email }),
        })}
        ${(this.config.areas.length <= AREA_RADIOS_UP_TO ? radioGroup : selectField)({
          id: 'areaId',
          label: msg('Product', { id: 'sign-in-help.area', desc: 'Label of the product area drop-down of the can\'t-sign-in form.' }),
          value: this.draft.areaId,
          choices: this.config.areas.map((a) => ({ value: a.id, label: a.name })),
          placeholder: msg('Select a product', { id: 'sign-in-help.area.placeholder', desc: 'Empty first option of the product drop-down of the can\'t-sign-in form.' }),
          required: true,
          error: errorFor('areaId'),
          onChange: (areaId) => this.edit({ areaId }),
        })}
        ${textField({
          id: 'description',
          label: msg('What happens when you try to sign in?', { id: 'sign-in-help.description', desc: 'Label of the description field of the can\'t-sign-in form.' }),
          hint: msg('For example the message you see. Never write your password here.', { id: 'sign-in-help.description.hint', desc: 'Hint under the description field of the can\'t-sign-in form.' }),
          value: this.draft.description,
          multiline: true,
          required: true,
          maxlength: this.config.maxLengths.description,
          error: errorFor('description'),
          onInput: (description) => this.edit({ description }),
        })}
        <div class="actions">
          <button part="submit" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
            ${msg('Send', { id: 'sign-in-help.submit', desc: 'Button that sends the can\'t-sign-in form.' })}
          </button>
        </div>
        <div role="status" class="visually-hidden">
          ${busy ? msg('Sending…', { id: 'sign-in-help.sending', desc: 'Announced while the can\'t-sign-in form is being sent.' }) : nothing}
        </div>
      </form>
    `;
  }
}
