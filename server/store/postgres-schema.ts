/**
 * The PostgreSQL schema of the reference server and its versioned migrations. They run at
 * start under a session advisory lock (`pg_advisory_lock`), so that several processes started
 * at once migrate (and seed) once: the others wait, then find `schema_version` up to date.
 *
 * The same tables as the SQLite schema (store/db.ts), with what several processes need:
 * attachments' bytes in `bytea`; `participants` (one row per case and person who may see it,
 * with the case's sort keys) kept by triggers for keyset pages; `tickets.subject_folded`
 * (= foldCase(subject), computed in JS on write) with a `pg_trgm` GIN index for the search;
 * the `events` log written by triggers, each insert announced by `NOTIFY support_events`.
 * Event seqs are taken under a transaction advisory lock, so they commit in seq order and a
 * reader that has seen seq N never later finds a smaller one: `Last-Event-ID` resume is exact.
 */
import type { PoolClient } from 'pg';

/** The advisory lock keys of this schema (arbitrary, fixed). */
export const LOCKS = { migrate: 0x5e1ec701, events: 0x5e1ec702, autoClose: 0x5e1ec703 } as const;
export const EVENTS_CHANNEL = 'support_events';

const MIGRATIONS: readonly string[] = [
  `
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE users (
    id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, realm TEXT NOT NULL, password_hash TEXT NOT NULL
  );
  CREATE TABLE accounts (
    id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), name TEXT NOT NULL, plan TEXT NOT NULL, position INTEGER NOT NULL
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), active_account_id TEXT NOT NULL,
    created_at TEXT NOT NULL, expires_at TEXT NOT NULL
  );
  CREATE INDEX sessions_expires ON sessions (expires_at);
  CREATE TABLE login_failures (email TEXT NOT NULL, ip TEXT NOT NULL, at BIGINT NOT NULL);
  CREATE INDEX login_failures_key ON login_failures (email, ip, at);
  CREATE SEQUENCE ticket_numbers START 10000001;
  CREATE TABLE tickets (
    number INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, subject TEXT NOT NULL, subject_folded TEXT NOT NULL,
    description TEXT NOT NULL, area_id TEXT NOT NULL, product_id TEXT NOT NULL, category_id TEXT, subcategory_id TEXT,
    status TEXT NOT NULL, contact_method TEXT NOT NULL, account_id TEXT NOT NULL, requester_name TEXT NOT NULL,
    requester_email TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, activity_at TEXT NOT NULL,
    follow_up_of TEXT, locale TEXT NOT NULL
  );
  CREATE INDEX tickets_status ON tickets (status, activity_at);
  CREATE INDEX tickets_subject_trgm ON tickets USING gin (subject_folded gin_trgm_ops);
  CREATE TABLE comments (
    seq SERIAL PRIMARY KEY, id TEXT NOT NULL UNIQUE, ticket_number INTEGER NOT NULL REFERENCES tickets(number),
    author_name TEXT NOT NULL, author_email TEXT NOT NULL, author_role TEXT NOT NULL, body TEXT NOT NULL, via TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX comments_ticket ON comments (ticket_number, seq);
  CREATE TABLE attachments (
    seq SERIAL PRIMARY KEY, id TEXT NOT NULL UNIQUE, token TEXT NOT NULL UNIQUE, owner_user_id TEXT NOT NULL,
    ticket_number INTEGER REFERENCES tickets(number), name TEXT NOT NULL, size INTEGER NOT NULL, content_type TEXT NOT NULL,
    file TEXT NOT NULL, bytes BYTEA NOT NULL, created_at TEXT NOT NULL
  );
  CREATE INDEX attachments_ticket ON attachments (ticket_number, seq);
  CREATE INDEX attachments_orphans ON attachments (owner_user_id, created_at) WHERE ticket_number IS NULL;
  CREATE TABLE watchers (
    ticket_number INTEGER NOT NULL REFERENCES tickets(number), email TEXT NOT NULL, added_at TEXT NOT NULL,
    PRIMARY KEY (ticket_number, email)
  );
  CREATE TABLE callbacks (
    seq SERIAL PRIMARY KEY, id TEXT NOT NULL UNIQUE, ticket_number INTEGER NOT NULL REFERENCES tickets(number),
    phone TEXT NOT NULL, requested_at TEXT NOT NULL
  );
  CREATE TABLE outbox (
    id SERIAL PRIMARY KEY, to_addr TEXT NOT NULL, from_addr TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL,
    ticket_number TEXT, kind TEXT NOT NULL, created_at TEXT NOT NULL
  );
  CREATE TABLE sign_in_help (
    reference TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, area_id TEXT NOT NULL, description TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE idempotency (
    scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, state TEXT NOT NULL, status INTEGER,
    content_type TEXT, body TEXT, created_at BIGINT NOT NULL,
    PRIMARY KEY (scope, key)
  );
  CREATE INDEX idempotency_created ON idempotency (created_at);
  CREATE TABLE case_rate (user_id TEXT PRIMARY KEY, mark_ms BIGINT NOT NULL);
  CREATE TABLE used_jwt_ids (jti TEXT PRIMARY KEY, expires_ms BIGINT NOT NULL);

  CREATE TABLE participants (
    email TEXT NOT NULL, number INTEGER NOT NULL, updated_at TEXT NOT NULL, status TEXT NOT NULL,
    PRIMARY KEY (email, number)
  );
  CREATE INDEX participants_updated ON participants (email, updated_at, number);
  CREATE INDEX participants_status ON participants (email, status, updated_at, number);
  CREATE INDEX participants_ticket ON participants (number);

  CREATE TABLE events (seq SERIAL PRIMARY KEY, ticket_number INTEGER NOT NULL, kind TEXT NOT NULL);

  CREATE FUNCTION log_event(p_number INTEGER, p_kind TEXT) RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    -- Held until commit: events commit in the order of their seqs.
    PERFORM pg_advisory_xact_lock(${LOCKS.events});
    INSERT INTO events (ticket_number, kind) VALUES (p_number, p_kind);
  END $$;
  CREATE FUNCTION events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM pg_notify('${EVENTS_CHANNEL}', NEW.seq::text);
    RETURN NULL;
  END $$;
  CREATE TRIGGER events_notify AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION events_notify();

  CREATE FUNCTION tickets_changed() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO participants (email, number, updated_at, status) VALUES (NEW.requester_email, NEW.number, NEW.updated_at, NEW.status)
        ON CONFLICT DO NOTHING;
      PERFORM log_event(NEW.number, 'created');
    ELSE
      IF NEW.updated_at IS DISTINCT FROM OLD.updated_at OR NEW.status IS DISTINCT FROM OLD.status THEN
        UPDATE participants SET updated_at = NEW.updated_at, status = NEW.status WHERE number = NEW.number;
      END IF;
      IF NEW.status IS DISTINCT FROM OLD.status THEN PERFORM log_event(NEW.number, 'status'); END IF;
    END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER tickets_changed AFTER INSERT OR UPDATE ON tickets FOR EACH ROW EXECUTE FUNCTION tickets_changed();

  CREATE FUNCTION watchers_changed() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO participants (email, number, updated_at, status)
        SELECT NEW.email, t.number, t.updated_at, t.status FROM tickets t WHERE t.number = NEW.ticket_number
        ON CONFLICT DO NOTHING;
      PERFORM log_event(NEW.ticket_number, 'watcher');
    ELSE
      DELETE FROM participants p WHERE p.email = OLD.email AND p.number = OLD.ticket_number
        AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.number = OLD.ticket_number AND t.requester_email = OLD.email);
      PERFORM log_event(OLD.ticket_number, 'watcher');
    END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER watchers_changed AFTER INSERT OR DELETE ON watchers FOR EACH ROW EXECUTE FUNCTION watchers_changed();

  CREATE FUNCTION case_part_added() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_TABLE_NAME = 'attachments' THEN
      IF NEW.ticket_number IS NOT NULL AND (TG_OP = 'INSERT' OR OLD.ticket_number IS DISTINCT FROM NEW.ticket_number) THEN
        PERFORM log_event(NEW.ticket_number, 'attachment');
      END IF;
    ELSIF TG_TABLE_NAME = 'comments' THEN
      PERFORM log_event(NEW.ticket_number, 'comment');
    ELSE
      PERFORM log_event(NEW.ticket_number, 'callback');
    END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER comments_event AFTER INSERT ON comments FOR EACH ROW EXECUTE FUNCTION case_part_added();
  CREATE TRIGGER callbacks_event AFTER INSERT ON callbacks FOR EACH ROW EXECUTE FUNCTION case_part_added();
  CREATE TRIGGER attachments_event AFTER INSERT OR UPDATE OF ticket_number ON attachments FOR EACH ROW EXECUTE FUNCTION case_part_added();
  `,
  // A case's answers to the config's custom fields (src/core/custom-fields.ts), as the SQLite
  // store keeps them (store/custom-fields.ts): one object per case, none when it has no answers.
  `
  CREATE TABLE ticket_custom_fields (ticket_number INTEGER PRIMARY KEY REFERENCES tickets(number), values_json JSONB NOT NULL);
  `,
  // The list cache's version (issue 15, server/list-cache.ts). A row, not a sequence: the new
  // value becomes visible when the write commits, with the write, never before it (a process
  // that saw a sequence's next value early could file an old page under it). Once per
  // statement: a statement's rows are one change for the cache.
  `
  CREATE TABLE list_version (id INTEGER PRIMARY KEY CHECK (id = 1), v BIGINT NOT NULL);
  INSERT INTO list_version (id, v) VALUES (1, 0);
  CREATE FUNCTION bump_list_version() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    UPDATE list_version SET v = v + 1 WHERE id = 1;
    RETURN NULL;
  END $$;
  CREATE TRIGGER tickets_list_version AFTER INSERT OR UPDATE OR DELETE ON tickets FOR EACH STATEMENT EXECUTE FUNCTION bump_list_version();
  CREATE TRIGGER watchers_list_version AFTER INSERT OR UPDATE OR DELETE ON watchers FOR EACH STATEMENT EXECUTE FUNCTION bump_list_version();
  CREATE TRIGGER participants_list_version AFTER INSERT OR UPDATE OR DELETE ON participants FOR EACH STATEMENT EXECUTE FUNCTION bump_list_version();
  `,
];

export const PG_SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Runs the migrations not run yet, each in its own transaction, holding the migration lock;
 * then `whileLocked` (the first start's seed) before the lock is released.
 */
export async function migratePostgres(client: PoolClient, whileLocked: () => Promise<void>): Promise<void> {
  await client.query('SELECT pg_advisory_lock($1)', [LOCKS.migrate]);
  try {
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const found = await client.query<{ version: number }>('SELECT version FROM schema_version');
    let version = found.rows[0]?.version ?? 0;
    if (found.rows.length === 0) await client.query('INSERT INTO schema_version (version) VALUES (0)');
    while (version < MIGRATIONS.length) {
      await client.query('BEGIN');
      try {
        await client.query(MIGRATIONS[version] ?? '');
        await client.query('UPDATE schema_version SET version = $1', [version + 1]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      version += 1;
    }
    await whileLocked();
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCKS.migrate]);
  }
}
