import { css } from 'lit';

/**
 * Target sizes: every control at least 24×24 px (WCAG 2.5.8), and 44×44 px on a coarse pointer
 * (a finger), where the desktop's compact buttons would be hard to hit. A code block's Copy button
 * and an image placeholder size themselves the same way in their own styles.
 */
export const targetStyles = css`
  .action-button,
  .retry-button,
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
    .retry-button,
    .jump-button,
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
