import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { parse } from 'yaml';
import { SPEC_PATH } from './helpers.js';

const doc = parse(readFileSync(SPEC_PATH, 'utf8')) as {
  openapi: string;
  paths: Record<string, Record<string, { parameters?: { $ref?: string; name?: string }[]; responses?: Record<string, unknown> }>>;
};

test('docs/openapi.yaml is a valid OpenAPI 3.1 document', async () => {
  const validator = new Validator();
  const result = await validator.validate(doc);
  assert.deepEqual(result.errors, undefined, JSON.stringify(result.errors));
  assert.equal(result.valid, true);
  assert.equal(validator.version, '3.1');
});

test('every POST of the contract declares the Idempotency-Key header', () => {
  const posts = Object.entries(doc.paths).filter(([path, item]) => item['post'] && !path.startsWith('/api/_dev/'));
  assert.ok(posts.length >= 8);
  for (const [path, item] of posts) {
    const params = item['post']?.parameters ?? [];
    assert.ok(
      params.some((p) => p.$ref === '#/components/parameters/IdempotencyKey'),
      `POST ${path} lacks Idempotency-Key`,
    );
  }
});

test('the contract has every SupportBackend operation', () => {
  const expected = [
    'get /api/session', 'post /api/session', 'delete /api/session', 'put /api/session/account',
    'get /api/catalog', 'get /api/articles', 'get /api/tickets', 'post /api/tickets', 'get /api/tickets/{number}',
    'post /api/tickets/{number}/comments', 'post /api/uploads', 'post /api/tickets/{number}/attachments',
    'get /api/attachments/{id}', 'post /api/tickets/{number}/watchers', 'delete /api/tickets/{number}/watchers/{email}',
    'post /api/tickets/{number}/callbacks', 'post /api/sign-in-help',
  ];
  for (const op of expected) {
    const [method = '', path = ''] = op.split(' ');
    assert.ok(doc.paths[path]?.[method], `missing ${op}`);
  }
});
