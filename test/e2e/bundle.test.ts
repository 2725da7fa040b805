// `support-elements/bundle` as adopters load it:
// - in a browser, the README's snippet, copied literally into a page of a plain static server
//   (no import map, no bundler), defines <ticket-form> and renders it in French; translations a
//   host registers show; every request stays on the page's own /support-elements/ folder (no
//   chunk with a bare or absolute name);
// - in Node (SSR), `await import('support-elements/bundle')` gives the exports without throwing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';

const BUNDLE_DIR = 'dist/bundle';

/** The ```html block that follows `<!-- readme-snippet:bundle -->` in README.md. */
function readmeSnippet(): string {
  const readme = readFileSync('README.md', 'utf8');
  const match = /<!-- readme-snippet:bundle -->\s*```html\n([\s\S]*?)```/.exec(readme);
  assert.ok(match?.[1], 'README.md has no bundle snippet');
  return match[1];
}

const TYPES: Readonly<Record<string, string>> = { '.js': 'text/javascript', '.map': 'application/json', '.html': 'text/html' };

let server: Server;
let origin: string;
const served: string[] = [];

before(async () => {
  if (!existsSync(join(BUNDLE_DIR, 'support-elements.js')) || !existsSync('dist/lib/bundle.js')) {
    const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    assert.equal(result.status, 0, 'npm run build failed');
  }
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>snippet</title></head><body>\n${readmeSnippet()}</body></html>`;
  // A static server and nothing else: the page, and dist/bundle/ copied to /support-elements/.
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    served.push(path);
    if (path === '/') {
      response.writeHead(200, { 'content-type': 'text/html' }).end(page);
      return;
    }
    const file = normalize(join(BUNDLE_DIR, path.replace(/^\/support-elements\//, '')));
    if (path.startsWith('/support-elements/') && file.startsWith(BUNDLE_DIR) && existsSync(file)) {
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

describe('support-elements/bundle', () => {
  it('the README snippet, served from a plain static server, renders <ticket-form>', async () => {
    const browser: Browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
    try {
      const page = await browser.newPage();
      page.setDefaultTimeout(15_000);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${origin}/`);
      // French, as the snippet asks: the form's first step (or its sign-in) has a heading.
      const heading = page.locator('ticket-form').getByRole('heading').first();
      await heading.waitFor();
      assert.equal(await page.evaluate("Boolean(customElements.get('ticket-form'))"), true);
      // In French: the bundle numbers message ids (scripts/lib/message-ids.mjs); a msg() call
      // and its locale chunk that disagreed would show the English "Sign in".
      assert.equal(await heading.textContent(), 'S’identifier');
      // A host's messages, by readable id, reach the bundle's numbered ones.
      await page.evaluate(`import('/support-elements/support-elements.js').then((b) => b.registerTranslations('fr', { 'sign-in.heading': 'Connexion au support' }))`);
      await page.locator('ticket-form').getByRole('heading', { name: 'Connexion au support' }).waitFor();
      assert.deepEqual(errors, []);
      const outside = served.filter((path) => path !== '/' && !path.startsWith('/support-elements/') && !path.startsWith('/api/'));
      assert.deepEqual(outside, []);
    } finally {
      await browser.close();
    }
  });

  it('imports in Node without a DOM and exports the public API', async () => {
    // Through package.json's exports (the `node` condition), as an adopter's SSR would. A
    // variable, so that type-checking (which runs before any build) does not look for dist/.
    const specifier: string = 'support-elements/bundle';
    const bundle = (await import(specifier)) as Record<string, unknown>;
    assert.equal(typeof bundle['createFetchAdapter'], 'function');
    assert.equal(typeof bundle['TicketCreatedEvent'], 'function');
    assert.ok(bundle['seedConfig']);
  });
});
