/**
 * The PostgreSQL store's list and search read indexes (issue 17), as the query plans show
 * (`EXPLAIN` plan text, not timings): a page is a range of a `participants` index from the
 * cursor on; a search word, Japanese too, goes through the `pg_trgm` GIN index of
 * `tickets.subject_folded` (5,000 cases of one person among 25,000). Needs SUPPORT_TEST_DATABASE_URL (fails without it).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { foldCase, parseCaseSearch } from '../../src/core/access.js';
import { openPostgresStore } from '../../server/store/postgres.js';
import { pgListSql } from '../../server/store/postgres-cases.js';
import type { ListQuery } from '../../server/store/tickets.js';
import { createTestDatabase, type TestDatabase } from './postgres.js';

const CASES = 5000;
const EMAIL = 'sam@example.com';

describe('PostgreSQL list and search plans', () => {
  let db: TestDatabase;
  let client: pg.Client;

  before(async () => {
    db = await createTestDatabase();
    const store = await openPostgresStore({ url: db.url, seedDemo: false, scryptCost: 1024, now: () => new Date('2025-03-03T09:00:00Z') });
    await store.close();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    // Sam's 5000 cases, through the triggers (participants, events); three of them about a 請求書 (invoice).
    await client.query(
      `INSERT INTO tickets (number, id, subject, subject_folded, description, area_id, product_id, status, contact_method, account_id,
         requester_name, requester_email, created_at, updated_at, activity_at, locale)
       SELECT 10000000 + i, 'id-' || i, s, s, 'd', 'esign', 'esignature', 'open', 'portal', 'acc-northwind', 'Sam Sample', $1,
         to_char(timestamp '2025-01-01' + i * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"'),
         to_char(timestamp '2025-01-01' + i * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"'),
         to_char(timestamp '2025-01-01' + i * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"'), 'ja'
       FROM generate_series(1, $2::int) AS i,
         LATERAL (SELECT CASE WHEN i % 1600 = 0 THEN $3 ELSE 'envelope number ' || i || ' does not send' END AS s) AS subject`,
      [EMAIL, CASES, foldCase('請求書のダウンロードができません')],
    );
    // And 20,000 cases of 100 other people: Sam's are a fifth of the table.
    await client.query(
      `INSERT INTO tickets (number, id, subject, subject_folded, description, area_id, product_id, status, contact_method, account_id,
         requester_name, requester_email, created_at, updated_at, activity_at, locale)
       SELECT 20000000 + i, 'other-' || i, 'printer ' || i, 'printer ' || i, 'd', 'esign', 'esignature', 'open', 'portal', 'acc-x',
         'Other', 'other' || (i % 100) || '@example.com', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', 'en'
       FROM generate_series(1, 20000) AS i`,
    );
    // As autovacuum would: moves the GIN index's pending entries into the index, and gathers statistics.
    await client.query('VACUUM ANALYZE');
  });

  after(async () => {
    await client?.end();
    await db?.drop();
  });

  const plan = async (query: ListQuery, which: 'page' | 'count'): Promise<string> => {
    const sql = pgListSql(query);
    const params = which === 'page' ? sql.params : sql.params.slice(0, sql.countParams);
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${which === 'page' ? sql.page : sql.count}`, params);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  };
  const base: ListQuery = { email: EMAIL, status: undefined, search: undefined, sort: 'updated_desc', limit: 51, cursor: undefined };

  it('a page, first or after a cursor, is a range of a participants index (no scan of tickets)', async () => {
    for (const query of [base, { ...base, cursor: { u: '2025-01-02T00:00:00.000Z', n: 10001440 } }, { ...base, status: 'open' as const }, { ...base, sort: 'number_asc' as const }]) {
      const text = await plan(query, 'page');
      assert.match(text, /Index (Only )?Scan (Backward )?using participants_\w+ on participants/, text);
      assert.doesNotMatch(text, /Seq Scan on tickets/, text);
    }
    // The total without a search reads the person's range of a participants index, no join:
    // an index-only scan once the visibility map is set, else a bitmap scan of the same index
    // (which one depends on what VACUUM could mark all-visible while other tests write).
    const total = await plan(base, 'count');
    assert.match(total, /(Index Only Scan using|Bitmap Index Scan on) participants_\w+/, total);
    assert.doesNotMatch(total, /tickets/, total);
  });

  it('a Japanese search word goes through the trigram index of the folded subject', async () => {
    const search = parseCaseSearch('請求書');
    assert.ok(search);
    for (const which of ['page', 'count'] as const) {
      const text = await plan({ ...base, search }, which);
      assert.match(text, /Bitmap Index Scan on tickets_subject_trgm/, text);
      assert.doesNotMatch(text, /Seq Scan on tickets/, text);
    }
  });

  it('the search finds the three Japanese cases', async () => {
    const search = parseCaseSearch('請求書');
    assert.ok(search);
    const sql = pgListSql({ ...base, search });
    const { rows } = await client.query<{ number: number }>(sql.page, sql.params);
    assert.deepEqual(rows.map((r) => r.number).sort(), [10001600, 10003200, 10004800]);
  });
});
