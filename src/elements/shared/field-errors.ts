/**
 * The one table of field-error messages: for each form, the message of each (field, code)
 * pair that has its own words; anything else falls back to the generic wording of the code
 * (`validationMessage`). Called from `render()` only: state keeps `{ field, code }`, never
 * the words.
 */
import { msg, str } from '@lit/localize';
import type { SupportConfig } from '../../core/config.js';
import type { ValidationCode } from '../../core/errors.js';
import { validationMessage } from './messages.js';

/** Codes a form adds to the core's validation codes (states of its own controls). */
export type FormErrorCode = ValidationCode | 'uploads_busy' | 'uploads_failed';

export interface FormFieldError {
  readonly field: string;
  readonly code: FormErrorCode;
}

export type FormName = 'ticket' | 'comment' | 'watcher' | 'callback' | 'attachments' | 'sign-in' | 'sign-in-help';

/** What some messages name: the limits of the config, the case being followed up. */
export interface FieldErrorContext {
  readonly config: SupportConfig;
  readonly followUpOf?: string | undefined;
}

type Entry = (context: FieldErrorContext) => string;

const TABLE: { readonly [F in FormName]: { readonly [fieldAndCode: string]: Entry } } = {
  ticket: {
    'subject:required': () =>
      msg('Enter a subject for your case', { id: 'ticket-form.error.subject_required', desc: 'Error when the case subject (title) is empty.' }),
    'subject:too_long': ({ config }) => {
      const max = config.maxLengths.subject;
      return msg(str`The subject must be ${max} characters or fewer`, { id: 'ticket-form.error.subject_too_long', desc: 'Error when the subject is too long. ${max} is the largest number of characters.' });
    },
    'description:required': () =>
      msg('Describe the problem', { id: 'ticket-form.error.description_required', desc: 'Error when the case description is empty.' }),
    'description:too_long': ({ config }) => {
      const max = config.maxLengths.description;
      return msg(str`The description must be ${max} characters or fewer`, { id: 'ticket-form.error.description_too_long', desc: 'Error when the description is too long. ${max} is the largest number of characters.' });
    },
    'productId:required': () =>
      msg('Select the product the case is about', { id: 'ticket-form.error.product_required', desc: 'Error when no product is selected.' }),
    'categoryId:required': () =>
      msg('Select a category', { id: 'ticket-form.error.category_required', desc: 'Error when no category is selected. French seed word for category: "Catégorie".' }),
    'subcategoryId:required': () =>
      msg('Select a subcategory', { id: 'ticket-form.error.subcategory_required', desc: 'Error when no subcategory is selected. French seed word: "Sous-catégorie".' }),
    'contactMethod:required': () =>
      msg('Select how you want us to contact you', { id: 'ticket-form.error.contact_required', desc: 'Error when no preferred contact method is chosen.' }),
    'attachments:uploads_busy': () =>
      msg('Wait until your files have uploaded, or cancel them', { id: 'ticket-form.error.uploads_busy', desc: 'Error when the customer submits while attachments are still uploading.' }),
    'attachments:uploads_failed': () =>
      msg('Retry or remove the files that did not upload', { id: 'ticket-form.error.uploads_failed', desc: 'Error when the customer submits while some attachments failed or were cancelled.' }),
    'followUpOf:invalid_choice': ({ followUpOf }) => followUpInvalid(followUpOf),
    'followUpOf:required': ({ followUpOf }) => followUpInvalid(followUpOf),
  },
  comment: {
    'comment:required': () =>
      msg('Enter a comment', { id: 'my-tickets.comment.required', desc: 'Error when the customer sends an empty comment on a case.' }),
    'comment:too_long': ({ config }) => {
      const max = config.maxLengths.comment;
      return msg(str`Enter a comment of ${max} characters or fewer`, { id: 'my-tickets.comment.too_long', desc: 'Error when a comment is too long. ${max} is the largest number of characters accepted.' });
    },
  },
  watcher: {
    'email:required': () =>
      msg('Enter the email address of the person to add', { id: 'my-tickets.watcher.required', desc: 'Error when "Add watcher" is pressed with an empty email field.' }),
  },
  callback: {
    'phone:required': () =>
      msg('Enter the phone number support should call', { id: 'my-tickets.phone.required', desc: 'Error when "Call me" is pressed with an empty phone number.' }),
  },
  attachments: {},
  'sign-in': {
    'email:required': () =>
      msg('Enter your email address', { id: 'sign-in.email.required', desc: 'Error when the sign-in email is empty.' }),
    'email:invalid_email': () =>
      msg('Enter an email address in the right format, like name@example.com', { id: 'sign-in.email.invalid', desc: 'Error when the sign-in email is not an email address. Keep the example as is.' }),
    'password:required': () =>
      msg('Enter your password', { id: 'sign-in.password.required', desc: 'Error when the sign-in password is empty.' }),
  },
  'sign-in-help': {
    'name:required': () =>
      msg('Enter your name', { id: 'sign-in-help.name.required', desc: 'Error when the name of the can\'t-sign-in form is empty.' }),
    'email:required': () =>
      msg('Enter the email address you sign in with', { id: 'sign-in-help.email.required', desc: 'Error when the email of the can\'t-sign-in form is empty.' }),
    'areaId:required': () =>
      msg('Select the product you cannot sign in to', { id: 'sign-in-help.area.required', desc: 'Error when no product area is chosen in the can\'t-sign-in form.' }),
    'description:required': () =>
      msg('Describe what happens when you try to sign in', { id: 'sign-in-help.description.required', desc: 'Error when the description of the can\'t-sign-in form is empty.' }),
  },
};

function followUpInvalid(followUpOf: string | undefined): string {
  const number = followUpOf ?? '';
  return msg(str`Case ${number} is not one of your closed cases, so this case cannot follow up on it`, { id: 'ticket-form.error.follow_up_invalid', desc: 'Error when the backend refuses the closed case number of a follow-up. ${number} is that case number.' });
}

/** The message of one field error of `form`, in the active language. */
export function fieldErrorMessage(form: FormName, error: FormFieldError, context: FieldErrorContext): string {
  const entry = TABLE[form][`${error.field}:${error.code}`];
  if (entry) return entry(context);
  // Form-only codes always have an entry above; a stray one says nothing rather than lie.
  return error.code === 'uploads_busy' || error.code === 'uploads_failed' ? '' : validationMessage(error.code);
}
