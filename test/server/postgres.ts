/**
 * PostgreSQL for the server tests (issue 17). `SUPPORT_TEST_DATABASE_URL` is a superuser URL
 * (scripts/test.mjs starts a throwaway cluster and sets it); each server gets a database of
 * its own, dropped when the test is done. `SUPPORT_TEST_STORE=postgres` runs every server test
 * of helpers.ts `start()` on PostgreSQL instead of SQLite.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const NO_POSTGRES = 'no PostgreSQL: set SUPPORT_TEST_DATABASE_URL';

/** Whether the server tests run on PostgreSQL (`SUPPORT_TEST_STORE=postgres`). */
export const onPostgres = (): boolean => process.env['SUPPORT_TEST_STORE'] === 'postgres';

/** The superuser URL; throws (the test fails, under CI or not) when there is none. */
export function adminUrl(): string {
  const url = process.env['SUPPORT_TEST_DATABASE_URL'];
  if (!url) throw new Error(NO_POSTGRES);
  return url;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** A new empty database; `drop()` removes it (ending its connections first). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `support_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
  };
}

/** One query on a test database (a test looking at what the server stored). */
export async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  // COUNT(*) is a BIGINT: read as a number, as SQLite gives it.
  const types = { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === 20 ? Number : pg.types.getTypeParser(oid, format))) as pg.CustomTypesConfig['getTypeParser'] };
  const client = new pg.Client({ connectionString: url, types });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
