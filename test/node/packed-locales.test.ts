// The bundle's locale chunks as packed strings (scripts/lib/packed-locales.mjs) unpacked at run
// time (src/localization/packed-templates.ts): every message of every locale must come back as
// the template lit-localize generated, or the bundle shows a wrong or English text.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { TemplateLike } from '@lit/localize';
import { LOCALES_DIR, messageIds } from '../../scripts/lib/message-ids.mjs';
import { packLocaleModule, packMessage } from '../../scripts/lib/packed-locales.mjs';
import { unpackTemplates } from '../../src/localization/packed-templates.js';

/** A template as plain data: what lit-localize's runtime reads from it. */
function plain(template: TemplateLike | undefined): unknown {
  if (template === undefined || typeof template === 'string') return template;
  if ('strTag' in template) return { strings: [...template.strings], values: template.values };
  return { html: template.strings };
}

const ids = messageIds();
const index = new Map(ids.map((id, number) => [id, number]));
const locales = readdirSync(LOCALES_DIR)
  .filter((file) => file.endsWith('.ts') && file !== 'en-XA.ts')
  .map((file) => file.slice(0, -3));

describe('packed locales', () => {
  it('finds the generated locales', () => {
    assert.deepEqual([...locales].sort(), ['de', 'fr', 'ja', 'pt-BR']);
  });

  for (const locale of locales) {
    it(`unpacks every ${locale} message to lit-localize's template`, async () => {
      const generated = (await import(`../../${LOCALES_DIR}/${locale}.ts`)) as { templates: Record<string, TemplateLike> };
      const code = packLocaleModule(readFileSync(join(LOCALES_DIR, `${locale}.ts`), 'utf8'), index);
      const packed = /^export const packed = (".*");\n$/s.exec(code)?.[1];
      assert.ok(packed, code.slice(0, 80));
      const unpacked = unpackTemplates(JSON.parse(packed) as string);
      const shown = ids.filter((id) => generated.templates[id] !== undefined);
      assert.ok(shown.length > 250, `only ${shown.length} messages`);
      for (const id of ids) {
        assert.deepEqual(plain(unpacked[String(index.get(id))]), plain(generated.templates[id]), id);
      }
    });
  }

  it('keeps expressions that a translation reorders', () => {
    const packed = packMessage('x', 'str`${1} hat ${0} geschlossen`');
    assert.equal(packed, '{1} hat {0} geschlossen');
    assert.deepEqual(plain(unpackTemplates(packed)['0']), { strings: ['', ' hat ', ' geschlossen'], values: [1, 0] });
  });

  it('refuses a message it could not unpack as written', () => {
    assert.throws(() => packMessage('x', '`Use {braces}`'), /cannot be packed/);
    assert.throws(() => packMessage('x', 'html`<b>${0}</b>`'), /cannot be packed/);
  });
});
