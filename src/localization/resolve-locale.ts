/**
 * Which language an element speaks: its `locale` attribute, else the nearest `lang` up the
 * tree (through shadow roots), else the document's, else the browser's; each matched to the
 * config's languages (`pt` → `pt-BR`, `de-CH` → `de`).
 */
import type { LocaleCode } from '../core/config.js';
import { matchLocale } from '../core/locale.js';

/** The `lang` of the closest ancestor that has one, crossing shadow-root boundaries. */
export function closestLang(element: Element): string | undefined {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}

export function resolveLocale(
  element: Element,
  explicit: string | undefined,
  supported: readonly LocaleCode[],
  fallback: LocaleCode,
): LocaleCode {
  const candidates = [explicit, closestLang(element), ...(globalThis.navigator?.languages ?? [])];
  return matchLocale(candidates.filter((c): c is string => Boolean(c)), supported) ?? fallback;
}
