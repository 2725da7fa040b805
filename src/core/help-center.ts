/**
 * How a help center's article search is narrowed, as data: which Help Center locale each of our
 * languages reads, and which article labels (or section / category) stand for each product. The
 * Zendesk adapter only looks these up; a team whose Help Center is organized otherwise writes
 * another table, not code.
 *
 * Zendesk Help Center locales are lowercase BCP 47 tags (`en-us`, `pt-br`, `fr`, `de`, `ja`):
 * https://developer.zendesk.com/api-reference/help_center/help-center-api/search/ (the `locale`
 * parameter of Search Articles), and `label_names`, `section`, `category` narrow the search.
 */
import type { LocaleCode } from './config.js';

export interface HelpCenterScope {
  /** Article labels; an article with one of them matches (Professional and Enterprise plans). */
  readonly labelNames?: readonly string[];
  /** A Help Center section id. */
  readonly section?: number;
  /** A Help Center category id. */
  readonly category?: number;
}

export interface HelpCenterConfig {
  /** Our language → the Help Center's locale, where it is not simply our code in lowercase. */
  readonly locales: Readonly<Record<LocaleCode, string>>;
  /** Product id → what narrows the search to its articles. A product not listed is not narrowed. */
  readonly products: Readonly<Record<string, HelpCenterScope>>;
}

/** The seed's help center: English articles live in `en-us`, each product has a label of its id. */
export const seedHelpCenter: HelpCenterConfig = {
  locales: { en: 'en-us', 'pt-BR': 'pt-br' },
  products: {
    esignature: { labelNames: ['esignature'] },
    rooms: { labelNames: ['rooms'] },
    clm: { labelNames: ['clm'] },
    protect_sign: { labelNames: ['protect_sign'] },
    clm_cm: { labelNames: ['clm_cm'] },
    insight: { labelNames: ['insight'] },
  },
};

/** The Help Center locale for one of our languages (`pt-BR` → `pt-br`, `fr` → `fr`). */
export function helpCenterLocale(config: HelpCenterConfig, locale: LocaleCode): string {
  return config.locales[locale] ?? locale.toLowerCase();
}
