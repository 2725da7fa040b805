// The server never imports from src/elements/ (issue 10): its emails' words come from the
// XLIFF pipeline (src/localization/email-messages.ts and the generated locale modules), not
// from the elements' messages. Follows every relative import of every file under server/,
// transitively, so an import through src/localization/ or src/core/ counts too.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

const root = resolve('.');
const elements = join(root, 'src', 'elements') + '/';

/** @param {string} dir @returns {string[]} */
function tsFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : tsFiles(path);
    return /\.(ts|mts|mjs|js)$/.test(name) ? [path] : [];
  });
}

/**
 * Module specifiers a file names: static imports and re-exports (type-only ones too), bare
 * `import '…'` and dynamic `import('…')`.
 * @param {string} source
 */
function specifiers(source) {
  const re = /\b(?:import|export)\s+[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\bimport\s+['"]([^'"]+)['"]/g;
  return [...source.matchAll(re)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/**
 * The file a relative specifier names (`.js` for the `.ts` beside it, as tsx resolves it).
 * @param {string} from
 * @param {string} spec
 */
function resolveFile(from, spec) {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, base.replace(/\.js$/, '.ts'), base.replace(/\.mjs$/, '.mts'), `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/**
 * Every file reached from `entries`, with the chain of imports that reached it.
 * @param {string[]} entries
 */
function reach(entries) {
  /** @type {Map<string, string[]>} */
  const chains = new Map(entries.map((f) => [f, [f]]));
  const queue = [...entries];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = resolveFile(file, spec);
      if (!target || chains.has(target)) continue;
      chains.set(target, [...(chains.get(file) ?? []), target]);
      if (!target.startsWith(elements)) queue.push(target);
    }
  }
  return chains;
}

describe('server imports', () => {
  it('the import finder sees every form of import', () => {
    const found = specifiers(
      "import { a } from '../src/elements/a.js';\nimport type {\n  B,\n} from \"./b.js\";\nexport * from './c.js';\nimport './d.js';\nconst e = await import('./e.js');",
    );
    assert.deepEqual(found, ['../src/elements/a.js', './b.js', './c.js', './d.js', './e.js']);
  });

  it('no file under server/ imports from src/elements/, directly or through other modules', () => {
    const server = tsFiles(join(root, 'server'));
    assert.ok(server.some((f) => f.endsWith('email-templates.ts')), 'the server files are found');
    const chains = reach(server);
    assert.ok([...chains.keys()].some((f) => f.endsWith(join('src', 'localization', 'email-messages.ts'))), 'the walk follows imports into src/');
    const offending = [...chains].filter(([file]) => file.startsWith(elements)).map(([, chain]) => chain.map((f) => relative(root, f)).join(' → '));
    assert.deepEqual(offending, []);
  });
});
