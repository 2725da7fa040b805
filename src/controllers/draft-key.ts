/**
 * Storage names for drafts that say whose draft it is without saying who: the user's identity
 * (sessions carry no other id than the email address) goes in as a SHA-256 digest, never as is.
 *
 * Why a synchronous SHA-256 here rather than `crypto.subtle.digest`: the key is needed inside
 * a render cycle (`willUpdate` restores the draft before the first paint of the form, and
 * `DraftController` reads its key synchronously), and `crypto.subtle` is async and missing on
 * non-secure origins. The digest is the same one `crypto.subtle` gives (the tests check that).
 * It is not a secret: it only keeps the address out of storage listings and exports.
 */

const DRAFT_PREFIX = 'support-elements:draft:';

// SHA-256's constants, computed rather than listed (−250 B brotli): the first 32 bits of the
// fractional parts of the square roots (initial hash) and cube roots (round constants) of the
// first 8 and 64 primes (FIPS 180-4 §4.2.2, §5.3.3). Each value sits more than 0.005 from a
// rounding edge, thousands of times a 1-ulp error of Math.sqrt/Math.cbrt; the tests compare
// digests with crypto.subtle's.
const PRIMES: number[] = [];
for (let n = 2; PRIMES.length < 64; n++) if (PRIMES.every((p) => n % p)) PRIMES.push(n);
const fraction32 = (root: number) => ((root % 1) * 2 ** 32) >>> 0;
const K = Uint32Array.from(PRIMES, (p) => fraction32(Math.cbrt(p)));
const H0 = PRIMES.slice(0, 8).map((p) => fraction32(Math.sqrt(p)));

/** SHA-256 of `text` (UTF-8), as 64 lower-case hex digits. */
export function sha256Hex(text: string): string {
  const data = new TextEncoder().encode(text);
  const length = Math.ceil((data.length + 9) / 64) * 64;
  const bytes = new Uint8Array(length);
  bytes.set(data);
  bytes[data.length] = 0x80;
  const view = new DataView(bytes.buffer);
  view.setUint32(length - 8, Math.floor((data.length * 8) / 2 ** 32));
  view.setUint32(length - 4, (data.length * 8) >>> 0);
  const h = Uint32Array.from(H0);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let offset = 0; offset < length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15] ?? 0;
      const b = w[i - 2] ?? 0;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[i] = ((w[i - 16] ?? 0) + s0 + (w[i - 7] ?? 0) + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = [h[0] ?? 0, h[1] ?? 0, h[2] ?? 0, h[3] ?? 0, h[4] ?? 0, h[5] ?? 0, h[6] ?? 0, h[7] ?? 0];
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + (K[i] ?? 0) + (w[i] ?? 0)) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      [hh, g, f, e, d, c, b, a] = [g, f, e, (d + t1) >>> 0, c, b, a, (t1 + t2) >>> 0];
    }
    [a, b, c, d, e, f, g, hh].forEach((value, i) => {
      h[i] = ((h[i] ?? 0) + value) >>> 0;
    });
  }
  return Array.from(h, (word) => word.toString(16).padStart(8, '0')).join('');
}

const digests = new Map<string, string>();

/** The stand-in for a user in storage names: the first 32 hex digits of SHA-256 of the folded address. */
export function userDigest(email: string): string {
  const folded = email.trim().toLowerCase();
  let digest = digests.get(folded);
  if (digest === undefined) {
    digest = sha256Hex(`support-elements:user:${folded}`).slice(0, 32);
    digests.set(folded, digest);
  }
  return digest;
}

const migrated = new Set<string>();

/**
 * `key` (a draft name under the drafts' prefix), after moving a draft saved under `legacyKey`
 * (the old name, with the address in it) to it, once per page: nothing typed before the
 * rename is lost, and the address leaves storage. A draft already under `key` wins.
 */
export function migratedDraftKey(key: string, legacyKey: string, storage: () => Storage | undefined = () => globalThis.localStorage): string {
  if (migrated.has(legacyKey)) return key;
  migrated.add(legacyKey);
  try {
    const store = storage();
    const old = store?.getItem(DRAFT_PREFIX + legacyKey);
    if (store && old !== null && old !== undefined) {
      if (store.getItem(DRAFT_PREFIX + key) === null) store.setItem(DRAFT_PREFIX + key, old);
      store.removeItem(DRAFT_PREFIX + legacyKey);
    }
  } catch {
    // Storage forbidden or full: the old draft stays where it was, the new name is still used.
  }
  return key;
}

/** Forgets which keys were migrated (tests that seed an old draft after a first load). */
export function resetDraftKeyMigrations(): void {
  migrated.clear();
}
