// The markdown engine (marked, DOMPurify, our renderer) is over half of the element's weight, so
// it is not in the first download; but a first answer that has to wait for it paints its first
// text late. It is loaded as soon as the element is on screen and the browser has nothing better
// to do, so it is ready before anybody can have typed a question (and still on focus, a send or
// restored messages, whichever comes first). In a later idle period the element warms up what the
// first answer would otherwise pay for (markdown/warm-up.ts).
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long an idle callback may wait for idleness before it runs anyway. */
const IDLE_TIMEOUT_MS = 3000;

/** Calls `callback` in an idle period (after 200 ms where the browser cannot tell); returns a function that cancels it. */
export function whenIdle(callback: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const idle = requestIdleCallback(() => callback(), { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(idle);
  }
  const timer = setTimeout(callback, 200);
  return () => clearTimeout(timer);
}

/**
 * Calls `load` once, in an idle period after `element` first becomes visible. Returns a function
 * that cancels it (the element left the page first).
 */
export function loadWhenVisibleAndIdle(element: Element, load: () => unknown): () => void {
  let cancelIdle: (() => void) | undefined;
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    observer.disconnect();
    cancelIdle = whenIdle(load);
  });
  observer.observe(element);
  return () => {
    observer.disconnect();
    cancelIdle?.();
  };
}

/**
 * `loadWhenVisibleAndIdle` for as long as a Lit element is on the page; once `load` has resolved,
 * `warmUp` in the next idle period.
 */
export class PreloadController implements ReactiveController {
  private cancel?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly load: () => Promise<unknown>,
    private readonly warmUp: () => void = () => {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    let connected = true;
    let cancelWarmUp: (() => void) | undefined;
    const cancelLoad = loadWhenVisibleAndIdle(this.host, () =>
      this.load().then(() => {
        if (connected) cancelWarmUp = whenIdle(this.warmUp);
      }),
    );
    this.cancel = () => {
      connected = false;
      cancelLoad();
      cancelWarmUp?.();
    };
  }

  hostDisconnected(): void {
    this.cancel?.();
  }
}
