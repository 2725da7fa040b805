/**
 * The route table is data: it matches docs/openapi.yaml line by line (operation, public when
 * the contract says `security: []` or accepts no credentials, idempotent when the contract
 * declares the Idempotency-Key), and the request-schema check reads the contract's types.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiRoutes, devRoutes, sessionJwtRoutes } from '../../server/routes/index.js';
import { checkBody, loadRequestSchemas } from '../../server/request-schema.js';
import { spec } from './helpers.js';

type Node = { [key: string]: unknown };
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

const operations = Object.entries(isNode(spec['paths']) ? spec['paths'] : {}).flatMap(([path, item]) =>
  Object.entries(isNode(item) ? item : {})
    .filter(([method]) => ['get', 'post', 'put', 'delete'].includes(method))
    .map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op: isNode(op) ? op : {} })),
);

test('one route per operation of the contract, and one operation per route', () => {
  const routes = [...apiRoutes, ...sessionJwtRoutes, ...devRoutes].map((r) => `${r.method} ${r.path}`);
  assert.equal(new Set(routes).size, routes.length, 'no route twice');
  assert.deepEqual([...routes].sort(), operations.map((o) => o.key).sort());
});

test('public and idempotent flags say what the contract says', () => {
  const byKey = new Map(operations.map((o) => [o.key, o.op]));
  for (const r of [...apiRoutes, ...sessionJwtRoutes, ...devRoutes]) {
    const op = byKey.get(`${r.method} ${r.path}`) ?? {};
    const security = op['security'];
    // `security: []`, or a list with an empty alternative (a signed link instead of the session).
    const anonymous = Array.isArray(security) && (security.length === 0 || security.some((s) => isNode(s) && Object.keys(s).length === 0));
    assert.equal(r.public === true, anonymous, `${r.method} ${r.path}: public`);
    const parameters = Array.isArray(op['parameters']) ? op['parameters'] : [];
    const needsKey = parameters.some((p) => isNode(p) && p['$ref'] === '#/components/parameters/IdempotencyKey');
    const takesKey = parameters.some((p) => isNode(p) && p['$ref'] === '#/components/parameters/IdempotencyKeyOptional');
    assert.equal(r.idempotent !== undefined && r.idempotent !== 'optional', needsKey, `${r.method} ${r.path}: idempotent`);
    assert.equal(r.idempotent === 'optional', takesKey, `${r.method} ${r.path}: optional key`);
  }
  const keyOnly = [...apiRoutes, ...sessionJwtRoutes].filter((r) => r.idempotent === 'key-only').map((r) => `${r.method} ${r.path}`);
  assert.deepEqual(keyOnly, ['POST /api/session', 'POST /api/session/jwt'], 'only sign-in (password or host JWT) is never replayed');
  assert.deepEqual(apiRoutes.filter((r) => r.rawBody).map((r) => r.path), ['/api/uploads']);
});

test('checkBody: the contract types, nested arrays, null as absent, field names', () => {
  const schemas = loadRequestSchemas();
  const newTicket = schemas.get('POST /api/tickets');
  assert.ok(newTicket);
  assert.deepEqual(checkBody(newTicket, { subject: 'x', attachmentTokens: ['a'], categoryId: null }), []);
  assert.deepEqual(checkBody(newTicket, { subject: 1, attachmentTokens: ['a', null] }, { attachmentTokens: 'attachments' }), [
    { field: 'subject', code: 'invalid_choice' },
    { field: 'attachments', code: 'invalid_choice' },
  ]);
  assert.deepEqual(checkBody(newTicket, {}), [], 'missing properties are for the src/core rules, with the other fields');
  assert.equal(checkBody(newTicket, []), 'not_object');
  assert.equal(checkBody(newTicket, 'text'), 'not_object');
  assert.equal(schemas.has('POST /api/uploads'), false, 'a file, not JSON');
});
