// Short message ids for the single-file bundle (vite.config.ts `shortMessageIds`, issue 15).
// The elements' msg() calls name their messages with readable ids (`contact.heading`), and each
// generated locale module (src/localization/generated/locales/*.ts) maps them to translations.
// In the bundle those ids were a third of every locale chunk and a good part of the elements'
// code, so the bundle numbers them instead: msg() calls get `id: '12'`, and a locale module
// becomes an array whose element 12 is that message's translation. The readable ids stay what
// hosts use (`registerTranslations`, XLIFF): the bundle maps them to numbers through a table it
// loads only when a host registers translations (src/localization/message-index.ts).
//
// `email.*` messages are the reference server's (src/localization/email-messages.ts): the
// server reads them from the generated modules themselves, the browser never shows them, so
// the bundle's locale chunks leave them out.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseUnits } from './xliff.mjs';

export const LOCALES_DIR = 'src/localization/generated/locales';
const XLIFF_DIR = 'locales';

/** Start of one entry of a generated module's `templates`: `'contact.heading': `. */
const ENTRY = /^\s*'([\w.-]+)': /gm;

/** Messages only the server uses. */
const SERVER_ONLY = /^email\./;

/**
 * The entries of a generated locale module, in file order: id → the template's source text.
 * @param {string} code
 * @returns {{ head: string, entries: Map<string, string> }}
 */
export function parseLocaleModule(code) {
  const start = code.indexOf('export const templates = {');
  const end = code.lastIndexOf('};');
  if (start < 0 || end < start) throw new Error('message-ids: not a generated locale module');
  const body = code.slice(start, end);
  /** @type {Map<string, string>} */
  const entries = new Map();
  const matches = [...body.matchAll(ENTRY)];
  matches.forEach((match, i) => {
    const from = (match.index ?? 0) + match[0].length;
    const to = matches[i + 1]?.index ?? body.length;
    entries.set(match[1] ?? '', body.slice(from, to).trim().replace(/,$/, ''));
  });
  return { head: code.slice(0, start), entries };
}

/**
 * English source text of each message, from an XLIFF file (the sources are the same in all).
 * @returns {Map<string, string>}
 */
function englishSources() {
  const file = readdirSync(XLIFF_DIR).sort().find((name) => name.endsWith('.xlf'));
  return new Map(file ? parseUnits(readFileSync(join(XLIFF_DIR, file), 'utf8')).map((unit) => [unit.id, unit.source]) : []);
}

/**
 * Every message id the browser can show, numbered: the ids of the generated locale modules
 * (all target locales), `email.*` left out. Index in the array = the short id. Sorted by English
 * text (code-unit order, the same on every machine): a locale chunk is the messages in this
 * order (scripts/lib/packed-locales.mjs), and with messages that start alike side by side brotli
 * finds more repeats: de 4,115 → 4,059 B, fr 4,112 → 4,057 B, pt-BR 3,708 → 3,641 B, ja 3,876 → 3,891 B against id order.
 * @returns {string[]}
 */
export function messageIds() {
  /** @type {Set<string>} */
  const ids = new Set();
  for (const file of readdirSync(LOCALES_DIR).sort()) {
    if (!file.endsWith('.ts')) continue;
    for (const id of parseLocaleModule(readFileSync(join(LOCALES_DIR, file), 'utf8')).entries.keys()) {
      if (!SERVER_ONLY.test(id)) ids.add(id);
    }
  }
  const english = englishSources();
  const text = (/** @type {string} */ id) => english.get(id) ?? '';
  return [...ids].sort((a, b) => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : a < b ? -1 : a > b ? 1 : 0));
}

/**
 * A generated locale module as the bundle ships it: `templates` is an array indexed by short id.
 * @param {string} code
 * @param {ReadonlyMap<string, number>} index
 */
export function numberLocaleModule(code, index) {
  const { head, entries } = parseLocaleModule(code);
  /** @type {string[]} */
  const values = [];
  for (const [id, value] of entries) {
    const number = index.get(id);
    if (number !== undefined) values[number] = value;
  }
  // Array.from: a message this language lacks leaves a hole (`,,`), read as undefined, so the
  // element shows the English source, as before.
  return `${head}export const templates = [${Array.from(values, (value) => value ?? '').join(',\n')}];\n`;
}

/** `id: 'contact.heading'` in a msg() call's options (every message id is a plain literal). */
const MSG_ID = /\bid: '([\w.-]+)'/g;

/**
 * An element's source with its msg() ids numbered; ids not in `index` are left as they are.
 * @param {string} code
 * @param {ReadonlyMap<string, number>} index
 */
export function numberMessageIds(code, index) {
  return code.replace(MSG_ID, (whole, /** @type {string} */ id) => {
    const number = index.get(id);
    return number === undefined ? whole : `id: '${number}'`;
  });
}
