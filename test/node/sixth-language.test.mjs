// Adding a language takes one XLIFF file and one line of config (docs/TRANSLATING.md):
// with a throwaway Italian added to a temporary copy of lit-localize.json, extract writes
// it.xlf, i18n-merge fills it, i18n-check counts it and lit-localize build generates its
// module. The inputs are narrowed to src/elements/shared/messages.ts to stay fast; the real
// files are never touched. (The browser side: test/localization/sixth-language.test.ts.)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseContent, parseUnits, toTemplate } from '../../scripts/lib/xliff.mjs';

const root = resolve('.');
const litLocalize = join(root, 'node_modules', '.bin', 'lit-localize');
/** @type {string} */
let dir;
/** @type {string} */
let configFile;

/**
 * @param {string} command
 * @param {string[]} args
 */
function run(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', cwd: root });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

/** Real Italian for a few units; the rest marked, as a first draft would be. */
const ITALIAN = {
  'status.open': 'Aperto',
  'status.action_required': 'Azione richiesta',
  'status.pending': 'In attesa',
  'status.closed': 'Chiuso',
  'validation.required': 'Rispondi a questa domanda.',
};

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'sixth-language-'));
  /** @type {Record<string, unknown>} */
  const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
  // The one line a team adds: "it" in targetLocales (here the only one, to stay fast).
  const temp = {
    ...config,
    targetLocales: ['it'],
    tsConfig: join(root, 'tsconfig.json'),
    inputFiles: [join(root, 'src', 'elements', 'shared', 'messages.ts')],
    output: { mode: 'runtime', outputDir: join(dir, 'generated', 'locales'), localeCodesModule: join(dir, 'generated', 'locale-codes.ts'), language: 'ts' },
    interchange: { format: 'xliff', xliffDir: join(dir, 'locales') },
  };
  configFile = join(dir, 'lit-localize.json');
  writeFileSync(configFile, JSON.stringify(temp, null, 2));
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('adding a sixth language (it)', { timeout: 120_000 }, () => {
  it('extract writes it.xlf with every unit to translate, and the check reports it untranslated', () => {
    const extract = run(litLocalize, ['extract', `--config=${configFile}`]);
    assert.equal(extract.status, 0, extract.out);
    const xml = readFileSync(join(dir, 'locales', 'it.xlf'), 'utf8');
    assert.match(xml, /target-language="it"/);
    const units = parseUnits(xml);
    assert.ok(units.some((u) => u.id === 'status.open'));
    assert.ok(units.every((u) => u.target === undefined));
    const check = run(process.execPath, ['scripts/i18n-check.mjs', '--config', configFile, '--source-xliff', join(dir, 'locales', 'it.xlf')]);
    assert.equal(check.status, 1, check.out);
    assert.match(check.out, new RegExp(`it\\s+${units.length} units, 0 translated, ${units.length} missing`));
  });

  it('i18n-merge fills it.xlf from JSON, and the check then passes', () => {
    const file = join(dir, 'locales', 'it.xlf');
    /** @type {Record<string, string>} */
    const translations = {};
    for (const unit of parseUnits(readFileSync(file, 'utf8'))) {
      translations[unit.id] = ITALIAN[/** @type {keyof typeof ITALIAN} */ (unit.id)] ?? `(it) ${toTemplate(parseContent(unit.source))}`;
    }
    writeFileSync(join(dir, 'it.json'), JSON.stringify(translations));
    const merge = run(process.execPath, ['scripts/i18n-merge.mjs', 'it', join(dir, 'it.json'), '--locales-dir', join(dir, 'locales')]);
    assert.equal(merge.status, 0, merge.out);
    const check = run(process.execPath, ['scripts/i18n-check.mjs', '--config', configFile, '--source-xliff', file]);
    assert.equal(check.status, 0, check.out);
    assert.match(check.out, /✔ it\s+(\d+) units, \1 translated, 0 missing/);
  });

  it('lit-localize build generates the Italian module and lists "it" among the locale codes', () => {
    const build = run(litLocalize, ['build', `--config=${configFile}`]);
    assert.equal(build.status, 0, build.out);
    const module = join(dir, 'generated', 'locales', 'it.ts');
    assert.ok(existsSync(module), build.out);
    const code = readFileSync(module, 'utf8');
    assert.match(code, /'status\.open': `Aperto`/);
    assert.match(code, /'status\.action_required': `Azione richiesta`/);
    assert.match(readFileSync(join(dir, 'generated', 'locale-codes.ts'), 'utf8'), /targetLocales = \[\s*`it`,?\s*\]/);
  });
});
