// Bad 2xx bodies for the fuzz tests (issue 11): a valid answer with one node broken (wrong
// type, missing, null, bad date, unknown enum value, a 5 MB string, a huge array), or no
// usable answer at all (an HTML error page, empty, truncated JSON, any JSON value).
import fc from 'fast-check';

export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

const FIVE_MB = 'x'.repeat(5 * 1024 * 1024);
const HTML_PAGE = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><script>alert(1)</script></body></html>';

/** What a broken node becomes. `undefined` removes it. */
const replacements: readonly (Json | undefined)[] = [
  undefined,
  null,
  42,
  -1,
  true,
  '',
  'not a date',
  '2024-13-45T99:00:00Z',
  'unknown_value',
  [],
  {},
  FIVE_MB,
];

/** Every path (keys and indexes) of `value`, the root excluded. */
function paths(value: Json, prefix: readonly (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item: Json, i) => [[...prefix, i], ...paths(item, [...prefix, i])]);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...paths(item, [...prefix, key])]);
  }
  return [];
}

function replaceAt(value: Json, path: readonly (string | number)[], next: (old: Json) => Json | undefined): Json {
  const [head, ...rest] = path;
  if (head === undefined) return next(value) ?? null;
  if (Array.isArray(value) && typeof head === 'number') {
    const items: Json[] = [...(value as readonly Json[])];
    const old = items[head];
    if (old === undefined) return value;
    const replaced = rest.length === 0 ? next(old) : replaceAt(old, rest, next);
    if (replaced === undefined) items.splice(head, 1);
    else items[head] = replaced;
    return items;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && typeof head === 'string') {
    const record: Record<string, Json> = { ...(value as { readonly [key: string]: Json }) };
    const old = record[head];
    if (old === undefined) return value;
    const replaced = rest.length === 0 ? next(old) : replaceAt(old, rest, next);
    if (replaced === undefined) delete record[head];
    else record[head] = replaced;
    return record;
  }
  return value;
}

/** A body as the server would send it: text, and the status (always 2xx here). */
export interface BadBody {
  readonly label: string;
  readonly text: string;
}

/** One node of `valid` broken, or the whole answer unusable. */
export function badBodies(valid: Json): fc.Arbitrary<BadBody> {
  const all = paths(valid);
  const text = JSON.stringify(valid);
  const mutated = fc
    .record({ path: fc.constantFrom(...all), replacement: fc.constantFrom(...replacements.keys()) })
    .map(({ path, replacement }): BadBody => {
      const value = replacements[replacement];
      const broken = replaceAt(valid, path, () => value);
      return { label: `${path.join('.')} → ${value === FIVE_MB ? '5 MB string' : JSON.stringify(value) ?? 'missing'}`, text: JSON.stringify(broken) };
    });
  const arrays = all.filter((path) => {
    let node: Json | undefined = valid;
    for (const part of path) node = node === null || typeof node !== 'object' ? undefined : (node as Record<string | number, Json>)[part];
    return Array.isArray(node);
  });
  const huge =
    arrays.length === 0
      ? []
      : [
          fc.constantFrom(...arrays).map((path): BadBody => ({
            label: `${path.join('.')} → 100,000 broken items`,
            text: JSON.stringify(replaceAt(valid, path, () => Array.from({ length: 100_000 }, (_, i) => ({ id: i })))),
          })),
        ];
  const whole = fc.oneof(
    fc.constant<BadBody>({ label: 'HTML error page', text: HTML_PAGE }),
    fc.constant<BadBody>({ label: 'empty body', text: '' }),
    fc.integer({ min: 1, max: Math.max(1, text.length - 1) }).map((end): BadBody => ({ label: `truncated at ${end}`, text: text.slice(0, end) })),
    fc.jsonValue().map((value): BadBody => ({ label: `any JSON ${JSON.stringify(value).slice(0, 40)}`, text: JSON.stringify(value) })),
  );
  return fc.oneof({ weight: 4, arbitrary: mutated }, ...huge.map((arbitrary) => ({ weight: 1, arbitrary })), { weight: 2, arbitrary: whole });
}

/** Every value under a key ending in `At` (the domain's dates), formatted as the elements do: throws on an Invalid Date. */
export function formatEveryDate(value: unknown): number {
  let count = 0;
  const format = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    for (const [key, item] of Object.entries(node)) {
      if (key.endsWith('At') && typeof item === 'string') {
        format.format(new Date(item));
        count++;
      } else walk(item);
    }
  };
  walk(value);
  return count;
}

// ---------------------------------------------------------------------------------------------
// Valid answers of the REST contract (docs/openapi.yaml), one per response shape.

const AT = '2024-05-03T09:00:00Z';
export const SESSION: Json = {
  user: { name: 'Alex Martin', email: 'alex@example.com' },
  realm: 'product',
  accounts: [{ id: 'acc-1', name: 'Acme', plan: 'paid' }],
  activeAccountId: 'acc-1',
};
const SUMMARY: { readonly [key: string]: Json } = {
  id: 't-1',
  number: '00001234',
  subject: 'Envelope will not void',
  areaId: 'esign',
  productId: 'esignature',
  categoryId: 'signing',
  subcategoryId: 'sending',
  status: 'open',
  contactMethod: 'portal',
  accountId: 'acc-1',
  requester: { name: 'Alex Martin', email: 'alex@example.com' },
  createdAt: AT,
  updatedAt: AT,
  activityAt: AT,
};
export const TICKET: Json = {
  ...SUMMARY,
  description: 'The void button does nothing.',
  comments: [{ id: 'c-1', author: { name: 'Sam', email: 'sam@support.example.com' }, authorRole: 'agent', body: 'Looking.', via: 'web', createdAt: AT }],
  attachments: [{ id: 'a-1', name: 'shot.png', size: 1200, contentType: 'image/png', url: 'https://files.example.com/a-1', createdAt: AT }],
  watchers: [{ email: 'kim@example.com', addedAt: AT }],
  callbacks: [{ id: 'cb-1', phone: '+1 555 010 0199', requestedAt: AT }],
};
export const PAGE: Json = { items: [SUMMARY, { ...SUMMARY, id: 't-2', number: '00001235' }], total: 2 };
export const CATALOG: Json = {
  categories: [{ id: 'signing', areaId: 'esign', label: 'Sending and signing', subcategories: [{ id: 'sending', label: 'Sending envelopes' }] }],
};
export const ARTICLES: Json = { items: [{ id: 'kb-void', title: 'Void a sent envelope', url: 'https://support.example.com/articles/void' }] };
export const UPLOADED: Json = { token: 'up-1', name: 'shot.png', size: 1200, contentType: 'image/png' };
export const RECEIPT: Json = { reference: 'H-1' };
