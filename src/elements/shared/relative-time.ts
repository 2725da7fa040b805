/**
 * When something last happened, in words: "just now" under a minute (Intl's numeric: 'auto'
 * says "this minute", "cette minute-ci", "in dieser Minute", which reads like a schedule),
 * else Intl's relative time ("3 hours ago"). Calls `msg()`: call from `render()`.
 */
import { msg } from '@lit/localize';
import type { LocaleCode } from '../../core/config.js';
import { formatRelative, isJustNow } from '../../localization/format.js';

export function formatUpdated(value: string | Date | null | undefined, now: Date, locale: LocaleCode): string {
  if (isJustNow(value, now)) {
    return msg('just now', { id: 'time.just_now', desc: 'When a case was last updated, for less than a minute ago, after "Last update:" in the list (fr "à l’instant", de "gerade eben", pt-BR "agora mesmo", ja "たった今").' });
  }
  return formatRelative(value, now, locale);
}
