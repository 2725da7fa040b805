// support-elements-xliff (scripts/xliff-templates.mjs) turns a host's XLIFF into the templates
// registerTranslations takes. Run on the package's own fr.xlf, it must give exactly what
// lit-localize build generated for French (src/localization/generated/locales/fr.ts), for every
// message without markup; and the bin writes an importable module.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { it } from 'node:test';
import { templatesOf } from '../../scripts/xliff-templates.mjs';
import { templates as built } from '../../src/localization/generated/locales/fr.ts';

it('fr.xlf converts to the templates lit-localize built for French', () => {
  const { templates, skipped } = templatesOf(readFileSync('locales/fr.xlf', 'utf8'));
  assert.ok(Object.keys(templates).length > 200);
  for (const [id, value] of Object.entries(templates)) {
    const expected = /** @type {Record<string, unknown>} */ (built)[id];
    if (typeof value === 'string') assert.equal(value, expected, id);
    else {
      const tagged = /** @type {{ strings: readonly string[], values: readonly number[] }} */ (expected);
      assert.deepEqual([[...tagged.strings], [...tagged.values]], [value.strings, value.values], id);
    }
  }
  // What is left out is markup only, and it is few.
  assert.ok(skipped.every((id) => typeof (/** @type {Record<string, unknown>} */ (built)[id]) === 'object'));
  assert.ok(skipped.length < 5, skipped.join(', '));
});

it('the bin writes a module whose templates import', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'se-xliff-'));
  try {
    const result = spawnSync(process.execPath, ['scripts/xliff-templates.mjs', 'locales/de.xlf'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const file = join(dir, 'support-de.js');
    writeFileSync(file, result.stdout);
    const { templates } = await import(pathToFileURL(file).href);
    assert.equal(typeof templates['contact.heading'], 'string');
    assert.notEqual(templates['contact.heading'], 'Contact Support');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
