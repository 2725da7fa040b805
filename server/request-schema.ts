/**
 * Request bodies checked against docs/openapi.yaml, read once at start (the `yaml` package is a
 * devDependency: the reference server runs from the repository through tsx, never from a
 * published package). The check is the one a handler relies on: the body is an object and
 * every property present has the contract's JSON type (JSON `null` counts as absent, as the
 * fetch adapter reads it). The value rules that the contract states too (required, enum,
 * maxLength, pattern) are the seed's rules in src/core/validation.ts: the handlers apply them
 * with the configured limits and report every field at once, with the codes the forms show
 * (test/server/requests.test.ts proves that each required property of the contract is named).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { FieldError } from '../src/core/errors.js';

export const SPEC_PATH = fileURLToPath(new URL('../docs/openapi.yaml', import.meta.url));

/** The part of JSON Schema the contract's request bodies use. */
const TYPES = ['object', 'array', 'string', 'integer', 'number', 'boolean'] as const;

export interface Schema {
  readonly type?: (typeof TYPES)[number];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly items?: Schema;
  readonly allOf?: readonly Schema[];
  /** Every value of an object whose keys are data (`customFields`): one schema for them all. */
  readonly additionalProperties?: Schema;
  /** A value that has one of these types (`string` or `boolean`). */
  readonly oneOf?: readonly Schema[];
}

/** What a request body must be, per `METHOD /path/{template}`. */
export type RequestSchemas = ReadonlyMap<string, Schema>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The JSON request-body schema of every operation of the contract at `specPath`. */
export function loadRequestSchemas(specPath = SPEC_PATH): RequestSchemas {
  const doc: unknown = parse(readFileSync(specPath, 'utf8'));
  const paths = isRecord(doc) && isRecord(doc['paths']) ? doc['paths'] : {};
  // Keeps only the keywords this check reads, each only when it has the expected form.
  const resolve = (node: unknown): Schema => {
    if (!isRecord(node)) return {};
    const ref = node['$ref'];
    if (typeof ref === 'string') return resolve(pointer(doc, ref));
    const type = TYPES.find((t) => t === node['type']);
    const properties = node['properties'];
    const allOf = node['allOf'];
    const oneOf = node['oneOf'];
    const more = node['additionalProperties'];
    return {
      ...(type ? { type } : {}),
      ...(isRecord(properties) ? { properties: Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, resolve(v)])) } : {}),
      ...(node['items'] !== undefined ? { items: resolve(node['items']) } : {}),
      ...(Array.isArray(allOf) ? { allOf: allOf.map(resolve) } : {}),
      ...(Array.isArray(oneOf) ? { oneOf: oneOf.map(resolve) } : {}),
      ...(isRecord(more) ? { additionalProperties: resolve(more) } : {}),
    };
  };
  const schemas = new Map<string, Schema>();
  for (const [template, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    for (const [method, op] of Object.entries(item)) {
      const body = isRecord(op) && isRecord(op['requestBody']) ? op['requestBody'] : undefined;
      const content = body && isRecord(body['content']) ? body['content'] : undefined;
      const json = content && isRecord(content['application/json']) ? content['application/json'] : undefined;
      if (json) schemas.set(`${method.toUpperCase()} ${template}`, resolve(json['schema']));
    }
  }
  return schemas;
}

function pointer(doc: unknown, ref: string): unknown {
  let node = doc;
  for (const part of ref.replace(/^#\//, '').split('/')) node = isRecord(node) ? node[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return node;
}

const HAS_TYPE: Readonly<Record<(typeof TYPES)[number], (value: unknown) => boolean>> = {
  object: isRecord,
  array: Array.isArray,
  string: (v) => typeof v === 'string',
  integer: Number.isInteger,
  number: (v) => typeof v === 'number',
  boolean: (v) => typeof v === 'boolean',
};

/** Whether `value`, a property's value, has the schema's JSON types all the way down. */
function fits(schema: Schema, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (schema.type && !HAS_TYPE[schema.type](value)) return false;
  if (schema.allOf && !schema.allOf.every((part) => fits(part, value))) return false;
  if (schema.oneOf && !schema.oneOf.some((part) => fits(part, value))) return false;
  const more = schema.additionalProperties;
  if (isRecord(value) && more && !Object.entries(value).every(([name, item]) => (schema.properties?.[name] !== undefined) || (item !== null && fits(more, item)))) return false;
  if (Array.isArray(value) && schema.items) {
    const items = schema.items;
    return value.every((item) => item !== null && fits(items, item));
  }
  if (isRecord(value) && schema.properties) {
    return Object.entries(schema.properties).every(([name, property]) => fits(property, value[name]));
  }
  return true;
}

/**
 * The field errors of a JSON object body against its schema: `invalid_choice` for each
 * property of the wrong type, named as the forms name it (`fieldNames`); `not_object` when
 * the body itself is not a JSON object.
 */
export function checkBody(schema: Schema, body: unknown, fieldNames: Readonly<Record<string, string>> = {}): FieldError[] | 'not_object' {
  if (!isRecord(body)) return 'not_object';
  const properties = { ...Object.assign({}, ...(schema.allOf ?? []).map((part) => part.properties ?? {})), ...schema.properties } as Record<string, Schema>;
  const errors: FieldError[] = [];
  for (const [name, property] of Object.entries(properties)) {
    if (!fits(property, body[name])) {
      const field = fieldNames[name] ?? name;
      if (!errors.some((e) => e.field === field)) errors.push({ field, code: 'invalid_choice' });
    }
  }
  return errors;
}
