import { expect } from '@open-wc/testing';
import { indexedDbStore, memoryStore, userScope, type KeyValueStore } from '../../src/controllers/file-store.js';

function contract(name: string, make: () => KeyValueStore): void {
  describe(name, () => {
    it('puts, gets, lists by prefix in key order, deletes one and a whole prefix', async () => {
      const store = make();
      await store.deletePrefix('');
      const blob = new File(['hello'], 'notes.txt', { type: 'text/plain' });
      await store.put('uploads:u1:case:2:b', { file: blob });
      await store.put('uploads:u1:case:2:a', { n: 1 });
      await store.put('uploads:u1:case:20:a', { n: 2 });
      await store.put('outbox:u1:1', { n: 3 });
      const listed = await store.list('uploads:u1:case:2:');
      expect(listed.map((r) => r.key)).to.deep.equal(['uploads:u1:case:2:a', 'uploads:u1:case:2:b']);
      const kept = (await store.get('uploads:u1:case:2:b')) as { file: File };
      expect(kept.file).to.be.instanceOf(Blob);
      expect(await kept.file.text()).to.equal('hello');
      await store.delete('uploads:u1:case:2:a');
      expect((await store.list('uploads:u1:case:2:')).length).to.equal(1);
      await store.deletePrefix('uploads:');
      expect(await store.list('uploads:')).to.deep.equal([]);
      expect(await store.get('outbox:u1:1')).to.deep.equal({ n: 3 });
      await store.deletePrefix('');
    });
  });
}

contract('memoryStore', memoryStore);
contract('indexedDbStore', () => indexedDbStore('file-store-test'));

describe('indexedDbStore, two tabs of one profile', () => {
  it('lists what another tab wrote after this one had listed the prefix', async () => {
    const here = indexedDbStore('file-store-tabs');
    const there = indexedDbStore('file-store-tabs');
    await here.deletePrefix('');
    expect(await here.list('uploads:u1:')).to.deep.equal([]);
    // Channels get a message in the order they were made: `here`'s before this one.
    const heard = new Promise<void>((resolve) => {
      const listener = new BroadcastChannel('file-store-tabs:writes');
      listener.onmessage = () => {
        listener.close();
        resolve();
      };
    });
    await there.put('uploads:u1:a', { n: 1 });
    await heard;
    expect((await here.list('uploads:u1:')).map((r) => r.key)).to.deep.equal(['uploads:u1:a']);
    await here.put('uploads:u1:b', { n: 2 });
    expect((await here.list('uploads:u1:')).map((r) => r.key)).to.deep.equal(['uploads:u1:a', 'uploads:u1:b']);
    await here.deletePrefix('');
  });
});

describe('userScope', () => {
  it('names a user without the address, the same for any case or spacing of it', () => {
    const scope = userScope('Alex@Example.com ');
    expect(scope).to.equal(userScope('alex@example.com'));
    expect(scope).to.not.contain('alex');
    expect(scope).to.not.equal(userScope('sam@example.com'));
  });
});
