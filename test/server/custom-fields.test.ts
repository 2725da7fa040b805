// Custom fields through the reference server: checked with the form's rules for the case's
// area and category, stored (migration 'custom fields'), returned on the case, refused with
// the contract's field errors (every response is checked against docs/openapi.yaml).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { customConfig, VALID_VALUES } from '../fixtures/custom-fields.js';
import { newCase, start, type Problem, type Started } from './helpers.js';

const { invoice: _invoice, ...flowOne } = VALID_VALUES;
const codes = (p: Problem): string[] => (p.errors ?? []).map((e) => `${e.field}:${e.code}`);

describe('custom fields (server)', () => {
  let s: Started;
  let token: string;
  before(async () => {
    s = await start({ config: customConfig });
    token = await s.api.signIn('sam@example.com');
  });
  after(() => s.close());

  test('stored and returned on the case, on create and on read; text trimmed', async () => {
    const res = await s.api.call<{ number: string; customFields?: Record<string, unknown> }>('POST', '/api/tickets', {
      token,
      json: newCase({ customFields: { ...flowOne, order: ' ORD-42 ' } }),
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const expected = { ...flowOne, order: 'ORD-42' };
    assert.deepEqual(res.body.customFields, expected);
    const read = await s.api.call<{ customFields?: Record<string, unknown> }>('GET', `/api/tickets/${res.body.number}`, { token });
    assert.deepEqual(read.body.customFields, expected);
  });

  test('bad values are refused with one field error each, named customFields.<id>', async () => {
    const res = await s.api.call<Problem>('POST', '/api/tickets', {
      token,
      json: newCase({ customFields: { order: 'ORD-1234567890', browser: 'safari', since: '2026-13-01', urgent: 'yes', nope: 'x' } }),
    });
    assert.equal(res.status, 422);
    assert.deepEqual(codes(res.body), [
      'customFields.order:too_long',
      'customFields.browser:invalid_choice',
      'customFields.urgent:invalid_choice',
      'customFields.since:invalid_date',
      'customFields.nope:invalid_choice',
    ]);
  });

  test('a required field left out, and customFields of the wrong shape, are refused', async () => {
    const missing = await s.api.call<Problem>('POST', '/api/tickets', { token, json: newCase({ customFields: { order: 'ORD-1' } }) });
    assert.deepEqual(codes(missing.body), ['customFields.browser:required']);
    const none = await s.api.call<Problem>('POST', '/api/tickets', { token, json: newCase() });
    assert.deepEqual(codes(none.body), ['customFields.order:required', 'customFields.browser:required']);
    const shape = await s.api.call<Problem>('POST', '/api/tickets', { token, json: newCase({ customFields: { order: 5 } }) });
    assert.equal(shape.status, 422);
    assert.deepEqual(codes(shape.body), ['customFields:invalid_choice']);
  });

  test('a category’s field is asked where the flow has categories (French esign, account)', async () => {
    const json = newCase({ categoryId: 'account', subcategoryId: 'billing', customFields: flowOne });
    const refused = await s.api.call<Problem>('POST', '/api/tickets', { token, json, lang: 'fr' });
    assert.deepEqual(codes(refused.body), ['customFields.invoice:required']);
    const made = await s.api.call<{ customFields?: Record<string, unknown> }>('POST', '/api/tickets', {
      token,
      json: { ...json, customFields: VALID_VALUES },
      lang: 'fr',
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    assert.deepEqual(made.body.customFields, VALID_VALUES);
  });

  test('docs/EMBEDDING.md shows docs/snippets/custom-fields.ts as it is (the file the element test runs)', () => {
    const doc = readFileSync('docs/EMBEDDING.md', 'utf8');
    const shown = /<!-- snippet: docs\/snippets\/custom-fields\.ts -->\n```ts\n([\s\S]*?)\n```\n<!-- end snippet -->/.exec(doc)?.[1];
    assert.equal(shown, readFileSync('docs/snippets/custom-fields.ts', 'utf8').trimEnd());
  });
});
