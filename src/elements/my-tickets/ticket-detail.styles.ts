import { css } from 'lit';

export const ticketDetailStyles = css`
  .back {
    margin-block-end: var(--_space);
  }

  .case-number {
    display: block;
    font-size: var(--_font-size-small);
    font-weight: 600;
    color: var(--_color-muted);
  }

  .facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: calc(var(--_space) * 0.25) var(--_space);
    margin: 0 0 var(--_space);
  }

  .facts > div {
    display: contents;
  }

  .facts dt {
    font-weight: 600;
  }

  .facts dd {
    margin: 0;
  }

  .state {
    font-weight: 700;
  }

  section {
    margin-block: calc(var(--_space) * 1.75);
  }

  h3 {
    font-size: 1.125rem;
  }

  h3:focus {
    outline: none;
  }

  .conversation,
  .plain-list {
    list-style: none;
    margin: 0 0 var(--_space);
    padding: 0;
  }

  .conversation > li {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75);
    margin-block-end: calc(var(--_space) * 0.75);
  }

  .conversation > li.agent {
    background: var(--_color-surface-alt);
  }

  .comment__meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75em;
    font-size: var(--_font-size-small);
    color: var(--_color-muted);
    margin-block-end: calc(var(--_space) * 0.5);
  }

  .comment__author {
    font-weight: 600;
    color: var(--_color-text);
  }

  .text {
    white-space: pre-wrap;
    margin: 0;
  }

  .description {
    margin-block-end: var(--_space);
  }

  .plain-list > li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5) var(--_space);
    padding-block: calc(var(--_space) * 0.4);
    border-block-end: 1px solid var(--_color-surface-alt);
  }

  .confirm {
    flex-basis: 100%;
    border-inline-start: 4px solid var(--_color-error);
    padding-inline-start: calc(var(--_space) * 0.75);
  }

  .confirm p {
    margin-block-end: calc(var(--_space) * 0.5);
  }

  details > summary {
    cursor: pointer;
    color: var(--_color-primary);
    text-decoration: underline;
    margin-block-end: var(--_space);
  }
  .earlier {
    margin-block-end: var(--_space);
  }
  .unsent-text {
    inline-size: 100%;
    box-sizing: border-box;
    font: inherit;
  }
`;
