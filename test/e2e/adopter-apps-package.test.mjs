// The package as adopters get it, for what the other package tests take as given:
// - `npm pack` from a clean checkout (no dist/, no custom-elements.json) builds first
//   (`prepack`) and ships the build: a temp copy of the tracked files, this repository's
//   node_modules symlinked, `npm pack --dry-run` with its scripts;
// - every public method of a documented element in custom-elements.json (refresh(), reset(),
//   show(), close()) is documented in docs/EMBEDDING.md.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO, ensureBuilt } from '../support/adopter-app.mjs';

describe('the package', () => {
  it('npm pack in a clean checkout builds first and ships dist/, the typings and custom-elements.json', () => {
    const checkout = mkdtempSync(join(tmpdir(), 'se-checkout-'));
    try {
      const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: REPO, encoding: 'utf8' }).split('\0').filter(Boolean);
      for (const file of tracked) {
        mkdirSync(dirname(join(checkout, file)), { recursive: true });
        // Deleted in the working tree but not yet in the index: nothing to copy.
        try {
          cpSync(join(REPO, file), join(checkout, file));
        } catch {
          continue;
        }
      }
      symlinkSync(join(REPO, 'node_modules'), join(checkout, 'node_modules'));
      const out = execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: checkout, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      /** @type {[{ files: { path: string }[] }]} */
      // The build's log comes first on stdout, then npm's JSON (`[` alone on its line).
      const [pack] = JSON.parse(out.slice(out.search(/^\[$/m)));
      const paths = new Set(pack.files.map((f) => f.path));
      for (const path of ['dist/lib/index.js', 'dist/bundle/support-elements.js', 'dist/types/index.d.ts', 'dist/types/frameworks/react.d.ts', 'dist/types/frameworks/vue.d.ts', 'dist/types/frameworks/svelte.d.ts', 'custom-elements.json', 'LICENSE']) {
        assert.ok(paths.has(path), `${path} is not in the package packed from a clean checkout`);
      }
    } finally {
      rmSync(checkout, { recursive: true, force: true });
    }
  });

  it('docs/EMBEDDING.md documents every public method of the documented elements', () => {
    ensureBuilt();
    const doc = readFileSync('docs/EMBEDDING.md', 'utf8');
    /** @type {{ modules: { declarations?: { tagName?: string, customElement?: boolean, members?: { kind: string, name: string, privacy?: string, static?: boolean }[] }[] }[] }} */
    const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
    const documented = manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .filter((d) => d.customElement && d.tagName && doc.includes(`### \`<${d.tagName}>\``));
    assert.ok(documented.length >= 4, `only ${documented.length} elements have a section`);
    const methods = documented.flatMap((d) =>
      (d.members ?? []).filter((m) => m.kind === 'method' && !m.privacy && !m.static).map((m) => ({ tag: d.tagName, name: m.name })),
    );
    assert.ok(methods.length >= 4, `only ${methods.length} public methods`);
    assert.deepEqual(methods.filter((m) => !doc.includes(`${m.name}(`)), []);
  });
});
