// The package as an adopter installs it, for the tests that type-check and render apps
// against it (test/node/framework-types.test.mjs, test/e2e/adopter-apps.test.mjs): `npm pack`
// of the built package, the tarball unpacked into a temp app's node_modules/support-elements,
// and the app's other dependencies (lit, the frameworks, their types) symlinked from this
// repository's node_modules: no network, and each resolves its own dependencies from its real
// place. The temp app is the adopter's project folder; remove it with `removeAdopterApp`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import assert from 'node:assert/strict';

export const REPO = resolve('.');
/** The adopter apps (one file each; `*-bad` ones must not type-check). */
export const ADOPTER_FIXTURES = join(REPO, 'test/node/fixtures/adopter-apps');
/** The docs' code, as files (docs/*.md include them): adopter apps too. */
export const SNIPPETS = join(REPO, 'docs/snippets');
/** What the package itself imports at run time, resolved as an app's own dependencies would be. */
export const PACKAGE_DEPENDENCIES = Object.freeze(['lit', 'lit-html', 'lit-element', '@lit', '@lit-labs', '@floating-ui']);

/**
 * Builds the package when dist/ lacks what the tests read. It packs the dist/ already built
 * (as the other package tests do): a prepack build would empty dist/ under a test file
 * running beside this one.
 */
export function ensureBuilt() {
  if (existsSync('dist/types/frameworks/react.d.ts') && existsSync('dist/lib/index.js') && existsSync('custom-elements.json')) return;
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  assert.equal(build.status, 0, 'npm run build failed');
}

/**
 * A new temp folder with the packed tarball installed and `link` symlinked into node_modules.
 * @param {readonly string[]} link package names or scopes from this repository's node_modules
 * @returns {string} the app folder
 */
export function createAdopterApp(link) {
  ensureBuilt();
  const app = mkdtempSync(join(tmpdir(), 'se-adopter-'));
  const packed = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', app], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  /** @type {[{ filename: string }]} */
  const [{ filename }] = JSON.parse(packed.slice(packed.indexOf('[')));
  const target = join(app, 'node_modules', 'support-elements');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', join(app, filename), '-C', target, '--strip-components=1']);
  for (const name of new Set([...PACKAGE_DEPENDENCIES, ...link])) {
    mkdirSync(dirname(join(app, 'node_modules', name)), { recursive: true });
    symlinkSync(join(REPO, 'node_modules', name), join(app, 'node_modules', name));
  }
  return app;
}

/** @param {string | undefined} app */
export function removeAdopterApp(app) {
  if (app) rmSync(app, { recursive: true, force: true });
}
