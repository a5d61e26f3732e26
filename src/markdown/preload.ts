// The markdown engine (marked, DOMPurify, our renderer) is over half of the element's weight, so
// it is not in the first download; but a first answer that has to wait for it paints its first
// text late. It is loaded as soon as the element is on screen and the browser has nothing better
// to do, so it is ready before anybody can have typed a question (and still on focus, a send or
// restored messages, whichever comes first).
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long an idle callback may wait for idleness before it runs anyway. */
const IDLE_TIMEOUT_MS = 3000;

/**
 * Calls `load` once, in an idle period after `element` first becomes visible. Returns a function
 * that cancels it (the element left the page first).
 */
export function loadWhenVisibleAndIdle(element: Element, load: () => unknown): () => void {
  let idle: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    observer.disconnect();
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(() => load(), { timeout: IDLE_TIMEOUT_MS });
    else timer = setTimeout(load, 200);
  });
  observer.observe(element);
  return () => {
    observer.disconnect();
    if (idle !== undefined) cancelIdleCallback(idle);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/** `loadWhenVisibleAndIdle` for as long as a Lit element is on the page. */
export class PreloadController implements ReactiveController {
  private cancel?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly load: () => unknown,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.cancel = loadWhenVisibleAndIdle(this.host, this.load);
  }

  hostDisconnected(): void {
    this.cancel?.();
  }
}
