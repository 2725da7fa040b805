/**
 * The one thin base class of the support elements: the properties every one of them takes
 * (`locale`, `backend`, `config`, `session`, `theme`), its language, and the shared look.
 *
 * `backend`, `config`, `session` and `theme` are also inherited through `@lit/context` from
 * an enclosing support element, and provided to nested ones: a dark `<support-contact>` makes
 * every step it shows dark, and one backend serves them all. An own value always wins.
 *
 * A call refused with `unauthorized` goes through `sessionExpiry` (one controller for every
 * element): the cancelable `session-expired` event, then the host's session or the sign-in
 * form in place (`renderSignInHere`).
 */
import { ContextConsumer, ContextProvider, type Context } from '@lit/context';
import { updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Session, SupportBackend } from '../../adapters/backend.js';
import { createFetchAdapter } from '../../adapters/fetch-adapter.js';
import type { LocaleCode, SupportConfig } from '../../core/config.js';
import type { Realm } from '../../core/ticket.js';
import { seedConfig } from '../../core/config.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { warmIntlWhenIdle } from '../../localization/format.js';
import { prefetchMessages, uiLocales } from '../../localization/localization.js';
import { resolveLocale } from '../../localization/resolve-locale.js';
import { SessionExpiryController } from '../../controllers/session-expiry-controller.js';
import type { SessionChangedEvent } from '../../events/events.js';
import { signInHelp } from './sign-in-help-slot.js';
import { backendContext, configContext, sessionContext, themeContext, type Theme } from './context.js';
import { baseStyles, tokens } from './styles.js';

const fetchAdapters = new Map<string, SupportBackend>();

type Inherited<T> = { value: T | undefined };

/**
 * @cssprop [--se-color-text-dark=#f2f2f4] - Text in dark mode (pair of `--se-color-text`).
 * @cssprop [--se-color-muted-dark=#c4c4ca] - Hints in dark mode.
 * @cssprop [--se-color-surface-dark=#1c1c1f] - Background in dark mode.
 * @cssprop [--se-color-surface-alt-dark=#2a2a2e] - Background of notices in dark mode.
 * @cssprop [--se-color-border-dark=#9a9aa2] - Borders in dark mode.
 * @cssprop [--se-color-primary-dark=#8ab4ff] - Buttons, links and accents in dark mode.
 * @cssprop [--se-color-on-primary-dark=#0b1a33] - Text on primary buttons in dark mode.
 * @cssprop [--se-color-error-dark=#ffb4ab] - Errors in dark mode.
 * @cssprop [--se-color-success-dark=#8fd8a5] - Success accents in dark mode.
 */
export class SupportElement extends LitElement {
  static override styles = [tokens, baseStyles];

  static {
    warmIntlWhenIdle();
    // The language elements without a `locale` of their own will speak (resolve-locale.ts).
    if (typeof document !== 'undefined') prefetchMessages(resolveLocale(document.documentElement, undefined, uiLocales, seedConfig.defaultLocale));
  }

  /**
   * Language of the element (`en`, `fr`, `de`, `pt-BR`, `ja`, or any tag matched to them).
   * Else the nearest `lang` attribute up the tree, else the document's, else the browser's.
   */
  @property({ reflect: true }) locale: string | undefined;

  /** Base URL of the HTTP API used when no `backend` is given or inherited. */
  @property({ attribute: 'api-base' }) apiBase = '/api';

  private ownBackend: SupportBackend | undefined;
  private ownConfig: SupportConfig | undefined;
  private ownSession: Session | null | undefined;
  private ownTheme: Theme | undefined;
  private readonly inherited = {
    backend: { value: undefined } as Inherited<SupportBackend>,
    config: { value: undefined } as Inherited<SupportConfig>,
    session: { value: undefined } as Inherited<Session | null>,
    theme: { value: undefined } as Inherited<Theme>,
  };

  private readonly providers = {
    backend: new ContextProvider(this, { context: backendContext }),
    config: new ContextProvider(this, { context: configContext }),
    session: new ContextProvider(this, { context: sessionContext }),
    theme: new ContextProvider(this, { context: themeContext }),
  };

  protected readonly localeController: LocaleController;
  /** Calls refused with `unauthorized`: the `session-expired` event, the host's session or sign-in here. */
  protected readonly sessionExpiry = new SessionExpiryController(this);

  constructor() {
    super();
    this.inherit(backendContext, this.inherited.backend, 'backend');
    this.inherit(configContext, this.inherited.config, 'config');
    this.inherit(sessionContext, this.inherited.session, 'session');
    this.inherit(themeContext, this.inherited.theme, 'theme');
    this.localeController = new LocaleController(this);
    // After the element's own willUpdate (which may settle its session), before it renders.
    this.addController({ hostUpdate: () => this.provide() });
    updateWhenLocaleChanges(this);
  }

  /**
   * Each update waits for the messages of the element's language when they are on their way
   * (LocaleController.messagesArriving): the element shows one language at a time, and renders
   * once per language switch.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const arriving = this.localeController.messagesArriving();
    return arriving ? arriving.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** The backend adapter. Default: inherited from an enclosing element, else the fetch adapter on `api-base`. */
  @property({ attribute: false })
  get backend(): SupportBackend | undefined {
    return this.ownBackend ?? this.inherited.backend.value;
  }
  set backend(value: SupportBackend | undefined) {
    const old = this.backend;
    this.ownBackend = value;
    this.requestUpdate('backend', old);
  }

  /** Areas, products, flows and rules. Default: inherited, else the seed preset. */
  @property({ attribute: false })
  get config(): SupportConfig {
    return this.ownConfig ?? this.inherited.config.value ?? seedConfig;
  }
  set config(value: SupportConfig | undefined) {
    const old = this.config;
    this.ownConfig = value;
    this.requestUpdate('config', old);
  }

  /** A session the host already has; when set, the element never asks to sign in. */
  @property({ attribute: false })
  get session(): Session | null | undefined {
    return this.ownSession !== undefined ? this.ownSession : this.inherited.session.value;
  }
  set session(value: Session | null | undefined) {
    const old = this.session;
    this.ownSession = value;
    this.requestUpdate('session', old);
  }

  /** Light or dark look; inherited from an enclosing element, else follows `prefers-color-scheme`. */
  @property({ reflect: true })
  get theme(): Theme | undefined {
    return this.ownTheme ?? this.inherited.theme.value;
  }
  set theme(value: Theme | undefined) {
    const old = this.theme;
    // A reflected attribute of an inherited theme must not turn it into an own one.
    if (value !== undefined && value === this.inherited.theme.value && this.ownTheme === undefined) return;
    this.ownTheme = value;
    this.requestUpdate('theme', old);
  }

  /** The language the element speaks now, matched to the config's languages. */
  get resolvedLocale(): LocaleCode {
    return this.localeController.value;
  }

  /** Settles once the messages of the element's language are loaded. */
  get localeReady(): Promise<void> {
    return this.localeController.ready;
  }

  protected get api(): SupportBackend {
    const backend = this.backend;
    if (backend) return backend;
    let adapter = fetchAdapters.get(this.apiBase);
    if (!adapter) {
      adapter = createFetchAdapter({ baseUrl: this.apiBase });
      fetchAdapters.set(this.apiBase, adapter);
    }
    return adapter;
  }

  /** The session nested elements inherit (an element that signs in overrides it). */
  protected get providedSession(): Session | null | undefined {
    return this.session;
  }


  /** The credentials sign-in in place asks for: the last session's, else the config's first area's. */
  protected get signInRealm(): Realm {
    return this.session?.realm ?? this.sessionExpiry.realm ?? this.config.areas[0]?.realm ?? 'product';
  }

  /**
   * The sign-in form in place, after a call was refused with `unauthorized`; nothing while the
   * host signs the user in itself (it cancelled `session-expired`). `returnFocus`: once signed
   * in, focus goes back to the control the user had used. `help`: slotted under the form (by
   * default "I can't sign in", for no particular area).
   */
  protected renderSignInHere(
    realm: Realm,
    onSignedIn: (session: Session) => void,
    options: { returnFocus?: boolean; help?: TemplateResult } = {},
  ): TemplateResult | typeof nothing {
    if (this.sessionExpiry.waitingForHost) return nothing;
    const signedIn = (event: SessionChangedEvent) => {
      if (!event.session) return;
      void this.sessionExpiry.signedIn(event.session, options);
      onSignedIn(event.session);
    };
    return html`<support-sign-in realm=${realm} locale=${this.resolvedLocale} @session-changed=${signedIn}>${options.help ?? signInHelp(this.resolvedLocale)}</support-sign-in>`;
  }

  private provide(): void {
    this.providers.backend.setValue(this.api);
    this.providers.config.setValue(this.config);
    this.providers.session.setValue(this.providedSession);
    this.providers.theme.setValue(this.theme);
  }

  private inherit<T>(context: Context<unknown, T | undefined>, slot: Inherited<T>, name: 'backend' | 'config' | 'session' | 'theme'): void {
    new ContextConsumer(this, {
      context,
      subscribe: true,
      callback: (value) => {
        const old = this[name];
        slot.value = value;
        this.requestUpdate(name, old);
      },
    });
  }
}
