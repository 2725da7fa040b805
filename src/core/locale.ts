/**
 * Matching what a user or browser asks for (`pt`, `ja-JP`, `de-CH`) to a language the config
 * has. Pure, so the reference server matches Accept-Language the same way.
 */
import type { LocaleCode } from './config.js';

/**
 * The first of `requested` that `supported` has: exact match (case-insensitive) first, then
 * the same primary language (`pt` → `pt-BR`, `de-CH` → `de`). Undefined when none matches.
 */
export function matchLocale(
  requested: readonly string[],
  supported: readonly LocaleCode[],
): LocaleCode | undefined {
  for (const tag of requested) {
    const wanted = tag.trim().toLowerCase();
    if (!wanted) continue;
    const exact = supported.find((s) => s.toLowerCase() === wanted);
    if (exact) return exact;
    const primary = wanted.split('-')[0];
    const sameLanguage = supported.find((s) => s.toLowerCase().split('-')[0] === primary);
    if (sameLanguage) return sameLanguage;
  }
  return undefined;
}

/** Language tags of an Accept-Language header, most preferred first. */
export function parseAcceptLanguage(header: string): string[] {
  return header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((entry) => entry.tag);
}

/**
 * What goes between two sentences, by primary language: Japanese and Chinese write the next
 * sentence right after the full stop (「…されます。リンク…」); a space there shows as a gap.
 */
const SENTENCE_GAPS: Readonly<Record<string, string>> = { ja: '', zh: '' };

/** `sentences` as one text in `locale`'s way, the empty ones left out. */
export function joinSentences(locale: string, ...sentences: readonly string[]): string {
  const gap = SENTENCE_GAPS[locale.toLowerCase().split('-')[0] ?? ''] ?? ' ';
  return sentences.filter((s) => s !== '').join(gap);
}
