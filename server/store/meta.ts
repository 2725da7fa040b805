/**
 * The server's own settings in SQLite, and the sign-in help requests it received.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from './db.js';

/** The secret that signs download links: made at the first start, kept across restarts. */
export function urlSecret(db: Db): string {
  db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('url_secret', randomBytes(32).toString('base64url'));
  return (db.prepare("SELECT value FROM meta WHERE key = 'url_secret'").get() as { value: string }).value;
}

export function insertSignInHelp(db: Db, r: { reference: string; name: string; email: string; areaId: string; description: string; at: string }): void {
  db.prepare('INSERT INTO sign_in_help (reference, name, email, area_id, description, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    r.reference,
    r.name,
    r.email,
    r.areaId,
    r.description,
    r.at,
  );
}

