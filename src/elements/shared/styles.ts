/**
 * Design tokens and the base look every element shares. Tokens are CSS custom properties
 * with defaults, so a host restyles by setting `--se-*` on the element or any ancestor.
 * Layout uses logical properties only (inline/block), so right-to-left needs no other CSS.
 */
import { css } from 'lit';

// The dark palette, used by `theme="dark"` and by the system's dark mode (unless `theme="light"`).
// Each colour token has a dark twin (`--se-color-surface` / `--se-color-surface-dark`): dark
// mode reads only the twins, never the light tokens, so a brand that sets light colours alone
// (a cream surface, dark brown text) keeps the readable dark defaults in dark mode instead of
// light text on its light surface. Set both of a pair to brand both modes (docs/THEMING.md).
const darkTokens = css`
  color-scheme: dark;
  --_color-text: var(--se-color-text-dark, #f2f2f4);
  --_color-muted: var(--se-color-muted-dark, #c4c4ca);
  --_color-surface: var(--se-color-surface-dark, #1c1c1f);
  --_color-surface-alt: var(--se-color-surface-alt-dark, #2a2a2e);
  --_color-border: var(--se-color-border-dark, #9a9aa2);
  --_color-primary: var(--se-color-primary-dark, #8ab4ff);
  --_color-on-primary: var(--se-color-on-primary-dark, #0b1a33);
  --_color-error: var(--se-color-error-dark, #ffb4ab);
  --_color-success: var(--se-color-success-dark, #8fd8a5);
`;

export const tokens = css`
  :host {
    --_color-text: var(--se-color-text, #1d1d1f);
    --_color-muted: var(--se-color-muted, #545459);
    --_color-surface: var(--se-color-surface, #ffffff);
    --_color-surface-alt: var(--se-color-surface-alt, #f4f4f6);
    --_color-border: var(--se-color-border, #8a8a90);
    --_color-primary: var(--se-color-primary, #1a56c4);
    --_color-on-primary: var(--se-color-on-primary, #ffffff);
    --_color-error: var(--se-color-error, #b3261e);
    --_color-success: var(--se-color-success, #1e6b3a);
    --_color-focus: var(--se-color-focus, #ffbf47);
    --_font-family: var(--se-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans JP', 'Noto Sans CJK JP', sans-serif);
    --_font-size: var(--se-font-size, 1rem);
    --_font-size-small: var(--se-font-size-small, 0.875rem);
    --_font-size-heading: var(--se-font-size-heading, 1.375rem);
    --_space: var(--se-space, 1rem);
    --_radius: var(--se-radius, 6px);
    --_focus-ring: var(--se-focus-ring, 3px solid var(--_color-focus));
    --_focus-ring-offset: var(--se-focus-ring-offset, 2px);
    --_line-height: var(--se-line-height, 1.5);

    display: block;
    color: var(--_color-text);
    background: var(--_color-surface);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    overflow-wrap: anywhere;
    color-scheme: light;
    /* Inherited text properties are reset so host CSS (e.g. a template's centred body) does not
       reach into the widget's layout; font and colour come from the tokens above. */
    text-align: start;
    letter-spacing: normal;
    word-spacing: normal;
    font-style: normal;
    font-variant: normal;
    text-transform: none;
    text-indent: 0;
    white-space: normal;
  }

  :host([theme='dark']) {
    ${darkTokens}
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkTokens}
    }
  }
`;

export const baseStyles = css`
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  [hidden] {
    display: none !important;
  }

  h1,
  h2,
  h3 {
    line-height: 1.25;
    margin-block: 0 calc(var(--_space) * 0.75);
  }

  h1,
  h2.step-heading {
    font-size: var(--_font-size-heading);
  }

  h1:focus,
  h2:focus {
    outline: none;
  }

  p {
    margin-block: 0 var(--_space);
  }

  a {
    color: var(--_color-primary);
  }

  :focus-visible {
    outline: var(--_focus-ring);
    outline-offset: var(--_focus-ring-offset);
  }

  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  .muted,
  .hint {
    color: var(--_color-muted);
  }

  .hint {
    font-size: var(--_font-size-small);
    margin-block-end: calc(var(--_space) * 0.25);
  }

  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-block-size: 44px;
    padding-block: 0.5em;
    padding-inline: 1.1em;
    border: 2px solid var(--_color-primary);
    border-radius: var(--_radius);
    background: var(--_color-primary);
    color: var(--_color-on-primary);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    text-decoration: none;
    text-align: center;
  }

  button.secondary,
  .button.secondary {
    background: transparent;
    color: var(--_color-primary);
  }

  button.link {
    min-block-size: auto;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_color-primary);
    font-weight: 400;
    text-decoration: underline;
  }

  button[disabled],
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }

  .field {
    margin-block: 0 calc(var(--_space) * 1.25);
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }

  .field--error {
    border-inline-start: 4px solid var(--_color-error);
    padding-inline-start: calc(var(--_space) * 0.75);
  }

  .label {
    display: block;
    font-weight: 600;
    margin-block-end: calc(var(--_space) * 0.25);
    padding: 0;
  }

  .required {
    color: var(--_color-error);
  }

  input:not([type='radio']):not([type='checkbox']),
  textarea,
  select {
    display: block;
    inline-size: 100%;
    max-inline-size: 40em;
    min-block-size: 44px;
    padding: 0.5em;
    border: 2px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
  }

  [aria-invalid='true'] {
    border-color: var(--_color-error) !important;
  }

  .radio {
    display: grid;
    grid-template-columns: auto 1fr;
    align-items: start;
    gap: 0 0.5em;
    margin-block: 0.4em;
  }

  .radio input {
    inline-size: 1.25em;
    block-size: 1.25em;
    margin-block-start: 0.2em;
  }

  .radio__hint {
    grid-column: 2;
  }

  .error-message {
    color: var(--_color-error);
    font-weight: 600;
    margin-block: 0 calc(var(--_space) * 0.25);
  }

  .error-summary {
    border: 4px solid var(--_color-error);
    padding: var(--_space);
    margin-block-end: calc(var(--_space) * 1.5);
  }

  .error-summary:focus {
    outline: var(--_focus-ring);
  }

  .error-summary__title {
    font-size: 1.125rem;
  }

  .error-summary__list {
    margin: 0;
    padding-inline-start: 1.2em;
  }

  .error-summary__list a {
    color: var(--_color-error);
    font-weight: 600;
  }

  .notice {
    border-inline-start: 4px solid var(--_color-primary);
    background: var(--_color-surface-alt);
    padding: calc(var(--_space) * 0.75) var(--_space);
    margin-block: 0 var(--_space);
  }

  .notice--error {
    border-color: var(--_color-error);
  }

  .notice--success {
    border-color: var(--_color-success);
  }

  /* A span (it may sit in a paragraph), shown as the block a notice is. */
  .live-lost {
    display: block;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.75);
    align-items: center;
    margin-block: var(--_space);
  }

  progress {
    inline-size: 100%;
    max-inline-size: 16em;
  }

  /* Windows High Contrast and other forced-colors modes: colours become system colours, and
     what only a background or a shadow showed must become a border or an outline. */
  @media (forced-colors: active) {
    :focus-visible,
    .error-summary:focus {
      outline: 3px solid Highlight;
      outline-offset: var(--_focus-ring-offset);
    }
    button,
    .button {
      border-color: ButtonText;
    }
    button.link {
      color: LinkText;
    }
    button[disabled],
    button[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
      opacity: 1;
    }
    input:not([type='radio']):not([type='checkbox']),
    textarea,
    select {
      border-color: CanvasText;
    }
    .notice {
      border: 1px solid CanvasText;
      border-inline-start-width: 4px;
    }
    .error-summary,
    .field--error,
    [aria-invalid='true'] {
      border-color: Mark !important;
    }
    .required,
    .error-message {
      color: CanvasText;
    }
    /* A case's state is a badge: a border keeps it one when bold is all that is left. */
    .state,
    .row__state strong {
      border: 1px solid CanvasText;
      border-radius: 0.25em;
      padding-inline: 0.25em;
    }
  }
`;
