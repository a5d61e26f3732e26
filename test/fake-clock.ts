// Time the tests control: a fake clock for the transport's timers (src/transport/clock.ts), and a
// fetch wrapper that hands each response body on one network read at a time, when the reader asks
// for it, so a test knows when every byte so far has been read (and counted by the idle timer).
import { useClock, type Clock } from '../src/transport/clock.js';

interface Timer {
  id: number;
  due: number;
  callback: () => void;
}

/** A clock whose time moves only when the test says so. */
export class FakeClock implements Clock {
  private time = 0;
  private nextId = 1;
  private readonly timers = new Map<number, Timer>();

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): number {
    const id = this.nextId++;
    this.timers.set(id, { id, due: this.time + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** The delays from now of the timers not yet fired or cleared, soonest first. */
  pending(): number[] {
    return [...this.timers.values()].map((t) => t.due - this.time).sort((a, b) => a - b);
  }

  /** Moves time on by `ms`, firing every timer that falls due on the way, at its due time, in order. */
  advance(ms: number): void {
    const target = this.time + ms;
    for (;;) {
      const next = [...this.timers.values()].filter((t) => t.due <= target).sort((a, b) => a.due - b.due || a.id - b.id)[0];
      if (!next) break;
      this.timers.delete(next.id);
      this.time = Math.max(this.time, next.due);
      next.callback();
    }
    this.time = target;
  }

  /** Time passes and nothing runs, as on a blocked main thread: timers fall due, firing late at the next advance(). */
  block(ms: number): void {
    this.time += ms;
  }
}

/** Installs a FakeClock for the transport's timers; `restore()` puts the page's clock back. */
export function fakeClock(): FakeClock & { restore(): void } {
  const clock = new FakeClock();
  return Object.assign(clock, { restore: useClock(clock) });
}

export interface BodyWatch {
  /** Responses that arrived (their headers). */
  readonly responses: number;
  /**
   * Resolves once the reader of the latest body has taken every chunk that arrived and asks for
   * more, i.e. the client is waiting for the server. Reads are made only when the reader asks.
   */
  waitingForServer(): Promise<void>;
  restore(): void;
}

/**
 * Wraps `fetch` for requests to `path`: each response body is read from the network one read at a
 * time, only when its reader asks for more (a high-water mark of 0), and `beforeRead` runs before
 * each such read (after the reader took everything before it).
 */
export function watchBodies(path = '/test-sse', beforeRead?: () => void | Promise<void>): BodyWatch {
  const original = globalThis.fetch;
  let responses = 0;
  let waiting = false;
  let wake: (() => void)[] = [];
  const setWaiting = (value: boolean) => {
    waiting = value;
    if (value) for (const resolve of wake.splice(0)) resolve();
  };
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await original(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.pathname !== path || !response.body) return response;
    responses += 1;
    setWaiting(false);
    const reader = response.body.getReader();
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          await beforeRead?.();
          setWaiting(true);
          try {
            const { done, value } = await reader.read();
            if (done) controller.close();
            else controller.enqueue(value);
          } catch (error) {
            controller.error(error);
          } finally {
            setWaiting(false);
          }
        },
        cancel: (reason) => reader.cancel(reason),
      },
      { highWaterMark: 0 },
    );
    const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    return Object.defineProperties(copy, { url: { value: response.url }, redirected: { value: response.redirected } });
  };
  return {
    get responses() {
      return responses;
    },
    waitingForServer: () => (waiting ? Promise.resolve() : new Promise<void>((resolve) => wake.push(resolve))),
    restore() {
      globalThis.fetch = original;
      wake = [];
    },
  };
}
