import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Field names that never reach storage, whatever a caller passes. */
const SECRET = /password|token|secret/i;

export type DraftValue = string | number | boolean | null | readonly string[] | { readonly [key: string]: DraftValue };
export type Draft = { readonly [field: string]: DraftValue };

const PREFIX = 'support-elements:draft:';

/**
 * Keeps what a user typed in localStorage under a key (per user, per area or case), so a
 * reload, a failed send or an expired session loses nothing. Only text the user typed goes
 * in: never files' bytes, never passwords or tokens.
 */
export class DraftController<T extends Draft> implements ReactiveController {
  private readonly keyOf: () => string | undefined;
  private readonly storage: () => Storage | undefined;

  constructor(host: ReactiveControllerHost, keyOf: () => string | undefined, storage = () => globalThis.localStorage) {
    this.keyOf = keyOf;
    this.storage = storage;
    host.addController(this);
  }

  // Drafts are read when the host asks, once it knows whose draft it is.
  hostConnected(): void {}

  private get key(): string | undefined {
    const key = this.keyOf();
    return key ? PREFIX + key : undefined;
  }

  load(): Partial<T> | undefined {
    const key = this.key;
    const raw = key ? this.storage()?.getItem(key) : null;
    if (!raw) return undefined;
    try {
      const parsed: unknown = JSON.parse(raw);
      return typeof parsed === 'object' && parsed !== null ? (parsed as Partial<T>) : undefined;
    } catch {
      return undefined;
    }
  }

  save(value: Partial<T>): void {
    const key = this.key;
    if (!key) return;
    const safe = Object.fromEntries(Object.entries(value).filter(([field]) => !SECRET.test(field)));
    const text = JSON.stringify(safe);
    try {
      const storage = this.storage();
      // Hosts save on every update: a read is cheap, a write goes to the browser and its disk.
      if (storage && storage.getItem(key) !== text) storage.setItem(key, text);
    } catch {
      // Storage full or forbidden (private mode): the draft lives only in the form then.
    }
  }

  clear(): void {
    const key = this.key;
    if (key) this.storage()?.removeItem(key);
  }
}
