// scripts/i18n-check.mjs fails on every kind of broken locale file. Works on copies of
// locales/*.xlf in a temporary directory, with the source messages taken from a copy of one
// of them (--source-xliff), so no extraction runs and the real files are never touched.
// Each rule of issue 14 (generated modules in step, seed words, glossary, typography) is
// shown failing on a copy broken for it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PSEUDO_LOCALE } from '../../scripts/lib/pseudo.mjs';
import { parseUnits, setTarget } from '../../scripts/lib/xliff.mjs';

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
 * @param {string[]} extra more arguments
 * @returns {{ status: number | null, out: string }}
 */
function check(extra = []) {
  const run = spawnSync(
    process.execPath,
    ['scripts/i18n-check.mjs', '--locales-dir', localesDir, '--source-xliff', sourceFile, '--glossary', 'locales/glossary.json', ...extra],
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
  // Source: the units of the real French file. Each copy: the real locale file, which passes
  // every rule (the glossary's too), so each test breaks exactly one thing.
  const fr = readFileSync('locales/fr.xlf', 'utf8');
  sourceFile = join(dir, 'source.xlf');
  writeFileSync(sourceFile, fr);
  for (const locale of config.targetLocales) intact.set(locale, readFileSync(join('locales', `${locale}.xlf`), 'utf8'));
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
  it('fails when an FR unit replaces a seed word', () => {
    restore();
    breakFile('fr', (xml) => setTarget(xml, 'contact.profile.manage_tickets', 'Gérer mes dossiers', undefined));
    const { status, out } = check();
    assert.equal(status, 1, out);
    assert.match(out, /unit "contact\.profile\.manage_tickets" replaces the seed's words: "Gérer mes dossiers", the seed says "Gérer mes tickets"/);
  });

  it('fails when a unit names a glossary concept another way (DE Kontaktmethode, a closed Support compound, JA あなた)', () => {
    restore();
    breakFile('de', (xml) => setTarget(setTarget(xml, 'ticket-form.contact.label', 'Bevorzugte Kontaktmethode', undefined), 'contact.open_case', 'Supportfall eröffnen', undefined));
    breakFile('ja', (xml) => setTarget(xml, 'my-tickets.role.you', 'あなた', undefined));
    const { status, out } = check();
    assert.equal(status, 1, out);
    assert.match(out, /unit "ticket-form\.contact\.label" names "contact method" as "Kontaktmethode"/);
    assert.match(out, /unit "contact\.open_case" names "Support- compounds" as "Supportfall"/);
    assert.match(out, /unit "my-tickets\.role\.you" names "the user themself \(own comments\)" as "あなた"/);
  });

  it('fails on French typography: straight apostrophe, plain space before ? : ; !, « » without narrow spaces', () => {
    restore();
    breakFile('fr', (xml) =>
      setTarget(
        setTarget(setTarget(xml, 'contact.heading', "Contacter l'assistance", undefined), 'contact.help.choices', 'Quel est le problème ?', undefined),
        'ticket-form.subject.hint',
        'Un titre court pour votre problème, par exemple « Enveloppe bloquée à l’envoi ».',
        undefined,
      ),
    );
    const { status, out } = check();
    assert.equal(status, 1, out);
    assert.match(out, /unit "contact\.heading": straight apostrophe/);
    assert.match(out, /unit "contact\.help\.choices": "\?" needs a narrow no-break space \(U\+202F\)/);
    assert.match(out, /unit "ticket-form\.subject\.hint": « and » take a narrow no-break space/);
    assert.match(out, /✔ de /, 'French rules only for French');
  });

  it('fails on a half-width colon in Japanese', () => {
    restore();
    breakFile('ja', (xml) => setTarget(xml, 'form.error_prefix', 'エラー:', undefined));
    const { status, out } = check();
    assert.equal(status, 1, out);
    assert.match(out, /unit "form\.error_prefix": half-width colon/);
  });

  it('fails when a generated module is not what lit-localize builds from the XLIFF (edited, not built)', { timeout: 120_000 }, () => {
    restore();
    const generated = join(dir, 'generated');
    cpSync('src/localization/generated/locales', generated, { recursive: true });
    let result = check(['--generated-dir', generated]);
    assert.equal(result.status, 0, result.out);
    // An XLIFF edited after the last build: the module still has the old words.
    breakFile('de', (xml) => setTarget(xml, 'contact.profile.sign_out', 'Jetzt abmelden', undefined));
    result = check(['--generated-dir', generated]);
    assert.equal(result.status, 1, result.out);
    assert.match(result.out, /de\.ts is not what lit-localize builds from de\.xlf now/);
    assert.match(result.out, /✔ fr /, 'the other modules are in step');
    // A module edited by hand (or deleted) fails too.
    restore();
    writeFileSync(join(generated, 'ja.ts'), `${readFileSync(join(generated, 'ja.ts'), 'utf8')}\n`);
    rmSync(join(generated, 'pt-BR.ts'));
    result = check(['--generated-dir', generated]);
    assert.equal(result.status, 1, result.out);
    assert.match(result.out, /ja\.ts is not what lit-localize builds/);
    assert.match(result.out, /pt-BR\.ts does not exist/);
  });
});
