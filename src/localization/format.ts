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
