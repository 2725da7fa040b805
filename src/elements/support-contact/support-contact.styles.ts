import { css } from 'lit';

/** Look of `<support-contact>`; layout in logical properties only, usable from 320 px wide. */
export const supportContactStyles = css`
  :host {
    --_area-border: var(--se-area-border-color, var(--_color-border));
    --_area-background: var(--se-area-background, var(--_color-surface));
    --_avatar-size: var(--se-avatar-size, 2.25rem);
  }

  .page {
    max-inline-size: var(--se-page-max-width, 64rem);
    margin-inline: auto;
    padding: var(--_space);
  }

  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.75);
    padding-block-end: var(--_space);
    margin-block-end: var(--_space);
    border-block-end: 1px solid var(--_area-border);
  }

  header h1 {
    margin-block-end: 0;
  }

  .header-end {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    margin-inline-start: auto;
  }

  .top-actions {
    margin-block: 0 var(--_space);
  }

  .areas {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
    gap: var(--_space);
    margin: 0 0 calc(var(--_space) * 2);
    padding: 0;
    list-style: none;
  }

  .area {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.5);
    padding: var(--_space);
    border: 1px solid var(--_area-border);
    border-radius: var(--_radius);
    background: var(--_area-background);
  }

  .area h3 {
    font-size: 1.125rem;
    margin-block-end: 0;
  }

  .area h3:focus {
    outline: none;
  }

  .products {
    margin: 0;
    padding-inline-start: 1.2em;
  }

  .products li {
    margin-block: 0.25em;
  }

  .area .actions {
    margin-block: auto 0;
    padding-block-start: calc(var(--_space) * 0.5);
  }

  .not-offered {
    font-size: var(--_font-size-small);
  }

  .not-offered button,
  .product-note button {
    min-block-size: 36px;
    padding-block: 0.25em;
    padding-inline: 0.75em;
  }

  .product-note {
    display: block;
    font-size: var(--_font-size-small);
    color: var(--_color-muted);
  }

  .locale-buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-block-start: 0.5em;
  }

  .plain-list {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .plain-list li {
    margin-block: 0.5em;
  }

  .back {
    margin-block-end: var(--_space);
  }

  .profile-button {
    padding: 0.25em;
    border-radius: 999px;
    min-inline-size: 44px;
  }

  .avatar {
    display: inline-grid;
    place-items: center;
    inline-size: var(--_avatar-size);
    block-size: var(--_avatar-size);
    border-radius: 50%;
    background: var(--_color-primary);
    color: var(--_color-on-primary);
    font-weight: 700;
    font-size: 0.875rem;
  }

  .popup {
    position: fixed;
    z-index: 10;
    inline-size: max-content;
    min-inline-size: 14rem;
    max-inline-size: calc(100vw - 16px);
    padding: var(--_space);
    border: 1px solid var(--_area-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.18);
  }

  .popup .who {
    margin-block-end: calc(var(--_space) * 0.75);
  }

  .popup select {
    margin-block-end: calc(var(--_space) * 0.75);
  }

  dialog {
    inline-size: min(28rem, calc(100vw - 2rem));
    padding: calc(var(--_space) * 1.25);
    border: 1px solid var(--_area-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }

  .account-choice {
    inline-size: 100%;
    flex-direction: column;
    align-items: flex-start;
    text-align: start;
  }

  .account-choice .plan {
    font-weight: 400;
    font-size: var(--_font-size-small);
  }

  .sign-in-help {
    margin-block-start: calc(var(--_space) * 1.5);
    padding-block-start: var(--_space);
    border-block-start: 1px solid var(--_area-border);
  }

  .sign-in-help h3 {
    font-size: 1.125rem;
  }
`;
