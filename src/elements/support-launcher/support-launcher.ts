import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { contactExportParts } from './support-launcher.parts.js';
import { SupportElement } from '../shared/support-element.js';
import { supportLauncherStyles } from './support-launcher.styles.js';

/** The launcher's button text and the dialog's name: one message, so both say the same. */
const label = (): string =>
  msg('Contact Support', { id: 'launcher.open', desc: 'Button that opens the support widget, and the name of its dialog. French seed words: "Contacter l’assistance".' });

/**
 * The classic floating support widget: a button that opens `<support-contact>` in a modal
 * `<dialog>`. The dialog traps focus (the rest of the page is inert while it is open), Escape
 * or "Close" closes it, and focus returns to the button. The page inside is kept while closed,
 * so opening again shows the view the customer left (a half-filled form, a case).
 * `backend`, `config`, `session`, `theme` and `locale` reach the page inside like any nested step.
 *
 * @summary A button opening Contact Support in a dialog.
 *
 * @fires support-ready - From the `<support-contact>` inside, once opened.
 * @csspart launcher-button - The button that opens the dialog (also has part `button`).
 * @csspart button - The launcher's buttons.
 * @csspart dialog - The dialog.
 * @csspart close-button - The "Close" button of the dialog (also has part `button`).
 * @csspart contact - The `<support-contact>` inside. Its parts, and its steps' (`ticket-form-submit-button`...), are exported under the names they have on `<support-contact>`: `support-launcher::part(start-button)`.
 *
 * @cssprop [--se-launcher-offset=1.5rem] - Distance from the viewport's end corner (`floating`).
 * @cssprop [--se-launcher-z-index=1000] - Stacking of the floating button.
 * @cssprop [--se-color-primary=#1a56c4] - The button's background.
 * @cssprop [--se-color-surface=#ffffff] - The dialog's background.
 * @cssprop [--se-color-border=#8a8a90] - The dialog's border.
 */
export class SupportLauncher extends SupportElement {
  static override styles = [...SupportElement.styles, supportLauncherStyles];

  /** Pins the button to the viewport's bottom end corner. */
  @property({ type: Boolean, reflect: true }) floating = false;

  /** Whether the dialog is open; `show()` and `close()` change it. */
  @state() private open = false;
  /** The page inside is made on the first opening and kept after. */
  @state() private opened = false;

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('.launcher') private button!: HTMLButtonElement;

  /** Opens the dialog (as the button does). */
  async show(): Promise<void> {
    this.opened = true;
    this.open = true;
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
  }

  /** Closes the dialog; focus goes back to the button. */
  close(): void {
    if (this.dialog?.open) this.dialog.close();
  }

  private readonly onClose = (): void => {
    this.open = false;
    this.button.focus();
  };

  override render() {
    const name = label();
    return html`<button type="button" class="launcher" part="button launcher-button" aria-haspopup="dialog" aria-expanded=${this.open ? 'true' : 'false'} @click=${() => void this.show()}>
        ${name}
      </button>
      <dialog part="dialog" aria-label=${name} @close=${this.onClose}>
        <div class="bar">
          <button type="button" class="secondary" part="button close-button" @click=${() => this.close()}>
            ${msg('Close', { id: 'launcher.close', desc: 'Button that closes the support widget’s dialog.' })}
          </button>
        </div>
        ${this.opened ? html`<support-contact part="contact" exportparts=${contactExportParts()} locale=${ifDefined(this.locale)}></support-contact>` : nothing}
      </dialog>`;
  }
}
