// `npm run i18n:pseudo`: writes the pseudo-locale's translations (locales/en-XA.xlf) from the
// English source: accented, about 40% longer, bracketed ⟦…⟧, placeholders kept
// (scripts/lib/pseudo.mjs). Generated: never edit en-XA.xlf by hand. `npm run i18n:extract`
// runs it after `lit-localize extract`, which adds new units to every locale file.
//
//   node scripts/pseudo-locale.mjs [--locales-dir DIR]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PSEUDO_LOCALE, pseudoPieces } from './lib/pseudo.mjs';
import { parseContent, parseUnits, setTargets, toXml } from './lib/xliff.mjs';

const { values } = parseArgs({ options: { 'locales-dir': { type: 'string' } } });
/** @type {{ interchange: { xliffDir: string } }} */
const config = JSON.parse(readFileSync('lit-localize.json', 'utf8'));
const file = join(resolve(values['locales-dir'] ?? config.interchange.xliffDir), `${PSEUDO_LOCALE}.xlf`);
if (!existsSync(file)) {
  console.error(`${file} does not exist: add "${PSEUDO_LOCALE}" to targetLocales in lit-localize.json and run npx lit-localize extract`);
  process.exit(1);
}
const xml = readFileSync(file, 'utf8');
const units = parseUnits(xml);
const updates = new Map(units.map((u) => [u.id, { target: toXml(pseudoPieces(parseContent(u.source))), stamp: undefined }]));
writeFileSync(file, setTargets(xml, updates));
console.log(`${file}: ${units.length} units pseudo-translated`);
