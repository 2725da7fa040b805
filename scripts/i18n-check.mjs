// `npm run i18n:check`: are the translations complete and in step with the code?
//
// Extracts the source messages (lit-localize extract into a temporary directory, so nothing
// in locales/ is touched) and compares each target locale's XLIFF with them. Fails when a
// locale file lacks a unit, has a unit the source no longer has, has an empty target, has
// placeholders (<x id equiv-text/>) that differ from the source's, or was translated from an
// English text that has changed since. The pseudo-locale must be complete and current
// (`npm run i18n:pseudo` regenerates it). Prints per locale: units, translated, missing.
//
// Also fails (issue 14) when
// - a generated module (src/localization/generated/locales/*.ts) differs from what
//   `lit-localize build` makes of the XLIFF now: an edited XLIFF that was not built would
//   show the old words (contents are compared: mtimes mean nothing in a fresh clone);
// - an FR unit the seed words changes them, a unit names a glossary concept by a forbidden
//   variant, or a unit breaks its language's typography (French ’ and U+202F before ? : ; !
//   and inside « », Japanese full-width colon): the rules of locales/glossary.json,
//   scripts/lib/i18n-rules.mjs.
//
//   node scripts/i18n-check.mjs [--locales-dir DIR] [--config lit-localize.json]
//                               [--source-xliff FILE] [--glossary FILE] [--generated-dir DIR]
//
// --locales-dir    the XLIFF files to check (default: the config's interchange.xliffDir)
// --source-xliff   take the source messages from this XLIFF's <source> elements instead of
//                  extracting them from the code (tests use it to stay fast); the generated
//                  modules are then compared only when --generated-dir is given
// --glossary       the glossary (default: glossary.json next to the XLIFF files, else the
//                  config's xliffDir)
// --generated-dir  the generated modules to compare (default: the config's output.outputDir)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { glossaryRuleProblems } from './lib/i18n-rules.mjs';
import { PSEUDO_LOCALE, pseudoPieces } from './lib/pseudo.mjs';
import { STAMP_NOTE, parseContent, parseUnits, placeholderKeys, targetLanguage, textOf, toTemplate } from './lib/xliff.mjs';

/** @typedef {import('./lib/xliff.mjs').Piece} Piece */

const { values } = parseArgs({
  options: {
    'locales-dir': { type: 'string' },
    config: { type: 'string', default: 'lit-localize.json' },
    'source-xliff': { type: 'string' },
    glossary: { type: 'string' },
    'generated-dir': { type: 'string' },
  },
});

const configPath = resolve(values.config ?? 'lit-localize.json');
const root = dirname(configPath);
/** @type {{ targetLocales: string[], tsConfig?: string, inputFiles?: string[], output: Record<string, unknown>, interchange: { format: string, xliffDir: string } }} */
const config = JSON.parse(readFileSync(configPath, 'utf8'));
const localesDir = resolve(values['locales-dir'] ?? resolve(root, config.interchange.xliffDir));

/**
 * Runs `lit-localize <command>` on a copy of the config whose outputs go to `dir`.
 * @param {string} command
 * @param {string} dir
 * @param {{ targetLocales?: string[], xliffDir?: string }} overrides
 * @returns {string | undefined} the failure's output, undefined when it ran
 */
function runLitLocalize(command, dir, overrides) {
  const abs = (/** @type {string} */ p) => (isAbsolute(p) ? p : resolve(root, p));
  const tempConfig = {
    ...config,
    targetLocales: overrides.targetLocales ?? config.targetLocales,
    ...(config.tsConfig ? { tsConfig: abs(config.tsConfig) } : {}),
    ...(config.inputFiles
      ? { inputFiles: config.inputFiles.map((p) => (p.startsWith('!') ? `!${abs(p.slice(1))}` : abs(p))) }
      : {}),
    output: { ...config.output, outputDir: join(dir, 'out'), localeCodesModule: join(dir, 'out', 'codes.ts') },
    interchange: { ...config.interchange, xliffDir: overrides.xliffDir ?? join(dir, 'xliff') },
  };
  writeFileSync(join(dir, 'lit-localize.json'), JSON.stringify(tempConfig, null, 2));
  const bin = join(root, 'node_modules', '.bin', 'lit-localize');
  const run = spawnSync(bin, [command, `--config=${join(dir, 'lit-localize.json')}`], { encoding: 'utf8' });
  return run.status === 0 ? undefined : `${run.stdout}${run.stderr}`;
}

/**
 * The source messages, by id, in the XLIFF form of lit-localize.
 * @returns {Map<string, Piece[]>}
 */
function sourceMessages() {
  let xml;
  if (values['source-xliff']) {
    xml = readFileSync(values['source-xliff'], 'utf8');
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'i18n-check-'));
    try {
      const failure = runLitLocalize('extract', dir, { targetLocales: [config.targetLocales[0] ?? 'fr'] });
      if (failure !== undefined) {
        console.error(failure);
        console.error('i18n:check: lit-localize extract failed');
        process.exit(1);
      }
      xml = readFileSync(join(dir, 'xliff', `${config.targetLocales[0]}.xlf`), 'utf8');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return new Map(parseUnits(xml).map((u) => [u.id, parseContent(u.source)]));
}

/**
 * Per locale, the problem of its generated module: missing, or not what `lit-localize build`
 * makes of the XLIFF files now. Empty when the comparison is off.
 * @returns {Map<string, string>}
 */
function generatedProblems() {
  /** @type {Map<string, string>} */
  const problems = new Map();
  const wanted = values['generated-dir'] ?? (values['source-xliff'] ? undefined : String(config.output.outputDir ?? ''));
  if (!wanted) return problems;
  const generatedDir = resolve(root, wanted);
  const dir = mkdtempSync(join(tmpdir(), 'i18n-check-build-'));
  try {
    const failure = runLitLocalize('build', dir, { xliffDir: localesDir });
    if (failure !== undefined) {
      for (const locale of config.targetLocales) problems.set(locale, `lit-localize build failed: ${failure.trim().split('\n').slice(-3).join(' ')}`);
      return problems;
    }
    for (const locale of config.targetLocales) {
      const built = join(dir, 'out', `${locale}.ts`);
      const current = join(generatedDir, `${locale}.ts`);
      const shown = relative(root, current);
      if (!existsSync(current)) problems.set(locale, `${shown} does not exist (run npm run i18n:build)`);
      else if (existsSync(built) && readFileSync(built, 'utf8') !== readFileSync(current, 'utf8')) {
        problems.set(locale, `${shown} is not what lit-localize builds from ${locale}.xlf now: the UI shows old words (run npm run i18n:build)`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return problems;
}

/** @type {import('./lib/i18n-rules.mjs').Glossary} */
const glossary = (() => {
  const beside = join(localesDir, 'glossary.json');
  const file = values.glossary ? resolve(values.glossary) : existsSync(beside) ? beside : resolve(root, config.interchange.xliffDir, 'glossary.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
})();

/** @param {Piece[]} a @param {Piece[]} b */
const samePieces = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Problems of one locale file, and its counts.
 * @param {string} locale
 * @param {Map<string, Piece[]>} source
 */
function checkLocale(locale, source) {
  const file = join(localesDir, `${locale}.xlf`);
  /** @type {string[]} */
  const problems = [];
  /** @type {string[]} */
  const warnings = [];
  if (!existsSync(file)) {
    return { units: 0, translated: 0, missing: source.size, problems: [`${file} does not exist (run npm run i18n:extract)`], warnings };
  }
  const xml = readFileSync(file, 'utf8');
  const lang = targetLanguage(xml);
  if (lang !== locale) problems.push(`target-language is "${lang}", expected "${locale}"`);
  const units = parseUnits(xml);
  const pseudo = locale === PSEUDO_LOCALE;
  const seen = new Set();
  let translated = 0;
  let missing = 0;
  /** @type {Map<string, string>} targets by id, {N} for placeholders, for the glossary rules */
  const targets = new Map();
  for (const unit of units) {
    if (seen.has(unit.id)) problems.push(`unit "${unit.id}" appears twice`);
    seen.add(unit.id);
    const expected = source.get(unit.id);
    if (!expected) {
      problems.push(`unit "${unit.id}" is not in the source any more (run npm run i18n:extract to drop it)`);
      continue;
    }
    if (unit.target === undefined) {
      missing += 1;
      problems.push(`unit "${unit.id}" has no translation: "${toTemplate(expected)}"`);
      continue;
    }
    /** @type {Piece[]} */
    let target;
    try {
      target = parseContent(unit.target);
    } catch (error) {
      problems.push(`unit "${unit.id}": ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    if (textOf(target).trim() === '' && placeholderKeys(target).length === 0) {
      missing += 1;
      problems.push(`unit "${unit.id}" has an empty target`);
      continue;
    }
    const want = placeholderKeys(expected).join(', ');
    const got = placeholderKeys(target).join(', ');
    if (want !== got) {
      problems.push(`unit "${unit.id}": placeholders differ from the source's: source has [${want}], target has [${got}]`);
      continue;
    }
    if (pseudo) {
      if (!samePieces(target, pseudoPieces(expected))) problems.push(`unit "${unit.id}" is out of date (run npm run i18n:pseudo)`);
    } else {
      // The English the translation was made from: i18n-merge's stamp, else the file's own <source>.
      const from = unit.notes[STAMP_NOTE] ?? toTemplate(parseContent(unit.source));
      if (from !== toTemplate(expected)) {
        problems.push(
          `unit "${unit.id}": the English changed since it was translated: was "${from}", now "${toTemplate(expected)}" (review the translation, then re-merge it)`,
        );
        continue;
      }
      if (toTemplate(target) === toTemplate(expected) && /[a-z]{3}/i.test(textOf(expected))) {
        warnings.push(`unit "${unit.id}" is the same as the English: "${toTemplate(expected)}"`);
      }
    }
    targets.set(unit.id, toTemplate(target));
    translated += 1;
  }
  if (!pseudo) problems.push(...glossaryRuleProblems(locale, targets, glossary));
  for (const id of source.keys()) {
    if (!seen.has(id)) {
      missing += 1;
      problems.push(`unit "${id}" is missing (run npm run i18n:extract, then translate it)`);
    }
  }
  return { units: units.length, translated, missing, problems, warnings };
}

const source = sourceMessages();
const generated = generatedProblems();
const locales = [...config.targetLocales];
let failed = false;
console.log(`i18n:check: ${source.size} source messages; locale files in ${localesDir}`);
for (const locale of locales) {
  const result = checkLocale(locale, source);
  const stale = generated.get(locale);
  if (stale) result.problems.push(stale);
  const kind = locale === PSEUDO_LOCALE ? ' (pseudo-locale, generated)' : '';
  const mark = result.problems.length > 0 ? '✘' : '✔';
  console.log(`${mark} ${locale.padEnd(6)} ${result.units} units, ${result.translated} translated, ${result.missing} missing${kind}`);
  for (const p of result.problems) console.log(`    ${p}`);
  for (const w of result.warnings) console.log(`    (note) ${w}`);
  if (result.problems.length > 0) failed = true;
}
if (existsSync(localesDir)) {
  for (const name of readdirSync(localesDir)) {
    const locale = name.replace(/\.xlf$/, '');
    if (name.endsWith('.xlf') && !locales.includes(locale)) {
      console.log(`✘ ${name} is not a target locale of ${configPath} (add "${locale}" to targetLocales, or delete it)`);
      failed = true;
    }
  }
}
// exitCode, not exit(): exit() drops what a full pipe has not taken yet, and the report of a
// failing check is long (a test that reads it through a pipe saw it cut off under load).
if (failed) {
  console.log('i18n:check: FAILED (docs/TRANSLATING.md says how to fix each problem)');
  process.exitCode = 1;
} else {
  console.log('i18n:check: all locales complete');
}
