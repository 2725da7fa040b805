/**
 * The lit-localize runtime: one active UI language per document, loaded lazily.
 * lit-localize keeps a single active locale, so support elements in one document share it;
 * the last one to resolve a different language switches them all.
 *
 * Hosts add or override messages at run time with `registerTranslations` (docs/TRANSLATING.md).
 * lit-localize only accepts the languages it was configured with, so a registered language is
 * shown through one of two reserved codes (`RUNTIME_SLOTS`): its templates are loaded there,
 * and each switch takes the slot not in use, so switching between two registered languages,
 * or re-registering the one shown, is a real locale change that re-renders every element.
 */
import { configureLocalization, LOCALE_STATUS_EVENT, type LocaleModule } from '@lit/localize';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';
import { loadMessageIndex } from './message-index.js';
import { unpackTemplates, type PackedLocaleModule } from './packed-templates.js';

/** Message id → translated template, as in a lit-localize locale module (`templates`). */
export type Templates = LocaleModule['templates'];

const RUNTIME_SLOTS = ['x-se-runtime-a', 'x-se-runtime-b'] as const;
const built: readonly string[] = targetLocales;
const registered = new Map<string, Templates>();
const slotLanguage = new Map<string, string>();

const builtModules = new Map<string, Promise<LocaleModule | PackedLocaleModule>>();

/** The module of a built translation, imported once (a failed import is tried again next time). */
function builtModule(locale: string): Promise<LocaleModule | PackedLocaleModule> {
  let module = builtModules.get(locale);
  if (!module) {
    // TOOLCHAIN.md pitfall 4: the `.ts` extension keeps Vite from building an empty lookup.
    module = import(`./generated/locales/${locale}.ts`) as Promise<LocaleModule | PackedLocaleModule>;
    builtModules.set(locale, module);
    module.catch(() => builtModules.delete(locale));
  }
  return module;
}

async function builtTemplates(locale: string): Promise<Templates> {
  if (!built.includes(locale)) return {};
  const module = await builtModule(locale);
  return 'packed' in module ? unpackTemplates(module.packed) : module.templates;
}

/**
 * Starts loading the messages of `locale` without switching to them: an element's first
 * update waits for its language's messages, so the page's language is fetched as soon as the
 * elements are defined, alongside their data rather than before it.
 */
export function prefetchMessages(locale: string): void {
  if (built.includes(locale)) builtModule(locale).catch(() => undefined);
}

export const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales: [...targetLocales, ...RUNTIME_SLOTS],
  loadLocale: async (code) => {
    const language = slotLanguage.get(code);
    if (language === undefined) return { templates: await builtTemplates(code) };
    // Host templates win; ids they lack keep the built translation, else the English source.
    return { templates: { ...(await builtTemplates(language)), ...registered.get(language) } };
  },
});

const languages: string[] = [sourceLocale, ...targetLocales];
/** Languages for which the UI has messages: English, every translation, every registered one. */
export const uiLocales: readonly string[] = languages;

let pending: Promise<void> = Promise.resolve();
let wanted: string = sourceLocale;
let wantedVersion = 0;
let version = 0;

/** Whether the UI messages showing now are `locale`'s (built or registered). */
export function showingMessagesOf(locale: string): boolean {
  const active = getLocale();
  return (slotLanguage.get(active) ?? active) === locale;
}

/** Makes `locale` the active UI language; calls for the same language share one load. */
export function activateLocale(locale: string): Promise<void> {
  if (locale === wanted && wantedVersion === version) return pending;
  wanted = locale;
  wantedVersion = version;
  if (!registered.has(locale)) {
    pending = setLocale(locale);
    return pending;
  }
  const slot = RUNTIME_SLOTS.find((code) => code !== getLocale()) ?? RUNTIME_SLOTS[0];
  slotLanguage.set(slot, locale);
  pending = setLocale(slot);
  return pending;
}

/**
 * Adds a UI language (`nl`) or overrides messages of one (`en`, `fr`...), without rebuilding:
 * `templates` maps message ids (`contact.heading`) to text, as a lit-localize locale module
 * does; `npx support-elements-xliff nl.xlf > nl.js` makes one from an XLIFF file. Ids left
 * out keep the built translation, else English. A new language also needs a place in the
 * config (`locales`, and a flow route) to be offered (docs/TRANSLATING.md). Elements already
 * on the page pick the new messages up at once.
 */
export function registerTranslations(locale: string, templates: Templates): Promise<void> {
  if (!loadMessageIndex) return register(locale, templates);
  // The single-file bundle numbers its message ids (./message-index.ts): map the host's to them.
  return loadMessageIndex().then((index) =>
    register(locale, Object.fromEntries(Object.entries(templates).map(([id, template]) => [index.get(id) ?? id, template]))),
  );
}

function register(locale: string, templates: Templates): Promise<void> {
  registered.set(locale, { ...registered.get(locale), ...templates });
  if (!languages.includes(locale)) languages.push(locale);
  version += 1;
  if (locale === wanted) return activateLocale(locale);
  // Elements that fell back to another language resolve theirs again on this update.
  window.dispatchEvent(new CustomEvent(LOCALE_STATUS_EVENT, { detail: { status: 'ready', readyLocale: getLocale() } }));
  return Promise.resolve();
}
