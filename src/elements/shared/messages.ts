/**
 * Messages several elements show: state names and meanings, backend error kinds, and the
 * generic wording of validation codes. Called from `render()` only, so they follow the
 * active language.
 */
import { msg } from '@lit/localize';
import type { ErrorKind, ValidationCode } from '../../core/errors.js';
import type { Status } from '../../core/ticket.js';

export function statusLabel(status: Status): string {
  switch (status) {
    case 'open':
      return msg('Open', { id: 'status.open', desc: 'Case state: a support expert is looking at the case. Same word in lists, details and emails.' });
    case 'action_required':
      return msg('Action required', { id: 'status.action_required', desc: 'Case state: support needs information from the customer. The seed\'s French is "Mon action requise".' });
    case 'pending':
      return msg('Pending', { id: 'status.pending', desc: 'Case state: an expert gave a solution; the case closes by itself unless the customer replies. French: "En attente".' });
    case 'closed':
      return msg('Closed', { id: 'status.closed', desc: 'Case state: the case is read-only for everyone. French: "Fermé".' });
  }
}

/** One line saying what a state means for the customer (no date: see `pendingMeaning`). */
export function statusMeaning(status: Status): string {
  switch (status) {
    case 'open':
      return msg('A support expert is looking at it.', { id: 'status.open.meaning', desc: 'One-line meaning of the Open case state.' });
    case 'action_required':
      return msg('Support needs information from you.', { id: 'status.action_required.meaning', desc: 'One-line meaning of the Action required case state.' });
    case 'pending':
      return msg('A solution was given. The case closes by itself unless you reply.', { id: 'status.pending.meaning', desc: 'One-line meaning of the Pending case state, when no close date is known.' });
    case 'closed':
      return msg('Read-only. Open a follow-up case if the problem persists.', { id: 'status.closed.meaning', desc: 'One-line meaning of the Closed case state.' });
  }
}

/** What went wrong with the backend, and what the user can do, for each error kind. */
export function errorKindMessage(kind: ErrorKind): string {
  switch (kind) {
    case 'network':
      return msg('We could not reach the support service. Check your connection and try again. Nothing you typed is lost.', { id: 'error.network', desc: 'Shown when the network is down or the server cannot be reached.' });
    case 'timeout':
      return msg('The support service took too long to answer. Try again in a moment. Nothing you typed is lost.', { id: 'error.timeout', desc: 'Shown when a request timed out.' });
    case 'unauthorized':
      return msg('Your session has ended. Sign in again to continue; what you typed is kept.', { id: 'error.unauthorized', desc: 'Shown when the session expired or the sign-in is needed.' });
    case 'forbidden':
      return msg('You do not have access to this. Check that you are signed in with the right account.', { id: 'error.forbidden', desc: 'Shown when the backend refuses an action for this user.' });
    case 'not_found':
      return msg('We could not find this case. It may have been removed or belong to another account.', { id: 'error.not_found', desc: 'Shown when a case does not exist or is not visible to the user.' });
    case 'conflict':
      return msg('This case changed in the meantime (it may be closed). Reload it to see its current state.', { id: 'error.conflict', desc: 'Shown when the backend rejects a change because the case changed or is closed.' });
    case 'too_large':
      return msg('This is larger than the support service accepts.', { id: 'error.too_large', desc: 'Shown when an upload or a request body is too large.' });
    case 'validation':
      return msg('Some answers need correcting.', { id: 'error.validation', desc: 'Shown when the backend rejected input without naming a field.' });
    case 'rate_limited':
      return msg('Too many attempts. Wait a minute, then try again.', { id: 'error.rate_limited', desc: 'Shown when the backend asks to slow down (HTTP 429).' });
    case 'server':
      return msg('Something went wrong on our side. Try again in a few minutes. Nothing you typed is lost.', { id: 'error.server', desc: 'Shown when the backend fails (HTTP 5xx).' });
    case 'bad_response':
      return msg('The support service sent an answer we could not read. Try again in a few minutes.', { id: 'error.bad_response', desc: 'Shown when the backend response is malformed.' });
  }
}

/** Wording of a validation code when no field-specific message exists. */
export function validationMessage(code: ValidationCode): string {
  switch (code) {
    case 'required':
      return msg('Answer this question.', { id: 'validation.required', desc: 'Generic error for a required field left empty.' });
    case 'too_long':
      return msg('This is too long. Shorten it.', { id: 'validation.too_long', desc: 'Generic error for text over the length limit.' });
    case 'invalid_email':
      return msg('Enter an email address in the right format, like name@example.com.', { id: 'validation.invalid_email', desc: 'Error for an email address in the wrong format. Keep the example address as is.' });
    case 'invalid_phone':
      return msg('Enter a phone number, like +1 555 010 0199.', { id: 'validation.invalid_phone', desc: 'Error for a phone number in the wrong format. Keep the example number as is.' });
    case 'file_too_large':
      return msg('The file is too large.', { id: 'validation.file_too_large', desc: 'Error for an attachment over the size limit.' });
    case 'file_type':
      return msg('This type of file is not accepted.', { id: 'validation.file_type', desc: 'Error for an attachment of a type that is not accepted.' });
    case 'too_many_files':
      return msg('You cannot add more files to this case.', { id: 'validation.too_many_files', desc: 'Error when the attachment count limit is reached.' });
    case 'invalid_choice':
      return msg('Choose one of the options.', { id: 'validation.invalid_choice', desc: 'Error when a value is not one of the allowed options.' });
    case 'not_offered':
      return msg('Support for this is not offered in this language.', { id: 'validation.not_offered', desc: 'Error when a product or area is not offered in the current language.' });
  }
}
