// scripts/lib/squeeze-templates.mjs: the build's html`` and css`` without their indentation,
// shown the same by the browser.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { preWhitespaceClasses, squeezePieces, squeezeTemplates } from '../../scripts/lib/squeeze-templates.mjs';

/** @param {string} code */
const squeezed = (code) => squeezeTemplates(code, 'x.ts', new Set(['text']))?.code ?? code;

describe('squeezed templates', () => {
  it('collapses indentation in html to one space, so inline elements stay apart', () => {
    const code = 'const t = html`\n  <p>\n    <b>Case</b>\n    <i>${n}</i>  opened\n  </p>\n`;';
    assert.equal(squeezed(code), 'const t = html` <p> <b>Case</b> <i>${n}</i> opened </p> `;');
  });

  it('keeps <pre>, <textarea> and the text of a white-space: pre class as written', () => {
    const code = 'html`<pre>\n  a\n   b</pre>\n  <textarea>\n x</textarea>\n  <p class="note text">\n  kept  </p>\n  <p>\n  gone</p>`';
    assert.equal(squeezed(code), 'html`<pre>\n  a\n   b</pre> <textarea>\n x</textarea> <p class="note text">\n  kept  </p> <p> gone</p>`');
  });

  it('drops html comments but leaves expressions and squeezes templates inside them', () => {
    const code = 'html`<ul>\n  <!-- one per case -->\n  ${items.map((i) => html`\n    <li>${i}</li>\n  `)}\n</ul>`';
    assert.equal(squeezed(code), 'html`<ul> ${items.map((i) => html` <li>${i}</li> `)} </ul>`');
  });

  it('squeezes css without joining what a space separates', () => {
    const code = 'css`\n  /* why */\n  :host {\n    display: block;\n  }\n  a :hover,\n  .x > .y {\n    margin: calc(1px + ${gap}) 0;\n    content: "a ,  b";\n  }\n`';
    assert.equal(squeezed(code), 'css`:host{display:block}a :hover,.x > .y{margin:calc(1px + ${gap}) 0;content:"a ,  b"}`');
  });

  it('returns as many pieces as it was given', () => {
    assert.deepEqual(squeezePieces('html', ['<p>\n  ', '\n  ', '\n</p>']), ['<p> ', ' ', ' </p>']);
    assert.deepEqual(squeezePieces('css', ['a {\n  color: ', ';\n}']), ['a{color:', '}']);
  });

  it('leaves files without templates alone, and maps what it changes', () => {
    assert.equal(squeezeTemplates('const a = `x  y`;', 'x.ts'), null);
    const result = squeezeTemplates('html`\n  <p>x</p>`', 'x.ts');
    assert.ok(result && result.map.mappings.length > 0);
  });

  it('writes word attribute values without quotes, and keeps the others quoted', () => {
    const code = 'html`<button type="button" class="a b" title="x${t}" data-x="${v}">go</button><input value="on"/><p x-y="1" ?z=${w}></p>`';
    assert.equal(squeezed(code), 'html`<button type=button class="a b" title="x${t}" data-x="${v}">go</button><input value="on"/><p x-y=1 ?z=${w}></p>`');
  });

  it('keeps every character but whitespace of every template in src/ (comments, `;}` and word quotes aside)', () => {
    const files = tsFiles('src').filter((f) => !f.includes('/generated/'));
    const preClasses = preWhitespaceClasses('src');
    assert.deepEqual([...preClasses].sort(), ['outbox-text', 'text']);
    let changed = 0;
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      const result = squeezeTemplates(code, file, preClasses);
      if (!result) continue;
      changed += 1;
      const words = (/** @type {string} */ text) =>
        text
          .replace(/<!--[\s\S]*?-->|\/\*[\s\S]*?\*\//g, '')
          .replace(/;(\s*)}/g, '$1}')
          .replace(/="([\w-]+)"/g, '=$1')
          .replace(/\s+/g, '');
      assert.equal(words(result.code), words(code), file);
    }
    assert.ok(changed > 20, `only ${changed} files squeezed`);
  });
});

/** @param {string} dir @returns {string[]} */
function tsFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}
