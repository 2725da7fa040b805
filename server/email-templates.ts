/**
 * The notification emails' words in a case's language (the locale stored with the ticket).
 *
 * The messages are lit-localize messages with `email.*` ids in src/localization/email-messages.ts,
 * translated in locales/*.xlf like the UI's. This module renders them in one locale by reading
 * that locale's generated module (src/localization/generated/locales/<locale>.ts, its
 * `templates`, loaded for every target locale when the server starts); English, and any message
 * a locale lacks, is the source text of the code. It does not use lit-localize's runtime: that
 * keeps one active locale per process, and the server writes emails in several languages at once.
 */
import { matchLocale } from '../src/core/locale.js';
import { emailTexts, type EmailMsg, type EmailTexts } from '../src/localization/email-messages.js';
import { sourceLocale, targetLocales } from '../src/localization/generated/locale-codes.js';

/** A generated locale module's `templates` (UI messages included: only `email.*` are read). */
export type Templates = Readonly<Record<string, unknown>>;

type TargetLocale = (typeof targetLocales)[number];

/** PSEUDO_LOCALE of src/localization/pseudo-locale.ts, which is browser code (test/node/translations.test.mjs keeps them equal). */
export const PSEUDO_LOCALE = 'en-XA' satisfies TargetLocale;

/** A language an email may be written in: the source, or any target locale of lit-localize.json. */
export type RenderLocale = typeof sourceLocale | TargetLocale;
/** A language a stored case locale is matched to: the pseudo-locale only when asked exactly. */
export type EmailLocale = typeof sourceLocale | Exclude<TargetLocale, typeof PSEUDO_LOCALE>;

const isReal = (locale: TargetLocale): locale is Exclude<TargetLocale, typeof PSEUDO_LOCALE> => locale !== PSEUDO_LOCALE;
export const EMAIL_LOCALES: readonly EmailLocale[] = [sourceLocale, ...targetLocales.filter(isReal)];
export const FALLBACK_EMAIL_LOCALE: EmailLocale = sourceLocale;

/**
 * The `templates` of a target locale's generated module. Read by name, so a language added to
 * lit-localize.json (and built) needs no code here.
 */
async function generatedTemplates(locale: TargetLocale): Promise<Templates> {
  const module: unknown = await import(`../src/localization/generated/locales/${locale}.js`);
  const templates: unknown = typeof module === 'object' && module !== null && 'templates' in module ? module.templates : undefined;
  if (typeof templates !== 'object' || templates === null) {
    throw new Error(`src/localization/generated/locales/${locale}.ts exports no templates: run npm run i18n:build`);
  }
  return Object.fromEntries(Object.entries(templates));
}

/** Every target locale's messages, loaded once when the server starts. */
const TRANSLATIONS: ReadonlyMap<TargetLocale, Templates> = new Map(
  await Promise.all(targetLocales.map(async (locale) => [locale, await generatedTemplates(locale)] as const)),
);

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
    texts = emailTexts(msgFrom(locale === sourceLocale ? undefined : TRANSLATIONS.get(locale)));
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
