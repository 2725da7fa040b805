/**
 * A small key-value store in IndexedDB for what must survive a reload and is too big or too
 * binary for localStorage: files chosen for a case or a comment (as Blobs), and later the
 * outbox of messages not yet delivered. Keys are strings; related records share a prefix
 * (`uploads:<user>:<case>:`), so a whole scope is listed or dropped in one call.
 *
 * Values go through the structured clone, so Blobs and Files are stored as such (no base64).
 * Where IndexedDB is missing or refused (private windows of some browsers, blocked storage)
 * the store keeps records in memory for the life of the page: nothing throws.
 */
import { userDigest } from './draft-key.js';

export interface StoredRecord<V> {
  readonly key: string;
  readonly value: V;
}

export interface KeyValueStore {
  put(key: string, value: unknown): Promise<void>;
  get(key: string): Promise<unknown>;
  /** Every record whose key starts with `prefix`, in key order. */
  list(prefix: string): Promise<StoredRecord<unknown>[]>;
  delete(key: string): Promise<void>;
  deletePrefix(prefix: string): Promise<void>;
}

const DB_NAME = 'support-elements';
const STORE = 'records';

/** Keys from `prefix` up to (not including) the next prefix: every key that starts with it. */
function prefixRange(prefix: string): IDBKeyRange {
  return IDBKeyRange.bound(prefix, `${prefix}\uffff`, false, false);
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

function openDatabase(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      if (!open.result.objectStoreNames.contains(STORE)) open.result.createObjectStore(STORE);
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('IndexedDB refused'));
    open.onblocked = () => reject(new Error('IndexedDB blocked'));
  });
}

/** The same API over a Map: where IndexedDB is not available. */
export function memoryStore(): KeyValueStore {
  const records = new Map<string, unknown>();
  return {
    put: async (key, value) => void records.set(key, value),
    get: async (key) => records.get(key),
    list: async (prefix) =>
      [...records.entries()]
        .filter(([key]) => key.startsWith(prefix))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, value]) => ({ key, value })),
    delete: async (key) => void records.delete(key),
    deletePrefix: async (prefix) => {
      for (const key of [...records.keys()]) if (key.startsWith(prefix)) records.delete(key);
    },
  };
}

/** A store in the IndexedDB database `name`; falls back to memory when it cannot be opened. */
export function indexedDbStore(name = DB_NAME): KeyValueStore {
  let opening: Promise<KeyValueStore> | undefined;
  const backing = (): Promise<KeyValueStore> =>
    (opening ??= (typeof indexedDB === 'undefined' ? Promise.reject(new Error('no IndexedDB')) : openDatabase(name)).then(
      (db) => idbOver(db),
      () => memoryStore(),
    ));
  // What was listed stays known until a write, here or in another tab of the profile (they
  // say so on a BroadcastChannel): every element of a page lists its user's kept files and
  // outbox when it connects, and an IndexedDB transaction costs milliseconds of main thread.
  const listed = new Map<string, Promise<StoredRecord<unknown>[]>>();
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(`${name}:writes`);
  channel?.addEventListener('message', () => listed.clear());
  const write = async (run: (store: KeyValueStore) => Promise<void>): Promise<void> => {
    listed.clear();
    try {
      await run(await backing());
    } finally {
      // A list that was on its way while this wrote may hold what was there before.
      listed.clear();
      channel?.postMessage('written');
    }
  };
  return {
    put: (key, value) => write((store) => store.put(key, value)),
    get: async (key) => (await backing()).get(key),
    list: async (prefix) => {
      let records = listed.get(prefix);
      if (!records) {
        records = backing().then((store) => store.list(prefix));
        listed.set(prefix, records);
        const settled = records;
        settled.catch(() => {
          if (listed.get(prefix) === settled) listed.delete(prefix);
        });
      }
      return [...(await records)];
    },
    delete: (key) => write((store) => store.delete(key)),
    deletePrefix: (prefix) => write((store) => store.deletePrefix(prefix)),
  };
}

function idbOver(db: IDBDatabase): KeyValueStore {
  const tx = (mode: IDBTransactionMode) => db.transaction(STORE, mode);
  return {
    async put(key, value) {
      const t = tx('readwrite');
      t.objectStore(STORE).put(value, key);
      await done(t);
    },
    async get(key) {
      return request(tx('readonly').objectStore(STORE).get(key));
    },
    async list(prefix) {
      const store = tx('readonly').objectStore(STORE);
      const range = prefixRange(prefix);
      const [keys, values] = await Promise.all([request(store.getAllKeys(range)), request(store.getAll(range))]);
      return keys.map((key, i) => ({ key: String(key), value: values[i] }));
    },
    async delete(key) {
      const t = tx('readwrite');
      t.objectStore(STORE).delete(key);
      await done(t);
    },
    async deletePrefix(prefix) {
      const t = tx('readwrite');
      t.objectStore(STORE).delete(prefixRange(prefix));
      await done(t);
    },
  };
}

let shared: KeyValueStore | undefined;

/** The page's one store (one database connection for every element). */
export function sharedStore(): KeyValueStore {
  return (shared ??= indexedDbStore());
}

/**
 * A stable, non-reversible name for a user in storage keys: the same digest the drafts use
 * (`userDigest`), so every store of the widget names a user one way.
 */
export function userScope(userId: string): string {
  return userDigest(userId);
}
