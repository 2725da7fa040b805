/**
 * Shape guards: the minimal checks that make a parsed body safe to hand to the elements (and
 * stored data safe to load). Not part of the public API.
 */
export type Guard<T> = (value: unknown) => value is T;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

export function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * An ISO 8601 date-time (`2024-05-03T09:00:00Z`, fractions and offsets allowed) that names a
 * real instant. Every date a backend sends goes through this: `new Date('garbage')` is an
 * Invalid Date, and Intl's formatters throw a RangeError on it, deep inside a render.
 */
export function isDateString(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= 40 &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i.test(value) &&
    Number.isFinite(Date.parse(value))
  );
}

/** Whether `value` is a record whose `keys` are all ISO date-times (see `isDateString`). */
export function hasDates(value: unknown, keys: readonly string[]): value is Record<string, unknown> {
  return isRecord(value) && keys.every((key) => isDateString(value[key]));
}

/** A string, or absent (JSON null is dropped before a guard looks: see the fetch adapter's `withoutNulls`). */
export function isOptionalString(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string';
}

export function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}

/** What `guard` accepts, or absent (undefined). */
export function isOptional<T>(value: unknown, guard: Guard<T>): value is T | undefined {
  return value === undefined || guard(value);
}

/** What `guard` accepts, absent, or JSON null (APIs that send null for "none", as Zendesk does). */
export function isNullable<T>(value: unknown, guard: Guard<T>): value is T | null | undefined {
  return value === undefined || value === null || guard(value);
}

export function isArrayOf<T>(value: unknown, guard: Guard<T>): value is T[] {
  return Array.isArray(value) && value.every((item) => guard(item));
}

export function isOneOf<T extends string>(values: readonly T[]): Guard<T> {
  return (value: unknown): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** Whether `value` is a record whose `keys` are all strings. */
export function hasStrings(value: unknown, keys: readonly string[]): value is Record<string, unknown> {
  return isRecord(value) && keys.every((key) => typeof value[key] === 'string');
}

/** Whether `value` is a record whose `keys` are all record ids: positive safe integers (as helpdesks number them). */
export function hasIds(value: unknown, keys: readonly string[]): value is Record<string, unknown> {
  return isRecord(value) && keys.every((key) => Number.isSafeInteger(value[key]) && (value[key] as number) > 0);
}

/** Whether `value` is a record whose `keys` are all finite numbers. */
export function hasNumbers(value: unknown, keys: readonly string[]): value is Record<string, unknown> {
  return isRecord(value) && keys.every((key) => isNumber(value[key]));
}
