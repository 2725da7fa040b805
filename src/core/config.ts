/**
 * SupportConfig: everything that differs by product area or by language, as data.
 * The seed preset (`seedConfig`) is the support center the seed describes; a team with other
 * products writes another config, not code. Views read this through `flows.ts`; they never
 * compare locale codes themselves.
 */
import type { CustomFieldDef } from './custom-fields.js';
import type { Realm, SupportPlan } from './ticket.js';

/** A BCP 47 tag the config knows, such as `en`, `fr`, `pt-BR`. */
export type LocaleCode = string;

/** The steps a case-opening flow can have, in the order they may appear. */
export const FLOW_STEPS = [
  'sign_in',
  'choose_account',
  'manage_tickets',
  'subject',
  'quick_answers',
  'category',
  'details',
  'confirmation',
] as const;
export type FlowStep = (typeof FLOW_STEPS)[number];

/** The steps `<ticket-form>` renders itself; the others belong to `<support-contact>`. */
export const FORM_STEPS: readonly FlowStep[] = ['subject', 'quick_answers', 'category', 'details', 'confirmation'];

export interface ProductConfig {
  readonly id: string;
  /** Brand name, shown as is in every language. */
  readonly name: string;
  /** Languages in which support for this product is offered; defaults to the area's. */
  readonly locales?: readonly LocaleCode[];
}

export interface AreaConfig {
  readonly id: string;
  /** Brand names, shown as is in every language. */
  readonly name: string;
  readonly products: readonly ProductConfig[];
  /** Which credentials sign the customer in for this area. */
  readonly realm: Realm;
}

export interface FlowConfig {
  readonly id: string;
  /** The control that starts the flow on Contact Support. */
  readonly start: 'open_case_top' | 'create_ticket_in_area' | 'sign_in_top_right';
  /** How a customer with several accounts picks one. */
  readonly accountChoice: 'popup_first' | 'profile_menu' | 'none';
  readonly steps: readonly FlowStep[];
  /** Whether files can be attached in the form itself (they can always be added later). */
  readonly attachmentsInForm: boolean;
  /** What the confirmation says happens next. */
  readonly confirmation: 'open' | 'open_reviewed';
}

/** One row of "which flow does this area get in these languages". */
export interface FlowRoute {
  readonly areaId: string;
  readonly locales: readonly LocaleCode[];
  readonly flowId: string;
}

/** Label of the link that leads to the can't-sign-in web form; each has a message in the UI. */
export type SignInHelpLabel = 'area_form' | 'fill_in_form' | 'please_fill_in_form' | 'need_help_resetting' | 'other';

/** One row of "how do these languages reach the can't-sign-in form". */
export interface SignInHelpRoute {
  readonly locales: readonly LocaleCode[];
  /**
   * `link_per_area`: one link per product area, each opening that area's form;
   * `link`: one link; `choice`: the form is one choice among sign-in help choices.
   */
  readonly presentation: 'link_per_area' | 'link' | 'choice';
  readonly label: SignInHelpLabel;
}

export interface CallMeEligibility {
  readonly productId: string;
  /** When set, only accounts with this support plan qualify. */
  readonly plan?: SupportPlan;
  /** When set, only cases whose chosen category is this one qualify. */
  readonly categoryId?: string;
}

export interface CallMeRule {
  readonly locales: readonly LocaleCode[];
  readonly eligible: readonly CallMeEligibility[];
}

export interface AttachmentLimits {
  readonly maxBytes: number;
  readonly maxFiles: number;
  /** File extensions (lower case, with the dot) and MIME types accepted. */
  readonly accept: readonly string[];
}

export interface SupportConfig {
  readonly locales: readonly LocaleCode[];
  readonly defaultLocale: LocaleCode;
  readonly areas: readonly AreaConfig[];
  readonly flows: readonly FlowConfig[];
  readonly flowRoutes: readonly FlowRoute[];
  readonly signInHelp: readonly SignInHelpRoute[];
  /** Where each realm's "reset your password" page is. */
  readonly passwordResetUrls: Readonly<Record<Realm, string>>;
  readonly callMe: CallMeRule;
  readonly autoCloseDays: number;
  readonly attachments: AttachmentLimits;
  /** Longest subject, description and comment accepted. */
  readonly maxLengths: { readonly subject: number; readonly description: number; readonly comment: number };
  /**
   * Extra questions of the case form, per area or per category of an area (custom-fields.ts):
   * their labels and hints are the host's text per language, English always present.
   */
  readonly customFields?: readonly CustomFieldDef[];
}

export const SEED_LOCALES = ['en', 'fr', 'de', 'pt-BR', 'ja'] as const;

/** The support center of the seed document. */
export const seedConfig: SupportConfig = {
  locales: SEED_LOCALES,
  defaultLocale: 'en',
  areas: [
    {
      id: 'esign',
      name: 'eSignature, Rooms & CLM',
      realm: 'product',
      products: [
        { id: 'esignature', name: 'eSignature' },
        { id: 'rooms', name: 'Rooms' },
        { id: 'clm', name: 'CLM' },
      ],
    },
    {
      id: 'seal',
      name: 'Protect & Sign, CLM.CM & Insight & Analyzer (Seal)',
      realm: 'support_center',
      products: [
        { id: 'protect_sign', name: 'Protect & Sign' },
        { id: 'clm_cm', name: 'CLM.CM' },
        { id: 'insight', name: 'Insight & Analyzer', locales: ['en'] },
      ],
    },
  ],
  flows: [
    {
      id: 'flow1',
      start: 'open_case_top',
      accountChoice: 'popup_first',
      steps: ['sign_in', 'choose_account', 'subject', 'quick_answers', 'details', 'confirmation'],
      attachmentsInForm: true,
      confirmation: 'open',
    },
    {
      id: 'flow2',
      start: 'create_ticket_in_area',
      accountChoice: 'profile_menu',
      steps: ['sign_in', 'category', 'details', 'confirmation'],
      // The seed offers "Add attachment" in Flow 1's form only; here files come after opening.
      attachmentsInForm: false,
      confirmation: 'open_reviewed',
    },
    {
      id: 'flow3',
      start: 'sign_in_top_right',
      accountChoice: 'none',
      steps: ['sign_in', 'manage_tickets', 'category', 'details', 'confirmation'],
      attachmentsInForm: false,
      confirmation: 'open_reviewed',
    },
  ],
  flowRoutes: [
    { areaId: 'esign', locales: ['en'], flowId: 'flow1' },
    { areaId: 'esign', locales: ['fr', 'de', 'pt-BR', 'ja'], flowId: 'flow2' },
    { areaId: 'seal', locales: ['en', 'fr'], flowId: 'flow3' },
  ],
  signInHelp: [
    { locales: ['en'], presentation: 'link_per_area', label: 'area_form' },
    { locales: ['fr'], presentation: 'link', label: 'fill_in_form' },
    { locales: ['de'], presentation: 'link', label: 'please_fill_in_form' },
    { locales: ['pt-BR'], presentation: 'link', label: 'need_help_resetting' },
    { locales: ['ja'], presentation: 'choice', label: 'other' },
  ],
  passwordResetUrls: {
    product: 'https://account.example.com/password-reset',
    support_center: 'https://support.example.com/password-reset',
  },
  callMe: {
    locales: ['en'],
    eligible: [
      { productId: 'esignature', plan: 'paid' },
      { productId: 'rooms' },
      { productId: 'clm' },
      { productId: 'clm_cm', categoryId: 'clm' },
    ],
  },
  autoCloseDays: 5,
  attachments: {
    maxBytes: 20 * 1024 * 1024,
    maxFiles: 10,
    accept: ['.pdf', '.png', '.jpg', '.jpeg', '.gif', '.txt', '.log', '.csv', '.docx', '.xlsx', '.zip'],
  },
  maxLengths: { subject: 150, description: 10_000, comment: 10_000 },
};
