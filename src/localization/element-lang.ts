/**
 * `lang` and `dir` on a support element's host, from the language its words are in: a
 * `<ticket-form locale="fr">` on an English page is read by a screen reader with a French
 * voice (WCAG 3.1.1/3.1.2), and its shadow content inherits the host's `lang`.
 *
 * The stamp is remembered, so locale resolution reads past it (otherwise an element would
 * keep the language it first stamped when the page's `lang` changes) and a stamp alone is
 * not a language change for the elements watching `lang` in the document.
 */

const stamps = new WeakMap<Element, { lang: string; dir: string | undefined }>();

type TextInfo = { readonly direction?: string };
type LocaleWithTextInfo = Intl.Locale & { getTextInfo?: () => TextInfo; textInfo?: TextInfo };

const directions = new Map<string, 'ltr' | 'rtl'>();

/**
 * The writing direction of `tag` (from CLDR through Intl); 'ltr' when Intl cannot tell.
 * Remembered per tag: every update of every element asks, and `Intl.Locale` is not free.
 */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  let direction = directions.get(tag);
  if (direction === undefined) {
    try {
      const locale = new Intl.Locale(tag) as LocaleWithTextInfo;
      const info = locale.getTextInfo?.() ?? locale.textInfo;
      direction = info?.direction === 'rtl' ? 'rtl' : 'ltr';
    } catch {
      direction = 'ltr';
    }
    directions.set(tag, direction);
  }
  return direction;
}

/** Whether `element`'s `lang` is one this module set (so it says nothing the author asked). */
export function isStampedLang(element: Element): boolean {
  const stamp = stamps.get(element);
  return stamp !== undefined && element.getAttribute('lang') === stamp.lang;
}

function sameLanguage(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * Sets `lang` (and `dir`) on `host` to `tag`. An author's own `lang` naming that language
 * stays; an author's own `dir` always stays (a host may mirror a left-to-right language on
 * purpose).
 */
export function stampLanguage(host: Element, tag: string): void {
  const previous = stamps.get(host);
  const own = host.getAttribute('lang');
  const langIsOurs = own === null || (previous !== undefined && own === previous.lang);
  const lang = langIsOurs || !sameLanguage(own, tag) ? tag : own;
  if (own !== lang) host.setAttribute('lang', lang);
  const ownDir = host.getAttribute('dir');
  const dirIsOurs = ownDir === null || (previous?.dir !== undefined && ownDir === previous.dir);
  let dir = previous?.dir;
  if (dirIsOurs) {
    dir = directionOf(lang);
    if (ownDir !== dir) host.setAttribute('dir', dir);
  } else {
    dir = undefined;
  }
  stamps.set(host, { lang, dir });
}

/** Whether a `lang` mutation record only reports a stamp (not a language someone asked for). */
export function isStampRecord(record: MutationRecord): boolean {
  return record.target instanceof Element && isStampedLang(record.target);
}
