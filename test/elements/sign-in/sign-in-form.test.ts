import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Session } from '../../../src/adapters/backend.js';
import { createMemoryBackend, DEMO_PASSWORD, type MemoryBackend } from '../../../src/adapters/memory-adapter.js';
import '../../../src/define/support-sign-in.js';
import type { SupportSignIn } from '../../../src/define/support-sign-in.js';
import type { SessionChangedEvent } from '../../../src/events/events.js';
import { $ } from '../../support/dom.js';

function control(el: SupportSignIn, selector: string): HTMLInputElement {
  return $<HTMLInputElement>(el, selector);
}

async function type(el: SupportSignIn, selector: string, text: string): Promise<void> {
  control(el, selector).focus();
  await sendKeys({ type: text });
}

describe('<support-sign-in>', () => {
  afterEach(() => localStorage.clear());

  it('offers email and password fields that password managers fill', async () => {
    const el = await fixture<SupportSignIn>(html`<support-sign-in .backend=${createMemoryBackend()}></support-sign-in>`);
    expect(control(el, '#email').autocomplete).to.equal('username');
    expect(control(el, '#password').autocomplete).to.equal('current-password');
    expect(control(el, '#password').type).to.equal('password');
    await expect(el).to.be.accessible();
  });

  it('lists empty fields in an error summary that takes focus and links to each field', async () => {
    const el = await fixture<SupportSignIn>(html`<support-sign-in .backend=${createMemoryBackend()}></support-sign-in>`);
    control(el, 'button[type=submit]').click();
    await waitUntil(() => el.shadowRoot?.activeElement?.classList.contains('error-summary'));
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.error-summary a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['#email', '#password']);
    expect(control(el, '#email').getAttribute('aria-describedby')).to.contain('email-error');
    expect(el.shadowRoot!.querySelector('#email-error .visually-hidden')?.textContent?.trim()).to.equal('Error:');
    links[1]?.click();
    expect(el.shadowRoot?.activeElement?.id).to.equal('password');
    await expect(el).to.be.accessible();
  });

  it('says when the credentials are wrong, and keeps the email', async () => {
    const el = await fixture<SupportSignIn>(html`<support-sign-in .backend=${createMemoryBackend()}></support-sign-in>`);
    await type(el, '#email', 'alex@example.com');
    await type(el, '#password', 'wrong password');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot?.querySelector('.notice--error'));
    expect(el.shadowRoot!.querySelector('.notice--error')?.textContent).to.contain('not right');
    expect(control(el, '#email').value).to.equal('alex@example.com');
    expect(control(el, '#password').value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('signs in by keyboard alone and never stores the password', async () => {
    const el = await fixture<SupportSignIn>(html`<support-sign-in .backend=${createMemoryBackend()}></support-sign-in>`);
    await type(el, '#email', 'alex@example.com');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: DEMO_PASSWORD });
    const changed = new Promise<SessionChangedEvent>((resolve) => el.addEventListener('session-changed', resolve, { once: true }));
    await sendKeys({ press: 'Enter' });
    const event = await changed;
    expect(event.session?.user.email).to.equal('alex@example.com');
    const stored = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
    expect(stored).not.to.contain(DEMO_PASSWORD);
  });

  it('refuses product credentials where support-center ones are needed', async () => {
    const el = await fixture<SupportSignIn>(
      html`<support-sign-in realm="support_center" .backend=${createMemoryBackend()}></support-sign-in>`,
    );
    expect(el.shadowRoot!.textContent).to.contain('support center account');
    await type(el, '#email', 'alex@example.com');
    await type(el, '#password', DEMO_PASSWORD);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot?.querySelector('.notice--error'));
  });

  it('while signing in, the button keeps focus with aria-disabled and a second submit sends nothing', async () => {
    const backend = createMemoryBackend();
    let calls = 0;
    let release: () => void = () => {};
    const slow: MemoryBackend = {
      ...backend,
      signIn: async (credentials, options) => {
        calls += 1;
        await new Promise<void>((resolve) => (release = resolve));
        return backend.signIn(credentials, options);
      },
    };
    const el = await fixture<SupportSignIn>(html`<support-sign-in .backend=${slow}></support-sign-in>`);
    await type(el, '#email', 'alex@example.com');
    await type(el, '#password', DEMO_PASSWORD);
    const button = control(el, 'button[type=submit]');
    button.focus();
    const changed = new Promise<SessionChangedEvent>((resolve) => el.addEventListener('session-changed', resolve, { once: true }));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => button.getAttribute('aria-disabled') === 'true');
    expect(button.hasAttribute('disabled')).to.equal(false);
    expect(el.shadowRoot?.activeElement).to.equal(button);
    expect($(el, 'form').getAttribute('aria-busy')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    expect(calls).to.equal(1);
    release();
    const session: Session | null = (await changed).session;
    expect(session?.user.email).to.equal('alex@example.com');
    await waitUntil(() => button.getAttribute('aria-disabled') === 'false');
  });
});
