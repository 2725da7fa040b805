/**
 * Dates, relative times, sizes and counts in the element's language, through Intl only.
 */
import type { LocaleCode } from '../core/config.js';

const DAY_MS = 86_400_000;

/**
 * Intl formatters, one per (kind, locale, options). Building one costs about 100 µs, using a
 * cached one about 2 µs, and a case view formats a date per comment: render cost is here.
 * The options of each call site are constants, so the keys stay few.
 */
interface FormatterCache<T> {
  /** By locale and the options' JSON: options objects built per call still share one. */
  readonly byKey: Map<string, T>;
  /** By the options object itself, then locale: the call sites' constants skip the JSON. */
  readonly byOptions: WeakMap<object, Map<string, T>>;
}

function cache<T>(): FormatterCache<T> {
  return { byKey: new Map(), byOptions: new WeakMap() };
}

function memo<T>(store: FormatterCache<T>, locale: string, options: object, make: (locale: string) => T): T {
  let perLocale = store.byOptions.get(options);
  if (!perLocale) store.byOptions.set(options, (perLocale = new Map()));
  const known = perLocale.get(locale);
  if (known !== undefined) return known;
  const key = `${locale}|${JSON.stringify(options)}`;
  let made = store.byKey.get(key);
  if (made === undefined) {
    try {
      made = make(locale);
    } catch {
      // A malformed locale tag throws RangeError: English words beat a broken render.
      made = make('en');
    }
    store.byKey.set(key, made);
  }
  perLocale.set(locale, made);
  return made;
}

let warming = false;

/**
 * Has the browser build its lists of available locales in the page's first idle moment. V8
 * builds one per Intl service on first use: about 20 ms of CPU on the bench machine for
 * NumberFormat (RelativeTimeFormat shares it) and 2 ms more for DateTimeFormat, charged to
 * whichever render first shows a number or a date: a third of the case list's first rows
 * (issue 15). In the idle time while a page waits for its backend, nobody waits for it.
 */
export function warmIntlWhenIdle(): void {
  if (warming) return;
  warming = true;
  if (typeof requestIdleCallback === 'function') requestIdleCallback(buildIntlLocaleLists, { timeout: 1000 });
  else setTimeout(buildIntlLocaleLists, 0);
}

/** What the first Intl use in a page pays once: the lists of NumberFormat and DateTimeFormat. */
export function buildIntlLocaleLists(): void {
  Intl.NumberFormat.supportedLocalesOf('en');
  Intl.DateTimeFormat.supportedLocalesOf('en');
}

const dateTimeFormats = cache<Intl.DateTimeFormat>();
const relativeFormats = cache<Intl.RelativeTimeFormat>();
const numberFormats = cache<Intl.NumberFormat>();
const pluralRules = cache<Intl.PluralRules>();
const displayNames = cache<Intl.DisplayNames>();
const listFormats = cache<Intl.ListFormat>();

function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return memo(dateTimeFormats, locale, options, (tag) => new Intl.DateTimeFormat(tag, options));
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return memo(numberFormats, locale, options, (tag) => new Intl.NumberFormat(tag, options));
}

/** The time of `value`, or NaN when it is not a date (a bad string, an Invalid Date). */
function timeOf(value: string | Date | null | undefined): number {
  if (value === null || value === undefined || value === '') return Number.NaN;
  return value instanceof Date ? value.getTime() : new Date(value).getTime();
}

const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
const LONG_DATE: Intl.DateTimeFormatOptions = { dateStyle: 'long' };

/** `value` as a medium date and short time; '' when `value` is not a date (never throws). */
export function formatDateTime(value: string | Date | null | undefined, locale: LocaleCode): string {
  const time = timeOf(value);
  return Number.isFinite(time) ? dateTimeFormat(locale, DATE_TIME).format(time) : '';
}

const SHORT_TIME: Intl.DateTimeFormatOptions = { timeStyle: 'short' };

/**
 * When something was saved: the short time if it was on `now`'s day ("14:02"), else the
 * medium date and time; '' when `value` is not a date (never throws).
 */
export function formatSavedAt(value: string | Date | null | undefined, now: Date, locale: LocaleCode): string {
  const time = timeOf(value);
  if (!Number.isFinite(time)) return '';
  const sameDay = new Date(time).toDateString() === now.toDateString();
  return dateTimeFormat(locale, sameDay ? SHORT_TIME : DATE_TIME).format(time);
}

/** `value` as a long date; '' when `value` is not a date (never throws). */
export function formatDate(value: string | Date | null | undefined, locale: LocaleCode): string {
  const time = timeOf(value);
  return Number.isFinite(time) ? dateTimeFormat(locale, LONG_DATE).format(time) : '';
}

const RELATIVE: Intl.RelativeTimeFormatOptions = { numeric: 'auto' };

/** How close to `now` a time is "just now" rather than "0 minutes ago" or "this minute". */
export const JUST_NOW_MS = 60_000;

/** Whether `value` is within a minute of `now` (either side: clocks of two machines differ). */
export function isJustNow(value: string | Date | null | undefined, now: Date): boolean {
  const diff = timeOf(value) - now.getTime();
  return Number.isFinite(diff) && Math.abs(diff) < JUST_NOW_MS;
}

/**
 * "in 3 days", "2 hours ago": the largest unit that fits, in `locale`; '' when `value` or
 * `now` is not a date (never throws).
 */
export function formatRelative(value: string | Date | null | undefined, now: Date, locale: LocaleCode): string {
  const diff = timeOf(value) - now.getTime();
  if (!Number.isFinite(diff)) return '';
  const format = memo(relativeFormats, locale, RELATIVE, (tag) => new Intl.RelativeTimeFormat(tag, RELATIVE));
  const abs = Math.abs(diff);
  if (abs >= DAY_MS) return format.format(Math.round(diff / DAY_MS), 'day');
  if (abs >= 3_600_000) return format.format(Math.round(diff / 3_600_000), 'hour');
  return format.format(Math.round(diff / 60_000), 'minute');
}

const ALWAYS_NUMERIC: Intl.RelativeTimeFormatOptions = { numeric: 'always' };

/** "in 3 minutes", never "next minute": `value` `unit`s from now, in `locale`. */
export function formatIn(value: number, unit: Intl.RelativeTimeFormatUnit, locale: LocaleCode): string {
  return memo(relativeFormats, locale, ALWAYS_NUMERIC, (tag) => new Intl.RelativeTimeFormat(tag, ALWAYS_NUMERIC)).format(value, unit);
}

const LIST_TYPES = {
  conjunction: { type: 'conjunction' },
  disjunction: { type: 'disjunction' },
} as const satisfies Record<string, Intl.ListFormatOptions>;

/** "A, B and C" (`conjunction`) or "A, B or C" (`disjunction`) in `locale`. */
export function formatList(items: readonly string[], locale: LocaleCode, type: keyof typeof LIST_TYPES): string {
  const options = LIST_TYPES[type];
  return memo(listFormats, locale, options, (tag) => new Intl.ListFormat(tag, options)).format(items);
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
const BYTE_OPTIONS: readonly Intl.NumberFormatOptions[] = BYTE_UNITS.map((unit, i) => ({
  style: 'unit',
  unit,
  unitDisplay: i === 0 ? 'long' : 'short',
  maximumFractionDigits: i === 0 ? 0 : 1,
}));

/**
 * "36 bytes", "1,5 Mo" with the locale's digits, separators and plural; '' for a negative or
 * non-finite size. Bytes are spelled out (the short form of "byte" has no plural in several
 * locales: "36 byte"); larger units take their short symbol (kB, Mo).
 */
export function formatBytes(bytes: number, locale: LocaleCode): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return numberFormat(locale, BYTE_OPTIONS[unit] ?? PLAIN).format(value);
}

const PLAIN: Intl.NumberFormatOptions = {};

/**
 * `value` formatted with `options` (a constant of the caller: a formatter is kept per locale
 * and options); '' when it is not a number.
 */
export function formatNumberWith(value: number, locale: LocaleCode, options: Intl.NumberFormatOptions): string {
  return Number.isNaN(value) ? '' : numberFormat(locale, options).format(value);
}

/** `value` with the locale's digits and separators; '' when it is not a number. */
export function formatNumber(value: number, locale: LocaleCode): string {
  return Number.isNaN(value) ? '' : numberFormat(locale, PLAIN).format(value);
}

/** Which plural form `count` takes in `locale` (one, other, ...), to pick a message. */
export function pluralCategory(count: number, locale: LocaleCode): Intl.LDMLPluralRule {
  if (!Number.isFinite(count)) return 'other';
  return memo(pluralRules, locale, PLAIN, (tag) => new Intl.PluralRules(tag)).select(count);
}

/** The message forms of a count: `other` is required, the rest fall back to it. */
export type PluralForms = { readonly other: () => string } & { readonly [K in Exclude<Intl.LDMLPluralRule, 'other'>]?: () => string };

/**
 * The one plural helper: picks the form `count` takes in `locale`, falling back to `other`
 * (Japanese has only `other`; French treats 0 as `one`). Each form is a function so only the
 * chosen `msg()` runs.
 */
export function plural(count: number, locale: LocaleCode, forms: PluralForms): string {
  const chosen = forms[pluralCategory(count, locale)] ?? forms.other;
  return chosen();
}

/**
 * The one language-name helper: `code`'s name in `displayLocale` ("anglais" in French), or in
 * its own language when `displayLocale` is omitted ("English", "français"), as CLDR writes it
 * (French and Portuguese names are lower case, also on a button: no local capitalisation).
 */
export function languageName(code: string, displayLocale: string = code): string {
  try {
    const names = memo(displayNames, displayLocale, PLAIN, (tag) => new Intl.DisplayNames([tag], { type: 'language' }));
    return names.of(code) ?? code;
  } catch {
    // An unknown tag: its code is the best name there is.
    return code;
  }
}
