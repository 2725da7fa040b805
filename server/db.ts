/** The database handle's type, for modules that pass it to the store (the schema is in store/db.ts). */
export type { Db } from './store/db.js';
