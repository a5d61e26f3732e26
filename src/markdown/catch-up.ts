// A backlog (a buffering proxy releasing 100 KB at once, a 1 MB event) shown over several frames
// instead of in one long task. The text reaches the view in slices that fit a per-frame budget,
// in order and without loss; the first slice goes out at once, so the first text of even a huge
// backlog paints in the first frame. The slice size follows what a byte of the last slices cost
// (slice-size.ts).
//
// Text that does not make a backlog (a paced stream) is shown as it is pushed: how often that is,
// is the session's cadence (frames.ts), which re-renders the element, and so pushes here, 25 times
// a second while text streams.

import { SliceSize } from './slice-size.js';
import { prefixOf, type TextSource } from './text-source.js';

/** When the next frame runs, and what time it is: `requestAnimationFrame` and `performance.now` in a page, a test's own in tests. */
export interface FrameSource {
  request(callback: () => void): void;
  now(): number;
  /**
   * Calls back in the first task after the current one: called from a frame's callback, after
   * that frame's style, layout and paint, so the time until then is what the slice really cost.
   */
  afterRender?(callback: () => void): void;
}

export const animationFrames: FrameSource = {
  request: (callback) => void requestAnimationFrame(callback),
  now: () => performance.now(),
  afterRender(callback) {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      callback();
    };
    channel.port2.postMessage(null);
  },
};

/** Milliseconds of script a slice may add to its frame while catching up, where only the script can be timed. */
export const FRAME_BUDGET_MS = 6;
/**
 * Milliseconds a slice may add to its frame while catching up, its script and the style, layout
 * and paint of what it added (measured with `afterRender`): the rendering of a slice cost two to
 * three times its script. What the frame costs whatever the slice is not counted (see
 * slice-size.ts). The rest of a 60 Hz frame is the host page's.
 */
export const RENDERED_FRAME_BUDGET_MS = 10;
export type Finality = boolean | 'partial';
/** Characters read at a time while looking for the end of a line longer than a slice. */
const LINE_WINDOW = 64 * 1024;

/**
 * Hands `show` a growing text (the whole text so far each time, as `MarkdownView.update` takes
 * it) no more than one slice ahead of what it showed before, one slice per frame until it has
 * caught up. A text that does not extend the last one is passed on whole (the view starts over).
 * Only the text's length and the slices around what is new are read (see text-source.ts).
 */
export class CatchUp {
  private text: TextSource = '';
  /** The last characters shown (up to 32), to tell a text that extends them from one that replaces them. */
  private seen = '';
  private final: Finality = false;
  /** How much of `text` the view has been given. */
  private shown = 0;
  private shownFinal: Finality | undefined;
  private readonly sizes: SliceSize;
  private scheduled = false;

  constructor(
    private readonly show: (text: TextSource, final: Finality) => void,
    private readonly frames: FrameSource = animationFrames,
    budgetMs = frames.afterRender ? RENDERED_FRAME_BUDGET_MS : FRAME_BUDGET_MS,
  ) {
    this.sizes = new SliceSize(budgetMs);
  }

  /** True while part of the latest text has not been shown yet. */
  get behind(): boolean {
    return this.shown < this.text.length || this.shownFinal !== this.final;
  }

  /** The latest text; shows the next slice of it now, and the rest over the next frames. */
  push(text: TextSource, final: Finality): void {
    // The last characters shown, not all of them: a check that grows with the answer would make
    // every frame cost O(answer). The view makes the same check.
    const extended = text.length >= this.shown && text.slice(Math.max(0, this.shown - 32), this.shown) === this.seen;
    this.text = text;
    this.final = final;
    if (!extended) {
      // Replaced, not extended (a regenerate, an edit): the view starts over from this text.
      this.shown = 0;
      this.seen = '';
      this.shownFinal = undefined;
    }
    if (!this.scheduled) this.step(false);
  }

  /** Shows the next slice; `inFrame` when called back for a frame (after which `afterRender` times its rendering). */
  private step(inFrame: boolean): void {
    this.scheduled = false;
    if (!this.behind) return;
    const end = this.sliceEnd();
    const whole = end === this.text.length;
    const final = whole ? this.final : false;
    const started = this.frames.now();
    this.show(prefixOf(this.text, end), final);
    const spent = this.frames.now() - started;
    const added = end - this.shown;
    this.shown = end;
    this.seen = this.text.slice(Math.max(0, end - 32), end);
    this.shownFinal = final;
    // A slice of a backlog tells what the next may cost: with its rendering when that can be timed
    // (the next slice waits for the next frame, after this measurement). The end of a backlog
    // (shown whole) and streaming text are not slices.
    if (!whole) {
      if (!this.frames.afterRender) this.sizes.record(added, spent);
      else if (inFrame) this.frames.afterRender(() => this.sizes.record(added, this.frames.now() - started));
    }
    if (this.behind) {
      this.scheduled = true;
      this.frames.request(() => this.step(true));
    }
  }

  /** Where the next slice ends: a line end when there is one in its second half, never inside a surrogate pair. */
  private sliceEnd(): number {
    const slice = this.sizes.next();
    const limit = this.shown + slice;
    if (limit >= this.text.length) return this.text.length;
    const newline = this.shown + this.text.slice(this.shown, limit).lastIndexOf('\n');
    if (newline >= this.shown + slice / 2) return newline + 1;
    // A slice that ends inside a line makes the view re-read that whole line on every slice:
    // quadratic over one huge line (a 1 MB event without a line break took minutes). So a line
    // longer than a slice goes out whole, up to its end.
    if (newline < this.shown) return this.lineEnd(limit);
    const code = this.text.slice(limit - 1, limit).charCodeAt(0);
    return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
  }

  /** Just after the first line break from `from` on, or the end of the text; read a window at a time, not the whole rest. */
  private lineEnd(from: number): number {
    for (let at = from; at < this.text.length; at += LINE_WINDOW) {
      const found = this.text.slice(at, at + LINE_WINDOW).indexOf('\n');
      if (found !== -1) return at + found + 1;
    }
    return this.text.length;
  }
}
