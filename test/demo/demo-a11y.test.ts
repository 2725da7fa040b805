import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../demo/main.js';
import type { DemoApp } from '../../demo/demo-app.js';

// The demo's toolbar (axe over every combination: demo-a11y-<locale>.test.ts).
describe('demo page toolbar', () => {
  afterEach(() => {
    fixtureCleanup();
    localStorage.clear();
  });

  it('keeps the settings in the URL and re-renders when a toolbar control changes', async () => {
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?locale=fr&theme=dark&width=320&backend=memory&user=sam&element=ticket-form`);
    try {
      const app = await fixture<DemoApp>(html`<demo-app .latencyMs=${0}></demo-app>`);
      await app.ready();
      const root = app.shadowRoot;
      const select = (name: string) => root?.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
      expect(select('locale')?.value).to.equal('fr');
      expect(select('theme')?.value).to.equal('dark');
      expect(root?.querySelector('ticket-form')?.getAttribute('theme')).to.equal('dark');
      // Each control has a visible label.
      for (const control of root?.querySelectorAll('select') ?? []) {
        expect(root?.querySelector(`label[for="${control.id}"]`)?.textContent?.trim()).to.not.equal('');
      }
      const element = select('element');
      if (!element) throw new Error('no element select');
      element.value = 'my-tickets';
      element.dispatchEvent(new Event('change'));
      await app.ready();
      expect(new URLSearchParams(location.search).get('element')).to.equal('my-tickets');
      expect(root?.querySelector('my-tickets')).to.be.instanceOf(HTMLElement);
      expect(root?.querySelector('ticket-form')).to.equal(null);
    } finally {
      history.replaceState(null, '', before);
    }
  });
});
