// When streaming text reaches the screen: the cadence of its updates, and waiting until an update
// is due without waking the frames before it.
//
// The session (session/chat-session.ts) re-renders the element at this cadence, and the answer's
// view (markdown/catch-up.ts) shows what each render hands it: one owner, so an update of one is
// an update of the other.

/** One frame at 60 Hz. */
export const FRAME_MS = 1000 / 60;
/**
 * Milliseconds between two updates of streaming text, on average: 25 a second. Fluid to the eye
 * (film runs at 24), and each update costs the host page a frame of work (re-lexing, sanitizing,
 * style, layout and paint of the open block): at 60 Hz every other frame was 30 a second.
 */
export const TEXT_INTERVAL_MS = 40;
/**
 * The interval while text arrives faster than anyone reads it: 21 updates a second. An update that
 * adds a line or more (FAST_TEXT_CHARS) is watched filling, not read along, and a fast model (a
 * few hundred tokens a second and up) is where the host page pays most for each update: a sixth
 * fewer of them is a sixth less of that, while the text still flows at over 20 a second.
 */
export const FAST_TEXT_INTERVAL_MS = 48;
/** Characters an update adds from which the text counts as arriving faster than it is read: about a line. */
export const FAST_TEXT_CHARS = 64;
/** An update this close to its due time counts as due: frames come when they come, not when an update is due (the timer that waits for it wakes this much early). */
export const EARLY_MS = 4;

/**
 * When the next update of streaming text is due. Each is due an interval after the last was due,
 * not after it went out, which at 60 Hz would round every interval up to three frames (20 a
 * second); updates alternate between two and three frames apart instead. After a pause (the
 * first text, or text after a silence) the next is due at least an interval less a frame later,
 * so two updates never go out in consecutive frames at 60 Hz. The interval is TEXT_INTERVAL_MS,
 * or FAST_TEXT_INTERVAL_MS after an update that added FAST_TEXT_CHARS or more.
 */
export class Cadence {
  private due = -Infinity;

  /** Milliseconds from `now` until the next update is due; zero or less when it is. */
  wait(now: number): number {
    return this.due - EARLY_MS - now;
  }

  /** An update that added `added` characters went out at `now`. */
  went(now: number, added = 0): void {
    const interval = added >= FAST_TEXT_CHARS ? FAST_TEXT_INTERVAL_MS : TEXT_INTERVAL_MS;
    this.due = Math.max(this.due + interval, now + interval - FRAME_MS);
  }

  /** Forgets the last update: the next is due at once. */
  reset(): void {
    this.due = -Infinity;
  }
}

/**
 * Calls `callback` once an update is due, `ms` from now (`Cadence.wait` already counts a frame that
 * begins a little early as due): in the next animation frame when it is due now, so that the first
 * text after a pause paints in the frame after it arrived; later, in the task of a timer that
 * sleeps until then, and the next frame paints what it did.
 * - A timer, not a request for every frame until then: each such frame cost the host page its
 *   style, paint and commit with nothing changed (over a millisecond each on a slow machine).
 * - The timer's task, not the frame after it: a log that follows the text scrolls at each update,
 *   and a scroll made in a frame's callbacks comes after that frame has dispatched its scroll
 *   events, so every update took a second frame of its own only for `scroll` and `scrollend`.
 *   Made in a task before the frame, the update's scroll events are dispatched in the frame that
 *   paints it: a traced paced 20 KB answer took 147 frames instead of 297-309, and a paced 100 KB
 *   answer about 6% less main-thread time (four interleaved pairs of runs).
 * Returns a function that cancels the call.
 */
export function whenDue(ms: number, callback: () => void): () => void {
  if (ms <= 0) {
    const frame = requestAnimationFrame(() => callback());
    return () => cancelAnimationFrame(frame);
  }
  const timer = setTimeout(callback, ms);
  return () => clearTimeout(timer);
}
