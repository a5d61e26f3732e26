import { css } from 'lit';

/**
 * Target sizes: every control at least 24×24 px (WCAG 2.5.8), and 44×44 px on a coarse pointer
 * (a finger), where the desktop's compact buttons would be hard to hit.
 */
export const targetStyles = css`
  .action-button,
  .copy-button,
  .retry-button,
  .image-placeholder,
  .sources a {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 24px;
    min-height: 24px;
  }
  .reasoning summary {
    min-height: 24px;
  }
  @media (pointer: coarse) {
    .action,
    .close-button {
      width: 44px;
      height: 44px;
    }
    .action-button,
    .copy-button,
    .retry-button,
    .jump-button,
    .image-placeholder,
    .sources a,
    .reasoning summary {
      min-width: 44px;
      min-height: 44px;
    }
    .reasoning summary {
      display: flex;
      align-items: center;
    }
  }
`;
