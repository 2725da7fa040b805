// The translations say what SPEC.md and the seed say: FR uses the seed's French words, each
// language reaches the can't-sign-in form with its own words, and a state has one name per
// language wherever it appears. Also: the pseudo-locale is one code everywhere.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { PSEUDO_LOCALE } from '../../scripts/lib/pseudo.mjs';
import { seedProblems } from '../../scripts/lib/i18n-rules.mjs';
import { parseContent, parseUnits, toTemplate } from '../../scripts/lib/xliff.mjs';

/** @param {string} locale @returns {Map<string, string>} targets by unit id, `{N}` for placeholders */
function targets(locale) {
  const units = parseUnits(readFileSync(`locales/${locale}.xlf`, 'utf8'));
  return new Map(units.filter((u) => u.target !== undefined).map((u) => [u.id, toTemplate(parseContent(u.target ?? ''))]));
}

/**
 * @param {Map<string, string>} map
 * @param {string} id
 */
function get(map, id) {
  const value = map.get(id);
  assert.ok(value !== undefined, `no translation of ${id}`);
  return value;
}

const REAL = ['fr', 'de', 'pt-BR', 'ja'];

describe('translations', () => {
  it('FR uses the seed’s words (the rule of npm run i18n:check, on the real files)', () => {
    /** @type {import('../../scripts/lib/i18n-rules.mjs').Glossary} */
    const glossary = JSON.parse(readFileSync('locales/glossary.json', 'utf8'));
    const seed = glossary.seed?.fr ?? {};
    assert.ok(Object.keys(seed).length >= 20, 'the seed’s units are listed');
    assert.deepEqual(seedProblems('fr', targets('fr'), glossary), []);
    // The rule sees a replaced seed word.
    const replaced = new Map(targets('fr')).set('my-tickets.title', 'Mes dossiers');
    assert.equal(seedProblems('fr', replaced, glossary).length, 1);
  });

  it('each language’s link to the can’t-sign-in form reads as SPEC.md says', () => {
    assert.equal(get(targets('fr'), 'contact.help.fill_in_form'), 'Remplir un formulaire');
    assert.equal(get(targets('de'), 'contact.help.please_fill_in_form'), 'Bitte füllen Sie dieses Formular aus');
    assert.equal(get(targets('pt-BR'), 'contact.help.need_help_resetting'), 'Precisa de ajuda para redefinir sua senha?');
    assert.equal(get(targets('ja'), 'contact.help.other'), 'その他');
  });

  it('uses formal address in FR and DE, and Brazilian Portuguese', () => {
    const fr = [...targets('fr').values()].join('\n');
    const de = [...targets('de').values()].join('\n');
    const pt = [...targets('pt-BR').values()].join('\n');
    const word = (/** @type {string} */ alternatives, flags = 'u') => new RegExp(`(?<![\\p{L}])(?:${alternatives})(?![\\p{L}])`, flags);
    assert.doesNotMatch(fr, word('tu|ton|ta|tes|toi|te', 'iu'), 'FR says vous');
    assert.doesNotMatch(de, word('du|dein|deine|deinen|dich|dir'), 'DE says Sie');
    assert.doesNotMatch(pt, word('ficheiro|ecrã|registo|utilizador|palavra-passe|telemóvel', 'iu'), 'PT-BR words, not PT-PT');
    assert.match(pt, word('você'));
  });

  for (const locale of REAL) {
    it(`${locale}: a state has the same name in the list, on a case and in messages about it`, () => {
      const t = targets(locale);
      const open = get(t, 'status.open');
      // Sentences that name the Open state use its name.
      for (const id of ['my-tickets.comment.hint_reopens', 'ticket-form.confirmation.reviewed']) {
        if (t.has(id)) assert.ok(get(t, id).toLowerCase().includes(open.toLowerCase()), `${id} names "${open}": ${t.get(id)}`);
      }
      // Emails name each state as the UI does (their own ids, so the server needs nothing of src/elements/).
      for (const state of ['open', 'action_required', 'pending', 'closed']) {
        assert.equal(get(t, `email.status.${state}`), get(t, `status.${state}`), `email.status.${state}`);
      }
      // The sentences of the emails that name a state use its name.
      assert.ok(get(t, 'email.created.intro').includes('{1}'), 'email.created.intro names the state through its placeholder');
      // State names are distinct.
      const names = ['status.open', 'status.action_required', 'status.pending', 'status.closed'].map((id) => get(t, id));
      assert.equal(new Set(names).size, 4, names.join(', '));
    });
  }

  it('the pseudo-locale has one code in the scripts, the runtime, the server and lit-localize.json', () => {
    const runtime = readFileSync('src/localization/pseudo-locale.ts', 'utf8');
    assert.match(runtime, new RegExp(`export const PSEUDO_LOCALE = '${PSEUDO_LOCALE}';`));
    const server = readFileSync('server/email-templates.ts', 'utf8');
    assert.match(server, new RegExp(`export const PSEUDO_LOCALE = '${PSEUDO_LOCALE}' satisfies`));
    /** @type {{ targetLocales: string[] }} */
    const config = JSON.parse(readFileSync('lit-localize.json', 'utf8'));
    assert.ok(config.targetLocales.includes(PSEUDO_LOCALE));
  });
});
