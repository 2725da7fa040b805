// The published package: custom-elements.json lists every CSS part and `--se-*` custom property
// the elements use, and `npm pack` ships LICENSE, the bundle and the manifest with source maps
// kept small. Reuses dist/ and custom-elements.json when present; otherwise builds once.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

/** Source maps may be at most this share of the unpacked package (it was 49.6 % with sourcesContent). */
const MAP_SHARE_LIMIT = 0.3;

/** @param {string} dir @returns {string[]} */
function tsFiles(dir) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.includes('generated'))
    .map((name) => join(dir, name));
}

/** @typedef {{ name: string }} Named */
/** @typedef {{ customElement?: boolean, cssParts?: Named[], cssProperties?: Named[] }} Declaration */

/** @returns {Declaration[]} */
function elements() {
  /** @type {{ modules: { declarations?: Declaration[] }[] }} */
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  return manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);
}

before(() => {
  if (existsSync('dist/bundle/support-elements.js') && existsSync('custom-elements.json')) return;
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  assert.equal(result.status, 0, 'npm run build failed');
});

describe('custom-elements.json', () => {
  it('lists every part="..." of src/elements as a cssPart of some element', () => {
    const used = new Set();
    for (const file of tsFiles('src/elements')) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bpart="([^"$]+)"/g)) {
        for (const name of (match[1] ?? '').split(/\s+/)) used.add(name);
      }
    }
    const listed = new Set(elements().flatMap((d) => (d.cssParts ?? []).map((p) => p.name)));
    assert.ok(used.size > 20, `found only ${used.size} parts`);
    assert.deepEqual([...used].filter((name) => !listed.has(name)).sort(), []);
  });

  it('lists every --se-* custom property read in src as a cssProperty', () => {
    const used = new Set();
    for (const file of tsFiles('src')) {
      for (const match of readFileSync(file, 'utf8').matchAll(/var\(\s*(--se-[\w-]+)/g)) used.add(match[1]);
    }
    const listed = new Set(elements().flatMap((d) => (d.cssProperties ?? []).map((p) => p.name)));
    assert.ok(used.size > 10, `found only ${used.size} custom properties`);
    assert.deepEqual([...used].filter((name) => !listed.has(name)).sort(), []);
  });
});

describe('npm pack', () => {
  it(`ships LICENSE, CHANGELOG.md, dist/bundle and custom-elements.json, maps under ${MAP_SHARE_LIMIT * 100} %`, () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' });
    /** @type {[{ unpackedSize: number, files: { path: string, size: number }[] }]} */
    const [pack] = JSON.parse(out);
    const paths = new Set(pack.files.map((f) => f.path));
    for (const path of ['LICENSE', 'CHANGELOG.md', 'custom-elements.json', 'dist/bundle/support-elements.js', 'dist/lib/index.js']) {
      assert.ok(paths.has(path), `${path} is not in the package`);
    }
    const maps = pack.files.filter((f) => f.path.endsWith('.map')).reduce((sum, f) => sum + f.size, 0);
    const share = maps / pack.unpackedSize;
    assert.ok(share < MAP_SHARE_LIMIT, `source maps are ${(share * 100).toFixed(1)} % of ${pack.unpackedSize} bytes`);
  });
});
