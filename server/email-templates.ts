/**
 * The notification emails' words in a case's language (the locale stored with the ticket).
 *
 * The messages are lit-localize messages with `email.*` ids in src/localization/email-messages.ts,
 * translated in locales/*.xlf like the UI's. This module renders them in one locale by reading
 * that locale's generated module (src/localization/generated/locales/<locale>.ts, its
 * `templates`); English, and any message a locale lacks, is the source text of the code. It
 * does not use lit-localize's runtime: that keeps one active locale per process, and the server
 * writes emails in several languages at once.
 */
import { matchLocale } from '../src/core/locale.js';
import { emailTexts, type EmailMsg, type EmailTexts } from '../src/localization/email-messages.js';
import { sourceLocale, type targetLocales } from '../src/localization/generated/locale-codes.js';
import { templates as de } from '../src/localization/generated/locales/de.js';
import { templates as enXA } from '../src/localization/generated/locales/en-XA.js';
import { templates as fr } from '../src/localization/generated/locales/fr.js';
import { templates as ja } from '../src/localization/generated/locales/ja.js';
import { templates as ptBR } from '../src/localization/generated/locales/pt-BR.js';

/** A generated locale module's `templates` (UI messages included: only `email.*` are read). */
export type Templates = Readonly<Record<string, unknown>>;

type TargetLocale = (typeof targetLocales)[number];

/** PSEUDO_LOCALE of src/localization/pseudo-locale.ts, which is browser code (test/node/translations.test.mjs keeps them equal). */
export const PSEUDO_LOCALE = 'en-XA' satisfies TargetLocale;

/**
 * Every target locale of lit-localize.json. Keyed by the generated locale codes, so a language
 * added there fails the type check until its module is imported here.
 */
const TRANSLATIONS: { readonly [L in TargetLocale]: Templates } = { de, 'en-XA': enXA, fr, ja, 'pt-BR': ptBR };

/** The languages a stored case locale is matched to (the pseudo-locale only when asked exactly). */
export const EMAIL_LOCALES = ['en', 'fr', 'de', 'pt-BR', 'ja'] as const satisfies readonly (typeof sourceLocale | TargetLocale)[];
export type EmailLocale = (typeof EMAIL_LOCALES)[number];
export type RenderLocale = EmailLocale | typeof PSEUDO_LOCALE;
export const FALLBACK_EMAIL_LOCALE: EmailLocale = sourceLocale;

/**
 * A msg() that reads `templates`, as lit-localize's runtime does: a translated str`` holds in
 * its values the index of each source value, so a translation may reorder them. Anything else
 * (no templates, no unit, a unit of another shape) gives the source text.
 */
export function msgFrom(templates: Templates | undefined): EmailMsg {
  return (template, options) => {
    const localized = templates?.[options.id];
    if (typeof template === 'string') return typeof localized === 'string' ? localized : template;
    const translated = translatedStr(localized);
    return translated ? join(translated.strings, template.values, translated.order) : join(template.strings, template.values);
  };
}

/** The strings and value order of a generated str`` translation, if `value` is one. */
function translatedStr(value: unknown): { strings: readonly string[]; order: readonly number[] } | undefined {
  if (typeof value !== 'object' || value === null || !('strTag' in value) || !('strings' in value) || !('values' in value)) return undefined;
  const { strings, values } = value;
  if (!Array.isArray(strings) || !strings.every((s) => typeof s === 'string')) return undefined;
  if (!Array.isArray(values) || !values.every((v) => typeof v === 'number')) return undefined;
  return { strings, order: values };
}

function join(strings: readonly string[], values: readonly unknown[], order?: readonly number[]): string {
  let out = strings[0] ?? '';
  for (let i = 1; i < strings.length; i++) out += String(values[order ? (order[i - 1] ?? -1) : i - 1]) + (strings[i] ?? '');
  return out;
}

const TEXTS = new Map<RenderLocale, EmailTexts>();

/** The texts of one language (made once per language). */
export function textsIn(locale: RenderLocale): EmailTexts {
  let texts = TEXTS.get(locale);
  if (!texts) {
    texts = emailTexts(msgFrom(locale === sourceLocale ? undefined : TRANSLATIONS[locale]));
    TEXTS.set(locale, texts);
  }
  return texts;
}

/** The email language for a stored locale: the same matching as Accept-Language, else English. */
export function emailLocale(locale: string | null | undefined): RenderLocale {
  if (locale?.trim().toLowerCase() === PSEUDO_LOCALE.toLowerCase()) return PSEUDO_LOCALE;
  const matched = matchLocale(locale ? [locale] : [], EMAIL_LOCALES);
  return EMAIL_LOCALES.find((l) => l === matched) ?? FALLBACK_EMAIL_LOCALE;
}

/** The texts for a stored locale. */
export function emailTextsFor(locale: string | null | undefined): EmailTexts {
  return textsIn(emailLocale(locale));
}
