// Tab cycles inside a modal panel. A modal <dialog> makes the page inert, but Chromium still lets
// Tab leave the last control for the browser's own UI (the page's <body> to a script) before coming
// back; a panel that covers the screen keeps focus in itself instead.

const FOCUSABLE = 'a[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';

/** The controls Tab reaches inside `root`, in order: through shadow roots and slotted content. */
export function tabbables(root: Element): HTMLElement[] {
  const found: HTMLElement[] = [];
  const visit = (node: Element) => {
    if (node instanceof HTMLElement && node.matches(FOCUSABLE) && node.tabIndex >= 0 && !node.matches(':disabled') && !node.inert && node.checkVisibility()) {
      found.push(node);
    }
    const children = node instanceof HTMLSlotElement ? node.assignedElements({ flatten: true }) : Array.from((node.shadowRoot ?? node).children);
    // A slot with nothing assigned shows its own children (fallback content).
    const list = node instanceof HTMLSlotElement && !children.length ? Array.from(node.children) : children;
    for (const child of list) visit(child);
  };
  visit(root);
  return found;
}

function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** On Tab at the last control of `container` (Shift+Tab at the first), wraps to the other end. */
export function containTab(event: KeyboardEvent, container: Element): void {
  if (event.key !== 'Tab' || event.defaultPrevented) return;
  const controls = tabbables(container);
  if (!controls.length) return;
  const active = deepActive();
  const first = controls[0];
  const last = controls[controls.length - 1];
  const wrapTo = event.shiftKey ? (active === first || !active || !controls.includes(active as HTMLElement) ? last : null) : active === last ? first : null;
  if (wrapTo) {
    event.preventDefault();
    wrapTo.focus();
  }
}
