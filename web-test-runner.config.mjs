// Browser tests: `npm run test:browser` runs every test/**/*.test.ts;
// `npx web-test-runner --files test/core/foo.test.ts` (or `npm run test:browser -- --files ...`)
// runs only the named files (--files replaces `files` below).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';
import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';
import { forcedColorsPlugin } from './test/support/forced-colors-plugin.mjs';
import { supportTestServers } from './test/support/wtr-servers.mjs';

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/**/*.test.ts', '!test/e2e/**', '!test/server/**', '!test/node/**'],
  nodeResolve: true,
  concurrency: 2,
  // The runner's limit for one test file (default 120 s). Files here take 5–40 s on an idle
  // machine; the limit leaves room for a loaded one (two cores shared with a build).
  testsFinishTimeout: 300_000,
  // TOOLCHAIN.md pitfall 2: without the tsconfig, legacy decorators reach Chromium untransformed.
  plugins: [
    esbuildPlugin({ ts: true, target: 'auto', tsconfig: 'tsconfig.json' }),
    // Fault server, Zendesk fixture server and the reference server for test/adapters/**.
    /** @type {import('@web/test-runner').TestRunnerPlugin} */ (supportTestServers()),
    // `forced-colors: active` for one page (test/elements/shared/states-a11y.test.ts).
    forcedColorsPlugin(),
  ],
  browsers: [
    chromeLauncher({
      // Each test file in its own browser context: files running at the same time must not
      // share localStorage (one file's afterEach clear() wiped another file's drafts).
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
      launchOptions: {
        executablePath: chromiumPath(),
        headless: true,
        args: [...CHROMIUM_ARGS],
      },
    }),
  ],
  testFramework: {
    config: { ui: 'bdd', timeout: 10000 },
  },
  // TOOLCHAIN.md pitfall 7: the harmless "ResizeObserver loop ..." error would fail mocha;
  // ignore exactly those messages (registered before mocha installs window.onerror).
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <body>
    <script>
      window.addEventListener('error', (event) => {
        if (
          event.message === 'ResizeObserver loop completed with undelivered notifications.' ||
          event.message === 'ResizeObserver loop limit exceeded'
        ) {
          event.stopImmediatePropagation();
          event.preventDefault();
        }
      });
    </script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  // Lit's one-time "dev mode" notice is noise in every test file.
  filterBrowserLogs: ({ args }) =>
    !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode.')),
  reporters: [defaultReporter(), summaryReporter()],
};
