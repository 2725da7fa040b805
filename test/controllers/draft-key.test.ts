// Draft storage names without the address (issue 11): the sync SHA-256 matches crypto.subtle,
// and an old draft moves to its new name once.
import { expect } from '@open-wc/testing';
import { migratedDraftKey, resetDraftKeyMigrations, sha256Hex, userDigest } from '../../src/controllers/draft-key.js';

async function subtleHex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

describe('draft keys', () => {
  afterEach(() => {
    localStorage.clear();
    resetDraftKeyMigrations();
  });

  it('sha256Hex is the SHA-256 crypto.subtle computes (block edges, UTF-8, long input)', async () => {
    const inputs = ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'a'.repeat(1000), 'élodie@exemple.fr', '山田@例え.jp'];
    for (const input of inputs) expect(sha256Hex(input), input.slice(0, 20)).to.equal(await subtleHex(input));
    expect(sha256Hex('abc')).to.equal('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('a user digest holds no part of the address and folds case and spaces', () => {
    const digest = userDigest('Alex@Example.com ');
    expect(digest).to.match(/^[0-9a-f]{32}$/);
    expect(digest).to.equal(userDigest('alex@example.com'));
    expect(digest).to.not.equal(userDigest('sam@example.com'));
  });

  it('moves a draft from its old name, once, and keeps a newer one', () => {
    localStorage.setItem('support-elements:draft:old:alex@example.com', '{"body":"typed before"}');
    expect(migratedDraftKey('new:abc', 'old:alex@example.com')).to.equal('new:abc');
    expect(localStorage.getItem('support-elements:draft:new:abc')).to.equal('{"body":"typed before"}');
    expect(localStorage.getItem('support-elements:draft:old:alex@example.com')).to.equal(null);

    resetDraftKeyMigrations();
    localStorage.setItem('support-elements:draft:old:alex@example.com', '{"body":"older"}');
    migratedDraftKey('new:abc', 'old:alex@example.com');
    expect(localStorage.getItem('support-elements:draft:new:abc')).to.equal('{"body":"typed before"}');
  });
});
