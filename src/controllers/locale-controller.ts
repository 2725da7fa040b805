import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LocaleCode, SupportConfig } from '../core/config.js';
import { activateLocale, showingMessagesOf, uiLocales } from '../localization/localization.js';
import { isStampRecord, stampLanguage } from '../localization/element-lang.js';
import { isPseudoLocale, notePseudoRequest, pseudoLocaleRequested } from '../localization/pseudo-locale.js';
import { inPseudoMode, resolveElementLocale } from '../localization/resolve-locale.js';

export interface LocaleHost extends ReactiveControllerHost, HTMLElement {
  locale: string | undefined;
  config: SupportConfig;
}

/** The connected controllers that follow `lang`, each told of a change by one observer per document. */
const followers = new Map<Document, { observer: MutationObserver; controllers: Set<LocaleController> }>();

function followLang(controller: LocaleController, document: Document): void {
  let watch = followers.get(document);
  if (!watch) {
    const controllers = new Set<LocaleController>();
    // `lang` may change on <html> or on any ancestor of the light DOM. One observer for the
    // page rather than one per element: each costs a subtree registration on every connect.
    const observer = new MutationObserver((records) => {
      // Support elements stamping their own `lang` change no one's language.
      if (records.every(isStampRecord)) return;
      for (const each of [...controllers]) each.langChanged();
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    watch = { observer, controllers };
    followers.set(document, watch);
  }
  watch.controllers.add(controller);
}

function unfollowLang(controller: LocaleController, document: Document): void {
  const watch = followers.get(document);
  if (!watch) return;
  watch.controllers.delete(controller);
  if (watch.controllers.size > 0) return;
  watch.observer.disconnect();
  followers.delete(document);
}

/**
 * Keeps an element's language current: resolves it on every update, follows changes of the
 * document's `lang`, and switches the UI messages when the language changes.
 */
export class LocaleController implements ReactiveController {
  private readonly host: LocaleHost;
  /** The document whose `lang` changes this element follows while connected. */
  private watched: Document | undefined;
  private current: LocaleCode;
  private messagesLocale: string;
  private loaded: Promise<void> = Promise.resolve();
  /** The messages language this element last asked for; undefined when disconnected. */
  private activated: string | undefined;
  /** The load of the messages this element asked for, until it settles. */
  private arriving: Promise<void> | undefined;

  constructor(host: LocaleHost) {
    this.host = host;
    this.current = host.config.defaultLocale;
    this.messagesLocale = this.current;
    host.addController(this);
  }

  /**
   * Settles when the messages of the current language are loaded; after a pending update
   * (so `el.locale = 'fr'; await el.localeReady; await el.updateComplete` sees French).
   */
  get ready(): Promise<void> {
    return this.host.updateComplete.then(() => this.loaded);
  }

  /** The language of the UI messages: `value`, or the pseudo-locale when asked for. */
  get messages(): string {
    return this.messagesLocale;
  }

  /** The language the element speaks now: one of the config's languages. */
  get value(): LocaleCode {
    return this.current;
  }

  /**
   * Before each update (SupportElement.scheduleUpdate): the load of the element's messages when
   * they are not showing yet, for the update to wait for. An update meanwhile would render the
   * old language's words in the new language's formats under the new `lang`: a sentence of two
   * languages (on a first render in Japanese, English words stamped `ja` until the messages came).
   */
  messagesArriving(): Promise<void> | undefined {
    const { messages } = this.resolve();
    if (messages !== this.activated) this.activate(messages);
    return this.arriving;
  }

  private resolve(): { locale: LocaleCode; messages: string; own: { messages: string } } {
    const own = resolveElementLocale(this.host, this.host.locale, this.host.config, uiLocales);
    return { ...inPseudoMode(own, this.host.config, uiLocales, pseudoLocaleRequested()), own };
  }

  private activate(messages: string): void {
    this.activated = messages;
    const load = activateLocale(messages);
    this.loaded = load;
    if (showingMessagesOf(messages)) return;
    const settled = (): void => {
      if (this.arriving === waited) this.arriving = undefined;
    };
    // Messages that do not load: the update goes on, in the words showing.
    const waited: Promise<void> = load.then(settled, settled);
    this.arriving = waited;
  }

  hostConnected(): void {
    this.watched = this.host.ownerDocument;
    followLang(this, this.watched);
  }

  /**
   * A `lang` changed somewhere above: an update, which resolves the language again and, when
   * its messages are not loaded yet, waits for them (`messagesArriving`): one render pass per
   * element per switch (issue 15).
   */
  langChanged(): void {
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    if (this.watched) unfollowLang(this, this.watched);
    this.watched = undefined;
    this.activated = undefined;
    notePseudoRequest(this.host, false);
  }

  /**
   * Resolves the language on every update, and switches the document's messages only when
   * this element's own language changed: the document has one active language, so elements
   * asking for different ones must not switch it back and forth (the last change wins).
   */
  hostUpdate(): void {
    const { locale, messages, own } = this.resolve();
    notePseudoRequest(this.host, isPseudoLocale(own.messages));
    this.current = locale;
    this.messagesLocale = messages;
    stampLanguage(this.host, messages);
    if (messages !== this.activated) this.activate(messages);
  }
}
