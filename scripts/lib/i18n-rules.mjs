// The rules of locales/glossary.json, for scripts/i18n-check.mjs (and the Node tests that
// call them): the seed's words, the glossary's forbidden variants, each language's
// typography. Each rule takes one locale's targets ({N} for placeholders) and returns
// problems as sentences.

/**
 * @typedef {{ concept: string, use: string, forbidden?: string[], patterns?: string[], except?: string[], caseSensitive?: boolean }} Term
 * @typedef {{ typographicApostrophe?: boolean, narrowSpaceBefore?: string, narrowSpaceInsideGuillemets?: boolean, fullWidthColon?: boolean }} Typography
 * @typedef {{ seed?: Record<string, Record<string, string>>, typography?: Record<string, Typography>, terms?: Record<string, Term[]> }} Glossary
 */

const NNBSP = '\u202f';

/** @param {string} text */
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** @param {string} text */
const show = (text) => JSON.stringify(text).replace(/\u202f/g, '\\u202f');

/**
 * A forbidden variant as a regular expression: a whole word in scripts with spaces, any
 * occurrence in Japanese (no spaces between words).
 * @param {string} variant
 * @param {boolean} caseSensitive
 */
function variantRegExp(variant, caseSensitive) {
  const body = escapeRegExp(variant);
  const flags = caseSensitive ? 'u' : 'iu';
  return /\p{Script=Latin}/u.test(variant) ? new RegExp(`(?<![\\p{L}\\p{N}-])${body}(?![\\p{L}\\p{N}-])`, flags) : new RegExp(body, flags);
}

/**
 * FR units the seed words must read as the seed writes them.
 * @param {string} locale
 * @param {Map<string, string>} targets
 * @param {Glossary} glossary
 */
export function seedProblems(locale, targets, glossary) {
  const seed = glossary.seed?.[locale] ?? {};
  /** @type {string[]} */
  const problems = [];
  for (const [id, words] of Object.entries(seed)) {
    const target = targets.get(id);
    if (target !== undefined && target !== words) {
      problems.push(`unit "${id}" replaces the seed's words: ${show(target)}, the seed says ${show(words)} (locales/glossary.json "seed")`);
    }
  }
  return problems;
}

/**
 * Units that name a glossary concept by a forbidden variant.
 * @param {string} locale
 * @param {Map<string, string>} targets
 * @param {Glossary} glossary
 */
export function glossaryProblems(locale, targets, glossary) {
  const terms = glossary.terms?.[locale] ?? [];
  /** @type {string[]} */
  const problems = [];
  for (const term of terms) {
    const tests = [
      ...(term.forbidden ?? []).map((v) => ({ label: v, re: variantRegExp(v, term.caseSensitive === true) })),
      ...(term.patterns ?? []).map((p) => ({ label: `/${p}/`, re: new RegExp(p, 'u') })),
    ];
    for (const [id, target] of targets) {
      if (term.except?.includes(id)) continue;
      for (const { label, re } of tests) {
        const found = re.exec(target);
        if (found) {
          problems.push(`unit "${id}" names "${term.concept}" as ${show(found[0])} (forbidden: ${label}); the glossary says "${term.use}": ${show(target)}`);
        }
      }
    }
  }
  return problems;
}

/**
 * Typography of one target.
 * @param {string} id
 * @param {string} target
 * @param {Typography} rules
 */
function typographyOf(id, target, rules) {
  /** @type {string[]} */
  const problems = [];
  // URLs and times keep their colons and question marks.
  const text = target.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, '').replace(/\d:\d/g, '');
  if (rules.typographicApostrophe && text.includes("'")) {
    problems.push(`unit "${id}": straight apostrophe ' (write ’): ${show(target)}`);
  }
  for (const mark of rules.narrowSpaceBefore ?? '') {
    for (let i = text.indexOf(mark); i !== -1; i = text.indexOf(mark, i + 1)) {
      if (i === 0 || text[i - 1] === NNBSP || text[i - 1] === mark) continue;
      problems.push(`unit "${id}": "${mark}" needs a narrow no-break space (U+202F) before it: ${show(target)}`);
      break;
    }
  }
  if (rules.narrowSpaceInsideGuillemets && (/«(?!\u202f)/u.test(text) || /(?<!\u202f)»/u.test(text))) {
    problems.push(`unit "${id}": « and » take a narrow no-break space (U+202F) inside: ${show(target)}`);
  }
  if (rules.fullWidthColon && text.includes(':')) {
    problems.push(`unit "${id}": half-width colon ":" (write the full-width "："): ${show(target)}`);
  }
  return problems;
}

/**
 * Typography problems of a locale's targets.
 * @param {string} locale
 * @param {Map<string, string>} targets
 * @param {Glossary} glossary
 */
export function typographyProblems(locale, targets, glossary) {
  const rules = glossary.typography?.[locale];
  if (!rules) return [];
  return [...targets].flatMap(([id, target]) => typographyOf(id, target, rules));
}

/**
 * Every glossary rule for one locale.
 * @param {string} locale
 * @param {Map<string, string>} targets
 * @param {Glossary} glossary
 */
export function glossaryRuleProblems(locale, targets, glossary) {
  return [...seedProblems(locale, targets, glossary), ...glossaryProblems(locale, targets, glossary), ...typographyProblems(locale, targets, glossary)];
}
