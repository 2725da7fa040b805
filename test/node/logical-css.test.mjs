// CSS uses logical properties only (margin-inline, inset-inline, border-inline-start, ...),
// so a right-to-left language needs no CSS change (issue 6; the browser side is
// test/localization/rtl.test.ts). Scans every css`...` block under src/, including every
// *.styles.ts and src/elements/shared/styles.ts, for physical left/right properties.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

/** @param {string} dir @returns {string[]} */
function tsFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'generated' ? [] : tsFiles(path);
      return name.endsWith('.ts') ? [path] : [];
    });
}

const PHYSICAL = [
  /(?<![\w-])(?:margin|padding)-(?:left|right)\s*:/,
  /(?<![\w-])border-(?:left|right)(?:-(?:width|style|color))?\s*:/,
  /(?<![\w-])border-(?:top|bottom)-(?:left|right)-radius\s*:/,
  /(?<![\w-])(?:left|right)\s*:/,
  /(?<![\w-])text-align\s*:\s*(?:left|right)\b/,
  /(?<![\w-])float\s*:\s*(?:left|right)\b/,
  /(?<![\w-])clear\s*:\s*(?:left|right)\b/,
  /(?<![\w-])(?:scroll-)?(?:margin|padding)-(?:left|right)\s*:/,
];

/**
 * Physical properties in the css`...` blocks of a source file, as `file:line: text`.
 * @param {string} file
 */
export function physicalProperties(file) {
  const source = readFileSync(file, 'utf8');
  /** @type {string[]} */
  const found = [];
  for (const block of source.matchAll(/\bcss`([\s\S]*?)`/g)) {
    const start = source.slice(0, block.index ?? 0).split('\n').length;
    const css = (block[1] ?? '').replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
    css.split('\n').forEach((line, i) => {
      if (PHYSICAL.some((re) => re.test(line))) found.push(`${file}:${start + i}: ${line.trim()}`);
    });
  }
  return found;
}

describe('logical CSS properties', () => {
  const files = tsFiles('src');

  it('finds css blocks to check, among them the shared styles and every *.styles.ts', () => {
    assert.ok(files.includes(join('src', 'elements', 'shared', 'styles.ts')));
    for (const file of files.filter((f) => f.endsWith('.styles.ts'))) {
      assert.match(readFileSync(file, 'utf8'), /\bcss`/, `${file} has no css block`);
    }
  });

  it('recognises physical properties (self-test)', () => {
    const bad = ['margin-left: 1em;', 'padding-right:0', 'border-left: 4px solid', 'right: 0;', 'text-align: left;', 'float: right'];
    const good = ['margin-inline-start: 1em;', 'inset-inline-end: 0;', 'text-align: start;', 'border-inline-start: 4px solid;', '--se-right: 1px;', 'justify-content: flex-end;'];
    for (const line of bad) assert.ok(PHYSICAL.some((re) => re.test(line)), line);
    for (const line of good) assert.ok(!PHYSICAL.some((re) => re.test(line)), line);
  });

  it('uses no physical left/right property in any css`...` block under src/', () => {
    const offenders = files.flatMap((file) => physicalProperties(file));
    assert.deepEqual(offenders, [], `use logical properties instead:\n${offenders.join('\n')}`);
  });
});
