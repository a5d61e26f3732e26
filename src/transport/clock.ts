/**
 * The time source of the transport's timers, the idle timeout (IdleTimer) and the wait for an
 * error body (errors.ts), and of the cursor's pause before it blinks (markdown/cursor.ts). The
 * page's own `performance.now()` and `setTimeout` unless replaced with `useClock()`, which the
 * tests do so that they, not a busy machine, decide when time passes.
 */
export interface Clock {
  /** Milliseconds on a monotonic scale (only differences mean anything). */
  now(): number;
  /** Calls `callback` once, `ms` milliseconds from now; the handle is for clearTimeout. */
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemClock: Clock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

let current = systemClock;

/** The clock timers started now use. */
export function clock(): Clock {
  return current;
}

/**
 * Makes timers started from now on use `replacement` (those already running keep theirs).
 * Returns a function that puts the page's clock back. Not part of the package's API: for tests.
 */
export function useClock(replacement: Clock): () => void {
  current = replacement;
  return () => {
    current = systemClock;
  };
}
