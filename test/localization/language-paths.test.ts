// Each of the five languages gets its own way to open a case and its own path to the
// can't-sign-in form (SPEC.md), in its own words: rendered by <support-contact>.
import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryBackend } from '../../src/adapters/memory-adapter.js';
import '../../src/define/support-contact.js';
import type { SupportContact } from '../../src/define/support-contact.js';
import { until } from './helpers.js';

async function contact(locale: string): Promise<SupportContact> {
  const el = await fixture<SupportContact>(html`<support-contact locale=${locale} .backend=${createMemoryBackend()}></support-contact>`);
  await until(() => el.shadowRoot?.querySelector('.page')?.getAttribute('aria-busy') === 'false', 'session never known');
  await el.localeReady;
  await el.updateComplete;
  return el;
}

function words(node: Element | null | undefined): string {
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function $(el: SupportContact, selector: string): HTMLElement | null {
  return el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

/** Opens the sign-in step of area `areaId` and returns the texts of its can't-sign-in links. */
async function helpLinks(el: SupportContact, areaId: string): Promise<string[]> {
  $(el, `.area[data-area="${areaId}"] [data-start]`)?.click();
  await until(() => el.shadowRoot?.querySelector('support-sign-in'), 'no sign-in step');
  await el.updateComplete;
  return [...(el.shadowRoot?.querySelectorAll('.sign-in-help [data-help-label]') ?? [])].map(words);
}

interface Row {
  readonly locale: string;
  readonly heading: string;
  /** The top "Open a support case" button (flow 1), if the language has it. */
  readonly openCaseTop: string | undefined;
  /** The button in the box of area A (eSignature, Rooms & CLM). */
  readonly areaA: string;
  /** The button in the box of area B (Seal), or undefined when area B is not offered. */
  readonly areaB: string | undefined;
  readonly help: readonly string[];
}

const ROWS: readonly Row[] = [
  {
    locale: 'en',
    heading: 'Contact Support',
    openCaseTop: 'Open a support case',
    areaA: 'Continue',
    areaB: 'Continue',
    help: [
      'Fill in the sign-in help form for eSignature, Rooms & CLM',
      'Fill in the sign-in help form for Protect & Sign, CLM.CM & Insight & Analyzer (Seal)',
    ],
  },
  {
    locale: 'fr',
    heading: 'Contacter l’assistance',
    openCaseTop: undefined,
    areaA: 'Créer un ticket',
    areaB: 'Continuer',
    help: ['Remplir un formulaire'],
  },
  {
    locale: 'de',
    heading: 'Support kontaktieren',
    openCaseTop: undefined,
    areaA: 'Ticket erstellen',
    areaB: undefined,
    help: ['Bitte füllen Sie dieses Formular aus'],
  },
  {
    locale: 'pt-BR',
    heading: 'Fale com o suporte',
    openCaseTop: undefined,
    areaA: 'Criar chamado',
    areaB: undefined,
    help: ['Precisa de ajuda para redefinir sua senha?'],
  },
  {
    locale: 'ja',
    heading: 'サポートへのお問い合わせ',
    openCaseTop: undefined,
    areaA: 'チケットを作成',
    areaB: undefined,
    help: ['その他'],
  },
];

describe('each language’s own path, in its own words', () => {
  afterEach(() => localStorage.clear());

  for (const row of ROWS) {
    it(`${row.locale}: starts a case its way and reaches the can't-sign-in form by "${row.help[0]}"`, async () => {
      const el = await contact(row.locale);
      expect(words($(el, 'h1'))).to.equal(row.heading);
      expect(words($(el, '[data-start="open_case_top"]')) || undefined).to.equal(row.openCaseTop);
      expect(words($(el, '.area[data-area="esign"] [data-start]'))).to.equal(row.areaA);
      const areaB = $(el, '.area[data-area="seal"]');
      if (row.areaB) {
        expect(words(areaB?.querySelector('[data-start]'))).to.equal(row.areaB);
      } else {
        // Not offered in this language: says so and offers the languages that have it.
        expect(areaB?.dataset.offered).to.equal('false');
        const offered = [...(areaB?.querySelectorAll<HTMLElement>('[data-locale]') ?? [])].map((b) => b.dataset.locale);
        expect(offered).to.deep.equal(['en', 'fr']);
      }
      expect(await helpLinks(el, 'esign')).to.deep.equal(row.help);
      await expect(el).to.be.accessible();
    });
  }

  it('ja: "その他" is the last of the sign-in help choices, after forgotten password and locked account', async () => {
    const el = await contact('ja');
    await helpLinks(el, 'esign');
    const choices = [...(el.shadowRoot?.querySelectorAll<HTMLElement>('.sign-in-help [data-help-choice]') ?? [])];
    expect(choices.map((c) => c.dataset.helpChoice)).to.deep.equal(['forgot', 'locked', 'other']);
    expect(choices.map(words)).to.deep.equal(['パスワードをお忘れの場合', 'アカウントがロックされた場合', 'その他']);
  });
});
