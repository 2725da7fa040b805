// The inline "Remove watcher?" confirmation for keyboard and voice users (issue 14): Escape
// backs out of it and focus returns to the watcher's "Remove" button; that button's
// accessible name starts with its visible label in every locale (WCAG 2.5.3, axe
// label-content-name-mismatch), the pseudo-locale too.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMemoryBackend } from '../../../src/adapters/memory-adapter.js';
import { $, renderCase, seeded } from './helpers.js';

const alex = () => createMemoryBackend({ signedInAs: 'alex@example.com' });
const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** What a voice-control user reads on the button: its text without the visually hidden parts. */
function visibleLabel(button: HTMLElement): string {
  const copy = button.cloneNode(true) as HTMLElement;
  for (const hidden of copy.querySelectorAll('.visually-hidden')) hidden.remove();
  return squash(copy.textContent);
}

/** The button's accessible name as computed from aria-label or its content. */
function accessibleName(button: HTMLElement): string {
  return squash(button.getAttribute('aria-label') ?? button.textContent);
}

describe('removing a watcher', () => {
  it('Escape cancels the confirmation and returns focus to "Remove"; the watcher stays', async () => {
    const backend = alex();
    const { el, detail } = await renderCase(backend, await seeded(backend, 'pending'));
    $<HTMLButtonElement>(detail, 'button[data-email="manager@example.com"]').click();
    await waitUntil(() => detail.shadowRoot?.activeElement?.closest('.confirm'), 'focus in the confirmation');
    await sendKeys({ press: 'Tab' });
    expect(squash(detail.shadowRoot?.activeElement?.textContent)).to.equal('Cancel');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => detail.shadowRoot?.activeElement?.getAttribute('data-email') === 'manager@example.com', 'focus back on Remove');
    expect(detail.shadowRoot?.querySelector('.confirm')).to.equal(null);
    expect($(detail, '.watchers').textContent).to.contain('manager@example.com');
    expect((await backend.getTicket(detail.number)).watchers.map((w) => w.email)).to.include('manager@example.com');
    await expect(el).to.be.accessible();
  });

  for (const locale of ['en', 'fr', 'de', 'pt-BR', 'ja', 'en-XA']) {
    it(`${locale}: the "Remove" button's accessible name starts with its visible label and names the watcher`, async () => {
      const backend = alex();
      const { detail } = await renderCase(backend, await seeded(backend, 'pending'), locale);
      const button = $<HTMLButtonElement>(detail, 'button[data-email="manager@example.com"]');
      const label = visibleLabel(button);
      expect(label, 'a visible label').to.not.equal('');
      expect(accessibleName(button).startsWith(label), `"${accessibleName(button)}" starts with "${label}"`).to.equal(true);
      expect(accessibleName(button)).to.contain('manager@example.com');
    });
  }
});
