// Smoke test of the toolchain: TypeScript + legacy decorators through esbuild, Lit rendering,
// @open-wc/testing fixtures and axe in Chromium.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { expect, fixture } from '@open-wc/testing';

@customElement('toolchain-smoke')
class ToolchainSmoke extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  @property() label = 'Hello';

  override render() {
    return html`<button type="button">${this.label}</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'toolchain-smoke': ToolchainSmoke;
  }
}

describe('toolchain', () => {
  it('renders a decorated Lit element with reactive properties', async () => {
    const el = await fixture<ToolchainSmoke>(html`<toolchain-smoke label="Send"></toolchain-smoke>`);
    expect(el).to.be.instanceOf(ToolchainSmoke);
    expect(el.shadowRoot?.querySelector('button')?.textContent).to.equal('Send');
    el.label = 'Sent';
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('button')?.textContent).to.equal('Sent');
  });

  it('is accessible', async () => {
    const el = await fixture<ToolchainSmoke>(html`<toolchain-smoke></toolchain-smoke>`);
    await expect(el).to.be.accessible();
  });
});
