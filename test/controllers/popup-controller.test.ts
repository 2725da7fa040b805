import { autoUpdate } from '@floating-ui/dom';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { PopupController } from '../../src/controllers/popup-controller.js';
import { supportsAnchorPositioning } from '../../src/controllers/popup-position.js';
import { $ } from '../support/dom.js';

class PopupTestHost extends LitElement {
  /** How many floating-ui autoUpdate loops of this host are running now. */
  running = 0;

  readonly popup = new PopupController(this, {
    trigger: () => this.renderRoot.querySelector<HTMLElement>('#trigger'),
    popup: () => this.renderRoot.querySelector<HTMLElement>('#menu'),
    // The floating-ui fallback (browsers without CSS anchor positioning); the native path is
    // the second describe below.
    anchorPositioning: false,
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

function part(el: LitElement, id: string): HTMLElement {
  return $(el, `#${id}`);
}

async function openHost(): Promise<PopupTestHost> {
  const el = await fixture<PopupTestHost>(html`<popup-test-host></popup-test-host>`);
  part(el, 'trigger').focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => el.popup.open && el.shadowRoot?.activeElement?.id === 'first', 'opened', { timeout: 5000 });
  return el;
}

describe('PopupController (floating-ui fallback)', () => {
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

class AnchoredTestHost extends LitElement {
  readonly popup = new PopupController(this, {
    trigger: () => this.renderRoot.querySelector<HTMLElement>('#trigger'),
    popup: () => this.renderRoot.querySelector<HTMLElement>('#menu'),
    placement: 'bottom-end',
    autoUpdate: () => {
      throw new Error('floating-ui used where CSS anchor positioning is there');
    },
  });

  override render() {
    return html`<div style="overflow: hidden; block-size: 1.5rem; transform: translateX(0)">
        <button id="trigger" type="button" style="margin-inline-start: 20rem" @click=${() => void this.popup.toggle()}>Menu</button>
        <div id="menu" ?hidden=${!this.popup.open}>
          <button id="first" type="button">First choice</button>
          <button id="second" type="button">Second choice</button>
        </div>
      </div>
      <button id="after" type="button">After</button>`;
  }
}
customElements.define('anchored-test-host', AnchoredTestHost);

describe('PopupController (CSS anchor positioning, native popover)', () => {
  async function openAnchored(): Promise<AnchoredTestHost> {
    const el = await fixture<AnchoredTestHost>(html`<anchored-test-host></anchored-test-host>`);
    part(el, 'trigger').click();
    await waitUntil(() => el.popup.open && el.shadowRoot?.activeElement?.id === 'first', 'opened', { timeout: 5000 });
    return el;
  }

  it('is supported by the test browser (else the fallback above is what runs)', () => {
    expect(supportsAnchorPositioning()).to.equal(true);
  });

  it('shows the popup in the top layer, below the trigger and end-aligned with it, unclipped by a transformed overflow:hidden parent', async () => {
    const el = await openAnchored();
    const menu = part(el, 'menu');
    expect(menu.matches(':popover-open')).to.equal(true);
    expect(el.popup.positioning).to.equal(true);
    const trigger = part(el, 'trigger').getBoundingClientRect();
    const box = menu.getBoundingClientRect();
    expect(box.top).to.be.closeTo(trigger.bottom + 6, 1);
    expect(box.right).to.be.closeTo(trigger.right, 1);
    // The parent is 1.5rem tall and clips: the whole popup is still where a click reaches it.
    const second = part(el, 'second').getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(second.left + 5), Math.round(second.top + 5)] });
    expect(el.shadowRoot?.activeElement?.id).to.equal('second');
    expect(el.popup.open).to.equal(true);
  });

  it('leaves the top layer on Escape, focus back on the trigger', async () => {
    const el = await openAnchored();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    const menu = part(el, 'menu');
    expect(menu.matches(':popover-open')).to.equal(false);
    expect(menu.hidden).to.equal(true);
    expect(el.popup.positioning).to.equal(false);
    expect(el.shadowRoot?.activeElement?.id).to.equal('trigger');
    expect(part(el, 'trigger').style.getPropertyValue('anchor-name')).to.equal('');
  });

  it('is accessible while open', async () => {
    const el = await openAnchored();
    await expect(el).to.be.accessible();
  });
});
