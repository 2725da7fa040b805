// <support-contact> re-exports its steps' parts (src/elements/support-contact/support-contact.parts.ts):
// each step's list must be exactly the parts custom-elements.json documents for that tag, so a
// part added to <ticket-form> later is reachable through <support-contact> too.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { STEP_PARTS } from '../../src/elements/support-contact/support-contact.parts.ts';
import { CONTACT_OWN_PARTS } from '../../src/elements/support-launcher/support-launcher.parts.ts';

before(() => {
  if (existsSync('custom-elements.json')) return;
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  assert.equal(result.status, 0, 'npm run build failed');
});

it('every documented part of each composed step is exported with its prefix', () => {
  /** @type {{ modules: { declarations?: { tagName?: string, cssParts?: { name: string }[] }[] }[] }} */
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
  for (const [tag, { parts }] of Object.entries(STEP_PARTS)) {
    const documented = declarations.find((d) => d.tagName === tag)?.cssParts?.map((p) => p.name) ?? [];
    assert.ok(documented.length > 0, `${tag} documents no part`);
    assert.deepEqual([...parts].sort(), [...new Set(documented)].sort(), tag);
  }
});

it("<support-launcher> re-exports every part <support-contact> documents", () => {
  /** @type {{ modules: { declarations?: { tagName?: string, cssParts?: { name: string }[] }[] }[] }} */
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const contact = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'support-contact');
  assert.deepEqual([...CONTACT_OWN_PARTS].sort(), [...new Set(contact?.cssParts?.map((p) => p.name))].sort());
});
