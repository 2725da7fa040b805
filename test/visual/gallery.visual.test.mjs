// Visual regression of the gallery's tiles (demo/gallery.html) in Chromium: EN + JA, light +
// dark, each tile compared with its committed baseline in test/visual/baselines/<locale>-<theme>/.
//
//   node --test test/visual/gallery.visual.test.mjs                    compare
//   UPDATE_VISUAL_BASELINES=1 node --test test/visual/gallery.visual.test.mjs   write baselines
//
// Deterministic rendering: a production build of the demo (no dev-mode noise), a fixed clock
// (page.clock: Date in the page, so the memory backend's case dates and every relative time),
// UTC, 1280 px wide at scale 1, no animations or caret, fonts from the system (Japanese needs
// Debian's fonts-noto-cjk). On a difference the actual and diff images go to .cache/visual/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const baselines = join(root, 'test', 'visual', 'baselines');
const outDir = join(root, '.cache', 'visual');
const buildDir = join(root, '.cache', 'visual-demo');
const update = process.env.UPDATE_VISUAL_BASELINES === '1';

/** The gallery's fixed "now": every date and relative time in the tiles derives from it. */
const NOW = new Date('2026-03-02T09:30:00Z');
/** Pixels (of any tile) allowed to differ, beyond pixelmatch's per-pixel colour threshold. */
const MAX_DIFF_RATIO = 0.0005;
const MAX_DIFF_MIN = 30;

const VARIANTS = [
  { locale: 'en', theme: 'light' },
  { locale: 'en', theme: 'dark' },
  { locale: 'ja', theme: 'light' },
  { locale: 'ja', theme: 'dark' },
];

const CHROME_ARGS = [
  ...CHROMIUM_ARGS,
  '--font-render-hinting=none',
  '--disable-lcd-text',
  '--force-color-profile=srgb',
  // Four galleries load at once: none of them is a throttled background page.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

function hasJapaneseFont() {
  try {
    return execFileSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

/** @type {import('vite').PreviewServer | undefined} */
let server;
/** @type {import('playwright-core').Browser | undefined} */
let browser;
let baseUrl = '';
/** @type {Map<string, Promise<{ page: import('playwright-core').Page, tiles: string[] }>>} */
const pages = new Map();

/**
 * Opens the gallery of one variant and waits until every tile reached its state.
 * @param {{ locale: string, theme: string }} variant
 */
async function openGallery(variant) {
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext({
    viewport: { width: 1280, height: 1400 },
    deviceScaleFactor: 1,
    timezoneId: 'UTC',
    locale: 'en-US',
    colorScheme: variant.theme === 'dark' ? 'dark' : 'light',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await page.clock.setFixedTime(NOW);
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}gallery.html?locale=${variant.locale}&theme=${variant.theme}&eager=1`);
  await page.waitForFunction(() => document.documentElement.dataset.galleryReady, null, { timeout: 45_000 });
  const failed = await page.$$eval('.tile-stage[data-state="error"]', (stages) =>
    stages.map((s) => `${s.getAttribute('data-tile')}: ${s.textContent?.trim()}`),
  );
  assert.deepEqual([...failed, ...errors], [], 'every tile reaches its state without page errors');
  const tiles = await page.$$eval('.tile-stage', (stages) => stages.map((s) => s.getAttribute('data-tile') ?? ''));
  return { page, tiles };
}

/**
 * @param {Buffer} actual
 * @param {string} file
 * @returns {{ ok: true } | { ok: false, why: string, diff?: Buffer }}
 */
function compare(actual, file) {
  const a = PNG.sync.read(actual);
  const b = PNG.sync.read(readFileSync(file));
  if (a.width !== b.width || a.height !== b.height) {
    return { ok: false, why: `size ${a.width}×${a.height}, baseline ${b.width}×${b.height}` };
  }
  const diff = new PNG({ width: a.width, height: a.height });
  const count = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
  const allowed = Math.max(MAX_DIFF_MIN, Math.round(a.width * a.height * MAX_DIFF_RATIO));
  if (count <= allowed) return { ok: true };
  return { ok: false, why: `${count} pixels differ (allowed ${allowed})`, diff: PNG.sync.write(diff) };
}

/**
 * The pixels of `box` (CSS px = device px at scale 1) as a PNG.
 * @param {PNG} full
 * @param {{ x: number, y: number, width: number, height: number }} box
 */
function crop(full, box) {
  const x = Math.max(0, Math.round(box.x));
  const y = Math.max(0, Math.round(box.y));
  const width = Math.min(full.width - x, Math.round(box.width));
  const height = Math.min(full.height - y, Math.round(box.height));
  const out = new PNG({ width, height });
  PNG.bitblt(full, out, x, y, width, height, 0, 0);
  return PNG.sync.write(out);
}

before(async () => {
  const executablePath = chromiumPath();
  assert.ok(existsSync(executablePath), `Chromium not found at ${executablePath} (apt-get install -y chromium, or set CHROME_PATH)`);
  assert.ok(hasJapaneseFont(), 'No Japanese font: apt-get install -y fonts-noto-cjk');
  rmSync(buildDir, { recursive: true, force: true });
  const config = {
    configFile: join(root, 'vite.config.ts'),
    root: join(root, 'demo'),
    mode: 'demo',
    logLevel: /** @type {const} */ ('error'),
    build: {
      outDir: buildDir,
      emptyOutDir: true,
      rolldownOptions: { input: { index: join(root, 'demo', 'index.html'), gallery: join(root, 'demo', 'gallery.html') } },
    },
  };
  await build(config);
  server = await preview({ ...config, preview: { host: '127.0.0.1', port: 4199, strictPort: false } });
  baseUrl = server.resolvedUrls?.local[0] ?? '';
  assert.ok(baseUrl, 'the preview server has a URL');
  browser = await chromium.launch({ executablePath, args: CHROME_ARGS });
  // All variants load at once (each in its own context); the tests then only take pictures.
  for (const variant of VARIANTS) {
    const opened = openGallery(variant);
    opened.catch(() => undefined);
    pages.set(`${variant.locale}-${variant.theme}`, opened);
  }
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const variant of VARIANTS) {
  const name = `${variant.locale}-${variant.theme}`;
  describe(`gallery ${name}`, () => {
    test('every tile matches its baseline', async (t) => {
      const opened = pages.get(name);
      assert.ok(opened, 'gallery opened');
      const { page, tiles } = await opened;
      assert.ok(tiles.length >= 20, `the gallery shows its tiles (${tiles.length})`);
      await page.evaluate(() => scrollTo(0, 0));
      // One picture of the whole page, cut into tiles: far faster than one capture per tile.
      const boxes = await page.$$eval('.tile-stage', (stages) =>
        stages.map((s) => {
          const r = s.getBoundingClientRect();
          return { tile: s.getAttribute('data-tile') ?? '', x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height };
        }),
      );
      const full = PNG.sync.read(await page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' }));
      for (const box of boxes) {
        await t.test(box.tile, () => {
          const actual = crop(full, box);
          const file = join(baselines, name, `${box.tile}.png`);
          if (update) {
            mkdirSync(dirname(file), { recursive: true });
            writeFileSync(file, actual);
            return;
          }
          assert.ok(existsSync(file), `no baseline ${file}: run UPDATE_VISUAL_BASELINES=1 node --test test/visual/gallery.visual.test.mjs`);
          const result = compare(actual, file);
          if (!result.ok) {
            mkdirSync(join(outDir, name), { recursive: true });
            writeFileSync(join(outDir, name, `${box.tile}.actual.png`), actual);
            if (result.diff) writeFileSync(join(outDir, name, `${box.tile}.diff.png`), result.diff);
          }
          assert.ok(result.ok, `${name}/${box.tile}: ${result.ok ? '' : result.why}; see .cache/visual/${name}/${box.tile}.*.png`);
        });
      }
    });
  });
}

describe('forced colors (Windows High Contrast)', () => {
  test('focus outlines, field borders and the error summary stay visible', async () => {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ viewport: { width: 1280, height: 1400 }, forcedColors: 'active', timezoneId: 'UTC' });
    try {
      const page = await context.newPage();
      await page.clock.setFixedTime(NOW);
      await page.goto(`${baseUrl}gallery.html?locale=en&theme=light&tile=form-details-errors,contact-home-signed-in`);
      await page.waitForFunction(() => document.documentElement.dataset.galleryReady, null, { timeout: 45_000 });
      const styles = await page.evaluate(() => {
        const form = document.querySelector('.tile-stage[data-tile="form-details-errors"] ticket-form');
        const root = form?.shadowRoot;
        const input = root?.querySelector('#description');
        if (!(input instanceof HTMLElement)) throw new Error('no description field');
        input.focus();
        const focused = getComputedStyle(input);
        const summary = root?.querySelector('.error-summary');
        const summaryStyle = summary ? getComputedStyle(summary) : undefined;
        const button = root?.querySelector('[part~="submit-button"]');
        const buttonStyle = button ? getComputedStyle(button) : undefined;
        return {
          forced: matchMedia('(forced-colors: active)').matches,
          outline: `${focused.outlineStyle} ${focused.outlineWidth}`,
          fieldBorder: `${focused.borderTopStyle} ${focused.borderTopWidth}`,
          summaryBorder: `${summaryStyle?.borderTopStyle} ${summaryStyle?.borderTopWidth}`,
          buttonBorder: `${buttonStyle?.borderTopStyle} ${buttonStyle?.borderTopWidth}`,
        };
      });
      mkdirSync(outDir, { recursive: true });
      await page.screenshot({ path: join(outDir, 'forced-colors.png'), fullPage: true });
      assert.equal(styles.forced, true, 'forced colors are emulated');
      assert.equal(styles.outline, 'solid 3px', 'the focus outline stays');
      assert.equal(styles.fieldBorder, 'solid 2px', 'fields keep their border');
      assert.equal(styles.summaryBorder, 'solid 4px', 'the error summary keeps its border');
      assert.equal(styles.buttonBorder, 'solid 2px', 'buttons keep a border');
    } finally {
      await context.close();
    }
  });
});
