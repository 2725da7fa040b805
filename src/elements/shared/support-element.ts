/**
 * The one thin base class of the support elements: the properties every one of them takes
 * (`locale`, `backend`, `config`, `session`), its language, and the shared look.
 */
import { updateWhenLocaleChanges } from '@lit/localize';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { Session, SupportBackend } from '../../adapters/backend.js';
import { createFetchAdapter } from '../../adapters/fetch-adapter.js';
import type { LocaleCode, SupportConfig } from '../../core/config.js';
import { seedConfig } from '../../core/config.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { baseStyles, tokens } from './styles.js';

const fetchAdapters = new Map<string, SupportBackend>();

export class SupportElement extends LitElement {
  static override styles = [tokens, baseStyles];

  /**
   * Language of the element (`en`, `fr`, `de`, `pt-BR`, `ja`, or any tag matched to them).
   * Else the nearest `lang` attribute up the tree, else the document's, else the browser's.
   */
  @property({ reflect: true }) locale: string | undefined;

  /** The backend adapter. Default: the fetch adapter on `api-base`. */
  @property({ attribute: false }) backend: SupportBackend | undefined;

  /** Base URL of the HTTP API used when no `backend` is given. */
  @property({ attribute: 'api-base' }) apiBase = '/api';

  /** Areas, products, flows and rules. Default: the seed preset. */
  @property({ attribute: false }) config: SupportConfig = seedConfig;

  /** A session the host already has; when set, the element never asks to sign in. */
  @property({ attribute: false }) session: Session | null | undefined;

  /** Light or dark look; follows `prefers-color-scheme` when absent. */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined;

  protected readonly localeController = new LocaleController(this);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
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
    if (this.backend) return this.backend;
    let adapter = fetchAdapters.get(this.apiBase);
    if (!adapter) {
      adapter = createFetchAdapter({ baseUrl: this.apiBase });
      fetchAdapters.set(this.apiBase, adapter);
    }
    return adapter;
  }
}
