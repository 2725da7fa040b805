/**
 * Which language an element speaks: its `locale` attribute, else the nearest `lang` up the
 * tree (through shadow roots, up to `<html lang>`), else the browser's languages; each
 * matched to the config's languages (`pt` → `pt-BR`, `ja-JP` → `ja`, `de-CH` → `de`).
 */
import type { LocaleCode, SupportConfig } from '../core/config.js';
import { matchLocale } from '../core/locale.js';
import { isStampedLang } from './element-lang.js';
import { isPseudoLocale, PSEUDO_LOCALE } from './pseudo-locale.js';

/**
 * The `lang` of the closest ancestor that has one, crossing shadow-root boundaries. A `lang`
 * a support element stamped on itself (element-lang.ts) is its answer, not a request: skipped.
 */
export function closestLang(element: Element): string | undefined {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang') && !isStampedLang(node)) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}

/** The languages an element may take, most wanted first: explicit, nearest `lang`, browser. */
function candidates(element: Element, explicit: string | undefined): string[] {
  const all = [explicit, closestLang(element), ...(globalThis.navigator?.languages ?? [])];
  return all.filter((c): c is string => Boolean(c && c.trim()));
}

export function resolveLocale(
  element: Element,
  explicit: string | undefined,
  supported: readonly LocaleCode[],
  fallback: LocaleCode,
): LocaleCode {
  return matchLocale(candidates(element, explicit), supported) ?? fallback;
}

/** An element's language: the config's, and the one its messages are shown in. */
export interface ElementLocale {
  /** One of the config's languages: drives flows, products offered, Intl formats, backend calls. */
  readonly locale: LocaleCode;
  /** The UI messages' language: `locale`, or the pseudo-locale when asked for explicitly. */
  readonly messages: string;
}

/**
 * Resolves an element's language among the config's languages that have UI messages
 * (`uiLocales`). The pseudo-locale is taken when the `locale` attribute or the nearest `lang`
 * asks for it (never from the browser's languages), provided its messages exist; the element
 * then follows the config's default language for everything but its messages. With
 * `pseudoMode` (another element of the document asked for the pseudo-locale), an element that
 * would show the default language's messages shows the pseudo-locale instead.
 */
export function resolveElementLocale(
  element: Element,
  explicit: string | undefined,
  config: Pick<SupportConfig, 'locales' | 'defaultLocale'>,
  uiLocales: readonly string[],
  pseudoMode = false,
): ElementLocale {
  return inPseudoMode(resolveOwnLocale(element, explicit, config, uiLocales), config, uiLocales, pseudoMode);
}

/** While some element shows the pseudo-locale, elements in the default language show it too. */
export function inPseudoMode(
  resolved: ElementLocale,
  config: Pick<SupportConfig, 'defaultLocale'>,
  uiLocales: readonly string[],
  pseudoMode: boolean,
): ElementLocale {
  return pseudoMode && resolved.messages === config.defaultLocale && uiLocales.includes(PSEUDO_LOCALE)
    ? { locale: resolved.locale, messages: PSEUDO_LOCALE }
    : resolved;
}

function resolveOwnLocale(
  element: Element,
  explicit: string | undefined,
  config: Pick<SupportConfig, 'locales' | 'defaultLocale'>,
  uiLocales: readonly string[],
): ElementLocale {
  const supported = config.locales.filter((l) => uiLocales.includes(l));
  const asked = [explicit, closestLang(element)].filter((c): c is string => Boolean(c && c.trim()));
  for (const tag of asked) {
    if (isPseudoLocale(tag) && uiLocales.includes(PSEUDO_LOCALE)) {
      return { locale: config.defaultLocale, messages: PSEUDO_LOCALE };
    }
    const match = matchLocale([tag], supported);
    if (match) return { locale: match, messages: match };
  }
  const locale = resolveLocale(element, undefined, supported, config.defaultLocale);
  return { locale, messages: locale };
}
