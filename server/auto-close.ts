/**
 * The auto-close job: closes every pending case whose last activity is `autoCloseDays` old
 * (status.ts `isDueForAutoClose`), with its closing email, and forgets what has expired
 * (idempotency keys after 7 days, failed sign-ins, sessions, and uploads left unattached for
 * 24 h with their files: `sweepOrphans`).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SupportConfig } from '../src/core/config.js';
import { isDueForAutoClose } from '../src/core/status.js';
import type { Db } from './store.js';
import { IDEMPOTENCY_TTL_MS } from './idempotency.js';
import { notifyClosed } from './notify.js';
import { LOGIN_WINDOW_MS } from './routes/session.js';
import { act } from './routes/shared.js';
import { formatNumber, getTicketRow, pendingTickets, purgeAccounts, purgeIdempotency, sweepOrphanUploads, type TicketRow } from './store.js';

/** Runs the job at `at`; returns the numbers of the cases it closed. */
export function autoClose(
  parts: { readonly db: Db; readonly config: SupportConfig; ticketLink(number: string, locale: string): string | undefined },
  at: Date,
): string[] {
  const { db, config } = parts;
  const due = (row: TicketRow): boolean => isDueForAutoClose({ status: row.status, activityAt: row.activity_at }, config.autoCloseDays, at);
  const closed: string[] = [];
  for (const row of pendingTickets(db)) {
    if (!due(row)) continue;
    // Read again inside the transaction: a comment may have reopened the case meanwhile.
    db.transaction(() => {
      const fresh = getTicketRow(db, row.number);
      if (!fresh || !due(fresh)) return;
      act(db, fresh, { type: 'set_status', to: 'closed' }, at.toISOString());
      notifyClosed(db, fresh, parts.ticketLink, at.toISOString(), true, config.autoCloseDays);
      closed.push(formatNumber(fresh.number));
    })();
  }
  purgeIdempotency(db, at.getTime() - IDEMPOTENCY_TTL_MS);
  purgeAccounts(db, at.getTime() - LOGIN_WINDOW_MS, at.toISOString());
  return closed;
}

/** Removes the uploads attached to no case since before `beforeIso` (rows and files under `DIR/attachments/`); returns how many. */
export function sweepOrphans(db: Db, dataDir: string, beforeIso: string): number {
  const files = sweepOrphanUploads(db, beforeIso);
  for (const file of files) rmSync(join(dataDir, 'attachments', file), { force: true });
  return files.length;
}
