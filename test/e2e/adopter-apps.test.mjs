// The packed tarball rendered in the three kinds of app adopters make: the package installed
// into a temp app (test/support/adopter-app.mjs: `npm pack`, unpacked into node_modules, the
// frameworks symlinked from this repository), then a vanilla TypeScript, a React 19, a Vue 3
// and a Svelte 5 app (docs/snippets/*-app.*: the very files docs/FRAMEWORKS.md shows, which
// framework-types.test.mjs also type-checks against the tarball) each built by Vite with no config of this repository's, served from a plain
// static server on 127.0.0.1 and opened in Chromium. Each page must show <support-contact>
// in French (its `locale` reached the element: the heading is French), with its buttons, and
// the app's own text must say it heard `support-ready`, through a listener declared the
// framework's way (addEventListener, React 19's `onsupport-ready`, Vue's `@support-ready`,
// Svelte 5's `onsupport-ready` attribute).
// Themes that hold, in the built package: each page also has host CSS that centres and spaces
// text (React's Vite template centres #root) and the docs' brand theme
// (docs/snippets/brand-theme.css) on the app's wrapper: the widget's heading stays start-aligned
// and unspaced, the brand's `::part(start-button)` rule and tokens reach the buttons, and under
// a dark colour scheme the heading takes the brand's dark text token (the light/dark pairs).
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { SNIPPETS, createAdopterApp, removeAdopterApp } from '../support/adopter-app.mjs';

/** @typedef {{ main: string, entry?: string, vite?: import('vite').InlineConfig }} AppSpec */

/**
 * Svelte components through the compiler itself (this repository has no
 * @sveltejs/vite-plugin-svelte): Svelte 5 strips `lang="ts"` type annotations on its own.
 * @returns {import('vite').Plugin}
 */
function svelteCompiler() {
  return {
    name: 'svelte-compiler',
    async transform(code, id) {
      if (!id.endsWith('.svelte')) return null;
      const { compile } = await import('svelte/compiler');
      return compile(code, { filename: id, generate: 'client' }).js;
    },
  };
}

/** @type {Readonly<Record<'vanilla' | 'react' | 'vue' | 'svelte', AppSpec>>} */
const APPS = {
  vanilla: { main: 'vanilla-app.ts' },
  // No plugin: Vite's own JSX transform (automatic runtime).
  react: { main: 'react-app.tsx' },
  // Vue's full build compiles the template string at run time (no SFC plugin in this repository).
  vue: {
    main: 'vue-app.ts',
    vite: {
      resolve: { alias: [{ find: /^vue$/, replacement: 'vue/dist/vue.esm-bundler.js' }] },
      define: { __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
    },
  },
  // The component, mounted by a two-line entry as an app's main.ts would.
  svelte: {
    main: 'svelte-app.svelte',
    entry: "import { mount } from 'svelte';\nimport App from './svelte-app.svelte';\nmount(App, { target: document.getElementById('app') ?? document.body });\n",
    vite: { plugins: [svelteCompiler()], resolve: { conditions: ['browser'] } },
  },
};
const NAMES = /** @type {(keyof typeof APPS)[]} */ (Object.keys(APPS));

// What hosts put on a page: create-vite's React template (index.css, App.css), spaced uppercase text.
const HOST_CSS = `:root { font-family: system-ui, Avenir, Helvetica, Arial, sans-serif; line-height: 1.5; color-scheme: light dark; }
#app { max-width: 1280px; margin: 0 auto; padding: 2rem; text-align: center; text-transform: uppercase; letter-spacing: 0.2em; }
`;
/**
 * Computed style properties of the element a locator finds (in its shadow root). Through the
 * element's own window: this file is type-checked for Node, without the DOM's globals.
 * @param {import('playwright-core').Locator} locator
 * @param {string[]} names camelCase CSSStyleDeclaration names
 * @returns {Promise<Record<string, string>>}
 */
function styleOf(locator, names) {
  return locator.evaluate((el, list) => {
    const style = el.ownerDocument.defaultView?.getComputedStyle(el);
    return Object.fromEntries(list.map((name) => [name, String(style?.getPropertyValue(name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)))]));
  }, names);
}

// The brand theme's tokens (docs/snippets/brand-theme.css), as computed colours.
const BRAND = { primary: 'rgb(106, 27, 154)', text: 'rgb(43, 29, 14)', textDark: 'rgb(246, 236, 223)' };

const TYPES = /** @type {Readonly<Record<string, string>>} */ ({ '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' });

/** @type {string} */
let app;
/** @type {import('node:http').Server | undefined} */
let server;
/** @type {string} */
let origin;
/** @type {import('playwright-core').Browser | undefined} */
let browser;

before(async () => {
  app = createAdopterApp(['react', 'react-dom', 'vue', '@vue', 'svelte']);
  for (const name of NAMES) {
    const { main, entry, vite } = APPS[name];
    const root = join(app, name);
    mkdirSync(root);
    copyFileSync(join(SNIPPETS, main), join(root, main));
    copyFileSync(join(SNIPPETS, 'brand-theme.css'), join(root, 'brand-theme.css'));
    writeFileSync(join(root, 'host.css'), HOST_CSS);
    if (entry) writeFileSync(join(root, 'main.ts'), entry);
    writeFileSync(
      join(root, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${name} app</title>` +
        `<link rel="stylesheet" href="./host.css"><link rel="stylesheet" href="./brand-theme.css"></head>` +
        `<body><div id="app" class="my-brand"></div><script type="module" src="./${entry ? 'main.ts' : main}"></script></body></html>`,
    );
    // Sequential: two cores are shared.
    // The React app's one chunk is ~507 KB minified (react-dom, lit, every element, the
    // in-browser demo backend): over Vite's 500 KB warning, which says nothing here.
    await build({ ...vite, configFile: false, root, base: './', logLevel: 'warn', build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1024 } });
  }
  // A static server and nothing else: /<name>/ is that app's Vite output.
  server = createServer((request, response) => {
    const [, name = '', ...rest] = new URL(request.url ?? '/', 'http://x').pathname.split('/');
    const dist = join(app, name, 'dist');
    const file = normalize(join(dist, rest.join('/') || 'index.html'));
    if (NAMES.some((n) => n === name) && file.startsWith(dist + sep) && existsSync(file)) {
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise((resolve) => server?.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  assert.ok(address && typeof address === 'object');
  origin = `http://127.0.0.1:${address.port}`;
  browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  removeAdopterApp(app);
});

describe('the packed tarball in adopter apps built by Vite', () => {
  for (const name of NAMES) {
    it(`${name}: <support-contact> renders in French, the app hears support-ready, host CSS stops at :host, the brand theme holds in light and dark`, async () => {
      assert.ok(browser);
      const page = await browser.newPage();
      try {
        page.setDefaultTimeout(15_000);
        /** @type {string[]} */
        const errors = [];
        page.on('pageerror', (error) => errors.push(error.message));
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(message.text());
        });
        await page.goto(`${origin}/${name}/`);
        const contact = page.locator('support-contact');
        // locale="fr" reached the element: its heading is the French one.
        const heading = contact.getByRole('heading', { name: 'Choisissez un produit' });
        await heading.waitFor();
        // A control to act on: the product areas' start buttons.
        assert.ok((await contact.getByRole('button').count()) > 0, 'no button in <support-contact>');
        await page.getByRole('status').filter({ hasText: 'support-ready from support-contact' }).waitFor();

        // The host's centred, spaced, uppercase text stops at :host; the brand's tokens apply.
        const text = () => styleOf(heading, ['textAlign', 'letterSpacing', 'textTransform', 'color']);
        assert.deepEqual(await text(), { textAlign: 'start', letterSpacing: 'normal', textTransform: 'none', color: BRAND.text });
        // The brand's ::part(start-button) rule and primary token reach the packaged element's buttons.
        const start = contact.locator('[part~="start-button"]').first();
        assert.deepEqual(await styleOf(start, ['borderTopLeftRadius', 'backgroundColor']), { borderTopLeftRadius: '999px', backgroundColor: BRAND.primary });
        // Dark mode reads the brand's -dark twins: light text on its dark surface.
        await page.emulateMedia({ colorScheme: 'dark' });
        assert.equal((await text())['color'], BRAND.textDark);
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
      }
    });
  }
});
