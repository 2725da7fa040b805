// Issue 12, offline outbox, in a real page (examples/plain-html with the built bundle and the
// reference server): a case submitted while the browser is offline waits ("Waiting to send"),
// the page is reloaded while the API is still unreachable, the network comes back and the
// customer signs in again: the case is created exactly once, with the key of the first try.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { startExample } from '../../scripts/examples.mjs';

const PASSWORD = 'correct horse battery';

let browser: Browser;

before(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
});

after(async () => {
  await browser?.close();
});

/** The cases of alex@example.com whose subject has `words`, asked of the server directly. */
async function casesMatching(apiUrl: string, words: string): Promise<number> {
  const api = `${apiUrl.replace(/\/+$/, '')}/api`;
  const signIn = await fetch(`${api}/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ email: 'alex@example.com', password: PASSWORD, realm: 'product' }),
  });
  const { token } = (await signIn.json()) as { token: string };
  const list = await fetch(`${api}/tickets?search=${encodeURIComponent(words)}`, { headers: { Authorization: `Bearer ${token}` } });
  const { total } = (await list.json()) as { total: number };
  return total;
}

describe('offline outbox in a real page', () => {
  it('a case submitted offline survives a reload and is created once when the network returns', async () => {
    const example = await startExample('plain-html', { port: 0 });
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(example.url);
      const form = page.locator('ticket-form');
      const signInAgain = async () => {
        const signIn = form.locator('support-sign-in');
        await signIn.getByLabel('Email address').fill('alex@example.com');
        await signIn.getByLabel('Password').fill(PASSWORD);
        await signIn.getByRole('button', { name: 'Sign in' }).click();
      };
      await signInAgain();
      const subject = `Offline outbox ${crypto.randomUUID().slice(0, 8)}`;
      await form.getByLabel('Subject').fill(subject);
      await form.getByRole('button', { name: 'Add case details' }).click();
      await form.getByLabel('Product').selectOption('esignature');
      await form.getByLabel('Description').fill('Typed on a train with no signal.');
      await form.getByRole('radio', { name: 'Email', exact: true }).check();

      await context.setOffline(true);
      await form.getByRole('button', { name: 'Submit ticket' }).click();
      // The waiting item (its words are also said once in the status region, for screen readers).
      await form.getByRole('listitem').filter({ hasText: /Waiting to send \(saved \d{1,2}:\d{2}/ }).waitFor();
      await form.getByRole('status').filter({ hasText: /Waiting to send \(saved \d{1,2}:\d{2}/ }).waitFor({ state: 'attached' });
      if (process.env['OUTBOX_SCREENSHOT']) await page.screenshot({ path: process.env['OUTBOX_SCREENSHOT'], fullPage: true });

      // The reload: the page loads, its API does not answer yet (as on a captive network).
      await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
      await context.setOffline(false);
      await page.reload();
      await form.locator('support-sign-in').waitFor();
      assert.equal(await casesMatching(example.apiUrl, subject), 0);

      // The example page's own start-up script asks for the session and does not catch a network
      // failure: that rejection is the host page's, not the elements'.
      errors.splice(0, errors.length, ...errors.filter((message) => message !== 'The server could not be reached'));
      await page.unroute('**/api/**');
      await page.evaluate('window.dispatchEvent(new Event("online"))');
      // The session lived in the old page's memory: the customer signs in, the case goes.
      await signInAgain();
      await form.locator('[part=confirmation]').waitFor();
      assert.equal(await casesMatching(example.apiUrl, subject), 1);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      await example.close();
    }
  });
});
