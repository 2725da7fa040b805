/**
 * SQLite storage of the reference server: opening the database and migrating its schema.
 * Each migration runs once, in order, inside a transaction; `schema_version` records the last.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { foldCase } from '../../src/core/access.js';

export type Db = Database.Database;

const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    realm TEXT NOT NULL,
    password_hash TEXT NOT NULL
  );
  CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    name TEXT NOT NULL,
    plan TEXT NOT NULL,
    position INTEGER NOT NULL
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    active_account_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE TABLE login_failures (email TEXT NOT NULL, ip TEXT NOT NULL, at INTEGER NOT NULL);
  CREATE INDEX login_failures_key ON login_failures (email, ip, at);
  CREATE TABLE tickets (
    number INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    subject TEXT NOT NULL,
    description TEXT NOT NULL,
    area_id TEXT NOT NULL,
    product_id TEXT NOT NULL,
    category_id TEXT,
    subcategory_id TEXT,
    status TEXT NOT NULL,
    contact_method TEXT NOT NULL,
    account_id TEXT NOT NULL,
    requester_name TEXT NOT NULL,
    requester_email TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    activity_at TEXT NOT NULL,
    follow_up_of TEXT,
    locale TEXT NOT NULL
  );
  CREATE INDEX tickets_requester ON tickets (requester_email, updated_at);
  CREATE INDEX tickets_status ON tickets (status, activity_at);
  CREATE TABLE comments (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    ticket_number INTEGER NOT NULL REFERENCES tickets(number),
    author_name TEXT NOT NULL,
    author_email TEXT NOT NULL,
    author_role TEXT NOT NULL,
    body TEXT NOT NULL,
    via TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX comments_ticket ON comments (ticket_number, seq);
  CREATE TABLE attachments (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    token TEXT NOT NULL UNIQUE,
    owner_user_id TEXT NOT NULL,
    ticket_number INTEGER REFERENCES tickets(number),
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    file TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX attachments_ticket ON attachments (ticket_number, seq);
  CREATE TABLE watchers (
    ticket_number INTEGER NOT NULL REFERENCES tickets(number),
    email TEXT NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (ticket_number, email)
  );
  CREATE INDEX watchers_email ON watchers (email);
  CREATE TABLE callbacks (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    ticket_number INTEGER NOT NULL REFERENCES tickets(number),
    phone TEXT NOT NULL,
    requested_at TEXT NOT NULL
  );
  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    to_addr TEXT NOT NULL,
    from_addr TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    ticket_number TEXT,
    kind TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE sign_in_help (
    reference TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    area_id TEXT NOT NULL,
    description TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE idempotency (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    state TEXT NOT NULL,
    status INTEGER,
    content_type TEXT,
    body TEXT,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (scope, key)
  );
  `,
  `
  CREATE TABLE case_rate (user_id TEXT PRIMARY KEY, mark_ms INTEGER NOT NULL);
  CREATE INDEX attachments_orphans ON attachments (owner_user_id, created_at) WHERE ticket_number IS NULL;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Opens (creating when needed) `DIR/support.sqlite` and brings its schema up to date. */
export function openDatabase(dataDir: string): Db {
  mkdirSync(join(dataDir, 'attachments'), { recursive: true });
  const db = new Database(join(dataDir, 'support.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // The case search's folding in SQL: `foldCase` itself, so the SQL and the memory adapter cannot drift apart.
  db.function('ulower', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? foldCase(value) : value === null ? null : String(value),
  );
  migrate(db);
  return db;
}

export function migrate(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
  let version = row?.version ?? 0;
  if (!row) db.prepare('INSERT INTO schema_version (version) VALUES (0)').run();
  while (version < MIGRATIONS.length) {
    const sql = MIGRATIONS[version] ?? '';
    const next = version + 1;
    db.transaction(() => {
      db.exec(sql);
      db.prepare('UPDATE schema_version SET version = ?').run(next);
    })();
    version = next;
  }
}
