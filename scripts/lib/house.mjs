// Measures of the house (issue 10): how long each element file and each render* method is,
// and which modules import from src/elements/. Used by test/node/house.test.mjs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** @param {string} dir @returns {string[]} every .ts file under `dir` */
export function tsFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** @param {string} dir @returns {{ file: string, lines: number }[]} longest first */
export function fileLengths(dir) {
  return tsFiles(dir)
    .map((file) => ({ file, lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
    .sort((a, b) => b.lines - a.lines);
}

/**
 * Methods and functions named render* with their length in lines (from the line that opens
 * them to the closing brace at their own indentation), longest first.
 * @param {string} dir
 * @returns {{ file: string, name: string, lines: number }[]}
 */
export function renderLengths(dir) {
  /** @type {{ file: string, name: string, lines: number }[]} */
  const found = [];
  for (const file of tsFiles(dir)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, index) => {
      const match = /^(\s*)(?:export\s+)?(?:(?:private|protected|public|static|override|async)\s+)*(?:function\s+)?(render\w*)\s*(?:<[^>]*>)?\(/.exec(line);
      if (!match || line.trimEnd().endsWith(';')) return;
      const indent = match[1] ?? '';
      const end = lines.findIndex((l, i) => i > index && l.startsWith(`${indent}}`));
      if (end > index) found.push({ file, name: match[2] ?? '', lines: end - index + 1 });
    });
  }
  return found.sort((a, b) => b.lines - a.lines);
}
