import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../demo/main.js';
import type { DemoApp } from '../../demo/demo-app.js';
import { settle, waitFor, type Updatable } from '../../demo/drive.js';
import {
  DEFAULTS,
  ELEMENTS,
  THEMES,
  WIDTHS,
  type DemoElement,
  type DemoLocale,
  type DemoTheme,
  type DemoUser,
  type DemoWidth,
} from '../../demo/settings.js';

// The demo page passes axe in every toolbar combination it offers for the five languages, on the
// in-browser backend: 5 languages × 3 elements × 4 themes (light, dark, brand, system) ×
// 3 users (signed out, one account, two accounts) × 3 widths.
const LOCALES: readonly DemoLocale[] = ['en', 'fr', 'de', 'pt-BR', 'ja'];
const USERS: readonly DemoUser[] = ['none', 'alex', 'sam'];

async function show(
  app: DemoApp,
  locale: DemoLocale,
  element: DemoElement,
  theme: DemoTheme,
  user: DemoUser,
  width: DemoWidth,
): Promise<void> {
  app.settings = { ...DEFAULTS, backend: 'memory', locale, element, theme, user, width };
  await app.ready();
  const shown = app.shadowRoot?.querySelector<Updatable>('.stage > *');
  if (!shown) throw new Error(`<${element}> is not shown`);
  await settle(shown);
  // The virtualizer paints only the rows in the viewport, a frame after the list arrives: check
  // the list as a user sees it, scrolled into view (at 320 px the toolbar pushes it below the fold).
  if (element === 'my-tickets' && user !== 'none') {
    shown.scrollIntoView();
    await waitFor(() => shown.shadowRoot?.querySelector('.row, .empty'), 'the cases or the empty state');
  }
}

describe('demo page accessibility (axe)', () => {
  afterEach(() => {
    fixtureCleanup();
    localStorage.clear();
  });

  for (const locale of LOCALES) {
    it(`has no axe violation in ${locale}, for every element, theme and user`, async function () {
      this.timeout(300_000);
      const app = await fixture<DemoApp>(
        html`<demo-app .syncUrl=${false} .latencyMs=${0} .settings=${{ ...DEFAULTS, backend: 'memory' }}></demo-app>`,
      );
      const failures: string[] = [];
      for (const { value: element } of ELEMENTS) {
        for (const { value: theme } of THEMES) {
          for (const user of USERS) {
            for (const { value: width } of WIDTHS) {
              await show(app, locale, element, theme, user, width);
              const stage = app.shadowRoot?.querySelector('.stage');
              expect(stage?.getAttribute('lang')).to.equal(locale);
              try {
                await expect(app).to.be.accessible();
              } catch (error) {
                failures.push(`${element} ${theme} ${user} ${width}: ${error instanceof Error ? error.message : String(error)}`);
              }
            }
          }
        }
      }
      expect(failures, failures.join('\n\n')).to.deep.equal([]);
    });
  }

  it('keeps the settings in the URL and re-renders when a toolbar control changes', async () => {
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?locale=fr&theme=dark&width=320&backend=memory&user=sam&element=ticket-form`);
    try {
      const app = await fixture<DemoApp>(html`<demo-app .latencyMs=${0}></demo-app>`);
      await app.ready();
      const root = app.shadowRoot;
      const select = (name: string) => root?.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
      expect(select('locale')?.value).to.equal('fr');
      expect(select('theme')?.value).to.equal('dark');
      expect(root?.querySelector('ticket-form')?.getAttribute('theme')).to.equal('dark');
      // Each control has a visible label.
      for (const control of root?.querySelectorAll('select') ?? []) {
        expect(root?.querySelector(`label[for="${control.id}"]`)?.textContent?.trim()).to.not.equal('');
      }
      const element = select('element');
      if (!element) throw new Error('no element select');
      element.value = 'my-tickets';
      element.dispatchEvent(new Event('change'));
      await app.ready();
      expect(new URLSearchParams(location.search).get('element')).to.equal('my-tickets');
      expect(root?.querySelector('my-tickets')).to.be.instanceOf(HTMLElement);
      expect(root?.querySelector('ticket-form')).to.equal(null);
    } finally {
      history.replaceState(null, '', before);
    }
  });
});
