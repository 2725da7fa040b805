/**
 * The public API: element classes, adapters, events, the config and its rules, and types.
 * Importing it defines no element; import `support-elements/define/<tag>` (or `define/all`)
 * for that.
 */
export { SupportContact } from './elements/support-contact/support-contact.js';
export { TicketForm } from './elements/ticket-form/ticket-form.js';
export { MyTickets } from './elements/my-tickets/my-tickets.js';
export { SupportTicketDetail } from './elements/my-tickets/ticket-detail.js';
export { SupportSignIn } from './elements/sign-in/sign-in-form.js';
export { SupportSignInHelp } from './elements/support-contact/sign-in-help.js';
export { SupportLauncher } from './elements/support-launcher/support-launcher.js';
export { SupportElement } from './elements/shared/support-element.js';
// Hosts with an element of their own can hand every nested support element one backend, config, session or theme.
export { backendContext, configContext, sessionContext, themeContext, type Theme } from './elements/shared/context.js';

export type * from './adapters/backend.js';
export { FULL_CAPABILITIES, TICKET_SORTS, watchNothing } from './adapters/backend.js';
export { createFetchAdapter, type FetchAdapter, type FetchAdapterOptions } from './adapters/fetch-adapter.js';
export { createMemoryBackend, demoUsers, DEMO_PASSWORD, type MemoryBackend, type MemoryBackendOptions } from './adapters/memory-adapter.js';
export { createZendeskAdapter, type ZendeskAdapterOptions } from './adapters/zendesk-adapter.js';
export { seedHelpCenter, helpCenterLocale, type HelpCenterConfig, type HelpCenterScope } from './core/help-center.js';

export * from './events/events.js';

export * from './core/config.js';
export type * from './core/ticket.js';
export { STATUSES, CONTACT_METHODS } from './core/ticket.js';
export type { Article, Catalog, Category, LocalizedText } from './core/catalog.js';
export { CUSTOM_FIELD_KINDS, customFieldsFor, validateCustomFields, resolveText } from './core/custom-fields.js';
export type { CustomFieldDef, CustomFieldKind, CustomFieldOption, CustomFieldValue, CustomFieldValues, CustomFieldHelpdeskIds } from './core/custom-fields.js';
export type { TicketPrefill, PrefillValue } from './core/prefill.js';
export { SupportError, isSupportError, ERROR_KINDS, VALIDATION_CODES } from './core/errors.js';
export type { ErrorKind, FieldError, ValidationCode, ConflictReason } from './core/errors.js';
export { resolveFlow, formSteps, productAvailability, signInHelpFor, canRequestCallback } from './core/flows.js';
export type { FlowResolution, Availability, CallbackContext } from './core/flows.js';
export { autoCloseAt, isDueForAutoClose, isReadOnly, applyAction } from './core/status.js';
export type { TicketAction, ActionOutcome } from './core/status.js';
export { matchLocale } from './core/locale.js';
export { maySeeCase, mayFollowUp, parseCaseSearch, matchesCaseSearch } from './core/access.js';
export type { CaseParticipants, CaseSearch } from './core/access.js';
export { registerTranslations, type Templates } from './localization/localization.js';
