// scripts/i18n-check.mjs fails on every kind of broken locale file. Works on copies of
// locales/*.xlf in a temporary directory, with the source messages taken from a copy of one
// of them (--source-xliff), so no extraction runs and the real files are never touched.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PSEUDO_LOCALE, pseudoPieces } from '../../scripts/lib/pseudo.mjs';
import { parseContent, parseUnits, setTarget, setTargets, toXml } from '../../scripts/lib/xliff.mjs';

/** @type {string} */
let dir;
/** @type {string} */
let localesDir;
/** @type {string} */
let sourceFile;
/** @type {Map<string, string>} */
const intact = new Map();

/**
 * Runs the check on the temporary copies.
 * @returns {{ status: number | null, out: string }}
 */
function check() {
  const run = spawnSync(
    process.execPath,
    ['scripts/i18n-check.mjs', '--locales-dir', localesDir, '--source-xliff', sourceFile],
    { encoding: 'utf8' },
  );
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

/**
 * Runs the check on copies of the real locale files in a directory of their own, with the
 * source extracted from the code (as `npm run i18n:check` does).
 * @param {(locale: string, xml: string) => string} edit
 * @returns {{ status: number | null, out: string }}
 */
function checkRealFiles(edit) {
  const own = join(dir, 'real');
  spawnSync('mkdir', ['-p', own]);
  for (const name of readdirSync('locales')) {
    if (name.endsWith('.xlf')) writeFileSync(join(own, name), edit(name.replace(/\.xlf$/, ''), readFileSync(join('locales', name), 'utf8')));
  }
  const run = spawnSync(process.execPath, ['scripts/i18n-check.mjs', '--locales-dir', own], { encoding: 'utf8' });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

/**
 * Replaces one copy with `edit(intact text)`.
 * @param {string} locale
 * @param {(xml: string) => string} edit
 */
function breakFile(locale, edit) {
  const before = intact.get(locale) ?? '';
  const after = edit(before);
  assert.notEqual(after, before, 'the edit changed nothing');
  writeFileSync(join(localesDir, `${locale}.xlf`), after);
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'i18n-check-test-'));
  localesDir = join(dir, 'locales');
  spawnSync('mkdir', ['-p', localesDir]);
  /** @type {{ targetLocales: string[] }} */
  const config = JSON.parse(readFileSync('lit-localize.json', 'utf8'));
  // Source: the units of the real French file. Each copy: every unit translated (a copy of
  // the English for real locales, the pseudo-translation for the pseudo-locale).
  const fr = readFileSync('locales/fr.xlf', 'utf8');
  sourceFile = join(dir, 'source.xlf');
  writeFileSync(sourceFile, fr);
  for (const locale of config.targetLocales) {
    const xml = fr.replace(/target-language="fr"/, `target-language="${locale}"`);
    /** @type {Map<string, import('../../scripts/lib/xliff.mjs').TargetUpdate>} */
    const updates = new Map();
    for (const unit of parseUnits(xml)) {
      const source = parseContent(unit.source);
      const pieces = locale === PSEUDO_LOCALE ? pseudoPieces(source) : source;
      updates.set(unit.id, { target: toXml(pieces), stamp: undefined });
    }
    intact.set(locale, setTargets(xml, updates));
  }
});

/** Restores every copy. */
function restore() {
  for (const name of readdirSync(localesDir)) rmSync(join(localesDir, name));
  for (const [locale, xml] of intact) writeFileSync(join(localesDir, `${locale}.xlf`), xml);
}

after(() => rmSync(dir, { recursive: true, force: true }));

describe('i18n-check', () => {
  it('passes on complete files and prints units, translated, missing per locale', () => {
    restore();
    const { status, out } = check();
    assert.equal(status, 0, out);
    const units = parseUnits(readFileSync(sourceFile, 'utf8')).length;
    assert.match(out, new RegExp(`de\\s+${units} units, ${units} translated, 0 missing`));
    assert.match(out, new RegExp(`${PSEUDO_LOCALE}\\s+${units} units, ${units} translated, 0 missing \\(pseudo-locale`));
  });

  it('fails when a locale file lacks a unit', () => {
    restore();
    breakFile('de', (xml) => xml.replace(/\s*<trans-unit id="status\.open">[\s\S]*?<\/trans-unit>/, ''));
    const { status, out } = check();
    assert.equal(status, 1, out);
    assert.match(out, /✘ de .* 1 missing/);
    assert.match(out, /unit "status\.open" is missing/);
  });

  it('fails when a locale file has a unit the source no longer has', () => {
    restore();
    breakFile('ja', (xml) =>
      xml.replace('<body>', '<body>\n<trans-unit id="gone.away">\n  <source>Old</source>\n  <target>古い</target>\n</trans-unit>'),
    );
    const { status, out } = check();
    assert.equal(status, 1, out);
    assert.match(out, /unit "gone\.away" is not in the source any more/);
  });

  it('fails when a target is empty', () => {
    restore();
    breakFile('fr', (xml) => setTarget(xml, 'status.closed', '  ', undefined));
    const { status, out } = check();
    assert.equal(status, 1, out);
    assert.match(out, /unit "status\.closed" has an empty target/);
  });

  it('fails when a target has other placeholders than its source', () => {
    restore();
    const withPlaceholder = parseUnits(intact.get('pt-BR') ?? '').find((u) => u.source.includes('<x '));
    assert.ok(withPlaceholder, 'the source has a message with a placeholder');
    // Drop one placeholder, then rename one: both fail.
    breakFile('pt-BR', (xml) => setTarget(xml, withPlaceholder.id, 'sem marcador', undefined));
    let result = check();
    assert.equal(result.status, 1, result.out);
    assert.match(result.out, new RegExp(`unit "${withPlaceholder.id.replace(/\./g, '\\.')}": placeholders differ`));
    restore();
    breakFile('pt-BR', (xml) =>
      setTarget(xml, withPlaceholder.id, (withPlaceholder.target ?? '').replace(/equiv-text="[^"]*"/, 'equiv-text="${other}"'), undefined),
    );
    result = check();
    assert.equal(result.status, 1, result.out);
    assert.match(result.out, /placeholders differ from the source's/);
  });

  it('fails when a translation was made from an English text that changed since', () => {
    restore();
    breakFile('de', (xml) => setTarget(xml, 'status.open', 'Offen', 'Opened'));
    const { status, out } = check();
    assert.equal(status, 1, out);
    assert.match(out, /unit "status\.open": the English changed since it was translated: was "Opened", now "Open"/);
  });

  it('fails when the pseudo-locale is out of date', () => {
    restore();
    breakFile(PSEUDO_LOCALE, (xml) => setTarget(xml, 'status.open', '⟦Öþéñ⟧', undefined));
    const { status, out } = check();
    assert.equal(status, 1, out);
    assert.match(out, /unit "status\.open" is out of date \(run npm run i18n:pseudo\)/);
  });

  it('fails when a locale file lacks an email message the code has (extracted from the code)', { timeout: 120_000 }, () => {
    const unit = /\s*<trans-unit id="email\.closed\.persists">[\s\S]*?<\/trans-unit>/;
    const { status, out } = checkRealFiles((locale, xml) => {
      if (locale !== 'fr') return xml;
      assert.match(xml, unit, 'fr.xlf has the unit');
      return xml.replace(unit, '');
    });
    assert.equal(status, 1, out);
    assert.match(out, /✘ fr .* 1 missing/);
    assert.match(out, /unit "email\.closed\.persists" is missing/);
    assert.match(out, /✔ de /, 'the other locales are complete');
  });

  it('fails when an email message drops a placeholder', () => {
    restore();
    const unit = parseUnits(intact.get('ja') ?? '').find((u) => u.id === 'email.closed.auto');
    assert.ok(unit?.target, 'the source has email.closed.auto');
    breakFile('ja', (xml) => setTarget(xml, 'email.closed.auto', (unit.target ?? '').replace(/<x id="3"[^>]*\/>/, '5'), undefined));
    const { status, out } = check();
    assert.equal(status, 1, out);
    assert.match(out, /unit "email\.closed\.auto": placeholders differ from the source's/);
  });

  it('fails when a locale file is missing or not a target locale', () => {
    restore();
    rmSync(join(localesDir, 'ja.xlf'));
    writeFileSync(join(localesDir, 'it.xlf'), intact.get('fr') ?? '');
    const { status, out } = check();
    assert.equal(status, 1, out);
    assert.match(out, /ja\.xlf does not exist/);
    assert.match(out, /it\.xlf is not a target locale/);
  });
});
