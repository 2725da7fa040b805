/**
 * "Continue in <language>": the one wording of the buttons that switch an element to a
 * language offering an area or product. The language is named in the sentence's own language
 * ("Continuer en anglais", "Auf Englisch fortfahren", "英語で続行"), never in itself inside
 * another language's sentence ("Continuer en English"). Calls `msg()`: call from `render()`.
 */
import { msg, str } from '@lit/localize';
import type { LocaleCode } from '../../core/config.js';
import { languageName } from '../../localization/format.js';

/** The label of the button switching to `code`, in the UI language `locale`. */
export function continueInLabel(code: LocaleCode, locale: LocaleCode): string {
  const language = languageName(code, locale);
  return msg(str`Continue in ${language}`, {
    id: 'language.continue_in',
    desc: 'Button switching the widget to a language in which a product area or product is offered. ${language} is that language\'s name in the language of this sentence, as Intl.DisplayNames writes it (fr "anglais", de "Englisch", pt-BR "inglês", ja "英語"); fit the grammar around it ("Continuer en anglais", "Auf Englisch fortfahren", "Continuar em inglês", "英語で続行").',
  });
}
