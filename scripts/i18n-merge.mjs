// Translations in bulk, without hand-writing XML (docs/TRANSLATING.md). The XLIFF files in
// locales/ stay the one place translations live; this reads and writes their <target>s.
// In JSON, `{N}` stands for the source's placeholder <x id="N" equiv-text="…"/>.
//
//   node scripts/i18n-merge.mjs LOCALE FILE.json   set targets from {"unit.id": "text with {0}"}
//                                                  (each stamped with the English it translates)
//   node scripts/i18n-merge.mjs --todo LOCALE      print untranslated or outdated units as JSON:
//                                                  {"unit.id": {"source": "...", "note": "..."}}
//   node scripts/i18n-merge.mjs --export LOCALE    print the current translations as JSON
//   node scripts/i18n-merge.mjs --stamp LOCALE     record that every target translates the
//                                                  current English (after reviewing them)
// Add --locales-dir DIR to work on other files than the config's xliffDir.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  STAMP_NOTE,
  fromTemplate,
  parseContent,
  parseUnits,
  placeholderKeys,
  setTargets,
  toTemplate,
  toXml,
} from './lib/xliff.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    todo: { type: 'boolean', default: false },
    export: { type: 'boolean', default: false },
    stamp: { type: 'boolean', default: false },
    'locales-dir': { type: 'string' },
  },
});
const [locale, jsonFile] = positionals;
if (!locale || (!values.todo && !values.export && !values.stamp && !jsonFile)) {
  console.error('usage: node scripts/i18n-merge.mjs [--todo|--export|--stamp] LOCALE [FILE.json] [--locales-dir DIR]');
  process.exit(2);
}
/** @type {{ interchange: { xliffDir: string } }} */
const config = JSON.parse(readFileSync('lit-localize.json', 'utf8'));
const file = join(resolve(values['locales-dir'] ?? config.interchange.xliffDir), `${locale}.xlf`);
const xml = readFileSync(file, 'utf8');
const units = parseUnits(xml);

// Branches, not process.exit(): exit() drops output a pipe has not taken yet (a long --export).
if (values.todo || values.export) {
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const unit of units) {
    const source = toTemplate(parseContent(unit.source));
    const target = unit.target === undefined ? undefined : toTemplate(parseContent(unit.target));
    if (values.export) {
      if (target !== undefined) out[unit.id] = target;
    } else if (target === undefined || target.trim() === '' || (unit.notes[STAMP_NOTE] ?? source) !== source) {
      out[unit.id] = { source, note: unit.notes['lit-localize'] ?? '', ...(target ? { previous: target, previousSource: unit.notes[STAMP_NOTE] } : {}) };
    }
  }
  console.log(JSON.stringify(out, null, 2));
} else if (values.stamp) {
  /** @type {Map<string, import('./lib/xliff.mjs').TargetUpdate>} */
  const updates = new Map();
  for (const unit of units) {
    if (unit.target !== undefined) updates.set(unit.id, { target: unit.target, stamp: toTemplate(parseContent(unit.source)) });
  }
  writeFileSync(file, setTargets(xml, updates));
  console.log(`${file}: ${updates.size} translations stamped with their current English`);
} else {
  /** @type {Record<string, string>} */
  const translations = JSON.parse(readFileSync(String(jsonFile), 'utf8'));
  const byId = new Map(units.map((u) => [u.id, u]));
  /** @type {string[]} */
  const errors = [];
  /** @type {Map<string, import('./lib/xliff.mjs').TargetUpdate>} */
  const updates = new Map();
  for (const [id, template] of Object.entries(translations)) {
    const unit = byId.get(id);
    if (!unit) {
      errors.push(`"${id}" is not a unit of ${file}`);
      continue;
    }
    const source = parseContent(unit.source);
    try {
      const pieces = fromTemplate(template, source);
      if (placeholderKeys(pieces).join() !== placeholderKeys(source).join()) {
        throw new Error(`use each placeholder of "${toTemplate(source)}" exactly once`);
      }
      if (template.trim() === '') throw new Error('empty translation');
      updates.set(id, { target: toXml(pieces), stamp: toTemplate(source) });
    } catch (error) {
      errors.push(`"${id}": ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  writeFileSync(file, setTargets(xml, updates));
  console.log(`${file}: ${updates.size} translations merged`);
  if (errors.length > 0) {
    for (const e of errors) console.error(`  ${e}`);
    process.exitCode = 1;
  }
}
