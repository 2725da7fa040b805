// Which flow, products, sign-in help and "Call me" each (language, area) gets, checked against
// SPEC "Product areas", "Opening a case: the three flows", "I can't sign in" and the seed.
import { expect } from '@open-wc/testing';
import {
  SEED_LOCALES,
  seedConfig,
  type FlowStep,
  type SignInHelpRoute,
  type SupportConfig,
} from '../../src/core/config.js';
import {
  areaLocales,
  canRequestCallback,
  findArea,
  findProduct,
  formSteps,
  productAvailability,
  resolveFlow,
  signInHelpFor,
  type CallbackContext,
  type FlowResolution,
} from '../../src/core/flows.js';
import { STATUSES, type SupportPlan } from '../../src/core/ticket.js';

type Offered = Extract<FlowResolution, { offered: true }>;
type NotOffered = Extract<FlowResolution, { offered: false }>;

function expectOffered(resolution: FlowResolution): Offered {
  if (!resolution.offered) return expect.fail(`expected a flow, got "offered in ${resolution.offeredIn.join(', ')}"`);
  return resolution;
}

function expectNotOffered(resolution: FlowResolution): NotOffered {
  if (resolution.offered) return expect.fail(`expected no flow, got ${resolution.flow.id}`);
  return resolution;
}

interface OfferedRow {
  readonly locale: string;
  readonly area: 'esign' | 'seal';
  readonly flowId: 'flow1' | 'flow2' | 'flow3';
  readonly start: 'open_case_top' | 'create_ticket_in_area' | 'sign_in_top_right';
  readonly accountChoice: 'popup_first' | 'profile_menu' | 'none';
  readonly steps: readonly FlowStep[];
  readonly confirmation: 'open' | 'open_reviewed';
}

const FLOW1_STEPS: readonly FlowStep[] = ['sign_in', 'choose_account', 'subject', 'quick_answers', 'details', 'confirmation'];
const FLOW2_STEPS: readonly FlowStep[] = ['sign_in', 'category', 'details', 'confirmation'];
const FLOW3_STEPS: readonly FlowStep[] = ['sign_in', 'manage_tickets', 'category', 'details', 'confirmation'];

const flow2 = (locale: string): OfferedRow => ({
  locale,
  area: 'esign',
  flowId: 'flow2',
  start: 'create_ticket_in_area',
  accountChoice: 'profile_menu',
  steps: FLOW2_STEPS,
  confirmation: 'open_reviewed',
});
const flow3 = (locale: string): OfferedRow => ({
  locale,
  area: 'seal',
  flowId: 'flow3',
  start: 'sign_in_top_right',
  accountChoice: 'none',
  steps: FLOW3_STEPS,
  confirmation: 'open_reviewed',
});

// SPEC "Opening a case: the three flows", one row per (language, area) that has a flow.
const OFFERED_ROWS: readonly OfferedRow[] = [
  {
    locale: 'en',
    area: 'esign',
    flowId: 'flow1',
    start: 'open_case_top',
    accountChoice: 'popup_first',
    steps: FLOW1_STEPS,
    confirmation: 'open',
  },
  flow2('fr'),
  flow2('de'),
  flow2('pt-BR'),
  flow2('ja'),
  flow3('en'),
  flow3('fr'),
];

// SPEC "Product areas": area B is offered in EN and FR only.
const NOT_OFFERED_ROWS = [
  { locale: 'de', area: 'seal', offeredIn: ['en', 'fr'] },
  { locale: 'pt-BR', area: 'seal', offeredIn: ['en', 'fr'] },
  { locale: 'ja', area: 'seal', offeredIn: ['en', 'fr'] },
] as const;

describe('core/flows', () => {
  describe('resolveFlow: every seed language × product area', () => {
    it('the table covers all 5 languages × 2 areas', () => {
      const covered = [...OFFERED_ROWS, ...NOT_OFFERED_ROWS].map((row) => `${row.area}/${row.locale}`).sort();
      const all = SEED_LOCALES.flatMap((locale) => ['esign', 'seal'].map((area) => `${area}/${locale}`)).sort();
      expect(covered).to.deep.equal(all);
    });

    for (const row of OFFERED_ROWS) {
      it(`${row.area} in ${row.locale} gets ${row.flowId} (${row.start}, accounts: ${row.accountChoice})`, () => {
        const resolution = expectOffered(resolveFlow(seedConfig, row.locale, row.area));
        expect(resolution.area.id).to.equal(row.area);
        expect(resolution.flow.id).to.equal(row.flowId);
        expect(resolution.flow.start).to.equal(row.start);
        expect(resolution.flow.accountChoice).to.equal(row.accountChoice);
        expect(resolution.flow.confirmation).to.equal(row.confirmation);
        expect(resolution.steps).to.deep.equal(row.steps);
      });
    }

    for (const row of NOT_OFFERED_ROWS) {
      it(`${row.area} in ${row.locale} is not offered and points to ${row.offeredIn.join(', ')}`, () => {
        const resolution = expectNotOffered(resolveFlow(seedConfig, row.locale, row.area));
        expect(resolution.area?.id).to.equal(row.area);
        expect(resolution.offeredIn).to.deep.equal(row.offeredIn);
      });
    }

    it('area A is offered in all five languages', () => {
      expect(areaLocales(seedConfig, 'esign')).to.deep.equal(['en', 'fr', 'de', 'pt-BR', 'ja']);
    });

    it('flow 1 asks for the account before anything else after sign-in (popup first)', () => {
      const { steps } = expectOffered(resolveFlow(seedConfig, 'en', 'esign'));
      expect(steps.indexOf('choose_account')).to.equal(steps.indexOf('sign_in') + 1);
    });

    it('only flow 1 deflects with "Need quick answers?" and classifies by subject', () => {
      for (const row of OFFERED_ROWS) {
        const { steps } = expectOffered(resolveFlow(seedConfig, row.locale, row.area));
        const hasFlow1Steps = steps.includes('quick_answers') && steps.includes('subject');
        expect(hasFlow1Steps, `${row.area}/${row.locale}`).to.equal(row.flowId === 'flow1');
        expect(steps.includes('category'), `${row.area}/${row.locale}`).to.equal(row.flowId !== 'flow1');
      }
    });

    it('only flow 3 goes through "Manage my tickets" before the new ticket', () => {
      for (const row of OFFERED_ROWS) {
        const { steps } = expectOffered(resolveFlow(seedConfig, row.locale, row.area));
        expect(steps.includes('manage_tickets'), `${row.area}/${row.locale}`).to.equal(row.flowId === 'flow3');
      }
    });

    it('every flow starts with sign-in and ends with the confirmation', () => {
      for (const row of OFFERED_ROWS) {
        const { steps } = expectOffered(resolveFlow(seedConfig, row.locale, row.area));
        expect(steps[0]).to.equal('sign_in');
        expect(steps[steps.length - 1]).to.equal('confirmation');
      }
    });

    // SPEC "form" row: only flow 1 has "Add attachment" in the form; flows 2 and 3 list
    // only "required fields marked *" (seed: the FR/DE/PT-BR/JA and Seal forms mention no
    // attachment button). Attachments can still be added after opening the case.
    it('only flow 1 offers "Add attachment" in the form itself (SPEC "form" row)', () => {
      for (const row of OFFERED_ROWS) {
        const { flow } = expectOffered(resolveFlow(seedConfig, row.locale, row.area));
        expect(flow.attachmentsInForm, `${flow.id} (${row.area}/${row.locale})`).to.equal(row.flowId === 'flow1');
      }
    });

    it('an unknown area is not offered anywhere', () => {
      for (const locale of SEED_LOCALES) {
        const resolution = expectNotOffered(resolveFlow(seedConfig, locale, 'nope'));
        expect(resolution.area).to.equal(undefined);
        expect(resolution.offeredIn).to.deep.equal([]);
      }
    });

    it('a language outside the config gets no flow, but learns where the area is offered', () => {
      const resolution = expectNotOffered(resolveFlow(seedConfig, 'it', 'esign'));
      expect(resolution.offeredIn).to.deep.equal(['en', 'fr', 'de', 'pt-BR', 'ja']);
    });

    it('a route to a flow id the config lacks is "not offered", never a half flow', () => {
      const config: SupportConfig = {
        ...seedConfig,
        flowRoutes: [...seedConfig.flowRoutes, { areaId: 'seal', locales: ['de'], flowId: 'missing' }],
      };
      expect(resolveFlow(config, 'de', 'seal').offered).to.equal(false);
    });

    it('follows the config, not hard-coded languages: a route for seal in de gives flow3', () => {
      const config: SupportConfig = {
        ...seedConfig,
        flowRoutes: [...seedConfig.flowRoutes, { areaId: 'seal', locales: ['de'], flowId: 'flow3' }],
      };
      expect(expectOffered(resolveFlow(config, 'de', 'seal')).flow.id).to.equal('flow3');
      expect(areaLocales(config, 'seal')).to.deep.equal(['en', 'fr', 'de']);
    });
  });

  describe('formSteps: the steps <ticket-form> renders', () => {
    it('flow 1: subject, quick answers, details, confirmation', () => {
      expect(formSteps(FLOW1_STEPS)).to.deep.equal(['subject', 'quick_answers', 'details', 'confirmation']);
    });

    it('flow 2: category, details, confirmation', () => {
      expect(formSteps(FLOW2_STEPS)).to.deep.equal(['category', 'details', 'confirmation']);
    });

    it('flow 3: manage_tickets stays with <support-contact>', () => {
      expect(formSteps(FLOW3_STEPS)).to.deep.equal(['category', 'details', 'confirmation']);
    });

    it('keeps the given order and drops sign-in, account choice and manage tickets', () => {
      expect(formSteps(['details', 'sign_in', 'category', 'choose_account', 'manage_tickets'])).to.deep.equal([
        'details',
        'category',
      ]);
      expect(formSteps([])).to.deep.equal([]);
    });
  });

  describe('findArea / findProduct', () => {
    it('finds the seed areas and their products by id', () => {
      expect(findArea(seedConfig, 'seal')?.realm).to.equal('support_center');
      expect(findArea(seedConfig, 'esign')?.realm).to.equal('product');
      expect(findProduct(seedConfig, 'clm_cm')?.name).to.equal('CLM.CM');
      expect(findProduct(seedConfig, 'insight')?.locales).to.deep.equal(['en']);
    });

    it('returns undefined for unknown ids', () => {
      expect(findArea(seedConfig, 'x')).to.equal(undefined);
      expect(findProduct(seedConfig, 'x')).to.equal(undefined);
    });
  });

  describe('productAvailability', () => {
    const offeredEverywhere = ['esignature', 'rooms', 'clm'];
    const enFrOnly = ['protect_sign', 'clm_cm'];

    for (const productId of offeredEverywhere) {
      it(`${productId} (area A) is offered in all five languages`, () => {
        for (const locale of SEED_LOCALES) {
          expect(productAvailability(seedConfig, locale, productId), locale).to.deep.equal({ offered: true });
        }
      });
    }

    for (const productId of enFrOnly) {
      it(`${productId} is offered in en and fr, and de/pt-BR/ja are pointed to en, fr`, () => {
        expect(productAvailability(seedConfig, 'en', productId)).to.deep.equal({ offered: true });
        expect(productAvailability(seedConfig, 'fr', productId)).to.deep.equal({ offered: true });
        for (const locale of ['de', 'pt-BR', 'ja']) {
          expect(productAvailability(seedConfig, locale, productId), locale).to.deep.equal({
            offered: false,
            offeredIn: ['en', 'fr'],
          });
        }
      });
    }

    it('Insight & Analyzer is offered in English only (fr → switch to en)', () => {
      expect(productAvailability(seedConfig, 'en', 'insight')).to.deep.equal({ offered: true });
      for (const locale of ['fr', 'de', 'pt-BR', 'ja']) {
        expect(productAvailability(seedConfig, locale, 'insight'), locale).to.deep.equal({
          offered: false,
          offeredIn: ['en'],
        });
      }
    });

    it('an unknown product is offered nowhere', () => {
      expect(productAvailability(seedConfig, 'en', 'fax')).to.deep.equal({ offered: false, offeredIn: [] });
    });

    it("a product's languages narrow its area's, never widen them", () => {
      const config: SupportConfig = {
        ...seedConfig,
        areas: seedConfig.areas.map((area) =>
          area.id === 'seal'
            ? { ...area, products: [...area.products, { id: 'odd', name: 'Odd', locales: ['de', 'fr'] }] }
            : area,
        ),
      };
      expect(productAvailability(config, 'de', 'odd')).to.deep.equal({ offered: false, offeredIn: ['fr'] });
      expect(productAvailability(config, 'fr', 'odd')).to.deep.equal({ offered: true });
    });
  });

  describe('signInHelpFor: how the can\'t-sign-in form is reached', () => {
    const rows: readonly { locale: string; expected: SignInHelpRoute['presentation']; label: SignInHelpRoute['label'] }[] = [
      { locale: 'en', expected: 'link_per_area', label: 'area_form' },
      { locale: 'fr', expected: 'link', label: 'fill_in_form' },
      { locale: 'de', expected: 'link', label: 'please_fill_in_form' },
      { locale: 'pt-BR', expected: 'link', label: 'need_help_resetting' },
      { locale: 'ja', expected: 'choice', label: 'other' },
    ];

    for (const row of rows) {
      it(`${row.locale}: ${row.expected} labelled ${row.label}`, () => {
        const route = signInHelpFor(seedConfig, row.locale);
        expect(route?.presentation).to.equal(row.expected);
        expect(route?.label).to.equal(row.label);
      });
    }

    it('an unknown language falls back to the default (en) row', () => {
      expect(signInHelpFor(seedConfig, 'it')).to.equal(signInHelpFor(seedConfig, 'en'));
    });

    it("falls back to the config's own default language, not to a hard-coded en", () => {
      const config: SupportConfig = { ...seedConfig, defaultLocale: 'fr' };
      expect(signInHelpFor(config, 'it')?.label).to.equal('fill_in_form');
    });

    it('is undefined when neither the language nor the default has a row', () => {
      const config: SupportConfig = { ...seedConfig, signInHelp: [] };
      expect(signInHelpFor(config, 'en')).to.equal(undefined);
    });
  });

  describe('canRequestCallback: "Call me" (SPEC "Talking to support", seed step 5)', () => {
    const PRODUCTS = ['esignature', 'rooms', 'clm', 'protect_sign', 'clm_cm', 'insight'] as const;
    const PLANS: readonly SupportPlan[] = ['free', 'paid'];
    const CATEGORIES = [undefined, 'clm', 'account', 'protect_sign', 'insight'] as const;
    const LOCALES = [...SEED_LOCALES, 'en-US'] as const;

    // The rule as the seed words it, written independently of the config's rows.
    function seedSays(ctx: CallbackContext): boolean {
      if (ctx.locale !== 'en' || ctx.status === 'closed') return false;
      if (ctx.productId === 'esignature') return ctx.plan === 'paid';
      if (ctx.productId === 'rooms' || ctx.productId === 'clm') return true;
      if (ctx.productId === 'clm_cm') return ctx.categoryId === 'clm';
      return false;
    }

    for (const productId of PRODUCTS) {
      it(`${productId}: matches the seed for every plan × category × language × status`, () => {
        const mismatches: string[] = [];
        let allowed = 0;
        for (const plan of PLANS)
          for (const categoryId of CATEGORIES)
            for (const locale of LOCALES)
              for (const status of STATUSES) {
                const ctx: CallbackContext = { locale, productId, categoryId, plan, status };
                const got = canRequestCallback(seedConfig, ctx);
                if (got) allowed += 1;
                if (got !== seedSays(ctx)) mismatches.push(`${plan}/${categoryId ?? '-'}/${locale}/${status}: ${got}`);
              }
        expect(mismatches).to.deep.equal([]);
        // Guard against a vacuous oracle: the product is either callable somewhere or nowhere.
        expect(allowed > 0).to.equal(['esignature', 'rooms', 'clm', 'clm_cm'].includes(productId));
      });
    }

    const base: CallbackContext = { locale: 'en', productId: 'rooms', plan: 'free', status: 'open' };

    it('eSignature needs a paid support plan', () => {
      expect(canRequestCallback(seedConfig, { ...base, productId: 'esignature', plan: 'paid' })).to.equal(true);
      expect(canRequestCallback(seedConfig, { ...base, productId: 'esignature', plan: 'free' })).to.equal(false);
    });

    it('Rooms and CLM are offered whatever the plan', () => {
      for (const productId of ['rooms', 'clm'])
        for (const plan of PLANS) expect(canRequestCallback(seedConfig, { ...base, productId, plan })).to.equal(true);
    });

    it('CLM.CM only when its chosen category is CLM', () => {
      expect(canRequestCallback(seedConfig, { ...base, productId: 'clm_cm', categoryId: 'clm' })).to.equal(true);
      expect(canRequestCallback(seedConfig, { ...base, productId: 'clm_cm', categoryId: 'contracts' })).to.equal(false);
      expect(canRequestCallback(seedConfig, { ...base, productId: 'clm_cm' })).to.equal(false);
    });

    it('Protect & Sign and Insight & Analyzer never, even with a paid plan and category CLM', () => {
      for (const productId of ['protect_sign', 'insight'])
        expect(
          canRequestCallback(seedConfig, { ...base, productId, plan: 'paid', categoryId: 'clm' }),
          productId,
        ).to.equal(false);
    });

    it('only in English: fr, de, pt-BR and ja never offer it', () => {
      for (const locale of ['fr', 'de', 'pt-BR', 'ja'])
        expect(canRequestCallback(seedConfig, { ...base, locale }), locale).to.equal(false);
    });

    it('is offered while the case is open, action required or pending, and never once closed', () => {
      for (const status of ['open', 'action_required', 'pending'] as const)
        expect(canRequestCallback(seedConfig, { ...base, status }), status).to.equal(true);
      expect(canRequestCallback(seedConfig, { ...base, status: 'closed' })).to.equal(false);
    });

    it('a config can offer it in French ("M\'appeler") without code changes', () => {
      const config: SupportConfig = { ...seedConfig, callMe: { ...seedConfig.callMe, locales: ['en', 'fr'] } };
      expect(canRequestCallback(config, { ...base, locale: 'fr' })).to.equal(true);
    });
  });
});
