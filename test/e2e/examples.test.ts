// Each runnable example of examples/ (plain HTML with the bundle's script tag, React 19,
// Vue 3) in Chromium, served as `node scripts/examples.mjs <name>` serves it: Vite in front,
// the reference server behind /api. A customer signs in when the form asks, opens a case
// through <ticket-form> (EN Flow 1), and the page shows what the app heard from the
// `ticket-created` event, then lists the new case in <my-tickets>.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { EXAMPLES, startExample } from '../../scripts/examples.mjs';

const PASSWORD = 'correct horse battery';

let browser: Browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS],
  });
});

after(async () => {
  await browser?.close();
});

/** Opens a case through the page's <ticket-form>; returns the case number it confirms. */
async function openCase(page: Page, subject: string): Promise<string> {
  const form = page.locator('ticket-form');
  const signIn = form.locator('support-sign-in');
  const subjectField = form.getByLabel('Subject');
  await signIn.or(subjectField).first().waitFor();
  if (await signIn.isVisible()) {
    await signIn.getByLabel('Email address').fill('alex@example.com');
    await signIn.getByLabel('Password').fill(PASSWORD);
    await signIn.getByRole('button', { name: 'Sign in' }).click();
  }

  await subjectField.fill(subject);
  await form.getByRole('button', { name: 'Add case details' }).click();
  await form.getByRole('heading', { name: 'Add case details' }).waitFor();
  await form.getByLabel('Product').selectOption('esignature');
  await form.getByLabel('Description').fill('The void button does nothing on a sent envelope.');
  await form.getByRole('radio', { name: 'Email', exact: true }).check();
  await form.getByRole('button', { name: 'Submit ticket' }).click();

  const confirmation = form.getByRole('heading', { name: /^Case \S+ is open$/ });
  await confirmation.waitFor();
  const heading = (await confirmation.textContent()) ?? '';
  const number = /Case (\S+) is open/.exec(heading)?.[1];
  assert.ok(number, `no case number in "${heading}"`);
  return number;
}

describe('examples/', () => {
  for (const name of EXAMPLES) {
    it(`${name}: completes a ticket, the app hears ticket-created and lists the case`, async () => {
      const example = await startExample(name, { port: 0 });
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(15_000);
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(message.text());
        });

        await page.goto(example.url);
        const number = await openCase(page, 'Envelope stuck in sending');

        // The app's own listener wrote this, from event.ticket.number.
        await page.locator('#created').filter({ hasText: `Created case ${number}` }).waitFor();
        // <my-tickets>, given the session the app got from session-changed, lists the case.
        await page.locator('my-tickets').getByText(number, { exact: true }).first().waitFor();
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
        await example.close();
      }
    });
  }
});
