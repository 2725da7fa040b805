/**
 * Dates, relative times, sizes and counts in the element's language, through Intl only.
 */
import type { LocaleCode } from '../core/config.js';

const DAY_MS = 86_400_000;

export function formatDateTime(value: string | Date, locale: LocaleCode): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

export function formatDate(value: string | Date, locale: LocaleCode): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(value));
}

/** "in 3 days", "2 hours ago": the largest unit that fits, in `locale`. */
export function formatRelative(value: string | Date, now: Date, locale: LocaleCode): string {
  const diff = new Date(value).getTime() - now.getTime();
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const abs = Math.abs(diff);
  if (abs >= DAY_MS) return format.format(Math.round(diff / DAY_MS), 'day');
  if (abs >= 3_600_000) return format.format(Math.round(diff / 3_600_000), 'hour');
  return format.format(Math.round(diff / 60_000), 'minute');
}

/** "1.5 MB" with the locale's digits and separators. */
export function formatBytes(bytes: number, locale: LocaleCode): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

export function formatNumber(value: number, locale: LocaleCode): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** Which plural form `count` takes in `locale` (one, other, ...), to pick a message. */
export function pluralCategory(count: number, locale: LocaleCode): Intl.LDMLPluralRule {
  return new Intl.PluralRules(locale).select(count);
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
 * its own language when `displayLocale` is omitted ("English", "français"). `capitalized`
 * capitalises the first letter, for a name standing alone on a button.
 */
export function languageName(code: string, displayLocale: string = code, { capitalized = false } = {}): string {
  let name = code;
  try {
    name = new Intl.DisplayNames([displayLocale], { type: 'language' }).of(code) ?? code;
  } catch {
    // An unknown tag: its code is the best name there is.
  }
  return capitalized ? name.charAt(0).toLocaleUpperCase(displayLocale) + name.slice(1) : name;
}
