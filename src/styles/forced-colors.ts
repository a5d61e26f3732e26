import { css } from 'lit';

/**
 * Forced colours (Windows High Contrast): backgrounds and shadows are dropped, so whatever a fill
 * or a shadow showed gets a system-colour border, outline or fill of its own.
 */
export const forcedColorStyles = css`
  @media (forced-colors: active) {
    /* The round buttons are their fill: keep it, in button colours. */
    .launcher,
    .action {
      forced-color-adjust: none;
      border: 2px solid ButtonText;
      background: ButtonText;
      color: ButtonFace;
    }
    .action:disabled {
      border-color: GrayText;
      background: ButtonFace;
      color: GrayText;
      opacity: 1;
    }
    .launcher:focus-visible,
    button:focus-visible,
    summary:focus-visible,
    a:focus-visible,
    [tabindex]:focus-visible {
      outline: 2px solid Highlight;
      outline-offset: 2px;
    }
    /* The composer shows focus with a coloured border and a shadow, both gone here. */
    .composer:focus-within {
      outline: 2px solid Highlight;
      outline-offset: 2px;
    }
    .cursor,
    .thinking .dot,
    .tool-badge .state::before,
    .notice-icon {
      forced-color-adjust: none;
      background: CanvasText;
    }
    /* Bubbles, the text buttons and the jump button are told apart by their fill: give them a border. */
    .user .bubble,
    .action-button,
    .close-button,
    .jump-button,
    .surface {
      border: 1px solid CanvasText;
    }
    .notice {
      border-color: CanvasText;
    }
  }
`;
