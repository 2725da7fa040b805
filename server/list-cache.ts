/**
 * The list's answers, kept serialized (body bytes and ETag) per person and query (issue 15).
 *
 * An entry is good while the store's list version is the one it was made under: the version
 * is a counter that triggers bump on every write to `tickets`, `watchers` and `participants`
 * (store/db.ts, store/postgres-schema.ts), in the writer's transaction, so it is the
 * database's and every process sees the same one. A list reads the version first and the page
 * after it: a write that lands in between makes a newer page filed under the older version,
 * which the next request (seeing the newer version) does not use. Never the reverse.
 *
 * Bounded in entries and in bytes; least recently used goes first.
 */
export interface CachedList {
  readonly json: Buffer;
  readonly etag: string;
}

interface Entry extends CachedList {
  readonly version: number;
}

export interface ListCacheLimits {
  readonly maxEntries: number;
  readonly maxBytes: number;
}

/** 1,000 pages of 50 (about 20 KB each) fit: the lists people are looking at right now. */
export const DEFAULT_LIST_CACHE: ListCacheLimits = { maxEntries: 1000, maxBytes: 32 * 1024 * 1024 };

export class ListCache {
  readonly #limits: ListCacheLimits;
  // A Map keeps insertion order: re-inserting on a hit makes the first key the least recently used.
  readonly #entries = new Map<string, Entry>();
  #bytes = 0;

  constructor(limits: ListCacheLimits = DEFAULT_LIST_CACHE) {
    this.#limits = limits;
  }

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** The answer filed under `key`, when it was made under `version`. */
  get(key: string, version: number): CachedList | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (entry.version !== version) {
      this.#bytes -= entry.json.length;
      return undefined;
    }
    this.#entries.set(key, entry);
    return entry;
  }

  set(key: string, version: number, value: CachedList): void {
    const old = this.#entries.get(key);
    if (old) {
      this.#entries.delete(key);
      this.#bytes -= old.json.length;
    }
    // A page larger than the whole budget would only push everything else out.
    if (value.json.length > this.#limits.maxBytes) return;
    this.#entries.set(key, { ...value, version });
    this.#bytes += value.json.length;
    for (const [oldest, entry] of this.#entries) {
      if (this.#entries.size <= this.#limits.maxEntries && this.#bytes <= this.#limits.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.json.length;
    }
  }
}
