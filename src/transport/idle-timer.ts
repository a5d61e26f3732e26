import { clock, type Clock } from './clock.js';

// How long a check that fires late waits for the network before blaming the server (see IdleTimer).
const GRACE = 50;

/**
 * Calls `onIdle` once, after `ms` milliseconds in which `touch()` was not called; `stop()` ends it.
 * One timer, re-armed only when it fires, however often `touch()` is called (once per network
 * chunk). A check that fires late means the main thread was busy (rendering a burst of events,
 * say), and bytes that arrived meanwhile may still be queued behind it: it waits GRACE
 * milliseconds more for them rather than blame the server for our own delay.
 * Time is read from `timeSource` (clock.ts; the page's clock unless a test replaced it).
 */
export class IdleTimer {
  private readonly time: Clock;
  private last: number;
  private due = 0;
  private timer?: unknown;

  constructor(
    private readonly ms: number,
    private readonly onIdle: () => void,
    timeSource: Clock = clock(),
  ) {
    this.time = timeSource;
    this.last = this.time.now();
    this.arm(ms);
  }

  touch(): void {
    this.last = this.time.now();
  }

  stop(): void {
    if (this.timer !== undefined) this.time.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Passes chunks through unchanged, touching the timer for each. */
  counter(): TransformStream<Uint8Array, Uint8Array> {
    return new TransformStream({
      transform: (chunk, controller) => {
        this.touch();
        controller.enqueue(chunk);
      },
    });
  }

  private arm(delay: number): void {
    this.due = this.time.now() + delay;
    this.timer = this.time.setTimeout(() => this.check(), delay);
  }

  private check(): void {
    const now = this.time.now();
    const quiet = now - this.last;
    if (quiet < this.ms) this.arm(this.ms - quiet);
    else if (now - this.due > GRACE) this.arm(GRACE);
    else {
      this.timer = undefined;
      this.onIdle();
    }
  }
}
