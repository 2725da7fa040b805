/**
 * The comment form of a case view. It calls `msg()`, so call it from `render()`; the element
 * passes its state and handlers as a `CaseFormsView` (see ticket-detail-forms.ts).
 */
import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { Ticket } from '../../core/ticket.js';
import { errorSummary, textField } from '../shared/forms.js';
import type { CaseFormsView } from './ticket-detail-forms.js';

export function renderCommentForm(f: CaseFormsView, ticket: Ticket, onSubmit: (event: Event) => void): TemplateResult {
  const shown = f.actions.errorsOf('comment', f.config);
  const busy = f.actions.comment.busy;
  const reopens = ticket.status === 'pending' || ticket.status === 'action_required';
  return html`<form part="comment-form" class="comment-form" novalidate aria-busy=${busy ? 'true' : 'false'} @submit=${onSubmit}>
    ${errorSummary(shown, f.root)}
    ${textField({
      id: 'comment',
      label: msg('Comments', { id: 'my-tickets.comment.label', desc: 'Label of the field where the customer writes a comment on a case. Seed French: "Commentaires".' }),
      hint: reopens
        ? msg('Adding a comment sets the case back to Open.', { id: 'my-tickets.comment.hint_reopens', desc: 'Hint under the comment field of a Pending or Action required case.' })
        : undefined,
      value: f.view.fields.comment,
      multiline: true,
      required: true,
      maxlength: f.config.maxLengths.comment,
      error: shown[0]?.message,
      onInput: (value) => f.onInput('comment', value),
    })}
    ${f.failureOf('comment')}
    <div class="actions">
      <button type="submit" aria-disabled=${busy ? 'true' : 'false'}>
        ${msg('Add comment', { id: 'my-tickets.comment.submit', desc: 'Button that sends the comment on a case.' })}
      </button>
    </div>
  </form>`;
}
