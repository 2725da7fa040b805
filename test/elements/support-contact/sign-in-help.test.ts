import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryBackend, type MemoryBackend } from '../../../src/adapters/memory-adapter.js';
import { seedConfig, type SignInHelpLabel, type SupportConfig } from '../../../src/core/config.js';
import { SupportError } from '../../../src/core/errors.js';
import { sharedStore } from '../../../src/controllers/file-store.js';
import '../../../src/define/support-sign-in-help.js';
import type { SupportSignInHelp } from '../../../src/define/support-sign-in-help.js';
import type { SupportContact } from '../../../src/define/support-contact.js';
import { $, $$, area, contact, deepActive, has, text, nextEvent, waitFor, until } from './helpers.js';

function fill(form: HTMLElement, values: { name?: string; email?: string; areaId?: string; description?: string }): void {
  for (const [field, value] of Object.entries(values)) {
    // The product area is a radio per area (a long area name would be cut in a drop-down).
    if (field === 'areaId') {
      $<HTMLInputElement>(form, `input[name="areaId"][value="${value}"]`).click();
      continue;
    }
    const control = $<HTMLInputElement>(form, `#${field}`);
    control.value = value;
    control.dispatchEvent(new Event('input'));
  }
}

/** The "I can't sign in" help given to `<support-sign-in>`'s help slot (light DOM). */
function helpOf(signIn: HTMLElement): HTMLElement {
  const help = signIn.querySelector<HTMLElement>('[slot="help"]');
  if (!help) throw new Error('No help slot content');
  return help;
}

/** Opens the sign-in step of the eSignature area (its start control, whichever it is). */
async function openSignIn(el: SupportContact): Promise<HTMLElement> {
  $(area(el, 'esign'), '[data-start]').click();
  return waitFor(el, 'support-sign-in');
}

/** Fills and sends the fallback form shown by `el`; returns the reference shown. */
async function sendHelpForm(el: SupportContact, backend: MemoryBackend, expectedArea: string): Promise<string> {
  const form = await waitFor(el, 'support-sign-in-help');
  await until(() => form.shadowRoot?.activeElement?.tagName === 'H2', 'focus on the form heading');
  fill(form, { name: 'Kim Lee', email: 'kim@example.com', areaId: expectedArea, description: 'The password is refused.' });
  const submitted = nextEvent(el, 'sign-in-help-submitted');
  $(form, 'button[type="submit"]').click();
  const event = await submitted;
  expect(event.areaId).to.equal(expectedArea);
  await until(() => form.shadowRoot?.querySelector('[part="confirmation"]'));
  expect(text($(form, '[part="confirmation"]'))).to.contain(event.reference);
  expect(backend.signInHelpRequests.map((r) => r.reference)).to.deep.equal([event.reference]);
  return event.reference;
}

describe('<support-contact> "I can\'t sign in"', () => {
  // A send that failed for want of a network waits in the outbox (IndexedDB): no test inherits one.
  afterEach(async () => {
    localStorage.clear();
    await sharedStore().deletePrefix('outbox');
  });

  it('puts the reset-password link first, advising to try it before the form', async () => {
    const el = await contact('en');
    const signIn = await openSignIn(el);
    const help = helpOf(signIn);
    const reset = $<HTMLAnchorElement>(help, '[data-help="reset"]');
    expect(reset.href).to.equal(seedConfig.passwordResetUrls.product);
    const links = $$(help, 'a, button');
    expect(links[0]).to.equal(reset);
    expect(text(help)).to.contain('Try resetting your password first');
  });

  it('en: one link per product area, each opening that area\'s form, which works without sign-in', async () => {
    const backend = createMemoryBackend();
    const el = await contact('en', { backend });
    const signIn = await openSignIn(el);
    const links = $$(helpOf(signIn), '[data-help-label="area_form"]');
    expect(links.map((l) => l.dataset['area'])).to.deep.equal(['esign', 'seal']);
    expect(text(links[1])).to.contain('Protect & Sign');
    await expect(el).to.be.accessible();
    links[1]?.click();
    const form = await waitFor(el, 'support-sign-in-help');
    expect(form.getAttribute('area')).to.equal('seal');
    await sendHelpForm(el, backend, 'seal');
    expect(await backend.getSession()).to.equal(null);
  });

  const single: { locale: string; label: SignInHelpLabel }[] = [
    { locale: 'fr', label: 'fill_in_form' },
    { locale: 'de', label: 'please_fill_in_form' },
    { locale: 'pt-BR', label: 'need_help_resetting' },
  ];
  for (const { locale, label } of single) {
    it(`${locale}: one "${label}" link opens the form`, async () => {
      const backend = createMemoryBackend();
      const el = await contact(locale, { backend });
      const signIn = await openSignIn(el);
      const links = $$(helpOf(signIn), '[data-help-label]');
      expect(links.map((l) => l.dataset['helpLabel'])).to.deep.equal([label]);
      links[0]?.click();
      await sendHelpForm(el, backend, 'esign');
    });
  }

  it('ja: "Other" among the sign-in help choices opens the form', async () => {
    const backend = createMemoryBackend();
    const el = await contact('ja', { backend });
    const signIn = await openSignIn(el);
    const help = helpOf(signIn);
    expect($$(help, '[data-help-choice]').map((c) => c.dataset['helpChoice'])).to.deep.equal(['forgot', 'locked', 'other']);
    expect($<HTMLAnchorElement>(help, '[data-help-choice="forgot"]').href).to.equal(seedConfig.passwordResetUrls.product);
    const locked = $(help, '[data-help-choice="locked"]');
    locked.click();
    await el.updateComplete;
    expect(locked.getAttribute('aria-expanded')).to.equal('true');
    expect($(help, '#locked-help').hidden).to.equal(false);
    await expect(el).to.be.accessible();
    const other = $(help, '[data-help-choice="other"]');
    expect(other.dataset['helpLabel']).to.equal('other');
    other.click();
    await sendHelpForm(el, backend, 'esign');
  });

  // The label's words come from a table keyed by the config's label: any language may use any.
  const words: [SignInHelpLabel, string][] = [
    ['fill_in_form', 'Fill in a form'],
    ['please_fill_in_form', 'Please fill in this form'],
    ['need_help_resetting', 'Need help resetting your password?'],
  ];
  for (const [label, expected] of words) {
    it(`reads "${expected}" for the "${label}" label`, async () => {
      const config: SupportConfig = { ...seedConfig, signInHelp: [{ locales: ['en'], presentation: 'link', label }] };
      const el = await contact('en', { config });
      const signIn = await openSignIn(el);
      expect(text($(helpOf(signIn), `[data-help-label="${label}"]`))).to.equal(expected);
    });
  }

  it('opens the form from "More support options" too', async () => {
    const backend = createMemoryBackend();
    const el = await contact('fr', { backend });
    $(el, '[part="more-options"] [data-help-form]').click();
    await sendHelpForm(el, backend, 'seal');
  });
});

describe('<support-sign-in-help>', () => {
  // A send that failed for want of a network waits in the outbox (IndexedDB): no test inherits one.
  afterEach(async () => {
    localStorage.clear();
    await sharedStore().deletePrefix('outbox');
  });

  async function helpForm(backend: MemoryBackend | ReturnType<typeof createMemoryBackend>, areaId?: string) {
    return fixture<SupportSignInHelp>(html`<support-sign-in-help locale="en" area=${areaId ?? ''} .backend=${backend}></support-sign-in-help>`);
  }

  it('lists every missing answer in an error summary that takes focus', async () => {
    const el = await helpForm(createMemoryBackend());
    $(el, 'button[type="submit"]').click();
    await until(() => el.shadowRoot?.activeElement?.classList.contains('error-summary'));
    expect($$(el, '.error-summary a').map((a) => a.getAttribute('href'))).to.deep.equal(['#name', '#email', '#areaId', '#description']);
    expect(text($(el, '#name-error'))).to.contain('Enter your name');
    expect($(el, '#email').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('sends once with an idempotency key, shows the reference, and clears the draft', async () => {
    const backend = createMemoryBackend();
    const keys: string[] = [];
    const spy: MemoryBackend = {
      ...backend,
      submitSignInHelp: (request, options) => {
        keys.push(options.idempotencyKey);
        return backend.submitSignInHelp(request, options);
      },
    };
    const el = await helpForm(spy, 'esign');
    fill(el, { name: 'Kim Lee', email: 'kim@example.com', description: 'Locked out.' });
    expect(localStorage.length).to.be.greaterThan(0);
    $(el, 'button[type="submit"]').click();
    await until(() => el.shadowRoot?.querySelector('[part="confirmation"]'));
    expect(keys).to.have.length(1);
    expect(backend.signInHelpRequests).to.have.length(1);
    expect(el.shadowRoot?.activeElement?.tagName).to.equal('H2');
    expect(text($(el, '[part="confirmation"]'))).to.contain('kim@example.com');
    expect(localStorage.length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('keeps what was typed after a reload and after a failed send, with the same key', async () => {
    const backend = createMemoryBackend();
    const keys: string[] = [];
    let fail = true;
    const flaky: MemoryBackend = {
      ...backend,
      submitSignInHelp: (request, options) => {
        keys.push(options.idempotencyKey);
        if (fail) return Promise.reject(new SupportError('network', 'down'));
        return backend.submitSignInHelp(request, options);
      },
    };
    const first = await helpForm(flaky, 'seal');
    fill(first, { name: 'Kim Lee', email: 'kim@example.com', description: 'Locked out.' });
    first.remove();
    const el = await helpForm(flaky);
    expect($<HTMLInputElement>(el, '#name').value).to.equal('Kim Lee');
    expect($<HTMLInputElement>(el, 'input[name="areaId"][value="seal"]').checked).to.equal(true);
    $(el, 'button[type="submit"]').click();
    await until(() => el.shadowRoot?.querySelector('.notice--error'));
    expect(deepActive()?.classList.contains('notice--error')).to.equal(true);
    expect($<HTMLTextAreaElement>(el, '#description').value).to.equal('Locked out.');
    await expect(el).to.be.accessible();
    fail = false;
    $(el, 'button[type="submit"]').click();
    await until(() => el.shadowRoot?.querySelector('[part="confirmation"]'));
    expect(new Set(keys).size).to.equal(1);
    expect(has(el, '.notice--error')).to.equal(false);
  });

  it('a request changed after a failed send is a new intent: it gets a new key', async () => {
    const backend = createMemoryBackend();
    const keys: string[] = [];
    let fail = true;
    const flaky: MemoryBackend = {
      ...backend,
      submitSignInHelp: (request, options) => {
        keys.push(options.idempotencyKey);
        if (fail) return Promise.reject(new SupportError('network', 'down'));
        return backend.submitSignInHelp(request, options);
      },
    };
    const el = await helpForm(flaky, 'esign');
    fill(el, { name: 'Kim Lee', email: 'kim@example.com', description: 'Locked out.' });
    $(el, 'button[type="submit"]').click();
    await until(() => el.shadowRoot?.querySelector('.notice--error'));
    fill(el, { description: 'Locked out since Monday.' });
    fail = false;
    $(el, 'button[type="submit"]').click();
    await until(() => el.shadowRoot?.querySelector('[part="confirmation"]'));
    expect(keys).to.have.length(2);
    expect(new Set(keys).size).to.equal(2);
    expect(backend.signInHelpRequests).to.have.length(1);
  });

  it('while sending, the button keeps focus with aria-disabled, "Sending…" is announced, and a second submit sends nothing', async () => {
    const backend = createMemoryBackend();
    let calls = 0;
    let release: () => void = () => {};
    const slow: MemoryBackend = {
      ...backend,
      submitSignInHelp: async (request, options) => {
        calls += 1;
        await new Promise<void>((resolve) => (release = resolve));
        return backend.submitSignInHelp(request, options);
      },
    };
    const el = await helpForm(slow, 'esign');
    fill(el, { name: 'Kim Lee', email: 'kim@example.com', description: 'Locked out.' });
    const button = $(el, 'button[type="submit"]');
    button.focus();
    button.click();
    await until(() => button.getAttribute('aria-disabled') === 'true');
    expect(button.hasAttribute('disabled')).to.equal(false);
    expect(el.shadowRoot?.activeElement).to.equal(button);
    expect($(el, 'form').getAttribute('aria-busy')).to.equal('true');
    expect(text($(el, 'form [role="status"]'))).to.equal('Sending…');
    button.click();
    await el.updateComplete;
    expect(calls).to.equal(1);
    release();
    await until(() => el.shadowRoot?.querySelector('[part="confirmation"]'));
    expect(backend.signInHelpRequests).to.have.length(1);
  });
});
