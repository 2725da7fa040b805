// The docs show their code from files: in README.md and docs/*.md, the fenced block after each
// `<!-- snippet: path -->` marker (up to `<!-- end snippet -->`) is that file, byte for byte,
// so the file the tests run (test/e2e/adopter-apps.test.mjs, test/node/framework-types.test.mjs,
// test/visual/brand-theme.visual.test.mjs) is the code a reader copies. Every file of
// docs/snippets/ is shown somewhere (or, a whole config file, linked: docs/DEPLOYING.md).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const DOCS = ['README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => join('docs', f))];
// In a list item, the marker, the block and the end marker are indented alike.
const MARKER = /^([ \t]*)<!-- snippet: ([\w./-]+) -->\n([\s\S]*?)^\1<!-- end snippet -->/gm;

/** @returns {{ doc: string, path: string, indent: string, block: string }[]} */
function includes() {
  return DOCS.flatMap((doc) =>
    [...readFileSync(doc, 'utf8').matchAll(MARKER)].map((m) => ({ doc, indent: m[1] ?? '', path: m[2] ?? '', block: m[3] ?? '' })),
  );
}

describe('docs snippets', () => {
  it('each <!-- snippet: path --> block is that file', () => {
    const found = includes();
    assert.ok(found.length >= 6, `only ${found.length} snippet markers`);
    for (const { doc, path, indent, block } of found) {
      assert.ok(existsSync(path), `${doc}: ${path} does not exist`);
      const lines = [`\`\`\`${path.split('.').pop()}`, ...readFileSync(path, 'utf8').trimEnd().split('\n'), '```'];
      const expected = lines.map((line) => (line ? `${indent}${line}\n` : '\n')).join('');
      assert.equal(block, expected, `${doc}: the block of ${path} is not the file (paste the file into it)`);
    }
  });

  it('every file of docs/snippets/ is shown in a doc, or linked from one as a whole file', () => {
    const shown = new Set(includes().map((i) => i.path));
    const text = DOCS.map((doc) => readFileSync(doc, 'utf8')).join('\n');
    const files = readdirSync('docs/snippets').map((f) => `docs/snippets/${f}`);
    const linked = (/** @type {string} */ path) => text.includes(`](${path})`) || text.includes(`](${path.slice('docs/'.length)})`);
    assert.deepEqual(files.filter((f) => !shown.has(f) && !linked(f)), []);
  });
});
