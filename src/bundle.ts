/**
 * Entry of the single-file bundle, for a page with a plain `<script type="module">`: registers
 * every element and exports what such a page needs to wire them (the fetch adapter, events,
 * errors, the seed config). The memory and Zendesk adapters live in the npm modules.
 */
import './define/lazy.js';

export { createFetchAdapter, type FetchAdapter, type FetchAdapterOptions } from './adapters/fetch-adapter.js';
export type * from './adapters/backend.js';
export * from './events/events.js';
export { SupportError, isSupportError } from './core/errors.js';
export type { ErrorKind, FieldError } from './core/errors.js';
export { seedConfig } from './core/config.js';
export type { SupportConfig } from './core/config.js';
export type * from './core/ticket.js';
export { registerTranslations, type Templates } from './localization/localization.js';
