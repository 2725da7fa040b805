/**
 * Passwords (scrypt with a random salt, compared in constant time) and bearer tokens
 * (random, stored only as their SHA-256). A hash records its own cost: `scrypt$N$salt$key`.
 */
import { createHash, randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

const KEY_LENGTH = 32;
export const DEFAULT_SCRYPT_COST = 16384;

export function hashPasswordSync(password: string, cost = DEFAULT_SCRYPT_COST): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, KEY_LENGTH, { N: cost });
  return `scrypt$${cost}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

function scryptAsync(password: string, salt: Buffer, cost: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, { N: cost }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** A hash that never matches: verifying against it takes as long as a real check. Made on first need. */
const dummyHashes = new Map<number, string>();

/** Whether `password` matches `stored`; with no stored hash, spends the same time and says no. */
export async function verifyPassword(password: string, stored: string | undefined, cost = DEFAULT_SCRYPT_COST): Promise<boolean> {
  let hash = stored;
  if (hash === undefined) {
    hash = dummyHashes.get(cost) ?? hashPasswordSync(randomBytes(12).toString('hex'), cost);
    dummyHashes.set(cost, hash);
  }
  const [scheme, costText, saltText, keyText] = hash.split('$');
  const n = Number(costText);
  if (scheme !== 'scrypt' || !Number.isInteger(n) || n < 2 || !saltText || !keyText) return false;
  const expected = Buffer.from(keyText, 'base64url');
  const actual = await scryptAsync(password, Buffer.from(saltText, 'base64url'), n);
  return expected.length === actual.length && timingSafeEqual(expected, actual) && stored !== undefined;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(value: string | Buffer): string {
  return createHash('sha256').update(value).digest('hex');
}
