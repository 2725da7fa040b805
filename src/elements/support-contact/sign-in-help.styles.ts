import { css } from 'lit';

/** Look of `<support-sign-in-help>`; layout in logical properties only. */
export const signInHelpStyles = css`
  form {
    max-inline-size: 40em;
  }

  [part='confirmation'] h2 {
    margin-block-start: 0;
  }
`;
