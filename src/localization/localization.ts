/**
 * The lit-localize runtime: one active UI language per document, loaded lazily.
 * lit-localize keeps a single active locale, so support elements in one document share it;
 * the last one to resolve a different language switches them all.
 */
import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';

export const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  // TOOLCHAIN.md pitfall 4: the `.ts` extension keeps Vite from building an empty lookup.
  loadLocale: (locale) => import(`./generated/locales/${locale}.ts`),
});

/** Languages for which the UI has messages: English (the source) and every translation. */
export const uiLocales: readonly string[] = [sourceLocale, ...targetLocales];

let pending: Promise<void> = Promise.resolve();
let wanted: string = sourceLocale;

/** Makes `locale` the active UI language; calls for the same language share one load. */
export function activateLocale(locale: string): Promise<void> {
  if (locale === wanted) return pending;
  wanted = locale;
  pending = setLocale(locale);
  return pending;
}
