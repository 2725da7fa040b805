/**
 * The reference server's storage: every SQL statement of the server is in server/store/ (the
 * schema and its migrations in store/db.ts). Routes call these functions; they never prepare SQL.
 */
export * from './store/accounts.js';
export * from './store/attachments.js';
export * from './store/db.js';
export * from './store/idempotency.js';
export * from './store/limits.js';
export * from './store/meta.js';
export * from './store/outbox.js';
export * from './store/tickets.js';
export * from './store/events.js';
