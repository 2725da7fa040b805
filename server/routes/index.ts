/**
 * The route table: every operation of docs/openapi.yaml, as data. The request pipeline reads
 * each line's flags (`public`, `rawBody`, `idempotent`) and the contract's request schema.
 */
import type { ApiRoute } from '../context.js';
import { articleRoutes } from './articles.js';
import { attachmentRoutes } from './attachments.js';
import { callMeRoutes } from './call-me.js';
import { commentRoutes } from './comments.js';
import { devRoutes as devCaseRoutes } from './dev.js';
import { devEventRoutes, eventRoutes } from './events.js';
import { healthRoutes } from './health.js';
import { sessionRoutes } from './session.js';
import { sessionJwtRoutes } from './session-jwt.js';
import { signInHelpRoutes } from './sign-in-help.js';
import { ticketRoutes } from './tickets.js';
import { uploadRoutes } from './uploads.js';
import { watcherRoutes } from './watchers.js';

export const apiRoutes: readonly ApiRoute[] = [
  ...sessionRoutes,
  ...articleRoutes,
  ...ticketRoutes,
  ...commentRoutes,
  ...uploadRoutes,
  ...attachmentRoutes,
  ...watcherRoutes,
  ...callMeRoutes,
  ...signInHelpRoutes,
  ...eventRoutes,
  ...healthRoutes,
];

export const devRoutes: readonly ApiRoute[] = [...devCaseRoutes, ...devEventRoutes];
/** Only with a host JWT secret (`--jwt-secret-file`). */
export { sessionJwtRoutes };
