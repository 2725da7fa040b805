/**
 * Which cases have a support reply the customer has not seen yet (the list's "New reply"
 * marker), per user and case, in localStorage under a digest of the user (never the address,
 * never a token). A case leaves the set when it is opened.
 */
import { userDigest } from './draft-key.js';

const PREFIX = 'my-tickets:unread:';

function read(key: string): Set<string> {
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(key) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((n): n is string => typeof n === 'string') : []);
  } catch {
    return new Set();
  }
}

export class UnreadReplies {
  private cached: { key: string; numbers: Set<string> } | undefined;

  /** `user`: the signed-in customer's email, or undefined (nothing is remembered). */
  constructor(private readonly user: () => string | undefined) {}

  has(number: string): boolean {
    return this.numbers()?.has(number) ?? false;
  }

  mark(number: string): void {
    this.write((numbers) => numbers.add(number));
  }

  clear(number: string): void {
    if (this.has(number)) this.write((numbers) => numbers.delete(number));
  }

  private key(): string | undefined {
    const email = this.user();
    return email ? `${PREFIX}${userDigest(email)}` : undefined;
  }

  private numbers(): Set<string> | undefined {
    const key = this.key();
    if (!key) return undefined;
    if (this.cached?.key !== key) this.cached = { key, numbers: read(key) };
    return this.cached.numbers;
  }

  private write(change: (numbers: Set<string>) => void): void {
    const key = this.key();
    const numbers = this.numbers();
    if (!key || !numbers) return;
    change(numbers);
    try {
      globalThis.localStorage?.setItem(key, JSON.stringify([...numbers]));
    } catch {
      // Storage full or refused: the marker lasts as long as the page.
    }
  }
}
