// Locale chunks of the single-file bundle as one packed string (issue 15): the format is
// described in src/localization/packed-templates.ts, which unpacks it at run time. A generated
// locale module (src/localization/generated/locales/*.ts) holds `'id': \`text\`` and
// `'id': str\`text ${0}\`` entries only (no html templates, no backslash, no brace: checked
// here, as a message with one would not survive the round trip).
import { parseLocaleModule } from './message-ids.mjs';

export const SEPARATOR = '\n';
const ENTRY = /^(str)?`([^`\\]*)`$/;

/**
 * One entry's source text (`str\`Hi ${0}\``) packed (`Hi {}`).
 * @param {string} id
 * @param {string} source
 */
export function packMessage(id, source) {
  const match = ENTRY.exec(source);
  const text = match?.[2];
  if (text === undefined || /[{}\n]/.test(text.replace(/\$\{\d+\}/g, ''))) {
    throw new Error(`packed-locales: message ${id} cannot be packed: ${source}`);
  }
  let next = 0;
  return text.replace(/\$\{(\d+)\}/g, (_, /** @type {string} */ n) => {
    const packed = Number(n) === next ? '{}' : `{${n}}`;
    next += 1;
    return packed;
  });
}

/**
 * A generated locale module as the bundle ships it: `packed`, one string whose entry n is the
 * message of short id n, which src/localization/localization.ts unpacks (an import of the
 * unpacker from here cost each chunk about 60 B brotli: the shared chunk's hashed name).
 * @param {string} code
 * @param {ReadonlyMap<string, number>} index
 */
export function packLocaleModule(code, index) {
  const { entries } = parseLocaleModule(code);
  /** @type {string[]} */
  const messages = [];
  for (const [id, source] of entries) {
    const number = index.get(id);
    if (number !== undefined) messages[number] = packMessage(id, source);
  }
  const packed = Array.from(messages, (message) => message ?? '').join(SEPARATOR);
  return `export const packed = ${JSON.stringify(packed)};\n`;
}
