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

// The demo page passes axe in every toolbar combination it offers, on the in-browser backend:
// per language, 3 elements × 4 themes (light, dark, brand, system) × 3 users (signed out, one
// account, two accounts) × 3 widths. One test file per language (demo-a11y-<locale>.test.ts)
// keeps each file well inside the runner's per-file time limit.
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
  // Rows past the first screenful come a frame after the list, painted only in view: check
  // the list as a user sees it, scrolled into view (at 320 px the toolbar pushes it below the fold).
  if (element === 'my-tickets' && user !== 'none') {
    shown.scrollIntoView();
    await waitFor(() => shown.shadowRoot?.querySelector('.row, .empty'), 'the cases or the empty state');
  }
}

/** Checks every toolbar combination of the demo in `locale` with axe. */
export function describeDemoAxe(locale: DemoLocale): void {
  describe(`demo page accessibility (axe), ${locale}`, () => {
    afterEach(() => {
      fixtureCleanup();
      localStorage.clear();
    });

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
  });
}
