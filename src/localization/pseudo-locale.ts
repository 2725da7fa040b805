/**
 * The pseudo-locale: English with every letter accented, about 40% longer and bracketed ⟦…⟧,
 * generated into locales/en-XA.xlf by scripts/pseudo-locale.mjs. It shows untranslated,
 * concatenated or clipped text at a glance. Not a language of any config: an element speaks
 * it only when asked explicitly (`locale="en-XA"`, or `lang="en-XA"` on an ancestor), and
 * then follows the config's default language for everything but its messages (flows,
 * products offered, dates and numbers, backend calls).
 */
export const PSEUDO_LOCALE = 'en-XA';

/** Whether `tag` asks for the pseudo-locale (case-insensitive). */
export function isPseudoLocale(tag: string | null | undefined): boolean {
  return typeof tag === 'string' && tag.trim().toLowerCase() === PSEUDO_LOCALE.toLowerCase();
}

/**
 * Elements that asked for the pseudo-locale themselves. The UI has one active language per
 * document, so while one of them is connected, every element that would show the default
 * language's messages shows the pseudo-locale too: a `<support-sign-in locale="en">` that a
 * pseudo-locale `<ticket-form>` renders, for example. Otherwise they would switch the document
 * back and forth between the two for ever.
 */
const askingForPseudo = new Set<Element>();

/** Records whether `host` itself asks for the pseudo-locale (forget it on disconnect). */
export function notePseudoRequest(host: Element, asks: boolean): void {
  if (asks) askingForPseudo.add(host);
  else askingForPseudo.delete(host);
}

/** Whether a connected element asked for the pseudo-locale. */
export function pseudoLocaleRequested(): boolean {
  for (const host of askingForPseudo) {
    if (host.isConnected) return true;
    askingForPseudo.delete(host);
  }
  return false;
}
