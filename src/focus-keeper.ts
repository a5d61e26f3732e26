import type { ReactiveController, ReactiveControllerHost } from 'lit';

interface KeeperHost extends ReactiveControllerHost, HTMLElement {
  readonly mode: string;
  readonly open: boolean;
}

/**
 * Focus is never dropped on the page's `<body>`: when an update removes, disables or hides the
 * control that had focus (Retry and Regenerate replace their answer, Stop turns back into a
 * disabled Send, a clicked suggested prompt leaves with the empty state, clearing empties the
 * log), focus moves to the composer instead (the log while the composer is disabled, the
 * launcher button while the panel is closed).
 */
export class FocusKeeper implements ReactiveController {
  /** What had focus inside the host when the update began. */
  private focused: Element | null = null;

  constructor(private readonly host: KeeperHost) {
    host.addController(this);
  }

  hostUpdate(): void {
    this.focused = this.focusedInside();
  }

  hostUpdated(): void {
    const had = this.focused;
    this.focused = null;
    if (!had || !lost(had)) return;
    // Something else may have taken focus meanwhile on purpose (a page script): leave it there.
    const active = document.activeElement;
    if (active && active !== document.body && active !== this.host && !this.host.contains(active)) return;
    this.fallback()?.focus();
  }

  private fallback(): HTMLElement | null | undefined {
    const root = this.host.shadowRoot;
    if (this.host.mode === 'launcher' && !this.host.open) return root?.querySelector<HTMLElement>('.launcher');
    const input = root?.querySelector('textarea');
    return input && !input.disabled ? input : root?.querySelector<HTMLElement>('.log');
  }

  /** The focused element in the shadow root, or a focused child of the host (slotted content). */
  private focusedInside(): Element | null {
    const inner = this.host.shadowRoot?.activeElement;
    if (inner) return inner;
    const active = document.activeElement;
    return active && active !== this.host && this.host.contains(active) ? active : null;
  }
}

function lost(element: Element): boolean {
  return !element.isConnected || element.matches(':disabled') || !element.checkVisibility();
}
