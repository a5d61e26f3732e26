import { css } from 'lit';

/** The launcher's panel: a `<dialog>`, its header (a title, and a close button at full screen). */
export const panelStyles = css`
  /* The dialog's user-agent box (margin, padding, maximum sizes) gives way to the surface's. */
  dialog.surface {
    margin: 0;
    padding: 0;
    max-width: none;
    max-height: none;
  }
  dialog.surface::backdrop {
    background: transparent;
  }
  .panel-header {
    display: flex;
    align-items: center;
    gap: 8px;
    min-height: 44px;
    padding: 6px 8px 6px var(--_gap);
    border-bottom: 1px solid var(--_border);
  }
  .title {
    flex: 1 1 auto;
    min-width: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  /* One close control at a time: beside the panel the launcher button closes it (it shows ✕);
     this one only while the panel covers the screen and the launcher is hidden. */
  .close-button {
    display: none;
    flex: none;
    place-items: center;
    width: 36px;
    height: 36px;
    padding: 0;
    border: 1px solid transparent;
    border-radius: 50%;
    background: transparent;
    color: var(--_muted);
    cursor: pointer;
  }
  .close-button svg {
    width: 18px;
    height: 18px;
  }
  .close-button:hover {
    background: var(--_surface);
    color: var(--_text);
  }
  @media (max-width: 480px) {
    .close-button {
      display: inline-grid;
    }
  }
`;
