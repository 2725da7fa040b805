#!/usr/bin/env node
// `npx support-elements-xliff nl.xlf > src/support-nl.js`: turns an XLIFF file (the one
// `lit-localize extract` writes, e.g. a copy of the package's locales/fr.xlf translated into
// Dutch) into an ES module whose `templates` registerTranslations takes:
//
//   import { registerTranslations } from 'support-elements';
//   import { templates } from './support-nl.js';
//   registerTranslations('nl', templates);
//
// Plain messages become strings; messages with `${…}` values become lit-localize's str
// template objects. Units without a <target> are left out (English shows). Messages with markup
// (html`…`) are left out too, with a note on stderr: they keep the built translation or English.
import { readFileSync } from 'node:fs';
import { parseContent, parseUnits } from './lib/xliff.mjs';

/**
 * @param {string} xml
 * @returns {{ templates: Record<string, string | { strTag: true, strings: string[], values: number[] }>, skipped: string[] }}
 */
export function templatesOf(xml) {
  /** @type {Record<string, string | { strTag: true, strings: string[], values: number[] }>} */
  const templates = {};
  /** @type {string[]} */
  const skipped = [];
  for (const unit of parseUnits(xml)) {
    if (unit.target === undefined || unit.target.trim() === '') continue;
    const pieces = parseContent(unit.target);
    if (pieces.some((p) => typeof p !== 'string' && !/^\$\{[^}]*\}$/.test(p.equiv))) {
      skipped.push(unit.id);
      continue;
    }
    /** @type {string[]} */
    const strings = [''];
    /** @type {number[]} */
    const values = [];
    for (const piece of pieces) {
      if (typeof piece === 'string') strings[strings.length - 1] += piece;
      else {
        values.push(Number(piece.id));
        strings.push('');
      }
    }
    templates[unit.id] = values.length === 0 ? (strings[0] ?? '') : { strTag: true, strings, values };
  }
  return { templates, skipped };
}

/** @param {ReturnType<typeof templatesOf>['templates']} templates @param {string} from */
export function moduleOf(templates, from) {
  return `// Generated from ${from} by support-elements-xliff: regenerate rather than edit.\nexport const templates = ${JSON.stringify(templates, null, 2)};\n`;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('support-elements-xliff')) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: support-elements-xliff <file.xlf> > templates.js');
    process.exit(2);
  }
  const { templates, skipped } = templatesOf(readFileSync(file, 'utf8'));
  if (skipped.length > 0) console.error(`support-elements-xliff: left out (markup): ${skipped.join(', ')}`);
  process.stdout.write(moduleOf(templates, file));
}
