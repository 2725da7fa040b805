import { css } from 'lit';

/** The look of `<ticket-form>`: logical properties only, one column down to 320 px. */
export const ticketFormStyles = css`
  :host {
    max-inline-size: 48em;
    container-type: inline-size;
  }

  form {
    margin: 0;
  }

  .area-list,
  .suggestions,
  .language-choices {
    list-style: none;
    margin: 0 0 var(--_space);
    padding: 0;
  }

  .area-list li,
  .language-choices li {
    margin-block-end: calc(var(--_space) * 0.5);
  }

  .area-list button {
    inline-size: 100%;
    max-inline-size: 32em;
    justify-content: flex-start;
    text-align: start;
  }

  .quick-answers {
    margin-block: calc(var(--_space) * 1.5) var(--_space);
    padding: var(--_space);
    background: var(--_color-surface-alt);
    border-radius: var(--_radius);
  }

  .quick-answers h3 {
    font-size: 1.125rem;
  }

  .suggestions li {
    padding-block: calc(var(--_space) * 0.35);
  }

  .classification {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    align-items: baseline;
  }

  .summary-list {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: calc(var(--_space) * 0.25) var(--_space);
    margin: 0 0 var(--_space);
  }

  .summary-list dt {
    font-weight: 600;
  }

  .summary-list dd {
    margin: 0;
  }

  .case-number {
    font-size: 1.25rem;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }

  @container (inline-size < 30em) {
    .summary-list {
      grid-template-columns: 1fr;
    }
    .actions button {
      inline-size: 100%;
    }
  }
`;
