/**
 * The list's SQL reads indexes, not the table (issue 15): EXPLAIN QUERY PLAN of every shape
 * of list query (sorts, status, search kinds, cursor) shows no scan of `tickets` or
 * `participants`; and the tables the list reads (`participants`, `participant_counts`,
 * `tickets_fts`) stay in step with tickets and watchers through every write, and are built
 * for the cases already there when migration 2 runs. No timings here: `npm run bench:server`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { TICKET_SORTS } from '../../src/adapters/backend.js';
import { parseCaseSearch } from '../../src/core/access.js';
import { STATUSES } from '../../src/core/ticket.js';
import { listSql, migrate, registerFunctions, SCHEMA_VERSION, type Db, type ListQuery } from '../../server/store.js';
import { newCase, startSqlite, type Started } from './helpers.js';

const plan = (db: Db, sql: string, bind: Record<string, string | number>): string[] =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(bind) as { detail: string }[]).map((row) => row.detail);

/**
 * What a plan may not do: read every row of a table. A `SCAN` is allowed only of the page
 * itself (at most `limit` rows) or of `json_each(@ids)`, the numbers the trigram index found.
 */
const fullScans = (details: readonly string[]): string[] =>
  details.filter((d) => /^SCAN /.test(d) && !/^SCAN (page|CONSTANT ROW)$/.test(d) && !/^SCAN json_each VIRTUAL TABLE/.test(d));

/** The participants and counts the triggers should have kept, derived from tickets and watchers. */
function expectedParticipants(db: Db): { rows: unknown[]; counts: unknown[] } {
  const rows = db
    .prepare(
      `SELECT email, number, updated_at, status, subject_folded FROM (
         SELECT requester_email AS email, number, updated_at, status, subject_folded FROM tickets
         UNION SELECT w.email, t.number, t.updated_at, t.status, t.subject_folded FROM watchers w JOIN tickets t ON t.number = w.ticket_number)
       ORDER BY email, number`,
    )
    .all();
  const counts = db
    .prepare(
      `SELECT email, status, COUNT(*) AS n FROM (
         SELECT requester_email AS email, number, status FROM tickets
         UNION SELECT w.email, t.number, t.status FROM watchers w JOIN tickets t ON t.number = w.ticket_number)
       GROUP BY email, status ORDER BY email, status`,
    )
    .all();
  return { rows, counts };
}

function actualParticipants(db: Db): { rows: unknown[]; counts: unknown[] } {
  return {
    rows: db.prepare('SELECT email, number, updated_at, status, subject_folded FROM participants ORDER BY email, number').all(),
    counts: db.prepare('SELECT email, status, n FROM participant_counts WHERE n > 0 ORDER BY email, status').all(),
  };
}

describe('list query plans', () => {
  let s: Started;
  before(async () => {
    s = await startSqlite({ seedDemo: true });
  });
  after(() => s.close());

  test('every shape of list query reads index ranges only (no SCAN tickets, no SCAN participants)', () => {
    const searches = [undefined, 'printer', 'jam printer', '印刷', '請求書', 'ab', 'ab printer', '#1000', '12'];
    let shapes = 0;
    for (const sort of TICKET_SORTS) {
      for (const status of [undefined, ...STATUSES]) {
        for (const text of searches) {
          for (const [cursor, walk] of [[undefined, false], [{ u: '2025-01-01T00:00:00.000Z', n: 10000005 }, false], [undefined, true]] as const) {
            const query: ListQuery = { email: 'sam@example.com', status, search: parseCaseSearch(text), sort, limit: 51, cursor };
            const { page, count, bind } = listSql(query, walk);
            for (const [what, sql] of [['page', page], ['count', count]] as const) {
              const details = plan(s.server.db, sql, bind);
              const label = `${what} of ${JSON.stringify({ sort, status, text, cursor: Boolean(cursor), walk })}: ${details.join(' | ')}`;
              assert.deepEqual(fullScans(details), [], label);
              assert.ok(details.some((d) => /^SEARCH p USING ((COVERING )?INDEX participants_\w+|PRIMARY KEY)/.test(d)), label);
              // A sort only of what the trigram index found, never of all of a person's cases.
              if (details.some((d) => /USE TEMP B-TREE FOR ORDER BY/.test(d))) {
                assert.ok(details.some((d) => /^SCAN json_each VIRTUAL TABLE/.test(d)), `no sort of the rows: ${label}`);
              }
            }
            shapes++;
          }
        }
      }
    }
    assert.equal(shapes, 4 * 5 * 9 * 3);
  });

  test('a first page without a search counts from participant_counts (at most one row per status)', () => {
    const { count, bind } = listSql({ email: 'sam@example.com', status: undefined, search: undefined, sort: 'updated_desc', limit: 51, cursor: undefined });
    assert.match(count, /FROM participant_counts/);
    assert.deepEqual(plan(s.server.db, count, bind), ['SEARCH p USING PRIMARY KEY (email=?)']);
  });

  test('a search of words of 3 characters or more goes through the trigram index; shorter words cannot', () => {
    const fts = (text: string): string | undefined =>
      listSql({ email: 'sam@example.com', status: undefined, search: parseCaseSearch(text), sort: 'updated_desc', limit: 51, cursor: undefined }).fts;
    assert.equal(fts('printer'), '"printer"');
    assert.equal(fts('請求書'), '"請求書"');
    assert.equal(fts('ab printer "jam'), '"printer" AND """jam"', 'quoted: FTS5 syntax in a word is text');
    assert.equal(fts('印刷'), undefined);
    assert.equal(fts('ab'), undefined);
    const { page } = listSql({ email: 'x', status: undefined, search: parseCaseSearch('printer'), sort: 'updated_desc', limit: 51, cursor: undefined });
    assert.match(page, /p\.number IN \(SELECT value FROM json_each\(@ids\)\)/);
  });
});

describe('participants, counts and the trigram index stay in step', () => {
  let s: Started;
  let sam: string;
  before(async () => {
    s = await startSqlite({ seedDemo: true });
    sam = await s.api.signIn('sam@example.com');
  });
  after(() => s.close());

  test("through creating, watching (one's own case too), unwatching, status changes and auto-close", async () => {
    const db = s.server.db;
    assert.deepEqual(actualParticipants(db), expectedParticipants(db), 'the demo seed');
    const numbers: string[] = [];
    for (const subject of ['Printer jam', '請求書が届かない', 'Third case']) {
      const res = await s.api.call<{ number: string }>('POST', '/api/tickets', { token: sam, json: newCase({ subject }) });
      assert.equal(res.status, 201);
      numbers.push(res.body.number);
    }
    const [a = '', b = '', c = ''] = numbers;
    const watch = (n: string, email: string) => s.api.call('POST', `/api/tickets/${n}/watchers`, { token: sam, json: { email } });
    assert.equal((await watch(a, 'alex@example.com')).status, 201);
    assert.equal((await watch(a, 'sam@example.com')).status, 201, 'the requester watching their own case');
    assert.equal((await watch(b, 'pat@example.com')).status, 201);
    assert.deepEqual(actualParticipants(db), expectedParticipants(db), 'after watching');
    assert.equal((await s.api.call('DELETE', `/api/tickets/${a}/watchers/sam%40example.com`, { token: sam })).status, 200);
    assert.equal(
      (db.prepare('SELECT COUNT(*) AS n FROM participants WHERE email = ? AND number = ?').get('sam@example.com', Number(a)) as { n: number }).n,
      1,
      "unwatching one's own case keeps it in the list",
    );
    assert.equal((await s.api.call('DELETE', `/api/tickets/${a}/watchers/alex%40example.com`, { token: sam })).status, 200);
    for (const status of ['pending', 'action_required', 'closed'] as const) {
      const res = await s.api.call('POST', `/api/_dev/tickets/${c}/agent-comment`, { json: { status } });
      assert.equal(res.status, 201);
      assert.deepEqual(actualParticipants(db), expectedParticipants(db), `after ${status}`);
    }
    assert.equal((await s.api.call('POST', `/api/_dev/tickets/${b}/agent-comment`, { json: { status: 'pending' } })).status, 201);
    assert.equal((await s.api.call('POST', `/api/tickets/${b}/comments`, { token: sam, json: { body: 'Still there?' } })).status, 201);
    await s.server.runAutoClose();
    assert.deepEqual(actualParticipants(db), expectedParticipants(db), 'at the end');

    const indexed = db.prepare("SELECT rowid AS number FROM tickets_fts WHERE tickets_fts MATCH '\"請求書\"'").all() as { number: number }[];
    assert.deepEqual(indexed.map((r) => r.number), [Number(b)]);
    const folded = db.prepare('SELECT COUNT(*) AS n FROM tickets WHERE subject_folded IS NOT ulower(subject)').get() as { n: number };
    assert.equal(folded.n, 0, 'subject_folded is foldCase(subject) on every case');
  });

  test('a case written straight into the table (not through the store) is folded and indexed by the triggers', () => {
    const db = s.server.db;
    db.prepare(
      `INSERT INTO tickets (number, id, subject, description, area_id, product_id, status, contact_method, account_id,
        requester_name, requester_email, created_at, updated_at, activity_at, locale)
       VALUES (30000001, 'raw-1', 'ÜBERWEISUNG Scheitert', 'd', 'esign', 'esignature', 'open', 'portal', 'acc-northwind',
        'Sam Sample', 'sam@example.com', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', 'de')`,
    ).run();
    assert.deepEqual(db.prepare('SELECT subject_folded FROM tickets WHERE number = 30000001').get(), { subject_folded: 'überweisung scheitert' });
    assert.deepEqual(db.prepare("SELECT rowid AS n FROM tickets_fts WHERE tickets_fts MATCH '\"überweis\"'").all(), [{ n: 30000001 }]);
    db.prepare("UPDATE tickets SET subject = 'Renamed' WHERE number = 30000001").run();
    assert.deepEqual(db.prepare("SELECT rowid AS n FROM tickets_fts WHERE tickets_fts MATCH '\"überweis\"'").all(), []);
    assert.deepEqual(db.prepare("SELECT rowid AS n FROM tickets_fts WHERE tickets_fts MATCH '\"renamed\"'").all(), [{ n: 30000001 }]);
    assert.deepEqual(actualParticipants(db), expectedParticipants(db));
  });
});

test('migration 2 builds participants, counts, folded subjects and the trigram index for the cases already there', () => {
  const dir = mkdtempSync(join(tmpdir(), 'support-migrate-'));
  const db = new Database(join(dir, 'old.sqlite'));
  try {
    registerFunctions(db);
    migrate(db, 1);
    db.prepare("INSERT INTO users (id, email, name, realm, password_hash) VALUES ('u1', 'sam@example.com', 'Sam', 'product', 'x')").run();
    const insert = db.prepare(
      `INSERT INTO tickets (number, id, subject, description, area_id, product_id, status, contact_method, account_id,
        requester_name, requester_email, created_at, updated_at, activity_at, locale)
       VALUES (?, ?, ?, 'd', 'esign', 'esignature', ?, 'portal', 'acc', 'Sam', ?, ?, ?, ?, 'en')`,
    );
    const at = '2025-01-01T00:00:00.000Z';
    insert.run(10000001, 'a', 'Printer JAM', 'open', 'sam@example.com', at, at, at);
    insert.run(10000002, 'b', '印刷できません', 'closed', 'alex@example.com', at, at, at);
    insert.run(10000003, 'c', 'Other', 'pending', 'alex@example.com', at, at, at);
    db.prepare("INSERT INTO watchers (ticket_number, email, added_at) VALUES (10000002, 'sam@example.com', ?), (10000001, 'sam@example.com', ?)").run(at, at);

    migrate(db);
    assert.deepEqual(db.prepare('SELECT version FROM schema_version').get(), { version: SCHEMA_VERSION });
    assert.deepEqual(actualParticipants(db), expectedParticipants(db));
    assert.deepEqual(db.prepare("SELECT n FROM participant_counts WHERE email = 'sam@example.com' ORDER BY status").all(), [{ n: 1 }, { n: 1 }]);
    assert.deepEqual(db.prepare("SELECT rowid AS n FROM tickets_fts WHERE tickets_fts MATCH '\"printer jam\"'").all(), [{ n: 10000001 }]);
    assert.deepEqual(db.prepare("SELECT rowid AS n FROM tickets_fts WHERE tickets_fts MATCH '\"できま\"'").all(), [{ n: 10000002 }]);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
