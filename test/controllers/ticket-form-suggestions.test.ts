import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { ArticleQuery, CallOptions, SupportBackend } from '../../src/adapters/backend.js';
import { createMemoryBackend } from '../../src/adapters/memory-adapter.js';
import type { Article } from '../../src/core/catalog.js';
import { SuggestionsController } from '../../src/controllers/ticket-form-suggestions.js';

interface Search {
  readonly query: ArticleQuery;
  readonly options: CallOptions | undefined;
}

const searches: Search[] = [];
let fail = false;

function countingBackend(): SupportBackend {
  const memory = createMemoryBackend({ signedInAs: 'alex@example.com' });
  return {
    ...memory,
    suggestArticles: (query, options) => {
      searches.push({ query, options });
      return fail ? Promise.reject(new Error('down')) : memory.suggestArticles(query, options);
    },
  };
}

class SuggestionsHost extends LitElement {
  backend = countingBackend();
  subject = '';
  readonly suggestions = new SuggestionsController(this, {
    backend: () => this.backend,
    query: () => ({ query: this.subject, areaId: 'esign', productId: '' }),
    locale: () => 'en',
    delayMs: 20,
  });

  override render() {
    return html`${this.suggestions.state.state}`;
  }
}
customElements.define('suggestions-host', SuggestionsHost);

async function type(host: SuggestionsHost, subject: string): Promise<void> {
  host.subject = subject;
  host.requestUpdate();
  await host.updateComplete;
}

describe('SuggestionsController', () => {
  beforeEach(() => {
    searches.length = 0;
    fail = false;
  });

  it('searches nothing for a short subject, and only the last of quick keystrokes', async () => {
    const host = await fixture<SuggestionsHost>(html`<suggestions-host></suggestions-host>`);
    expect(host.suggestions.state).to.deep.equal({ state: 'idle' });
    await type(host, 'en');
    expect(host.suggestions.state).to.deep.equal({ state: 'idle' });
    await type(host, 'env');
    expect(host.suggestions.state.state).to.equal('loading');
    await type(host, 'envelope');
    await type(host, '  envelope void  ');
    await waitUntil(() => host.suggestions.state.state === 'done', 'no answer');
    expect(searches.map((s) => s.query)).to.deep.equal([{ query: 'envelope void', areaId: 'esign', productId: undefined }]);
    const state = host.suggestions.state;
    const titles = state.state === 'done' ? state.articles.map((a: Article) => a.title) : [];
    expect(titles).to.include('Void or correct a sent envelope');
  });

  it('a failed search says so', async () => {
    fail = true;
    const host = await fixture<SuggestionsHost>(html`<suggestions-host></suggestions-host>`);
    await type(host, 'envelope');
    await waitUntil(() => host.suggestions.state.state === 'error', 'no error');
  });

  it('leaving the page aborts the search; coming back searches again', async () => {
    const host = await fixture<SuggestionsHost>(html`<suggestions-host></suggestions-host>`);
    await type(host, 'envelope');
    const parent = host.parentElement;
    host.remove();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(searches).to.have.length(0);
    parent?.append(host);
    await waitUntil(() => host.suggestions.state.state === 'done', 'no search after coming back');
    expect(searches).to.have.length(1);
  });
});
