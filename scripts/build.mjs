// `npm run build`: dist/lib (ES modules, deps external), dist/bundle (one minified file),
// dist/types (declarations) and custom-elements.json. Stops at the first failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'vite';
import { writeFrameworkTypes } from './framework-types.mjs';
import { messageIds } from './lib/message-ids.mjs';

const requiredEntries = ['src/index.ts', 'src/bundle.ts', 'src/define/all.ts'];
const missing = requiredEntries.filter((file) => !existsSync(file));
if (missing.length > 0) {
  console.error(`build: missing entry ${missing.join(', ')}`);
  process.exit(1);
}

/**
 * @param {string} label
 * @param {() => unknown | Promise<unknown>} fn
 */
async function step(label, fn) {
  const start = performance.now();
  process.stdout.write(`build: ${label} ... `);
  await fn();
  console.log(`done in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

/**
 * @param {string} command
 * @param {string[]} args
 */
function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\nbuild: \`${command} ${args.join(' ')}\` failed (exit ${result.status})`);
    process.exit(1);
  }
}

/**
 * @param {string} dir
 * @returns {string[]}
 */
function jsFiles(dir) {
  /** @type {string[]} */
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...jsFiles(path));
    else if (name.endsWith('.js')) out.push(path);
  }
  return out;
}

/**
 * @param {string} dir
 * @returns {string[]}
 */
function mapFiles(dir) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.map'))
    .map((name) => join(dir, name));
}

// Legacy decorators must be compiled away (TOOLCHAIN.md pitfall 1): any `@name(` or
// `accessor` field outside comments means the TypeScript transform missed experimentalDecorators.
// CSS at-rules followed by a parenthesis (`@media (`, `@container (`, `@supports (`) in the
// elements' styles are not decorators.
const decoratorRe =
  /(^|[\s;{}(,])@(?!(?:media|container|supports|import|layer|scope|starting-style)\b)[A-Za-z_$][\w$.]*\s*(\(|\n|$)|\baccessor\s+[#\w$]+\s*[=;]/m;
function checkNoDecorators() {
  const offenders = [];
  for (const file of [...jsFiles('dist/lib'), ...jsFiles('dist/bundle')]) {
    const code = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    const match = decoratorRe.exec(code);
    if (match) offenders.push(`${relative('.', file)}: ${match[0].trim()}`);
  }
  if (offenders.length > 0) {
    console.error(`\nbuild: decorator syntax left in the output:\n  ${offenders.join('\n  ')}`);
    process.exit(1);
  }
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
rmSync('dist', { recursive: true, force: true });
await step('vite lib (dist/lib)', () => build({ mode: 'lib' }));
await step('vite bundle (dist/bundle)', () => build({ mode: 'bundle' }));
await step('output checks', () => {
  checkNoDecorators();
  // The bundle must still register its elements: a `sideEffects` field that misses
  // src/define/* lets the bundler drop every customElements.define call.
  if (!readFileSync('dist/bundle/support-elements.js', 'utf8').includes('customElements.define')) {
    console.error('\nbuild: dist/bundle/support-elements.js defines no element (tree-shaken?)');
    process.exit(1);
  }
  // vite.config.ts strips translators' notes from msg() calls; one left means its pattern missed.
  const withNotes = [...jsFiles('dist/lib'), ...jsFiles('dist/bundle')].filter((f) => /\bdesc:/.test(readFileSync(f, 'utf8')));
  if (withNotes.length > 0) {
    console.error(`\nbuild: msg() descriptions left in ${withNotes.map((f) => relative('.', f)).join(', ')}`);
    process.exit(1);
  }
  // The bundle numbers message ids (scripts/lib/message-ids.mjs); a readable one left in a
  // chunk other than the id table means a msg() call the numbering missed (English shown).
  const ids = messageIds();
  const readable = jsFiles('dist/bundle')
    .filter((f) => !/message-index-[\w-]+\.js$/.test(f))
    .flatMap((f) => {
      const code = readFileSync(f, 'utf8');
      return ids.filter((id) => code.includes(`\`${id}\``) || code.includes(`"${id}"`) || code.includes(`'${id}'`)).map((id) => `${relative('.', f)}: ${id}`);
    });
  if (readable.length > 0) {
    console.error(`\nbuild: readable message ids left in the bundle:\n  ${readable.join('\n  ')}`);
    process.exit(1);
  }
});
// Source maps ship without `sourcesContent`: with it they were about half of the unpacked
// package. Mappings and `sources` stay, so stack traces and debuggers still name src/ lines.
await step('source maps without sourcesContent', () => {
  for (const file of [...mapFiles('dist/lib'), ...mapFiles('dist/bundle')]) {
    const map = JSON.parse(readFileSync(file, 'utf8'));
    delete map.sourcesContent;
    writeFileSync(file, JSON.stringify(map));
  }
});
await step('tsc declarations (dist/types)', () =>
  run(npx, ['tsc', '-p', 'tsconfig.build.json', '--emitDeclarationOnly']),
);
await step('custom-elements.json', () =>
  run(npx, ['custom-elements-manifest', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet']),
);
// docs/THEMING.md's tables come from the manifest just built: a JSDoc or token change that
// was not carried into the doc stops the build (it had drifted by a whole element once).
await step('docs/THEMING.md up to date', () => run('node', ['scripts/theming-doc.mjs', '--check']));
await step('framework typings (dist/types/frameworks)', () => writeFrameworkTypes());
