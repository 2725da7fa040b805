/**
 * The demo's custom brand theme: only the public theming API (`--se-*` custom properties set
 * on an ancestor, and `::part`), as a host page would write it. See docs/THEMING.md.
 */
import { css } from 'lit';

/** Applies to elements inside `.brand`. */
export const brandTheme = css`
  .brand {
    --se-color-text: #2b1d0e;
    --se-color-muted: #5c4a36;
    --se-color-surface: #fffaf2;
    --se-color-surface-alt: #f6ead8;
    --se-color-border: #8c735a;
    --se-color-primary: #6a1b9a;
    --se-color-on-primary: #ffffff;
    --se-color-error: #a4161a;
    --se-color-success: #2d6a4f;
    --se-color-focus: #00a6a6;
    --se-font-family: 'Liberation Sans', 'Helvetica Neue', Arial, 'Noto Sans CJK JP', sans-serif;
    --se-font-size-heading: 1.5rem;
    --se-radius: 14px;
    --se-space: 1.125rem;
    --se-focus-ring: 3px dashed #00a6a6;
    --se-area-border-color: #6a1b9a;
    --se-avatar-size: 2.5rem;
    background: #fffaf2;
  }

  .brand support-contact::part(heading),
  .brand ticket-form::part(step-heading) {
    letter-spacing: -0.01em;
    color: #6a1b9a;
  }

  .brand support-contact::part(area) {
    border-block-start-width: 6px;
  }

  .brand support-contact::part(start-button),
  .brand ticket-form::part(submit-button) {
    border-radius: 999px;
    padding-inline: 1.6em;
  }

  .brand ticket-form::part(suggestions) {
    border-radius: 14px;
  }
`;
