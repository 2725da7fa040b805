import { css } from 'lit';

/** Look of `<support-launcher>`: a button, and a modal dialog around `<support-contact>`. */
export const supportLauncherStyles = css`
  :host {
    display: inline-block;
    background: none;
  }

  :host([floating]) {
    position: fixed;
    inset-block-end: var(--se-launcher-offset, 1.5rem);
    inset-inline-end: var(--se-launcher-offset, 1.5rem);
    z-index: var(--se-launcher-z-index, 1000);
  }

  .launcher {
    border-radius: 999px;
    padding-inline: calc(var(--_space) * 1.25);
  }

  dialog {
    inline-size: min(40rem, calc(100vw - 2rem));
    max-block-size: calc(100dvh - 2rem);
    padding: 0;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    color: var(--_color-text);
    background: var(--_color-surface);
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 45%);
  }

  .bar {
    display: flex;
    justify-content: flex-end;
    padding: calc(var(--_space) * 0.5);
    border-block-end: 1px solid var(--_color-border);
  }

  support-contact {
    padding: var(--_space);
  }
`;
