/**
 * Shared by the server tests: a server on a free port in its own temp folder, and an HTTP
 * client that checks every response against docs/openapi.yaml (status documented, content
 * type, body valid against the operation's response schema).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { createSupportServer, type SupportServer, type SupportServerOptions } from '../../server/app.js';
import { connectorFor } from '../../server/connectors/index.js';
import type { ConnectorSpec } from '../../server/connectors/options.js';
import { openPostgresStore } from '../../server/store/postgres.js';
import { createTestDatabase, onPostgres, query, type TestDatabase } from './postgres.js';

export const SPEC_PATH = fileURLToPath(new URL('../../docs/openapi.yaml', import.meta.url));
export const PASSWORD = 'correct horse battery';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonMap = { [key: string]: Json };

export const spec = parse(readFileSync(SPEC_PATH, 'utf8')) as JsonMap;

// ajv 8 and ajv-formats come with @seriousme/openapi-schema-validator (the spec validator).
interface ValidateFunction {
  (data: unknown): boolean;
  errors?: unknown[] | null;
}
interface AjvInstance {
  addSchema(schema: object, key: string): AjvInstance;
  compile(schema: object): ValidateFunction;
}
const requireFromValidator = createRequire(fileURLToPath(import.meta.resolve('@seriousme/openapi-schema-validator')));
const Ajv2020 = (requireFromValidator('ajv/dist/2020.js') as { default: new (options: object) => AjvInstance }).default;
const addFormats = (requireFromValidator('ajv-formats') as { default: (ajv: AjvInstance) => void }).default;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(spec, 'openapi');

const isMap = (v: Json | undefined): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);
const escapePointer = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

function at(pointer: string): Json | undefined {
  let node: Json | undefined = spec;
  for (const raw of pointer.replace(/^#\//, '').split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = isMap(node) ? node[part] : undefined;
  }
  return node;
}

const templates = Object.keys(isMap(spec['paths']) ? spec['paths'] : {}).map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

const validators = new Map<string, ValidateFunction>();

/** Asserts that a response is one the contract documents for this operation. */
export function checkAgainstSpec(method: string, pathname: string, status: number, contentType: string, body: unknown): void {
  const found = templates.find((t) => t.pattern.test(pathname));
  assert.ok(found, `${pathname} is not in docs/openapi.yaml`);
  const opPointer = `#/paths/${escapePointer(found.template)}/${method.toLowerCase()}`;
  const op = at(opPointer);
  assert.ok(isMap(op), `${method} ${found.template} is not in docs/openapi.yaml`);
  const responses = op['responses'];
  assert.ok(isMap(responses));
  const key = String(status) in responses ? String(status) : 'default';
  assert.ok(key in responses, `${method} ${found.template}: status ${status} is not documented`);
  let responsePointer = `${opPointer}/responses/${key}`;
  let response = at(responsePointer);
  if (isMap(response) && typeof response['$ref'] === 'string') {
    responsePointer = response['$ref'];
    response = at(responsePointer);
  }
  assert.ok(isMap(response));
  const content = response['content'];
  if (!isMap(content)) {
    assert.equal(body, undefined, `${method} ${found.template} ${status} should have no body`);
    return;
  }
  const base = contentType.split(';')[0]?.trim() ?? '';
  if (status >= 400) assert.equal(base, 'application/problem+json', `${method} ${pathname} ${status}: errors are problem+json`);
  const mediaKey = base in content ? base : Object.keys(content).find((k) => k === 'application/octet-stream' || k === '*/*');
  assert.ok(mediaKey, `${method} ${found.template} ${status}: content type ${base} is not documented`);
  if (!base.endsWith('json')) return;
  const schemaPointer = `${responsePointer}/content/${escapePointer(mediaKey)}/schema`;
  let validate = validators.get(schemaPointer);
  if (!validate) {
    validate = ajv.compile({ $ref: `openapi${schemaPointer}` });
    validators.set(schemaPointer, validate);
  }
  assert.ok(validate(body), `${method} ${pathname} ${status} does not match ${schemaPointer}: ${JSON.stringify(validate.errors, null, 1)}\n${JSON.stringify(body)}`);
}

/** A problem+json answer, as the tests read it. */
export interface Problem {
  status?: number;
  kind: string;
  detail?: string;
  conflict?: string;
  limitBytes?: number;
  limitCount?: number;
  errors?: { field: string; code: string }[];
}

/** One email of the dev outbox (`GET /api/_dev/outbox`). */
export interface Mail {
  to: string;
  from: string;
  subject: string;
  body: string;
  kind: string;
  ticketNumber?: string;
}

export interface ApiResponse<T = Json> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
  readonly bytes: Buffer;
}

export interface CallInit {
  readonly token?: string | undefined;
  readonly json?: unknown;
  readonly raw?: Buffer | undefined;
  readonly headers?: Record<string, string>;
  /** The Idempotency-Key of a POST: a fresh one unless given; `null` sends none. */
  readonly key?: string | null | undefined;
  readonly lang?: string;
}

export class Api {
  constructor(readonly baseUrl: string) {}

  async call<T = Json>(method: string, path: string, init: CallInit = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (init.token) headers['Authorization'] = `Bearer ${init.token}`;
    if (init.lang) headers['Accept-Language'] = init.lang;
    if (method === 'POST' && init.key !== null) headers['Idempotency-Key'] = init.key ?? randomUUID();
    let body: string | Buffer | undefined;
    if (init.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(init.json);
    } else if (init.raw) {
      body = init.raw;
    }
    const url = new URL(path, this.baseUrl);
    const res = await fetch(url, { method, headers, body: body ?? null });
    return checked<T>(method, url, res);
  }

  async signIn(email: string, realm: 'product' | 'support_center' = 'product'): Promise<string> {
    const res = await this.call<{ token: string }>('POST', '/api/session', { json: { email, password: PASSWORD, realm } });
    assert.equal(res.status, 201);
    return res.body.token;
  }
}

/** Reads a fetch response and checks it against the contract. */
export async function checked<T = Json>(method: string, url: URL, res: Response): Promise<ApiResponse<T>> {
  const bytes = Buffer.from(await res.arrayBuffer());
  const contentType = res.headers.get('content-type') ?? '';
  const isJson = contentType.includes('json');
  const body = (isJson && bytes.length > 0 ? JSON.parse(bytes.toString('utf8')) : undefined) as T;
  checkAgainstSpec(method, url.pathname, res.status, contentType, isJson ? body : bytes.length > 0 ? bytes : undefined);
  return { status: res.status, headers: res.headers, body, bytes };
}

export interface Started {
  readonly server: SupportServer;
  readonly api: Api;
  readonly url: string;
  readonly dataDir: string;
  /** The store the server runs on (`SUPPORT_TEST_STORE=postgres`: PostgreSQL, else SQLite). */
  readonly storeName: 'sqlite' | 'postgres';
  /** The server's PostgreSQL database, when it runs on one. */
  readonly databaseUrl: string | undefined;
  /** Closes the server and removes its folder (unless `keepData`). */
  close(keepData?: boolean): Promise<void>;
}

/** The PostgreSQL database of each data folder: a server restarted on the same `dataDir` finds its data again. */
const databases = new Map<string, TestDatabase>();

/**
 * A server in a new temp folder (or `dataDir`) on a free port of 127.0.0.1; with
 * `SUPPORT_TEST_STORE=postgres` on a new PostgreSQL database (not with a helpdesk connector,
 * which stages uploads in SQLite), created and dropped with the folder.
 */
export async function start(options: Partial<SupportServerOptions> = {}): Promise<Started> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'support-server-'));
  const all = { autoCloseIntervalMs: 0, dev: true, scryptCost: 1024, ...options, dataDir };
  let database: TestDatabase | undefined;
  if (onPostgres() && !options.connector && !options.store) {
    database = databases.get(dataDir) ?? (await createTestDatabase());
    databases.set(dataDir, database);
    const store = await openPostgresStore({ url: database.url, seedDemo: all.seedDemo ?? true, scryptCost: all.scryptCost, now: all.now ?? ((): Date => new Date()) });
    Object.assign(all, { store });
  }
  const server = createSupportServer(all);
  const { url } = await server.listen(0, '127.0.0.1');
  return {
    server,
    api: new Api(url),
    url,
    dataDir,
    storeName: database ? 'postgres' : 'sqlite',
    databaseUrl: database?.url,
    async close(keepData = false) {
      await server.close();
      if (keepData) return;
      rmSync(dataDir, { recursive: true, force: true });
      databases.delete(dataDir);
      await database?.drop();
    },
  };
}

/** A server on the SQLite store whatever `SUPPORT_TEST_STORE` says: for the tests of that store's own plans and triggers. */
export function startSqlite(options: Partial<SupportServerOptions> = {}): Promise<Started> {
  return start({ ...options, connector: connectorFor({ name: 'sqlite' }) });
}

/**
 * A query on the server's database, SQLite or PostgreSQL (`?` placeholders; written in the SQL
 * both speak): what a test checks the server stored.
 */
export async function sql<R extends Record<string, unknown>>(s: Started, text: string, params: unknown[] = []): Promise<R[]> {
  if (s.databaseUrl === undefined) {
    const statement = s.server.db.prepare(text);
    if (!statement.reader) {
      statement.run(...params);
      return [];
    }
    return statement.all(...params) as R[];
  }
  let n = 0;
  return query<R>(s.databaseUrl, text.replace(/\?/g, () => `$${(n += 1)}`), params);
}

/** How many rows `table` has. */
export async function countRows(s: Started, table: string): Promise<number> {
  const [row] = await sql<{ n: number }>(s, `SELECT COUNT(*) AS n FROM ${table}`);
  return Number(row?.n ?? 0);
}

/** Uploads kept (attached or not): files under DIR/attachments (SQLite) or rows with their bytes (PostgreSQL). */
export async function storedUploads(s: Started): Promise<number> {
  return s.databaseUrl === undefined ? readdirSync(join(s.dataDir, 'attachments')).length : countRows(s, 'attachments');
}

/**
 * The server with its cases in a helpdesk (a mock of it): a 429's wait is recorded in `waits`
 * instead of slept, and every log line goes to `logs` (so a test can look for a leaked key).
 */
export function startWithConnector(spec: ConnectorSpec, waits: number[], logs: string[]): Promise<Started> {
  const sleep = (ms: number): Promise<void> => {
    waits.push(ms);
    return Promise.resolve();
  };
  return start({ connector: connectorFor(spec, { maxRetryWaitMs: 2000, sleep }), log: (line) => logs.push(line) });
}

/** Opens a case through the API as `token` (the demo case with `extra` over it); it must be made. */
export async function openCase<T>(s: Started, token: string, extra: Record<string, unknown> = {}): Promise<T> {
  const res = await s.api.call<T>('POST', '/api/tickets', { token, json: newCase(extra) });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

/** A movable clock for `createSupportServer({ now })`. */
export function clock(startAt = '2025-03-03T09:00:00.000Z'): { now: () => Date; set(iso: string): void; advance(ms: number): void } {
  let t = Date.parse(startAt);
  return {
    now: () => new Date(t),
    set(iso: string) {
      t = Date.parse(iso);
    },
    advance(ms: number) {
      t += ms;
    },
  };
}

export const DAY = 24 * 60 * 60 * 1000;

export const newCase = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  areaId: 'esign',
  productId: 'esignature',
  subject: 'Envelope does not send',
  description: 'Clicking Send does nothing.',
  contactMethod: 'portal',
  ...extra,
});
