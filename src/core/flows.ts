/**
 * Questions the views ask of a config: which flow a (language, area) pair gets, whether a
 * product is offered, how the can't-sign-in form is reached, whether "Call me" is offered.
 * Answers come from the config's rows; nothing here names a locale.
 */
import type {
  AreaConfig,
  FlowConfig,
  FlowStep,
  LocaleCode,
  ProductConfig,
  SignInHelpRoute,
  SupportConfig,
} from './config.js';
import { FORM_STEPS } from './config.js';
import { isReadOnly } from './status.js';
import type { Realm, Status, SupportPlan, Ticket } from './ticket.js';

export type FlowResolution =
  | { readonly offered: true; readonly area: AreaConfig; readonly flow: FlowConfig; readonly steps: readonly FlowStep[] }
  | { readonly offered: false; readonly area: AreaConfig | undefined; readonly offeredIn: readonly LocaleCode[] };

export type Availability =
  | { readonly offered: true }
  | { readonly offered: false; readonly offeredIn: readonly LocaleCode[] };

export function findArea(config: SupportConfig, areaId: string): AreaConfig | undefined {
  return config.areas.find((area) => area.id === areaId);
}

export function findProduct(config: SupportConfig, productId: string): ProductConfig | undefined {
  for (const area of config.areas) {
    const product = area.products.find((p) => p.id === productId);
    if (product) return product;
  }
  return undefined;
}

/** Languages in which an area is offered: those of its flow routes, in config order. */
export function areaLocales(config: SupportConfig, areaId: string): readonly LocaleCode[] {
  const locales = config.flowRoutes.filter((route) => route.areaId === areaId).flatMap((route) => route.locales);
  return config.locales.filter((locale) => locales.includes(locale));
}

/** The ordered steps of the flow `area` has in `locale`, or where it is offered instead. */
export function resolveFlow(config: SupportConfig, locale: LocaleCode, areaId: string): FlowResolution {
  const area = findArea(config, areaId);
  const route = config.flowRoutes.find((r) => r.areaId === areaId && r.locales.includes(locale));
  const flow = route && config.flows.find((f) => f.id === route.flowId);
  if (!area || !flow) return { offered: false, area, offeredIn: area ? areaLocales(config, areaId) : [] };
  return { offered: true, area, flow, steps: flow.steps };
}

/** The steps of a flow that `<ticket-form>` renders. */
export function formSteps(steps: readonly FlowStep[]): readonly FlowStep[] {
  return steps.filter((step) => FORM_STEPS.includes(step));
}

/** Whether support for `productId` is offered in `locale` (the area's languages, narrowed by the product's). */
export function productAvailability(config: SupportConfig, locale: LocaleCode, productId: string): Availability {
  const area = config.areas.find((a) => a.products.some((p) => p.id === productId));
  const product = findProduct(config, productId);
  if (!area || !product) return { offered: false, offeredIn: [] };
  const inArea = areaLocales(config, area.id);
  const offeredIn = product.locales ? inArea.filter((l) => product.locales?.includes(l)) : inArea;
  return offeredIn.includes(locale) ? { offered: true } : { offered: false, offeredIn };
}

/** How the can't-sign-in web form is reached in `locale`; falls back to the default locale's row. */
export function signInHelpFor(config: SupportConfig, locale: LocaleCode): SignInHelpRoute | undefined {
  return (
    config.signInHelp.find((row) => row.locales.includes(locale)) ??
    config.signInHelp.find((row) => row.locales.includes(config.defaultLocale))
  );
}

export interface CallbackContext {
  readonly locale: LocaleCode;
  readonly productId: string;
  readonly categoryId?: string | undefined;
  readonly plan: SupportPlan;
  readonly status: Status;
}

/** Whether "Call me" is offered for a case (seed: some products, some plans, EN only, until closed). */
export function canRequestCallback(config: SupportConfig, context: CallbackContext): boolean {
  if (isReadOnly(context.status) || !config.callMe.locales.includes(context.locale)) return false;
  return config.callMe.eligible.some(
    (rule) =>
      rule.productId === context.productId &&
      (rule.plan === undefined || rule.plan === context.plan) &&
      (rule.categoryId === undefined || rule.categoryId === context.categoryId),
  );
}

/**
 * Whether "Call me" is offered for a case, to a customer with `accounts`: the plan is that of
 * the account the case was opened for (free when the customer no longer has it).
 */
export function canRequestCallbackFor(
  config: SupportConfig,
  ticket: Pick<Ticket, 'productId' | 'categoryId' | 'status' | 'accountId'>,
  accounts: readonly { readonly id: string; readonly plan: SupportPlan }[],
  locale: LocaleCode,
): boolean {
  return canRequestCallback(config, {
    locale,
    productId: ticket.productId,
    categoryId: ticket.categoryId,
    plan: accounts.find((a) => a.id === ticket.accountId)?.plan ?? 'free',
    status: ticket.status,
  });
}

/** The names of the products whose cases `realm`'s credentials open, in config order. */
export function productNamesOfRealm(config: SupportConfig, realm: Realm): string[] {
  return config.areas.filter((area) => area.realm === realm).flatMap((area) => area.products.map((product) => product.name));
}
