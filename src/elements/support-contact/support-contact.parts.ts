/**
 * The parts of the steps `<support-contact>` composes, re-exported through `exportparts` so a
 * host's `support-contact::part(...)` reaches into them. Shadow roots nest, and `::part()` only
 * sees the parts its element exports; without this, `ticket-form::part(submit-button)` styles
 * a standalone form but not the one inside `<support-contact>`.
 *
 * Scheme (docs/THEMING.md): `<step tag>-<part>`, e.g. `ticket-form-submit-button`,
 * `sign-in-submit`, `my-tickets-row`, `sign-in-help-form`. The prefix keeps the steps' parts
 * apart from `<support-contact>`'s own (both have a `heading`, a `form`, a `button`...).
 * test/node/exported-parts.test.mjs checks each list against custom-elements.json.
 */

/** Each composed step: its tag, the prefix its parts get, and the parts it documents. */
export const STEP_PARTS = {
  'ticket-form': {
    prefix: 'ticket-form',
    parts: [
      'step-heading',
      'form',
      'area-button',
      'submit-button',
      'error-summary',
      'notice',
      'suggestions',
      'dropzone',
      'add-attachment',
      'upload-list',
      'outbox',
      'confirmation',
    ],
  },
  'support-sign-in': { prefix: 'sign-in', parts: ['heading', 'form', 'submit', 'error-summary'] },
  'support-sign-in-help': { prefix: 'sign-in-help', parts: ['heading', 'form', 'submit', 'error-summary', 'outbox', 'confirmation'] },
  'my-tickets': {
    prefix: 'my-tickets',
    parts: ['list', 'row', 'empty', 'detail', 'detail-heading', 'detail-conversation'],
  },
} as const satisfies Record<string, { readonly prefix: string; readonly parts: readonly string[] }>;

export type StepTag = keyof typeof STEP_PARTS;

/** The `exportparts` value of a step: `part:prefix-part, ...`. */
export function exportPartsOf(tag: StepTag): string {
  const { prefix, parts } = STEP_PARTS[tag];
  return parts.map((part) => `${part}:${prefix}-${part}`).join(', ');
}

