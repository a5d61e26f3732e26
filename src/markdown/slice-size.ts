// How much of a backlog to show in the next frame, from what the last slices cost.
//
// A frame that shows a slice costs the slice's own work (lexing, sanitizing and inserting it, the
// style, layout and paint of what it added), which grows with its size, plus work the frame does
// whatever the slice: re-rendering the open block, the element's update, scroll following, the
// host page's own frame callbacks, a loaded machine's preemption. Only the first is ours to
// spread over frames: a smaller slice does not make the second smaller, it makes the catch-up
// take more frames that each pay it again. Sizing slices by the whole frame's cost did exactly
// that: under load the fixed part alone was over the budget, slices sat at the minimum (1 KB) and
// a 0.5 MB backlog took ten seconds to show.
//
// So the budget is for the marginal cost, what a byte adds to its frame. It cannot be read from
// one frame (one measurement mixes both parts), but two frames of different slice sizes give it:
// (cost₂ − cost₁) / (size₂ − size₁). Slices alternate between a third above and a third below the
// size the estimate asks for, so consecutive frames always differ enough to tell; the estimate is
// the median of the last few such pairs (one frame preempted by another process does not move
// it), never more than the whole cost per byte (every millisecond counted as the slice's: the old
// rule, and the estimate while there are no pairs yet) and never less than a quarter of it.

/** Bytes of the first slice, before anything was measured; the smallest and largest slice. */
export interface SliceBounds {
  first: number;
  min: number;
  max: number;
}

export const SLICE_BOUNDS: SliceBounds = {
  first: 4 * 1024,
  // A floor that keeps a catch-up moving whatever the estimate says: 0.5 MB in at most 128 frames.
  min: 4 * 1024,
  max: 256 * 1024,
};

/** Slices alternate this much above and below the size asked for. */
const DITHER = 1 / 3;
/** Consecutive slices this many times apart in size, or more, give an estimate of the marginal cost. */
const MIN_SPREAD = 1.2;
/**
 * Slices at most this many times what the whole cost per byte allows: frames whose costs are mostly
 * noise can make the pairs say a byte costs nothing, and slices must not grow without bound then.
 */
const MAX_GAIN = 4;
/** How many measurements the estimate remembers. */
const WINDOW = 9;

interface Sample {
  bytes: number;
  ms: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export class SliceSize {
  private readonly samples: Sample[] = [];
  private readonly slopes: number[] = [];
  /** The size the estimate asks for, before the alternation. */
  private target: number;
  private above = false;

  constructor(
    /** Milliseconds of marginal cost a slice may add to its frame. */
    private readonly budgetMs: number,
    private readonly bounds: SliceBounds = SLICE_BOUNDS,
  ) {
    this.target = bounds.first;
  }

  /** Bytes for the next slice. */
  next(): number {
    if (this.samples.length === 0) return this.target;
    this.above = !this.above;
    const size = Math.round(this.target * (this.above ? 1 + DITHER : 1 - DITHER));
    return Math.min(this.bounds.max, Math.max(this.bounds.min, size));
  }

  /** What a slice of `bytes` cost, its frame's fixed work included. */
  record(bytes: number, ms: number): void {
    if (!(bytes > 0) || !(ms >= 0)) return;
    const last = this.samples.at(-1);
    if (last) {
      const [small, large] = last.bytes < bytes ? [last, { bytes, ms }] : [{ bytes, ms }, last];
      if (large.bytes >= small.bytes * MIN_SPREAD) {
        this.slopes.push(Math.max(0, (large.ms - small.ms) / (large.bytes - small.bytes)));
        if (this.slopes.length > WINDOW) this.slopes.shift();
      }
    }
    this.samples.push({ bytes, ms });
    if (this.samples.length > WINDOW) this.samples.shift();
    const perByte = this.msPerByte;
    // At most twice the last target per measurement: a run of cheap frames (an idle moment of a
    // loaded machine) grows the slices over a few frames, not in one jump.
    const wanted = perByte > 0 ? this.budgetMs / perByte : Infinity;
    this.target = Math.min(this.bounds.max, Math.max(this.bounds.min, Math.min(wanted, this.target * 2)));
  }

  /** The estimated marginal cost of a byte, in milliseconds; the whole cost per byte until consecutive slices tell it apart. */
  get msPerByte(): number {
    const whole = median(this.samples.map((s) => s.ms / s.bytes));
    // Fewer than three pairs is not yet a median that one preempted frame cannot move.
    if (this.slopes.length < 3) return whole;
    return Math.min(whole, Math.max(whole / MAX_GAIN, median(this.slopes)));
  }
}
