/**
 * `<demo-app>`: the interactive view of the demo. A toolbar (a form with a label on every
 * control) chooses language, theme, width, backend, signed-in user and element; the settings
 * live in the URL, so any view is a link. Module without side effects: demo/main.ts defines it.
 */
import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { createDemoBackend, type DemoBackendHandle } from './backends.js';
import {
  AREAS,
  BACKENDS,
  DEFAULTS,
  ELEMENTS,
  LOCALES,
  parseSettings,
  settingsQuery,
  THEMES,
  USERS,
  WIDTHS,
  type DemoSettings,
} from './settings.js';
import { brandTheme } from './themes.js';

/** Events of the elements, shown in the demo's event log. */
const LOGGED_EVENTS = [
  'ticket-created',
  'ticket-opened',
  'comment-added',
  'attachments-added',
  'watchers-changed',
  'callback-requested',
  'follow-up-requested',
  'session-changed',
  'sign-in-help-submitted',
  'article-opened',
  'locale-change-request',
  'manage-tickets-request',
] as const;

interface LoggedEvent {
  readonly id: number;
  readonly name: string;
  readonly detail: string;
}

type SettingKey = 'locale' | 'theme' | 'width' | 'backend' | 'user' | 'element' | 'area';

interface Control {
  readonly key: SettingKey;
  readonly label: string;
  readonly choices: readonly { readonly value: string; readonly label: string }[];
}

const CONTROLS: readonly Control[] = [
  { key: 'element', label: 'Element', choices: ELEMENTS },
  { key: 'locale', label: 'Language', choices: LOCALES },
  { key: 'theme', label: 'Theme', choices: THEMES },
  { key: 'width', label: 'Width', choices: WIDTHS },
  { key: 'backend', label: 'Backend', choices: BACKENDS },
  { key: 'user', label: 'Signed-in user', choices: USERS },
];

const AREA_CONTROL: Control = { key: 'area', label: 'Product area', choices: AREAS };

/** A short text for the log: the interesting field of each event. */
function describe(event: Event): string {
  const fields = ['ticketNumber', 'locale', 'reference', 'phone'] as const;
  const record = event as unknown as Record<string, unknown>;
  for (const field of fields) {
    if (typeof record[field] === 'string') return `${field}: ${String(record[field])}`;
  }
  const ticket = record['ticket'];
  if (ticket && typeof ticket === 'object' && 'number' in ticket) return `case ${String(ticket.number)}`;
  const session = record['session'];
  if (session === null) return 'signed out';
  if (session && typeof session === 'object' && 'user' in session) {
    const user = session.user as { email?: unknown };
    return `signed in: ${String(user.email)}`;
  }
  const article = record['article'];
  if (article && typeof article === 'object' && 'title' in article) return `article: ${String(article.title)}`;
  return '';
}

export class DemoApp extends LitElement {
  static override styles = [
    brandTheme,
    css`
      :host {
        display: block;
        font-family: system-ui, 'Liberation Sans', 'Noto Sans CJK JP', sans-serif;
        color: #1d1d1f;
        background: #ececf0;
        min-block-size: 100vh;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0.5rem 1.5rem;
        padding: 0.75rem 1rem;
        background: #1d1d1f;
        color: #ffffff;
      }
      header a {
        color: #ffffff;
      }
      h1 {
        font-size: 1.25rem;
        margin: 0;
      }
      nav ul {
        display: flex;
        gap: 1rem;
        list-style: none;
        margin: 0;
        padding: 0;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem 1.25rem;
        align-items: end;
        padding: 0.75rem 1rem;
        background: #ffffff;
        border-block-end: 1px solid #8a8a90;
      }
      .control {
        display: flex;
        flex-direction: column;
        gap: 0.2rem;
        font-size: 0.875rem;
        font-weight: 600;
      }
      select {
        font: inherit;
        font-weight: 400;
        min-block-size: 2.25rem;
        padding-inline: 0.4rem;
        border: 1px solid #545459;
        border-radius: 4px;
        background: #ffffff;
        color: #1d1d1f;
      }
      :focus-visible {
        outline: 3px solid #1a56c4;
        outline-offset: 2px;
      }
      main {
        padding: 1rem;
      }
      .stage {
        margin-inline: auto;
        padding: 1rem;
        border: 1px dashed #8a8a90;
        background: #ffffff;
        box-sizing: border-box;
      }
      .stage.width-320 {
        max-inline-size: 320px;
        padding: 0;
      }
      .stage.width-768 {
        max-inline-size: 768px;
      }
      .stage.dark {
        background: #1c1c1f;
      }
      @media (prefers-color-scheme: dark) {
        .stage.system {
          background: #1c1c1f;
        }
      }
      .status {
        margin: 0 0 1rem;
      }
      .error {
        color: #b3261e;
        font-weight: 600;
      }
      aside {
        margin-block-start: 1rem;
        font-size: 0.875rem;
      }
      aside h2 {
        font-size: 1rem;
        margin: 0 0 0.25rem;
      }
      aside ol {
        margin: 0;
        padding-inline-start: 1.5rem;
        max-block-size: 10rem;
        overflow: auto;
      }
      code {
        font-family: 'DejaVu Sans Mono', monospace;
      }
      .link-to-view {
        flex-basis: 100%;
        margin: 0;
        font-size: 0.875rem;
        overflow-wrap: anywhere;
      }
    `,
  ];

  /** The settings shown; read from the URL on connect unless `syncUrl` is false. */
  @property({ attribute: false }) settings: DemoSettings = DEFAULTS;

  /** Keeps `settings` and the URL in step (history.replaceState). Tests turn it off. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = true;

  /** Memory backend delay; the toolbar's in-browser backend uses 300 ms. */
  @property({ type: Number, attribute: 'latency-ms' }) latencyMs = 300;

  @state() private handle: DemoBackendHandle | undefined;
  @state() private signedIn: DemoBackendHandle | undefined;
  @state() private backendError: string | undefined;
  @state() private log: readonly LoggedEvent[] = [];

  private nextLogId = 1;
  private handleKey = '';
  private readonly onPopState = () => {
    this.settings = parseSettings(location.search);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.syncUrl) {
      this.settings = parseSettings(location.search);
      addEventListener('popstate', this.onPopState);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('popstate', this.onPopState);
  }

  /** Settles when the element shown has its backend, its language and its first render. */
  async ready(): Promise<void> {
    await this.updateComplete;
    await this.handle?.ready.catch(() => undefined);
    // The handle's `then` sets `signedIn` one microtask later.
    await new Promise((resolve) => setTimeout(resolve));
    await this.updateComplete;
    const shown = this.renderRoot.querySelector<HTMLElement & { localeReady?: Promise<void>; updateComplete?: Promise<boolean> }>(
      '.stage > *',
    );
    await shown?.localeReady;
    await shown?.updateComplete;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('settings') || changed.has('latencyMs')) {
      const key = `${this.settings.backend}|${this.settings.user}|${this.latencyMs}`;
      if (key !== this.handleKey) {
        this.handleKey = key;
        this.backendError = undefined;
        const handle = createDemoBackend({ backend: this.settings.backend, user: this.settings.user, latencyMs: this.latencyMs });
        this.handle = handle;
        handle.ready.then(
          () => {
            if (this.handle === handle) this.signedIn = handle;
          },
          (error: unknown) => {
            if (this.handle !== handle) return;
            this.backendError = error instanceof Error ? error.message : String(error);
          },
        );
      }
      if (this.syncUrl) {
        const url = `${location.pathname}?${settingsQuery(this.settings)}`;
        if (url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
      }
    }
  }

  private change(key: SettingKey, value: string): void {
    const next = parseSettings(settingsQuery({ ...this.settings, [key]: value }));
    // A case number belongs to one backend and user.
    this.settings = key === 'backend' || key === 'user' || key === 'element' ? { ...next, ticket: '' } : next;
  }

  private onStageEvent = (event: Event) => {
    this.log = [{ id: this.nextLogId++, name: event.type, detail: describe(event) }, ...this.log].slice(0, 20);
    if (event.type === 'locale-change-request') {
      const locale = (event as Event & { locale?: unknown }).locale;
      if (typeof locale === 'string') this.change('locale', locale);
    }
    if (event.type === 'manage-tickets-request' && this.settings.element === 'ticket-form') {
      // <ticket-form> alone leaves "View my tickets" to the host: the demo shows <my-tickets>.
      event.preventDefault();
      this.change('element', 'my-tickets');
    }
  };

  private renderControl(control: Control): TemplateResult {
    const id = `setting-${control.key}`;
    return html`<div class="control">
      <label for=${id}>${control.label}</label>
      <select
        id=${id}
        name=${control.key}
        .value=${this.settings[control.key]}
        @change=${(e: Event) => this.change(control.key, (e.target as HTMLSelectElement).value)}
      >
        ${control.choices.map(
          (c) => html`<option value=${c.value} ?selected=${c.value === this.settings[control.key]}>${c.label}</option>`,
        )}
      </select>
    </div>`;
  }

  private renderElement(): unknown {
    const handle = this.handle;
    if (!handle) return nothing;
    const { element, locale, theme, area, ticket } = this.settings;
    const themeAttr = theme === 'dark' ? 'dark' : theme === 'system' ? undefined : 'light';
    const api = handle.api;
    // A new element for each backend, element and language switch: the view starts over.
    const key = `${this.handleKey}|${element}`;
    switch (element) {
      case 'ticket-form':
        return keyed(key, html`<ticket-form .backend=${api} .locale=${locale} .theme=${themeAttr} .area=${area || undefined}></ticket-form>`);
      case 'my-tickets':
        return keyed(key, html`<my-tickets .backend=${api} .locale=${locale} .theme=${themeAttr} .ticket=${ticket || undefined}></my-tickets>`);
      default:
        return keyed(key, html`<support-contact .backend=${api} .locale=${locale} .theme=${themeAttr}></support-contact>`);
    }
  }

  override render() {
    const s = this.settings;
    const query = settingsQuery(s);
    const ready = this.handle !== undefined && this.signedIn === this.handle && !this.backendError;
    return html`<header>
        <h1>support-elements demo</h1>
        <nav aria-label="Demo views">
          <ul>
            <li><a href="./?${query}" aria-current="page">Interactive view</a></li>
            <li><a href=${`./gallery.html?${new URLSearchParams({ locale: s.locale, theme: s.theme === 'dark' ? 'dark' : 'light' })}`}>Gallery of every state</a></li>
          </ul>
        </nav>
      </header>
      <form aria-label="Demo settings" @submit=${(e: Event) => e.preventDefault()}>
        ${CONTROLS.map((c) => this.renderControl(c))} ${s.element === 'ticket-form' ? this.renderControl(AREA_CONTROL) : nothing}
        <p class="link-to-view">Link to this view: <code>?${query}</code></p>
      </form>
      <main>
        ${this.backendError
          ? html`<p class="status error" role="alert">
              The backend could not sign in ${s.user === 'none' ? '' : `as ${s.user}`}: ${this.backendError}. Is the reference
              server running (<code>npm start</code>)? Or choose the in-browser backend.
            </p>`
          : nothing}
        <div
          class="stage width-${s.width} ${s.theme} ${s.theme === 'brand' ? 'brand' : ''}"
          lang=${s.locale}
          @ticket-created=${this.onStageEvent}
          @ticket-opened=${this.onStageEvent}
          @comment-added=${this.onStageEvent}
          @attachments-added=${this.onStageEvent}
          @watchers-changed=${this.onStageEvent}
          @callback-requested=${this.onStageEvent}
          @follow-up-requested=${this.onStageEvent}
          @session-changed=${this.onStageEvent}
          @sign-in-help-submitted=${this.onStageEvent}
          @article-opened=${this.onStageEvent}
          @locale-change-request=${this.onStageEvent}
          @manage-tickets-request=${this.onStageEvent}
        >
          ${ready ? this.renderElement() : html`<p class="status" role="status">Connecting to the backend…</p>`}
        </div>
        ${ready && s.user !== 'none' && s.element !== 'ticket-form'
          ? html`<demo-support-panel .api=${this.handle?.api} .memory=${this.handle?.memory}></demo-support-panel>`
          : nothing}
        <aside aria-labelledby="log-title">
          <h2 id="log-title">Events (${LOGGED_EVENTS.length} kinds logged)</h2>
          ${this.log.length === 0
            ? html`<p>No event yet.</p>`
            : html`<ol role="log">
                ${this.log.map((e) => html`<li><code>${e.name}</code> ${e.detail}</li>`)}
              </ol>`}
        </aside>
      </main>`;
  }
}
