import { css } from 'lit';

export const myTicketsStyles = css`
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
    align-items: end;
  }

  .controls .field {
    flex: 1 1 12em;
    margin-block-end: var(--_space);
  }

  .summary {
    margin-block: 0 calc(var(--_space) * 0.5);
  }

  .scroller {
    block-size: var(--se-list-height, 32rem);
    max-block-size: 70vh;
    overflow: auto;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .scroller[aria-busy='true'] {
    opacity: 0.7;
  }

  /*
   * Number and subject on the first line; state and last update share the next line when it
   * fits, else the update wraps under the state (a grid's auto column would take the update's
   * whole width and squeeze the state to a word per line on a phone); product last.
   */
  .row {
    inline-size: 100%;
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: calc(var(--_space) * 0.25) var(--_space);
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-block-end: 1px solid var(--_color-surface-alt);
  }

  /*
   * Every loaded row is in the DOM (no virtualizer, issue 15); rows past the first screenful
   * skip style, layout and paint until they come near the view. Their size until then is the
   * last one rendered (auto), else about a row's height, so the scrollbar stays steady.
   */
  .row:nth-child(n + 9) {
    content-visibility: auto;
    contain-intrinsic-size: auto 5.5rem;
  }

  .row__open {
    flex: 1 1 100%;
    justify-content: start;
    text-align: start;
    font-weight: 600;
  }

  .row__number {
    font-variant-numeric: tabular-nums;
    margin-inline-end: 0.5em;
    /* An 8-digit number split over two lines at phone width reads as two numbers. */
    white-space: nowrap;
  }

  /* "New reply": words on the primary colour, not a dot, so it reads without colour too. */
  .row__new {
    display: inline-block;
    margin-inline-start: 0.5em;
    padding-inline: 0.4em;
    border-radius: 0.25em;
    background: var(--_color-primary);
    color: var(--_color-on-primary);
    font-size: var(--_font-size-small);
    font-weight: 700;
    white-space: nowrap;
  }

  .row__meta {
    flex: 1 1 100%;
    font-size: var(--_font-size-small);
    color: var(--_color-muted);
    margin: 0;
  }

  .row__state {
    flex: 1 1 16em;
    min-inline-size: 0;
    margin: 0;
    font-size: var(--_font-size-small);
  }

  .row__state strong {
    color: var(--_color-text);
  }

  .row__updated {
    flex: 0 1 auto;
    min-inline-size: 0;
    margin: 0;
    margin-inline-start: auto;
    font-size: var(--_font-size-small);
    color: var(--_color-muted);
    text-align: end;
  }
`;
