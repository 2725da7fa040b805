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

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

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
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
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
