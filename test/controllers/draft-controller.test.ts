// DraftController (issue 15): hosts save their draft on every update; storage is written only
// when the draft changed, and what was typed still always reaches it.
import { expect } from '@open-wc/testing';
import { DraftController } from '../../src/controllers/draft-controller.js';
import { BareHost } from './bare-host.js';

/** An in-memory Storage that counts writes. */
function countingStorage(): { storage: Storage; writes: () => number } {
  const items = new Map<string, string>();
  let writes = 0;
  const storage: Storage = {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => {
      writes++;
      items.set(key, value);
    },
  };
  return { storage, writes: () => writes };
}

describe('DraftController', () => {
  it('writes a draft once however many updates save it unchanged, and again when it changes', () => {
    const { storage, writes } = countingStorage();
    const draft = new DraftController<{ subject: string }>(new BareHost(), () => 'case:1', () => storage);
    for (let i = 0; i < 10; i++) draft.save({ subject: 'Printer jam' });
    expect(writes()).to.equal(1);
    draft.save({ subject: 'Printer jam again' });
    expect(writes()).to.equal(2);
    expect(draft.load()).to.deep.equal({ subject: 'Printer jam again' });
  });

  it('writes it again after storage lost it (another tab cleared it)', () => {
    const { storage, writes } = countingStorage();
    const draft = new DraftController<{ subject: string }>(new BareHost(), () => 'case:1', () => storage);
    draft.save({ subject: 'Printer jam' });
    storage.clear();
    draft.save({ subject: 'Printer jam' });
    expect(writes()).to.equal(2);
    expect(draft.load()).to.deep.equal({ subject: 'Printer jam' });
  });
});
