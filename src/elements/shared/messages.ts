/**
 * Messages several elements show: state names and meanings, backend error kinds, and the
 * generic wording of validation codes. Called from `render()` only, so they follow the
 * active language.
 */
import { msg, str } from '@lit/localize';
import type { LocaleCode } from '../../core/config.js';
import type { ErrorKind, FieldError, ValidationCode } from '../../core/errors.js';
import type { Status } from '../../core/ticket.js';
import { formatBytes, formatIn, formatNumber } from '../../localization/format.js';

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
      return msg('Sign in to continue.', { id: 'error.unauthorized.signed_out', desc: 'Shown when the support service needs the customer to sign in and they had not signed in here (never say their session ended: there was none).' });
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

/** What a failure says beyond its kind (a SupportError has all of it; any part may be missing). */
export interface FailureDetails {
  readonly kind: ErrorKind;
  readonly retryAfterSeconds?: number | undefined;
  readonly limitBytes?: number | undefined;
  /** The most results a search can page through (a `too_large` search past Zendesk's 1,000). */
  readonly resultLimit?: number | undefined;
  readonly detail?: string | undefined;
  readonly fieldErrors?: readonly FieldError[] | undefined;
}

export interface FailureContext {
  readonly locale: LocaleCode;
  /** The config's file size limit, when the failure may be an upload's (413 without `limitBytes`). */
  readonly maxBytes?: number | undefined;
  /**
   * Whether the customer had a session here, so an `unauthorized` says it ended; otherwise
   * (or unknown) it asks them to sign in.
   */
  readonly hadSession?: boolean | undefined;
}

/**
 * "in 2 minutes" in `locale` for a wait of `seconds` (rounded up to the unit that reads best):
 * Intl does the plural and the word order, in every language.
 */
export function waitPhrase(seconds: number, locale: LocaleCode): string {
  const wait = Math.max(1, Math.ceil(seconds));
  if (wait < 60) return formatIn(wait, 'second', locale);
  if (wait < 3600) return formatIn(Math.ceil(wait / 60), 'minute', locale);
  return formatIn(Math.ceil(wait / 3600), 'hour', locale);
}

/**
 * The message of a failure, with what the user can do: the size limit of a 413, when to try
 * again after a 429 with `Retry-After`, the server's `detail` of a 422 that names no field
 * (rendered by Lit as text, never as HTML). Falls back to `errorKindMessage`.
 */
export function failureMessage(failure: FailureDetails | ErrorKind, context: FailureContext): string {
  const details: FailureDetails = typeof failure === 'string' ? { kind: failure } : failure;
  switch (details.kind) {
    case 'too_large': {
      const results = details.resultLimit;
      if (results !== undefined && Number.isFinite(results) && results > 0) {
        const count = formatNumber(results, context.locale);
        return msg(str`Only the first ${count} matching cases can be shown. Add words to your search to find the others.`, {
          id: 'error.too_large.results',
          desc: 'Shown under the case list when the support service cannot page further through search results (Zendesk stops at 1,000). ${count} is that number, formatted.',
        });
      }
      const limit = details.limitBytes ?? context.maxBytes;
      if (limit === undefined || !Number.isFinite(limit) || limit <= 0) break;
      const max = formatBytes(limit, context.locale);
      return msg(str`Files up to ${max}. Try a smaller file.`, {
        id: 'error.too_large.limit',
        desc: 'Shown when the server refused an upload or a request as too large (HTTP 413). ${max} is the largest size accepted (e.g. "20 MB").',
      });
    }
    case 'rate_limited': {
      const seconds = details.retryAfterSeconds;
      if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) break;
      const when = waitPhrase(seconds, context.locale);
      return msg(str`Too many attempts. Try again ${when}.`, {
        id: 'error.rate_limited.when',
        desc: 'Shown when the backend asks to slow down (HTTP 429) and says for how long. ${when} is a relative time made by the browser in the same language, e.g. "in 2 minutes".',
      });
    }
    case 'validation': {
      const detail = details.detail?.trim();
      if (!detail || (details.fieldErrors?.length ?? 0) > 0) break;
      return msg(str`Some answers need correcting: ${detail}`, {
        id: 'error.validation.detail',
        desc: 'Shown when the backend rejected input without naming a field, with its own explanation. ${detail} is the server\'s sentence, in the language of the request when the server has it.',
      });
    }
    case 'unauthorized':
      if (!context.hadSession) break;
      return msg('Your session has ended. Sign in again to continue; what you typed is kept.', { id: 'error.unauthorized', desc: 'Shown when a session the customer had signed in with (or that the host app gave) has expired or was ended.' });
    default:
      break;
  }
  return errorKindMessage(details.kind);
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
    case 'too_short':
      return msg('This is too short. Add more.', { id: 'validation.too_short', desc: 'Generic error for text under its length minimum.' });
    case 'pattern_mismatch':
      return msg('Enter this in the format asked for.', { id: 'validation.pattern_mismatch', desc: 'Generic error for text not in the format a field asks for.' });
    case 'invalid_date':
      return msg('Enter a real date.', { id: 'validation.invalid_date', desc: 'Generic error for a date field whose value is not a date.' });
  }
}
