/** Entry of the interactive view (demo/index.html): defines the elements and `<demo-app>`. */
import '../src/define/support-contact.js';
import '../src/define/ticket-form.js';
import '../src/define/my-tickets.js';
import { DemoApp } from './demo-app.js';
import { DemoSupportPanel } from './support-panel.js';

if (!customElements.get('demo-app')) customElements.define('demo-app', DemoApp);
if (!customElements.get('demo-support-panel')) customElements.define('demo-support-panel', DemoSupportPanel);

declare global {
  interface HTMLElementTagNameMap {
    'demo-app': DemoApp;
    'demo-support-panel': DemoSupportPanel;
  }
}
