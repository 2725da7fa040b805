// The framework typings as an adopter gets them: the packed tarball installed into a temp app
// (test/support/adopter-app.mjs), then `tsc` on each app of test/node/fixtures/adopter-apps:
// vanilla TS, React 19 (support-elements/react), Vue 3 (support-elements/vue, the
// GlobalComponents vue-tsc reads), examples/react and examples/vue as they are, and the
// TypeScript snippets of the docs (docs/snippets/*.ts(x), but the Angular one: no Angular
// here). Each `*-bad` app has a prop of the wrong type and a listener reading an event field
// that does not exist: it must fail, on exactly those lines.
// Svelte 5 (support-elements/svelte, svelte/elements' SvelteHTMLElements): svelte-check on
// docs/snippets/*.svelte and svelte-bad.svelte, under the same rule.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ADOPTER_FIXTURES as FIXTURES, REPO, SNIPPETS, createAdopterApp, removeAdopterApp } from '../support/adopter-app.mjs';

// The framework type packages the apps import (the package's own dependencies are linked too).
const LINKED = ['react', 'react-dom', '@types/react', '@types/react-dom', 'csstype', 'vue', '@vue', 'svelte'];
// The repository's own examples, type-checked as an adopter's app too (the good side).
const EXAMPLES = { 'example-react.tsx': 'examples/react/main.tsx', 'example-react-checks.tsx': 'examples/react/jsx-types.check.tsx', 'example-vue.ts': 'examples/vue/main.ts' };

/** @type {string} */
let app;

before(() => {
  app = createAdopterApp(LINKED);
  cpSync(FIXTURES, join(app, 'src'), { recursive: true });
  for (const [name, from] of Object.entries(EXAMPLES)) cpSync(join(REPO, from), join(app, 'src', name));
  cpSync(SNIPPETS, join(app, 'src', 'snippets'), { recursive: true });
});

after(() => removeAdopterApp(app));

/**
 * Writes `tsconfig.NAME.json` in the temp app: the strict options an adopter's app would have,
 * plus `options`, over the files `scope` names (`files` or `include`); returns its path.
 * @param {string} name @param {Record<string, unknown>} options @param {Record<string, string[]>} scope
 */
function appTsconfig(name, options, scope) {
  const config = join(app, `tsconfig.${name}.json`);
  const compilerOptions = {
    target: 'es2022',
    module: 'esnext',
    moduleResolution: 'bundler',
    lib: ['es2022', 'dom', 'dom.iterable'],
    strict: true,
    noEmit: true,
    types: [],
    skipLibCheck: false,
    ...options,
  };
  writeFileSync(config, JSON.stringify({ compilerOptions, ...scope }));
  return config;
}

/** `tsc --noEmit` on app files of the temp app (one program: tsc starts once); output and exit status. */
function typecheck(/** @type {string} */ name, /** @type {string[]} */ files) {
  const config = appTsconfig(name, { jsx: 'react-jsx' }, { files: files.map((file) => `src/${file}`) });
  const result = spawnSync(join(REPO, 'node_modules/.bin/tsc'), ['-p', config], { cwd: app, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const apps = readdirSync(FIXTURES).filter((f) => /\.tsx?$/.test(f));
// The docs' snippets: every TypeScript one but Angular's (its imports need @angular/core).
const snippets = readdirSync(SNIPPETS).filter((f) => /\.tsx?$/.test(f) && !f.startsWith('angular-'));
const svelteSnippets = readdirSync(SNIPPETS).filter((f) => f.endsWith('.svelte'));
const good = [...apps.filter((f) => !f.includes('-bad')), ...Object.keys(EXAMPLES), ...snippets.map((f) => `snippets/${f}`)];
const bad = apps.filter((f) => f.includes('-bad'));

describe('framework typings from the packed tarball', () => {
  it(`${good.join(', ')} type-check`, () => {
    assert.ok(good.length >= 3);
    const { status, output } = typecheck('good', good);
    assert.equal(status, 0, output);
  });

  it(`${bad.join(', ')} fail, each on a wrong prop type and an unknown event field`, () => {
    assert.equal(bad.length, 3);
    const { status, output } = typecheck('bad', bad);
    assert.notEqual(status, 0, 'a broken app type-checked');
    const errors = output.split('\n').filter((line) => line.includes('error TS'));
    assert.ok(errors.every((line) => bad.some((file) => line.startsWith(`src/${file}`))), `errors outside the apps:\n${output}`);
    for (const file of bad) {
      const own = errors.filter((line) => line.startsWith(`src/${file}(`));
      assert.ok(own.some((line) => /TS2322/.test(line)), `${file}: no wrong-type error:\n${output}`);
      assert.ok(own.some((line) => /TS2339.*'nope'/.test(line)), `${file}: no unknown-field error:\n${output}`);
    }
  });
});

describe('Svelte 5 typings from the packed tarball (svelte-check)', () => {
  it(`${svelteSnippets.join(', ')} type-check; svelte-bad.svelte fails on a wrong prop type and an unknown event field`, () => {
    assert.ok(svelteSnippets.length >= 1);
    const config = appTsconfig('svelte', { verbatimModuleSyntax: true }, { include: [...svelteSnippets.map((f) => `src/snippets/${f}`), 'src/svelte-bad.svelte'] });
    const result = spawnSync(join(REPO, 'node_modules/.bin/svelte-check'), ['--workspace', app, '--tsconfig', config, '--output', 'machine-verbose'], {
      cwd: app,
      encoding: 'utf8',
    });
    const output = `${result.stdout}${result.stderr}`;
    assert.match(output, /COMPLETED/, output);
    /** @type {{ type: string, filename: string, code?: number, message: string }[]} */
    const diagnostics = output
      .split('\n')
      .map((line) => line.slice(line.indexOf(' ') + 1))
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line));
    const errors = diagnostics.filter((d) => d.type === 'ERROR');
    assert.deepEqual(errors.filter((d) => d.filename !== 'src/svelte-bad.svelte'), [], 'errors outside svelte-bad.svelte');
    assert.ok(errors.some((d) => d.code === 2322), `no wrong-type error:\n${output}`);
    assert.ok(errors.some((d) => d.code === 2339 && d.message.includes("'nope'")), `no unknown-field error:\n${output}`);
    assert.notEqual(result.status, 0);
  });
});
