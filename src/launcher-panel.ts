import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Below this width the launcher's panel covers the whole viewport (the same query as its styles). */
export const FULL_SCREEN_QUERY = '(max-width: 480px)';

export interface LauncherHost extends ReactiveControllerHost, HTMLElement {
  mode: string;
  open: boolean;
}

/**
 * The launcher's panel is a `<dialog>`: a non-modal one beside the page on a large viewport,
 * and a modal one (`showModal()`: focus contained, the page behind inert and hidden from
 * assistive technology, `aria-modal`) while it covers the screen on a small one. Keeps the
 * dialog's state in step with `open` and the viewport.
 */
export class LauncherPanelController implements ReactiveController {
  private readonly query = window.matchMedia(FULL_SCREEN_QUERY);
  private readonly changed = () => this.host.requestUpdate();

  constructor(
    private readonly host: LauncherHost,
    private readonly dialog: () => HTMLDialogElement | null,
  ) {
    host.addController(this);
  }

  /** Whether the open panel covers the viewport, and so is modal. */
  get modal(): boolean {
    return this.host.mode === 'launcher' && this.host.open && this.query.matches;
  }

  hostConnected(): void {
    this.query.addEventListener('change', this.changed);
  }

  hostDisconnected(): void {
    this.query.removeEventListener('change', this.changed);
  }

  hostUpdated(): void {
    const dialog = this.dialog();
    if (!dialog?.isConnected) return;
    if (!this.host.open) {
      if (dialog.open) dialog.close();
      return;
    }
    if (dialog.open && dialog.matches(':modal') === this.modal) return;
    // Showing a dialog focuses its first control; a panel turning modal (the viewport shrank)
    // keeps the focus it had.
    const focused = this.host.shadowRoot?.activeElement;
    if (dialog.open) dialog.close();
    if (this.modal) dialog.showModal();
    else dialog.show();
    if (focused instanceof HTMLElement && dialog.contains(focused)) focused.focus();
  }
}
