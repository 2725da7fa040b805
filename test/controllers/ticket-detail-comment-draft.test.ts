import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CommentDraftStore } from '../../src/controllers/ticket-detail-comment-draft.js';

const host: ReactiveControllerHost = {
  addController: (_controller: ReactiveController) => undefined,
  removeController: () => undefined,
  requestUpdate: () => undefined,
  updateComplete: Promise.resolve(true),
};

const KEY = 'support-elements:draft:test:comment';

describe('CommentDraftStore', () => {
  afterEach(() => localStorage.clear());

  it('keeps the text and the key of its last send together, in the shape drafts always had', () => {
    let body = 'Here is the template';
    const store = new CommentDraftStore(host, () => 'test:comment', () => body);
    store.saveBody(body);
    expect(store.loadBody()).to.equal('Here is the template');
    store.keyStore.save({ intent: body, key: 'k1' });
    expect(JSON.parse(localStorage.getItem(KEY) ?? '{}')).to.deep.equal({ body, idempotencyKey: 'k1', keyFor: body });
    body = 'Here is the template, signed';
    store.saveBody(body);
    expect(store.keyStore.load()).to.deep.equal({ intent: 'Here is the template', key: 'k1' });
  });

  it('forgets the key once sent, and the whole draft when nothing is left', () => {
    let body = 'Sent';
    const store = new CommentDraftStore(host, () => 'test:comment', () => body);
    store.keyStore.save({ intent: body, key: 'k1' });
    body = '';
    store.keyStore.save(undefined);
    expect(localStorage.getItem(KEY)).to.equal(null);
  });

  it('leaves storage alone while the host forgets keys in memory only', () => {
    const store = new CommentDraftStore(host, () => 'test:comment', () => '');
    store.keyStore.save({ intent: 'Text', key: 'k1' });
    store.withoutStorage(() => store.keyStore.save(undefined));
    expect(store.keyStore.load()).to.deep.equal({ intent: 'Text', key: 'k1' });
  });

  it('saves nothing while the customer or the case is unknown', () => {
    const store = new CommentDraftStore(host, () => undefined, () => 'Text');
    store.saveBody('Text');
    expect(localStorage.length).to.equal(0);
    expect(store.loadBody()).to.equal('');
  });
});
