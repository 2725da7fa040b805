// The page's language is fetched when the elements are defined, before any of them updates:
// an element's first update waits for its messages (one-language-per-render.test.ts), so
// fetching them only then would delay its data by one more round trip.
import { expect, waitUntil } from '@open-wc/testing';
import './fixtures/page-in-japanese.js';
import '../../src/define/all.js';

const requested = (locale: string) =>
  performance.getEntriesByType('resource').some((entry) => new URL(entry.name).pathname.endsWith(`/generated/locales/${locale}.ts`));

describe('messages of the page’s language', () => {
  after(() => {
    document.documentElement.lang = 'en';
  });

  it('are on their way once the elements are defined, with no element on the page yet', async () => {
    expect(document.querySelector('support-contact, ticket-form, my-tickets')).to.equal(null);
    await waitUntil(() => requested('ja'), 'the Japanese messages were not requested');
    expect(requested('fr')).to.equal(false);
  });
});
