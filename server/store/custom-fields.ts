/**
 * A case's answers to the config's custom fields (src/core/custom-fields.ts): one JSON object
 * per case in `ticket_custom_fields` (migration 'custom fields' in db.ts), written with the
 * case, read with it. Cases without answers have no row.
 */
import { isCustomFieldValues, type CustomFieldValues } from '../../src/core/custom-fields.js';
import type { Db } from './db.js';

export function saveCustomFields(db: Db, number: number, values: CustomFieldValues | undefined): void {
  if (!values || Object.keys(values).length === 0) return;
  db.prepare('INSERT INTO ticket_custom_fields (ticket_number, values_json) VALUES (?, ?)').run(number, JSON.stringify(values));
}

/** The case's answers as the ticket carries them: `{ customFields }`, or nothing when it has none. */
export function customFieldsPart(db: Db, number: number): { customFields?: CustomFieldValues } {
  const row = db.prepare('SELECT values_json FROM ticket_custom_fields WHERE ticket_number = ?').get(number) as { values_json: string } | undefined;
  if (!row) return {};
  const values: unknown = JSON.parse(row.values_json);
  return isCustomFieldValues(values) ? { customFields: values } : {};
}
