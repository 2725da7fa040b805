import { autoUpdate } from '@floating-ui/dom';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { PopupController } from '../../src/controllers/popup-controller.js';
import { $ } from '../support/dom.js';

class PopupTestHost extends LitElement {
  /** How many floating-ui autoUpdate loops of this host are running now. */
  running = 0;

  readonly popup = new PopupController(this, {
    trigger: () => this.renderRoot.querySelector<HTMLElement>('#trigger'),
    popup: () => this.renderRoot.querySelector<HTMLElement>('#menu'),
    autoUpdate: (reference, floating, update, options) => {
      this.running += 1;
      const stop = autoUpdate(reference, floating, update, options);
      return () => {
        this.running -= 1;
        stop();
      };
    },
  });

  override render() {
    return html`<button id="trigger" type="button" @click=${() => void this.popup.toggle()}>Menu</button>
      <div id="menu" style="position: fixed" ?hidden=${!this.popup.open}>
        <button id="first" type="button">First</button>
        <button id="second" type="button">Second</button>
      </div>
      <button id="after" type="button">After</button>`;
  }
}
customElements.define('popup-test-host', PopupTestHost);

function part(el: PopupTestHost, id: string): HTMLElement {
  return $(el, `#${id}`);
}

async function openHost(): Promise<PopupTestHost> {
  const el = await fixture<PopupTestHost>(html`<popup-test-host></popup-test-host>`);
  part(el, 'trigger').focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => el.popup.open && el.shadowRoot?.activeElement?.id === 'first', 'opened', { timeout: 5000 });
  return el;
}

describe('PopupController', () => {
  it('opens from the trigger with aria-expanded and aria-controls, positioned and focused inside', async () => {
    const el = await openHost();
    const trigger = part(el, 'trigger');
    expect(trigger.getAttribute('aria-expanded')).to.equal('true');
    expect(trigger.getAttribute('aria-controls')).to.equal('menu');
    expect(part(el, 'menu').hidden).to.equal(false);
    await waitUntil(() => part(el, 'menu').style.top !== '', 'positioned', { timeout: 5000 });
    expect(el.popup.positioning).to.equal(true);
    expect(el.running).to.equal(1);
  });

  it('closes on Escape and returns focus to the trigger', async () => {
    const el = await openHost();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(part(el, 'menu').hidden).to.equal(true);
    expect(el.shadowRoot?.activeElement?.id).to.equal('trigger');
    expect(part(el, 'trigger').getAttribute('aria-expanded')).to.equal('false');
    expect(el.running).to.equal(0);
  });

  it('stays open on a click inside and closes on a click outside', async () => {
    const el = await openHost();
    const inside = part(el, 'second').getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(inside.left + 5), Math.round(inside.top + 5)] });
    await el.updateComplete;
    expect(el.popup.open).to.equal(true);
    // Far from the trigger and the popup (which floats over the content below the trigger).
    await sendMouse({ type: 'click', position: [700, 500] });
    await el.updateComplete;
    expect(part(el, 'menu').hidden).to.equal(true);
    expect(el.running).to.equal(0);
  });

  it('closes when focus leaves with Tab', async () => {
    const el = await openHost();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(el.shadowRoot?.activeElement?.id).to.equal('after');
    expect(el.popup.open).to.equal(false);
  });

  it('leaves no autoUpdate running and no listener behind when the host is removed', async () => {
    const el = await openHost();
    expect(el.running).to.equal(1);
    el.remove();
    expect(el.running).to.equal(0);
    expect(el.popup.positioning).to.equal(false);
    expect(el.popup.open).to.equal(false);
    // A later Escape reaches nothing of the removed host.
    await sendKeys({ press: 'Escape' });
    expect(document.activeElement).not.to.equal(el);
  });

  it('toggles closed from the trigger', async () => {
    const el = await openHost();
    part(el, 'trigger').click();
    await el.updateComplete;
    expect(el.popup.open).to.equal(false);
    expect(el.running).to.equal(0);
  });
});
