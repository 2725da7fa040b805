/**
 * What `<support-launcher>` re-exports of the `<support-contact>` it shows: every part of the
 * page and of its steps, under the names they have on `<support-contact>` itself. Apart from
 * support-contact.parts.ts so that pages without a launcher do not download the list.
 * test/node/exported-parts.test.mjs checks it against custom-elements.json.
 */
import { STEP_PARTS } from '../support-contact/support-contact.parts.js';

/** `<support-contact>`'s own parts (its JSDoc @csspart list). */
export const CONTACT_OWN_PARTS = [
  'header',
  'heading',
  'button',
  'open-case-button',
  'sign-in-button',
  'areas',
  'area',
  'area-name',
  'start-button',
  'locale-button',
  'profile-button',
  'profile-menu',
  'account-dialog',
  'back-button',
  'more-options',
  'help-link',
  'account-choice',
  'menu-item',
  'new-ticket-button',
  'other-realm-button',
] as const;

/** The launcher's `exportparts` for its `<support-contact>`. */
export function contactExportParts(): string {
  const steps = Object.values(STEP_PARTS).flatMap(({ prefix, parts }) => parts.map((part) => `${prefix}-${part}`));
  return [...CONTACT_OWN_PARTS, ...steps].join(', ');
}
