// `npm run size`: brotli (quality 11) size of each .js file in dist/bundle (already minified
// by Vite) and of dist/lib/index.js (unminified, reported only). Entries listed in
// package.json "sizeBudget" (paths relative to dist/) fail the run when over budget; an
// entry's cost includes the chunks it imports statically (a page loads them at once), not the
// lazy ones (locales).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

/** @type {{ sizeBudget?: Record<string, number> }} */
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const budgets = pkg.sizeBudget ?? {};

/**
 * @param {string} dir
 * @returns {string[]}
 */
function jsFiles(dir) {
  if (!existsSync(dir)) return [];
  /** @type {string[]} */
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...jsFiles(path));
    else if (name.endsWith('.js')) out.push(path);
  }
  return out;
}

/** @param {string} file */
function brotliSize(file) {
  return brotliCompressSync(readFileSync(file), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
}

/**
 * Files `file` imports statically (`from"./x.js"`, `import"./x.js"`), transitively.
 * @param {string} file
 * @param {Set<string>} [seen]
 * @returns {Set<string>}
 */
function staticImports(file, seen = new Set()) {
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)) {
    const target = join(file, '..', match[1] ?? '');
    if (!seen.has(target) && existsSync(target)) {
      seen.add(target);
      staticImports(target, seen);
    }
  }
  return seen;
}

const files = [...jsFiles('dist/bundle'), 'dist/lib/index.js'];
let failed = false;
for (const name of Object.keys(budgets)) {
  if (!existsSync(join('dist', name))) {
    console.error(`size: dist/${name} has a budget but does not exist (run npm run build)`);
    failed = true;
  }
}
const width = Math.max(...files.map((f) => relative('dist', f).length));
for (const file of files) {
  if (!existsSync(file)) continue;
  const name = relative('dist', file).split('\\').join('/');
  const raw = statSync(file).size;
  const brotli = brotliSize(file);
  const budget = budgets[name];
  let verdict = '';
  if (budget !== undefined) {
    const imported = [...staticImports(file)];
    const total = brotli + imported.reduce((sum, chunk) => sum + brotliSize(chunk), 0);
    const over = total > budget;
    if (over) failed = true;
    const withChunks = imported.length > 0 ? ` with ${imported.length} static chunk(s): ${total} B brotli;` : '';
    verdict = `${withChunks}  budget ${budget} B ${over ? 'OVER BUDGET' : 'ok'} (${((total / budget) * 100).toFixed(0)}%)`;
  }
  const kind = name.startsWith('lib/') ? 'unminified' : 'min';
  console.log(
    `${name.padEnd(width)}  ${String(raw).padStart(8)} B ${kind}  ${String(brotli).padStart(7)} B brotli${verdict}`,
  );
}
if (failed) {
  console.error('size: over budget');
  process.exit(1);
}
