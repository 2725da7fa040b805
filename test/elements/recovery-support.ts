// For the elements' recovery tests (issue 11): the error a real adapter gives for a bad answer,
// and a backend that gives it once before answering as the memory backend does.
import fc from 'fast-check';
import type { SupportBackend } from '../../src/adapters/backend.js';
import { createFetchAdapter } from '../../src/adapters/fetch-adapter.js';
import { isSupportError, SupportError } from '../../src/core/errors.js';
import { badBodies, type BadBody, type Json } from '../adapters/fuzz-bodies.js';

/** What the fetch adapter rejects `body` with, through `call` (a bad body it accepts is skipped). */
export async function adapterErrorFor(body: BadBody, call: (backend: SupportBackend) => Promise<unknown>): Promise<SupportError | undefined> {
  const backend = createFetchAdapter({
    baseUrl: 'https://api.example.test',
    fetch: () => Promise.resolve(new Response(body.text, { status: 200, headers: { 'Content-Type': 'application/json' } })),
    getToken: () => 'tok',
    retry: { retries: 0 },
  });
  try {
    await call(backend);
    return undefined;
  } catch (error) {
    if (isSupportError(error)) return error;
    throw error;
  }
}

/** `count` fuzzed bad bodies of `valid` that the adapter refuses, each with its error. */
export async function refusedBodies(valid: Json, call: (backend: SupportBackend) => Promise<unknown>, count: number): Promise<{ body: BadBody; error: SupportError }[]> {
  const found: { body: BadBody; error: SupportError }[] = [];
  for (const body of fc.sample(badBodies(valid), count * 6)) {
    if (found.length >= count) break;
    // A 5 MB or 100,000-item body makes a slow element test without saying more than a small one here.
    if (body.text.length > 200_000) continue;
    const error = await adapterErrorFor(body, call);
    if (error) found.push({ body, error });
  }
  return found;
}

/** `backend` whose `method` fails once with `error`, then answers as before. */
export function failingOnce<K extends keyof SupportBackend>(backend: SupportBackend, method: K, error: unknown): SupportBackend & { calls: () => number } {
  let calls = 0;
  const original = backend[method] as (...args: unknown[]) => Promise<unknown>;
  const wrapped = (...args: unknown[]): Promise<unknown> => {
    calls++;
    return calls === 1 ? Promise.reject(error) : original.apply(backend, args);
  };
  return Object.assign(Object.create(backend) as SupportBackend, { [method]: wrapped, calls: () => calls });
}

export { SupportError };
