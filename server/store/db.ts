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
  // The list and the search (issue 15). `participants` holds one row per case and person who
  // sees it (the requester and each watcher: `maySeeCase`), with the case's sort keys, so that
  // a page is one range of one index; `requester OR watcher` over tickets read the whole table.
  // Triggers keep it, and the per-person counts of `participant_counts`, in step with tickets
  // and watchers. The search reads `subject_folded` (= foldCase(subject), through `ulower`;
  // copied into participants so that checking a person's cases reads one table) and its
  // trigram index `tickets_fts`, also kept by triggers.
  `
  ALTER TABLE tickets ADD COLUMN subject_folded TEXT;
  UPDATE tickets SET subject_folded = ulower(subject);
  CREATE VIRTUAL TABLE tickets_fts USING fts5(
    subject_folded, content = 'tickets', content_rowid = 'number', tokenize = 'trigram case_sensitive 1'
  );
  INSERT INTO tickets_fts (tickets_fts) VALUES ('rebuild');
  CREATE TABLE participants (
    email TEXT NOT NULL,
    number INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    status TEXT NOT NULL,
    subject_folded TEXT,
    PRIMARY KEY (email, number)
  ) WITHOUT ROWID;
  CREATE INDEX participants_updated ON participants (email, updated_at, number);
  CREATE INDEX participants_status ON participants (email, status, updated_at, number);
  CREATE INDEX participants_ticket ON participants (number);
  INSERT INTO participants (email, number, updated_at, status, subject_folded)
    SELECT requester_email, number, updated_at, status, subject_folded FROM tickets;
  INSERT OR IGNORE INTO participants (email, number, updated_at, status, subject_folded)
    SELECT w.email, t.number, t.updated_at, t.status, t.subject_folded FROM watchers w JOIN tickets t ON t.number = w.ticket_number;
  CREATE TABLE participant_counts (
    email TEXT NOT NULL,
    status TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (email, status)
  ) WITHOUT ROWID;
  INSERT INTO participant_counts (email, status, n) SELECT email, status, COUNT(*) FROM participants GROUP BY email, status;

  CREATE TRIGGER participants_count_insert AFTER INSERT ON participants BEGIN
    INSERT INTO participant_counts (email, status, n) VALUES (new.email, new.status, 1)
      ON CONFLICT (email, status) DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER participants_count_delete AFTER DELETE ON participants BEGIN
    UPDATE participant_counts SET n = n - 1 WHERE email = old.email AND status = old.status;
  END;
  CREATE TRIGGER participants_count_update AFTER UPDATE OF status, email ON participants BEGIN
    UPDATE participant_counts SET n = n - 1 WHERE email = old.email AND status = old.status;
    INSERT INTO participant_counts (email, status, n) VALUES (new.email, new.status, 1)
      ON CONFLICT (email, status) DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER tickets_participants_insert AFTER INSERT ON tickets BEGIN
    -- ulower here: whether tickets_fold has run yet depends on the order the triggers fire in.
    INSERT OR IGNORE INTO participants (email, number, updated_at, status, subject_folded)
      VALUES (new.requester_email, new.number, new.updated_at, new.status, ulower(new.subject));
  END;
  CREATE TRIGGER tickets_participants_update AFTER UPDATE OF updated_at, status ON tickets BEGIN
    UPDATE participants SET updated_at = new.updated_at, status = new.status WHERE number = new.number;
  END;
  CREATE TRIGGER tickets_participants_requester AFTER UPDATE OF requester_email ON tickets BEGIN
    DELETE FROM participants WHERE number = old.number AND email = old.requester_email
      AND NOT EXISTS (SELECT 1 FROM watchers w WHERE w.ticket_number = old.number AND w.email = old.requester_email);
    INSERT OR IGNORE INTO participants (email, number, updated_at, status, subject_folded)
      VALUES (new.requester_email, new.number, new.updated_at, new.status, new.subject_folded);
  END;
  CREATE TRIGGER tickets_participants_delete AFTER DELETE ON tickets BEGIN
    DELETE FROM participants WHERE number = old.number;
  END;
  CREATE TRIGGER watchers_participants_insert AFTER INSERT ON watchers BEGIN
    INSERT OR IGNORE INTO participants (email, number, updated_at, status, subject_folded)
      SELECT new.email, t.number, t.updated_at, t.status, t.subject_folded FROM tickets t WHERE t.number = new.ticket_number;
  END;
  CREATE TRIGGER watchers_participants_delete AFTER DELETE ON watchers BEGIN
    DELETE FROM participants WHERE email = old.email AND number = old.ticket_number
      AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.number = old.ticket_number AND t.requester_email = old.email);
  END;

  CREATE TRIGGER tickets_fold AFTER INSERT ON tickets BEGIN
    UPDATE tickets SET subject_folded = ulower(new.subject) WHERE number = new.number;
  END;
  CREATE TRIGGER tickets_refold AFTER UPDATE OF subject ON tickets BEGIN
    UPDATE tickets SET subject_folded = ulower(new.subject) WHERE number = new.number;
  END;
  CREATE TRIGGER tickets_fts_update AFTER UPDATE OF subject_folded ON tickets BEGIN
    INSERT INTO tickets_fts (tickets_fts, rowid, subject_folded)
      SELECT 'delete', old.number, old.subject_folded WHERE old.subject_folded IS NOT NULL;
    INSERT INTO tickets_fts (rowid, subject_folded) SELECT new.number, new.subject_folded WHERE new.subject_folded IS NOT NULL;
    UPDATE participants SET subject_folded = new.subject_folded WHERE number = new.number;
  END;
  CREATE TRIGGER tickets_fts_delete AFTER DELETE ON tickets BEGIN
    INSERT INTO tickets_fts (tickets_fts, rowid, subject_folded)
      SELECT 'delete', old.number, old.subject_folded WHERE old.subject_folded IS NOT NULL;
  END;
  `,
  // Live updates (issue 12): every write to a case appends what changed to `events`, from
  // triggers, so no route can forget it. `seq` is AUTOINCREMENT: never reused after the
  // retention purge, so it serves as the SSE event id a reconnect resumes from.
  `
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_number INTEGER NOT NULL,
    kind TEXT NOT NULL
  );
  CREATE TRIGGER events_created AFTER INSERT ON tickets BEGIN
    INSERT INTO events (ticket_number, kind) VALUES (new.number, 'created');
  END;
  CREATE TRIGGER events_status AFTER UPDATE OF status ON tickets WHEN old.status IS NOT new.status BEGIN
    INSERT INTO events (ticket_number, kind) VALUES (new.number, 'status');
  END;
  CREATE TRIGGER events_comment AFTER INSERT ON comments BEGIN
    INSERT INTO events (ticket_number, kind) VALUES (new.ticket_number, 'comment');
  END;
  CREATE TRIGGER events_attachment_insert AFTER INSERT ON attachments WHEN new.ticket_number IS NOT NULL BEGIN
    INSERT INTO events (ticket_number, kind) VALUES (new.ticket_number, 'attachment');
  END;
  CREATE TRIGGER events_attachment_attach AFTER UPDATE OF ticket_number ON attachments
    WHEN new.ticket_number IS NOT NULL AND old.ticket_number IS NOT new.ticket_number BEGIN
    INSERT INTO events (ticket_number, kind) VALUES (new.ticket_number, 'attachment');
  END;
  CREATE TRIGGER events_watcher_insert AFTER INSERT ON watchers BEGIN
    INSERT INTO events (ticket_number, kind) VALUES (new.ticket_number, 'watcher');
  END;
  CREATE TRIGGER events_watcher_delete AFTER DELETE ON watchers BEGIN
    INSERT INTO events (ticket_number, kind) VALUES (old.ticket_number, 'watcher');
  END;
  CREATE TRIGGER events_callback AFTER INSERT ON callbacks BEGIN
    INSERT INTO events (ticket_number, kind) VALUES (new.ticket_number, 'callback');
  END;
  `,
  // Host JWT sign-in (issue 13): each token id is accepted once, until the token expires.
  `
  CREATE TABLE used_jwt_ids (jti TEXT PRIMARY KEY, expires_ms INTEGER NOT NULL) WITHOUT ROWID;
  `,
  // Custom fields (issue 16): a case's answers, one JSON object per case (store/custom-fields.ts).
  `
  CREATE TABLE ticket_custom_fields (
    ticket_number INTEGER PRIMARY KEY REFERENCES tickets(number) ON DELETE CASCADE,
    values_json TEXT NOT NULL
  );
  `,
  // The list cache's version (issue 15, server/list-cache.ts): every write that can change a
  // list page bumps it, in the writer's transaction.
  `
  CREATE TABLE list_version (id INTEGER PRIMARY KEY CHECK (id = 1), v INTEGER NOT NULL);
  INSERT INTO list_version (id, v) VALUES (1, 0);
  ${['tickets', 'watchers', 'participants']
    .flatMap((table) =>
      ['INSERT', 'UPDATE', 'DELETE'].map(
        (op) => `CREATE TRIGGER list_version_${table}_${op.toLowerCase()} AFTER ${op} ON ${table} BEGIN UPDATE list_version SET v = v + 1; END;`,
      ),
    )
    .join('\n  ')}
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Statements by SQL text, prepared once per database: preparing costs more than most of them take to run. */
const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * `db.prepare(sql)`, once per database and text. Searches with many words make many shapes of
 * one query: past 200 texts the cache starts again, so it keeps the common ones.
 */
export function prepared(db: Db, sql: string): Database.Statement {
  let byText = statements.get(db);
  if (!byText) {
    byText = new Map();
    statements.set(db, byText);
  }
  let statement = byText.get(sql);
  if (!statement) {
    if (byText.size >= 200) byText.clear();
    statement = db.prepare(sql);
    byText.set(sql, statement);
  }
  return statement;
}

/** The list cache's version (see the last migration). */
export function listVersion(db: Db): number {
  return prepared(db, 'SELECT v FROM list_version').pluck(true).get() as number;
}

/** Opens (creating when needed) `DIR/support.sqlite` and brings its schema up to date. */
export function openDatabase(dataDir: string): Db {
  mkdirSync(join(dataDir, 'attachments'), { recursive: true });
  const db = new Database(join(dataDir, 'support.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  registerFunctions(db);
  migrate(db);
  return db;
}

/** The SQL functions the schema's triggers call: every connection that writes needs them. */
export function registerFunctions(db: Db): void {
  // The case search's folding in SQL: `foldCase` itself, so the SQL and the memory adapter cannot drift apart.
  db.function('ulower', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? foldCase(value) : value === null ? null : String(value),
  );
}

/** Runs the migrations not run yet, up to `target` (all of them unless a test says otherwise). */
export function migrate(db: Db, target = MIGRATIONS.length): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
  let version = row?.version ?? 0;
  if (!row) db.prepare('INSERT INTO schema_version (version) VALUES (0)').run();
  while (version < Math.min(target, MIGRATIONS.length)) {
    const sql = MIGRATIONS[version] ?? '';
    const next = version + 1;
    db.transaction(() => {
      db.exec(sql);
      db.prepare('UPDATE schema_version SET version = ?').run(next);
    })();
    version = next;
  }
}
