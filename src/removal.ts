// Moving is not removing. Drag-and-drop dashboards, framework portals and keyed re-orders take an
// element out of the document and put it back (`other.append(chat)`), which runs
// disconnectedCallback and connectedCallback in the same task; an answer must survive that.

/**
 * Calls `then` if `element` is still out of the document at the next frame (or, in a hidden tab
 * where frames wait, after a short while): the point after which it was removed, not moved.
 */
export function whenRemoved(element: { readonly isConnected: boolean }, then: () => void): void {
  let done = false;
  const check = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    if (!element.isConnected) then();
  };
  const frame = requestAnimationFrame(check);
  const timer = setTimeout(check, 250);
}
