/**
 * Request bodies against docs/openapi.yaml: a property of the wrong JSON type is refused
 * before any handler runs, named as the forms name it; every property the contract requires
 * is named when it is missing (the handlers' src/core rules report it with the other fields).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { newCase, spec, start, type Started } from './helpers.js';

interface Problem {
  kind: string;
  errors?: { field: string; code: string }[];
}
const codes = (p: Problem): string[] => (p.errors ?? []).map((e) => `${e.field}:${e.code}`);

/** The field name the forms (and so the error) use for a body property. */
const FIELD: Readonly<Record<string, string>> = { tokens: 'attachments', attachmentTokens: 'attachments' };

describe('request bodies are checked against the contract', () => {
  let s: Started;
  let sam: string;
  let open: string;
  before(async () => {
    // With a host JWT secret, so POST /api/session/jwt is routed and checked too.
    s = await start({ seedDemo: false, hostJwtSecret: randomBytes(32) });
    sam = await s.api.signIn('sam@example.com');
    const res = await s.api.call<{ number: string }>('POST', '/api/tickets', { token: sam, json: newCase() });
    assert.equal(res.status, 201);
    open = res.body.number;
  });
  after(() => s.close());

  test('a property of the wrong type: 422 invalid_choice naming the field, nothing stored', async () => {
    const before = await s.api.call<{ total: number }>('GET', '/api/tickets', { token: sam });
    const subject = await s.api.call<Problem>('POST', '/api/tickets', { token: sam, json: newCase({ subject: 42 }) });
    assert.equal(subject.status, 422);
    assert.equal(subject.body.kind, 'validation');
    assert.deepEqual(codes(subject.body), ['subject:invalid_choice']);
    const tokens = await s.api.call<Problem>('POST', '/api/tickets', { token: sam, json: newCase({ attachmentTokens: 'abc', description: false }) });
    assert.deepEqual(codes(tokens.body), ['description:invalid_choice', 'attachments:invalid_choice']);
    const items = await s.api.call<Problem>('POST', `/api/tickets/${open}/attachments`, { token: sam, json: { tokens: ['a', 7] } });
    assert.deepEqual(codes(items.body), ['attachments:invalid_choice']);
    const comment = await s.api.call<Problem>('POST', `/api/tickets/${open}/comments`, { token: sam, json: { body: { text: 'hi' } } });
    assert.equal(comment.status, 422);
    assert.deepEqual(codes(comment.body), ['comment:invalid_choice'], 'the field the comment form and validateComment name');
    const email = await s.api.call<Problem>('POST', '/api/session', { json: { email: ['sam@example.com'], password: 'x', realm: 'product' } });
    assert.equal(email.status, 422);
    assert.deepEqual(codes(email.body), ['email:invalid_choice']);
    const account = await s.api.call<Problem>('PUT', '/api/session/account', { token: sam, json: { accountId: 5 } });
    assert.equal(account.status, 422);
    assert.deepEqual(codes(account.body), ['accountId:invalid_choice']);
    const after = await s.api.call<{ total: number }>('GET', '/api/tickets', { token: sam });
    assert.equal(after.body.total, before.body.total);
  });

  test('JSON null is an absent optional property, as the fetch adapter sends it', async () => {
    const res = await s.api.call('POST', '/api/tickets', { token: sam, json: newCase({ categoryId: null, attachmentTokens: null }) });
    assert.equal(res.status, 201);
  });

  test('a body that is not a JSON object: 400', async () => {
    const array = await s.api.call<Problem>('POST', `/api/tickets/${open}/watchers`, { token: sam, json: ['kim@example.com'] });
    assert.equal(array.status, 400);
    assert.equal(array.body.kind, 'validation');
    const text = await s.api.call<Problem>('POST', `/api/tickets/${open}/watchers`, { token: sam, json: 'kim@example.com' });
    assert.equal(text.status, 400);
  });

  test('a missing required property: 422 naming it', async () => {
    const watcher = await s.api.call<Problem>('POST', `/api/tickets/${open}/watchers`, { token: sam, json: {} });
    assert.equal(watcher.status, 422);
    assert.deepEqual(codes(watcher.body), ['email:required']);
    const noSubject = newCase();
    delete noSubject['subject'];
    const ticket = await s.api.call<Problem>('POST', '/api/tickets', { token: sam, json: noSubject });
    assert.equal(ticket.status, 422);
    assert.deepEqual(codes(ticket.body), ['subject:required']);
  });

  test('every property the contract requires is named when the body is empty', async () => {
    type Node = { [key: string]: unknown };
    const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
    const deref = (v: unknown): unknown => {
      if (!isNode(v) || typeof v['$ref'] !== 'string') return v;
      let node: unknown = spec;
      for (const part of v['$ref'].replace(/^#\//, '').split('/')) node = isNode(node) ? node[part] : undefined;
      return deref(node);
    };
    const paths = spec['paths'];
    assert.ok(isNode(paths));
    let checked = 0;
    for (const [template, item] of Object.entries(paths)) {
      if (!isNode(item)) continue;
      for (const [method, op] of Object.entries(item)) {
        const content = isNode(op) && isNode(op['requestBody']) ? op['requestBody']['content'] : undefined;
        const schema = isNode(content) && isNode(content['application/json']) ? deref(content['application/json']['schema']) : undefined;
        const required = isNode(schema) && Array.isArray(schema['required']) ? schema['required'].map(String) : [];
        if (required.length === 0) continue;
        const path = template.replace('{number}', open);
        const token = template === '/api/session' || template === '/api/session/jwt' ? undefined : sam;
        const res = await s.api.call<Problem>(method.toUpperCase(), path, { token, json: {} });
        const where = `${method.toUpperCase()} ${template}`;
        if (res.status === 403) continue; // "Call me" not offered here: refused before the fields
        assert.equal(res.status, 422, where);
        const named = new Set((res.body.errors ?? []).filter((e) => e.code === 'required').map((e) => e.field));
        const bodyField = template.endsWith('/comments') || template.endsWith('/email-reply') ? 'comment' : undefined;
        for (const property of required) {
          const field = (property === 'body' ? bodyField : undefined) ?? FIELD[property] ?? property;
          assert.ok(named.has(field), `${where}: ${field} (${property}) is not named as required: ${JSON.stringify(res.body.errors)}`);
        }
        checked++;
      }
    }
    assert.ok(checked >= 8, `only ${checked} operations checked`);
  });
});
