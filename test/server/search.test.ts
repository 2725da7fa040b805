/**
 * The case rules of src/core/access.ts, through the server: the list search is
 * `matchesCaseSearch` in SQL (every word in the subject, or the digits in the case number, a
 * leading `#` allowed), and who sees a case is `maySeeCase`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { foldCase, matchesCaseSearch, parseCaseSearch } from '../../src/core/access.js';
import { newCase, sql, start, type Started } from './helpers.js';

interface Summary {
  number: string;
  subject: string;
}

describe('case search and visibility', () => {
  let s: Started;
  let sam: string;
  let alex: string;
  const mine: Summary[] = [];
  before(async () => {
    s = await start({ seedDemo: false });
    sam = await s.api.signIn('sam@example.com');
    alex = await s.api.signIn('alex@example.com');
    for (const subject of [
      'Envelope does not send',
      'Printer jam in room 4',
      'Überweisung ÉCHOUÉE',
      'Send button greyed out',
      '請求書が届かない',
      '印刷できません',
      'Two-factor "code" (never) arrives*',
      'İstanbul office: ΣΊΣΥΦΟΣ',
    ]) {
      const res = await s.api.call<Summary>('POST', '/api/tickets', { token: sam, json: newCase({ subject }) });
      assert.equal(res.status, 201);
      mine.push({ number: res.body.number, subject });
    }
  });
  after(() => s.close());

  const search = async (query: string, token = sam): Promise<string[]> => {
    const res = await s.api.call<{ items: Summary[]; total: number }>('GET', `/api/tickets?search=${encodeURIComponent(query)}`, { token });
    assert.equal(res.status, 200);
    assert.equal(res.body.total, res.body.items.length);
    return res.body.items.map((t) => t.number).sort();
  };
  const expected = (query: string): string[] => {
    const parsed = parseCaseSearch(query);
    return mine.filter((t) => !parsed || matchesCaseSearch(t, parsed)).map((t) => t.number).sort();
  };
  const numberOf = (i: number): string => mine[i]?.number ?? '';

  test('several words: each must be in the subject, in any order, whatever the case', async () => {
    assert.deepEqual(await search('send ENVELOPE'), [numberOf(0)]);
    assert.deepEqual(await search('send'), [numberOf(0), numberOf(3)].sort());
    assert.deepEqual(await search('envelope printer'), []);
    assert.deepEqual(await search('  jam   printer '), [numberOf(1)]);
  });

  test('non-ASCII words fold as foldCase folds them', async () => {
    assert.deepEqual(await search('échouée ÜBER'), [numberOf(2)]);
    // What the store keeps to search in: foldCase of the subject (SQLite: its ulower; PostgreSQL: computed in JS on write).
    const [row] = await sql<{ subject: string; subject_folded: string }>(s, 'SELECT subject, subject_folded FROM tickets WHERE number = ?', [Number(numberOf(2))]);
    assert.equal(row?.subject_folded, foldCase(row?.subject ?? ''));
    if (s.storeName === 'sqlite') {
      const [folded] = await sql<{ folded: string }>(s, 'SELECT ulower(?) AS folded', ['Überweisung ÉCHOUÉE İstanbul ΣΊΣΥΦΟΣ']);
      assert.equal(folded?.folded, foldCase('Überweisung ÉCHOUÉE İstanbul ΣΊΣΥΦΟΣ'));
    }
  });

  test('#number and digits: anywhere in the 8-digit case number', async () => {
    assert.deepEqual(await search(`#${numberOf(1)}`), [numberOf(1)]);
    assert.deepEqual(await search(numberOf(1)), [numberOf(1)]);
    assert.deepEqual(await search(`# ${numberOf(1)}`), [numberOf(1)], 'space after the #');
    assert.deepEqual(await search(numberOf(3).slice(-3)), [numberOf(3)], 'the last digits');
    assert.deepEqual(await search('1000000'), mine.map((t) => t.number).sort(), 'digits every number has');
  });

  test('Japanese: a 3-character word through the trigram index, a 2-character word by the fallback', async () => {
    assert.deepEqual(await search('請求書'), [numberOf(4)]);
    assert.deepEqual(await search('届かない'), [numberOf(4)]);
    assert.deepEqual(await search('印刷'), [numberOf(5)], '2 characters: shorter than a trigram');
    assert.deepEqual(await search('刷で'), [numberOf(5)]);
    assert.deepEqual(await search('が'), [numberOf(4)], '1 character');
    assert.deepEqual(await search('印刷 できま'), [numberOf(5)], 'a short and a long word');
    assert.deepEqual(await search('印刷 請求書'), []);
  });

  test('short Latin words, and words that are FTS5 syntax, match as plain substrings', async () => {
    assert.deepEqual(await search('in'), [numberOf(1)], 'not in "İstanbul": foldCase makes it "i̇stanbul" (i + U+0307)');
    assert.deepEqual(await search('jam in'), [numberOf(1)]);
    assert.deepEqual(await search('"code"'), [numberOf(6)]);
    assert.deepEqual(await search('(never) arrives*'), [numberOf(6)]);
    assert.deepEqual(await search('two-factor'), [numberOf(6)]);
    for (const query of ['AND', 'NOT code', 'NEAR(code', '"', '""', '*', 'code OR send', '^two', 'σίσυφος']) {
      assert.deepEqual(await search(query), expected(query), query);
    }
  });

  test('the server finds what matchesCaseSearch finds', async () => {
    for (const query of [
      'send ENVELOPE',
      'room',
      'échouée',
      `#${numberOf(2)}`,
      numberOf(0).slice(2, 6),
      'nothing like this',
      '  ',
      'İSTANBUL',
      'i̇stanbul',
      'istanbul',
      'ΣΊΣΥΦΟΣ',
      'office:',
      'ない',
      'できません',
      'e',
      'en',
      'end',
      numberOf(5).slice(-2),
    ]) {
      assert.deepEqual(await search(query), expected(query), query);
    }
  });

  test('only the requester and watchers see a case (maySeeCase): in the list, by number, by search', async () => {
    const number = numberOf(0);
    assert.deepEqual(await search(`#${number}`, alex), []);
    assert.equal((await s.api.call('GET', `/api/tickets/${number}`, { token: alex })).status, 404);
    const added = await s.api.call('POST', `/api/tickets/${number}/watchers`, { token: sam, json: { email: ' Alex@Example.com ' } });
    assert.equal(added.status, 201);
    assert.deepEqual(await search(`#${number}`, alex), [number]);
    assert.equal((await s.api.call('GET', `/api/tickets/${number}`, { token: alex })).status, 200);
    assert.equal((await s.api.call('DELETE', `/api/tickets/${number}/watchers/alex%40example.com`, { token: sam })).status, 200);
    assert.equal((await s.api.call('GET', `/api/tickets/${number}`, { token: alex })).status, 404);
  });

  test('a closed case may be followed up by whoever sees it (mayFollowUp), and by nobody else', async () => {
    const open = async (subject: string): Promise<string> => {
      const res = await s.api.call<Summary>('POST', '/api/tickets', { token: sam, json: newCase({ subject }) });
      assert.equal(res.status, 201);
      return res.body.number;
    };
    const close = async (number: string): Promise<void> => {
      const res = await s.api.call('POST', `/api/_dev/tickets/${number}/agent-comment`, { json: { status: 'closed' } });
      assert.equal(res.status, 201);
    };
    const watched = await open('Watched case');
    assert.equal((await s.api.call('POST', `/api/tickets/${watched}/watchers`, { token: sam, json: { email: 'alex@example.com' } })).status, 201);
    const unwatched = await open('Not watched');
    const stillOpen = await open('Still open');
    await close(watched);
    await close(unwatched);
    const followUp = (token: string, of: string) => s.api.call<{ errors?: { field: string; code: string }[] }>('POST', '/api/tickets', { token, json: newCase({ followUpOf: of }) });
    assert.equal((await followUp(alex, watched)).status, 201, 'a watcher of the closed case');
    const stranger = await followUp(alex, unwatched);
    assert.equal(stranger.status, 422);
    assert.deepEqual(stranger.body.errors, [{ field: 'followUpOf', code: 'invalid_choice' }]);
    assert.deepEqual((await followUp(sam, stillOpen)).body.errors, [{ field: 'followUpOf', code: 'invalid_choice' }], 'not closed');
    assert.equal((await followUp(sam, unwatched)).status, 201, 'the requester');
  });
});
