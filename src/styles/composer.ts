import { css } from 'lit';

// The message form: the textarea and the send/stop button.
export const composer = css`
  .composer {
    display: flex;
    align-items: flex-end;
    gap: 8px;
    margin: 0 var(--_gap) var(--_gap);
    padding: 8px 8px 8px 14px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .composer:focus-within {
    border-color: var(--_accent);
    box-shadow: 0 0 0 1px var(--_accent);
  }
  .input {
    flex: 1;
    min-height: 1.55em;
    max-height: 12em;
    padding: 4px 0;
    border: 0;
    outline: none;
    resize: none;
    background: transparent;
    color: inherit;
    font: inherit;
    field-sizing: content;
  }
  .input::placeholder {
    color: var(--_muted);
  }
  .action {
    flex: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 34px;
    height: 34px;
    border: 0;
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_accent-text);
    cursor: pointer;
  }
  .action:disabled {
    opacity: 0.4;
    cursor: default;
  }
  .action svg {
    width: 18px;
    height: 18px;
  }
`;
