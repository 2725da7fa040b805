// The docs' brand theme (docs/snippets/brand-theme.css, the very file docs/THEMING.md shows)
// on <support-contact>, in light and in dark (`emulateMedia({ colorScheme })`), from the built
// bundle on a plain static server. Text must stay readable in both: computed colours of the
// heading, the product areas' names and the area buttons (on-primary on primary) against
// their effective backgrounds, at least 4.5:1. Screenshots go to .cache/visual/brand-*.png.
// A brand that sets light colours only (`.light-only`) is checked in dark mode too: the pairs
// it left out fall back to the dark defaults, never to its light surface under light text.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';

const BUNDLE = 'dist/bundle';
const SNIPPET = readFileSync('docs/snippets/brand-theme.css', 'utf8');
// The brand snippet these docs showed before the pairs: a light surface, no text colour.
const LIGHT_ONLY = '.light-only { --se-color-primary: #6a1b9a; --se-color-on-primary: #ffffff; --se-color-surface: #fffaf2; --se-color-focus: #00a6a6; }';
const OUT = '.cache/visual';
const MIN_CONTRAST = 4.5;

/** @param {string} wrapper */
const pageHtml = (wrapper) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>brand</title>
<style>${SNIPPET}\n${LIGHT_ONLY}\nbody { margin: 0; } </style></head><body>
<div class="${wrapper}"><support-contact locale="en"></support-contact></div>
<script type="module" src="/support-elements/support-elements.js"></script></body></html>`;

/** @type {import('node:http').Server} */
let server;
let origin = '';
/** @type {import('playwright-core').Browser} */
let browser;

before(async () => {
  if (!existsSync(join(BUNDLE, 'support-elements.js'))) {
    const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    assert.equal(result.status, 0, 'npm run build failed');
  }
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    if (url.pathname === '/') return void response.writeHead(200, { 'content-type': 'text/html' }).end(pageHtml(url.searchParams.get('wrapper') ?? 'my-brand'));
    // Nobody signed in: the home view, with its product areas.
    if (url.pathname === '/api/session') return void response.writeHead(200, { 'content-type': 'application/json' }).end('{"session":null}');
    const file = normalize(join(BUNDLE, url.pathname.replace(/^\/support-elements\//, '')));
    if (url.pathname.startsWith('/support-elements/') && file.startsWith(BUNDLE) && existsSync(file)) {
      return void response.writeHead(200, { 'content-type': extname(file) === '.js' ? 'text/javascript' : 'application/json' }).end(readFileSync(file));
    }
    response.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
  mkdirSync(OUT, { recursive: true });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(() => resolve(undefined)));
});

// Runs in the page: contrast of each checked element's text against its effective background.
const MEASURE = `(() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const ch = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
  };
  const background = (el) => {
    for (let node = el; node; node = node.parentElement || (node.getRootNode() instanceof ShadowRoot ? node.getRootNode().host : null)) {
      const c = rgb(getComputedStyle(node).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const root = document.querySelector('support-contact').shadowRoot;
  const checked = [['heading', root.querySelector('h1')], ...[...root.querySelectorAll('[part~="area-name"], [part~="start-button"]')].map((el) => [el.getAttribute('part'), el])];
  return checked.map(([name, el]) => {
    const a = lum(rgb(getComputedStyle(el).color).slice(0, 3));
    const b = lum(background(el));
    return { name, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
  });
})()`;

describe('docs/snippets/brand-theme.css stays readable', () => {
  for (const [wrapper, scheme] of [['my-brand', 'light'], ['my-brand', 'dark'], ['light-only', 'dark']]) {
    it(`${wrapper} in ${scheme} mode: text contrast ≥ ${MIN_CONTRAST}:1`, async () => {
      const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
      try {
        await page.emulateMedia({ colorScheme: /** @type {'light' | 'dark'} */ (scheme) });
        await page.goto(`${origin}/?wrapper=${wrapper}`);
        await page.locator('support-contact [part~="start-button"]').first().waitFor();
        /** @type {{ name: string, ratio: number }[]} */
        const measured = await page.evaluate(MEASURE);
        assert.ok(measured.length >= 3, 'nothing measured');
        const low = measured.filter((m) => m.ratio < MIN_CONTRAST);
        assert.deepEqual(low, [], `low contrast in ${scheme}: ${JSON.stringify(low)}`);
        await page.screenshot({ path: join(OUT, `brand-${wrapper}-${scheme}.png`), fullPage: true });
      } finally {
        await page.close();
      }
    });
  }
});
