/**
 * The shape of a case's custom-field answers, on its own: the adapters' boundary checks of the
 * first view need only this guard, and a module lives in one chunk, so importing it from
 * custom-fields.ts would pull the form's rules into the first view (+1.9 KB min).
 */
/** A field's value: text (select and date included) or, for a checkbox, whether it is ticked. */
export type CustomFieldValue = string | boolean;
export type CustomFieldValues = Readonly<Record<string, CustomFieldValue>>;

/** Whether `value` has the shape of `customFields` (an object of strings and booleans). */
export function isCustomFieldValues(value: unknown): value is CustomFieldValues {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string' || typeof v === 'boolean')
  );
}
