// `npm run size`: brotli (quality 11) size of each .js file in dist/bundle (already minified
// by Vite) and of dist/lib/index.js (unminified, reported only). Entries listed in
// package.json "sizeBudget" (paths relative to dist/) fail the run when over budget.
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
    const over = brotli > budget;
    if (over) failed = true;
    verdict = `  budget ${budget} B ${over ? 'OVER BUDGET' : 'ok'} (${((brotli / budget) * 100).toFixed(0)}%)`;
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
