/**
 * The link to a case in the notification emails: a template of the page that embeds the widget
 * (`--case-url 'https://app.example.com/support?case={number}'`), its `{number}` replaced by the
 * case number and its optional `{locale}` by the email's language (the case's: `fr`, `pt-BR`),
 * URL-encoded, so that the page opens in the language the email was read in.
 */

/** The placeholder the template must hold. */
export const CASE_NUMBER_PLACEHOLDER = '{number}';
/** The placeholder the template may hold. */
export const LOCALE_PLACEHOLDER = '{locale}';

/** Link to a case in the support center for an email in `locale`, or `undefined` when the server knows no such page. */
export type TicketLink = (number: string, locale: string) => string | undefined;

/**
 * Checks a `--case-url` template: an absolute http(s) URL holding `{number}`. Throws an Error
 * whose message says what is wrong (the CLI prints it and exits 2).
 */
export function checkCaseUrl(template: string): string {
  const trimmed = template.trim();
  if (!trimmed.includes(CASE_NUMBER_PLACEHOLDER)) {
    throw new Error(`--case-url must contain ${CASE_NUMBER_PLACEHOLDER} where the case number goes, e.g. https://app.example.com/support?case={number} (got "${template}").`);
  }
  let url: URL;
  try {
    url = new URL(trimmed.replaceAll(CASE_NUMBER_PLACEHOLDER, '00000000').replaceAll(LOCALE_PLACEHOLDER, 'en'));
  } catch {
    throw new Error(`--case-url must be an absolute http:// or https:// URL (got "${template}").`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`--case-url must be an http:// or https:// URL (got "${template}").`);
  }
  return trimmed;
}

/** The emails' link for a checked template; without one, no link (the server has no page of its own to open a case on). */
export function caseLink(template: string | undefined): TicketLink {
  if (template === undefined) return () => undefined;
  const checked = checkCaseUrl(template);
  return (number, locale) => checked.replaceAll(CASE_NUMBER_PLACEHOLDER, encodeURIComponent(number)).replaceAll(LOCALE_PLACEHOLDER, encodeURIComponent(locale));
}
