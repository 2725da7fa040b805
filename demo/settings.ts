/**
 * The demo's settings: what the toolbar offers, and how a view is written in the URL
 * (`?locale=fr&theme=dark&width=320&backend=memory&user=sam&element=ticket-form`), so any
 * view is a link. Unknown or missing values fall back to the defaults.
 */
import { DEMO_PASSWORD } from '../src/adapters/memory-adapter.js';
import { PSEUDO_LOCALE } from '../src/localization/pseudo-locale.js';

export { DEMO_PASSWORD };

interface Choice<T extends string> {
  readonly value: T;
  readonly label: string;
}

export const LOCALES = [
  { value: 'en', label: 'English (en)' },
  { value: 'fr', label: 'Français (fr)' },
  { value: 'de', label: 'Deutsch (de)' },
  { value: 'pt-BR', label: 'Português do Brasil (pt-BR)' },
  { value: 'ja', label: '日本語 (ja)' },
  { value: PSEUDO_LOCALE, label: `Pseudo-locale (${PSEUDO_LOCALE})` },
] as const satisfies readonly Choice<string>[];

export const THEMES = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'brand', label: 'Brand (custom --se-* theme)' },
  { value: 'system', label: 'System (prefers-color-scheme)' },
] as const satisfies readonly Choice<string>[];

export const WIDTHS = [
  { value: 'desktop', label: 'Desktop (full width)' },
  { value: '768', label: 'Tablet (768 px)' },
  { value: '320', label: 'Phone (320 px)' },
] as const satisfies readonly Choice<string>[];

export const BACKENDS = [
  { value: 'server', label: 'Reference server (/api)' },
  { value: 'memory', label: 'In-browser (memory, 300 ms latency)' },
] as const satisfies readonly Choice<string>[];

export const USERS = [
  { value: 'alex', label: 'One account (alex@example.com)' },
  { value: 'sam', label: 'Two accounts (sam@example.com)' },
  { value: 'none', label: 'Signed out' },
] as const satisfies readonly Choice<string>[];

export const ELEMENTS = [
  { value: 'support-contact', label: '<support-contact>' },
  { value: 'ticket-form', label: '<ticket-form>' },
  { value: 'my-tickets', label: '<my-tickets>' },
] as const satisfies readonly Choice<string>[];

export const AREAS = [
  { value: '', label: '(the form asks)' },
  { value: 'esign', label: 'eSignature, Rooms & CLM (esign)' },
  { value: 'seal', label: 'Protect & Sign, CLM.CM … (seal)' },
] as const satisfies readonly Choice<string>[];

type ValueOf<T extends readonly Choice<string>[]> = T[number]['value'];

export type DemoLocale = ValueOf<typeof LOCALES>;
export type DemoTheme = ValueOf<typeof THEMES>;
export type DemoWidth = ValueOf<typeof WIDTHS>;
export type DemoBackend = ValueOf<typeof BACKENDS>;
export type DemoUser = ValueOf<typeof USERS>;
export type DemoElement = ValueOf<typeof ELEMENTS>;

export interface DemoSettings {
  readonly locale: DemoLocale;
  readonly theme: DemoTheme;
  readonly width: DemoWidth;
  readonly backend: DemoBackend;
  readonly user: DemoUser;
  readonly element: DemoElement;
  /** `<ticket-form area>`; empty: the form asks for one. */
  readonly area: string;
  /** `<my-tickets ticket>`: a case to open. */
  readonly ticket: string;
}

export const DEFAULTS: DemoSettings = {
  locale: 'en',
  theme: 'light',
  width: 'desktop',
  backend: 'server',
  user: 'alex',
  element: 'support-contact',
  area: '',
  ticket: '',
};

export const EMAILS: Readonly<Record<Exclude<DemoUser, 'none'>, string>> = {
  alex: 'alex@example.com',
  sam: 'sam@example.com',
};

function pick<T extends string>(choices: readonly Choice<T>[], raw: string | null, fallback: T): T {
  return choices.find((c) => c.value === raw)?.value ?? fallback;
}

/** Reads settings from a query string (`location.search`). */
export function parseSettings(search: string, defaults: DemoSettings = DEFAULTS): DemoSettings {
  const params = new URLSearchParams(search);
  // `?case=N`, the link in the reference server's emails under `npm start`: <my-tickets> on case N.
  const emailCase = params.get('case');
  if (emailCase !== null) {
    params.set('element', 'my-tickets');
    params.set('ticket', emailCase);
    params.delete('case');
  }
  const ticket = params.get('ticket') ?? '';
  return {
    locale: pick(LOCALES, params.get('locale'), defaults.locale),
    theme: pick(THEMES, params.get('theme'), defaults.theme),
    width: pick(WIDTHS, params.get('width'), defaults.width),
    backend: pick(BACKENDS, params.get('backend'), defaults.backend),
    user: pick(USERS, params.get('user'), defaults.user),
    element: pick(ELEMENTS, params.get('element'), defaults.element),
    area: pick(AREAS, params.get('area'), defaults.area as ValueOf<typeof AREAS>),
    ticket: /^[\w-]{1,32}$/.test(ticket) ? ticket : defaults.ticket,
  };
}

/** Writes settings as a query string (without `?`), leaving out defaults except the element. */
export function settingsQuery(settings: Partial<DemoSettings>): string {
  const params = new URLSearchParams();
  const keys = ['locale', 'theme', 'width', 'backend', 'user', 'element', 'area', 'ticket'] as const;
  for (const key of keys) {
    const value = settings[key];
    if (value !== undefined && value !== '') params.set(key, value);
  }
  return params.toString();
}
