import { expect } from '@open-wc/testing';
import { lastAnswer } from '../../src/core/memo.js';

describe('lastAnswer', () => {
  it('answers again without computing while the arguments are the same, and computes when one changes', () => {
    const calls: string[] = [];
    const config = { name: 'a' };
    const label = lastAnswer((c: { name: string }, locale: string) => {
      calls.push(`${c.name}:${locale}`);
      return { text: `${c.name} in ${locale}` };
    });
    const first = label(config, 'fr');
    expect(label(config, 'fr')).to.equal(first);
    expect(calls).to.deep.equal(['a:fr']);
    expect(label(config, 'de').text).to.equal('a in de');
    // A new object with the same contents is another input: identity, not equality.
    expect(label({ name: 'a' }, 'de')).to.not.equal(first);
    expect(calls).to.deep.equal(['a:fr', 'a:de', 'a:de']);
  });
});
