import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LocaleCode, SupportConfig } from '../core/config.js';
import { activateLocale, uiLocales } from '../localization/localization.js';
import { resolveLocale } from '../localization/resolve-locale.js';

export interface LocaleHost extends ReactiveControllerHost, HTMLElement {
  locale: string | undefined;
  config: SupportConfig;
}

/**
 * Keeps an element's language current: resolves it on every update, follows changes of the
 * document's `lang`, and switches the UI messages when the language changes.
 */
export class LocaleController implements ReactiveController {
  private readonly host: LocaleHost;
  private observer: MutationObserver | undefined;
  private current: LocaleCode;
  /** Settles when the messages of the current language are loaded. */
  ready: Promise<void> = Promise.resolve();

  constructor(host: LocaleHost) {
    this.host = host;
    this.current = host.config.defaultLocale;
    host.addController(this);
  }

  /** The language the element speaks now: one of the config's languages. */
  get value(): LocaleCode {
    return this.current;
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.host.requestUpdate());
    this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  hostUpdate(): void {
    const supported = this.host.config.locales.filter((l) => uiLocales.includes(l));
    this.current = resolveLocale(this.host, this.host.locale, supported, this.host.config.defaultLocale);
    this.ready = activateLocale(this.current);
  }
}
