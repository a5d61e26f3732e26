// When streaming text reaches the screen: the cadence of its updates, and waiting for the frame
// an update is due in without waking the frames before it.
//
// The session (session/chat-session.ts) re-renders the element at this cadence, and the answer's
// view (markdown/catch-up.ts) shows what each render hands it: one owner, so an update of one is
// an update of the other.

/** One frame at 60 Hz. */
export const FRAME_MS = 1000 / 60;
/**
 * Milliseconds between two updates of streaming text, on average: 25 a second. Fluid to the eye
 * (film runs at 24), and each update costs the host page a frame of work (re-lexing, sanitizing,
 * style, layout and paint of the open block): at 60 Hz every other frame was 30 a second, and every
 * third (20) shows a fast stream in visible jumps.
 */
export const TEXT_INTERVAL_MS = 40;
/** A frame this close to an update's due time counts as due: frames come when they come, not when an update is due. */
export const EARLY_MS = 4;

/**
 * When the next update of streaming text is due. Each is due an interval after the last was due,
 * not after it went out, which at 60 Hz would round every interval up to three frames (20 a
 * second); updates alternate between two and three frames apart instead. After a pause (the
 * first text, or text after a silence) the next is due at least an interval less a frame later,
 * so two updates never go out in consecutive frames at 60 Hz.
 */
export class Cadence {
  private due = -Infinity;

  constructor(private readonly interval = TEXT_INTERVAL_MS) {}

  /** Milliseconds from `now` until the next update is due; zero or less when it is. */
  wait(now: number): number {
    return this.due - EARLY_MS - now;
  }

  /** An update went out at `now`. */
  went(now: number): void {
    this.due = Math.max(this.due + this.interval, now + this.interval - FRAME_MS);
  }

  /** Forgets the last update: the next is due at once. */
  reset(): void {
    this.due = -Infinity;
  }
}

/**
 * Calls `callback` in the first animation frame `ms` or more from now (`Cadence.wait` already
 * counts a frame that begins a little early as due). Asking for every frame until then and
 * checking the time cost the host page a frame for nothing in between (its style, paint and commit
 * run even when nothing changed: over a millisecond each on a slow machine); a timer sleeps until
 * then, and the frame after it is the one. Returns a function that cancels the call.
 */
export function frameAfter(ms: number, callback: () => void): () => void {
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (ms <= 0) {
    frame = requestAnimationFrame(() => callback());
  } else {
    timer = setTimeout(() => {
      timer = undefined;
      frame = requestAnimationFrame(() => callback());
    }, ms);
  }
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    cancelAnimationFrame(frame);
  };
}
