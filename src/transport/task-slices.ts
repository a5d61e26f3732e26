// A backlog of bytes (a buffering proxy releasing a whole answer at once, 10,000 events in one
// chunk) read in one go would parse every event in one long task. This passes the body on in
// slices of at most SLICE_BYTES per task: chunks are split, and once a task has handed on that
// many bytes the next ones wait for a new task, so the page can run in between. A stream that
// trickles in, a chunk per task, never waits.
//
// New tasks alone do not let the browser paint: it ran the parsing tasks back to back and showed
// the first text of a 100 KB backlog only after all of it was parsed (about 200 ms). So once a
// backlog has been parsed for PARSE_MS_PER_FRAME, the next slice waits for a frame (in a visible
// page), and the first text, and the view's catching up, paint while the rest is parsed.

/**
 * Bytes of the body parsed per task at most: about 1,600 events of the benchmark's stream, 1-2 ms
 * here. A task costs the page more than its parsing: a 100 KB burst (1 MB of SSE) in 16 KB slices,
 * 64 tasks, took 20 ms more of main-thread time than in 64 KB slices (`node bench/ab.mjs`, 30
 * fresh pages of each, twice: 373 against 352 ms and 364 against 345); 256 KB slices saved
 * nothing more. (Not the stream machinery: the same slices read without a TransformStream cost
 * the same.)
 */
export const SLICE_BYTES = 64 * 1024;
/** Milliseconds of a backlog parsed before a frame is let through. */
export const PARSE_MS_PER_FRAME = 8;
/** A frame that does not come within this long (a throttled frame) is not waited for any longer. */
const FRAME_WAIT_MS = 100;

/** Callers of `nextTask` waiting for their task, oldest first, and the one channel that starts them. */
const queued: (() => void)[] = [];
let channel: MessageChannel | undefined;

/**
 * Resolves in a new task (not a microtask, and without setTimeout's 4 ms clamp for nested timers).
 * One channel serves every call: a new MessageChannel per network chunk cost more than the rest
 * of the slicing (67 of its 82 ms in a profile of a paced 20 KB answer).
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => queued.shift()?.();
    }
    queued.push(resolve);
    channel.port2.postMessage(null);
  });
}

/**
 * Resolves in the first task after the next frame has rendered; in a new task where no frame
 * will come (a hidden page: the answer still streams, as fetch-event-source is told to).
 */
export function afterNextFrame(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState !== 'visible') return nextTask();
  return new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      resolve();
    };
    requestAnimationFrame(() => void nextTask().then(go));
    setTimeout(go, FRAME_WAIT_MS);
  });
}

export interface TaskSliceOptions {
  /** Bytes per task; SLICE_BYTES. */
  limit?: number;
  /** Starts a new task; `nextTask`. */
  newTask?: () => Promise<void>;
  /** Waits for a frame; `afterNextFrame`, or none when `newTask` is given without it. */
  frame?: () => Promise<void>;
  /** The clock; `performance.now`. */
  now?: () => number;
}

/**
 * Bytes handed on before the end of the task is asked for (a message posted to learn when a new
 * task has begun). Asking at every chunk cost a task and a message per network read (about 1% of
 * a paced stream's duration); until then the bytes of earlier tasks still count against this
 * one's allowance, so a slice is at most smaller than it could be, never larger.
 */
const BOUNDARY_SHARE = 1 / 4;

/** A pass-through stream that hands on at most `limit` bytes per task, and lets frames through a backlog (see above). */
export function taskSlices(options: TaskSliceOptions = {}): TransformStream<Uint8Array, Uint8Array> {
  return new TransformStream(taskSliceStage(options));
}

/** What taskSlices does, as the first stage of a fused stream (fuse.ts). */
export function taskSliceStage(options: TaskSliceOptions = {}): Transformer<Uint8Array, Uint8Array> {
  const limit = options.limit ?? SLICE_BYTES;
  const newTask = options.newTask ?? nextTask;
  const frame = options.frame ?? (options.newTask ? undefined : afterNextFrame);
  const now = options.now ?? (() => performance.now());
  /** Bytes handed on since the last task boundary that was waited for. */
  let bytes = 0;
  let boundary: Promise<void> | undefined;
  /** When the backlog being parsed began (or the last frame let through); undefined while there is none. */
  let busySince: number | undefined;
  /** Whether the stream is waiting for a boundary or frame (else a boundary passing means it was idle). */
  let waiting = false;
  /** Asks for the end of this task: then the allowance starts over, and a backlog that is not waiting has ended. */
  const askBoundary = () => {
    boundary ??= newTask().then(() => {
      bytes = 0;
      boundary = undefined;
      if (!waiting) busySince = undefined;
    });
  };
  /** Hands `piece` on, counting it against this task's allowance. */
  const pass = (piece: Uint8Array, controller: TransformStreamDefaultController<Uint8Array>) => {
    bytes += piece.length;
    if (bytes >= limit * BOUNDARY_SHARE) askBoundary();
    controller.enqueue(piece);
  };
  return {
    transform(chunk, controller) {
      // A chunk within this task's allowance, as every chunk of a stream that trickles in is,
      // goes on at once: no promise, no wait.
      if (bytes + chunk.length <= limit) return pass(chunk, controller);
      return sliced(chunk, controller);
    },
  };

  async function sliced(chunk: Uint8Array, controller: TransformStreamDefaultController<Uint8Array>): Promise<void> {
    // A backlog starts here, not at the chunks of a trickle before it: those do not ask for a
    // boundary each (BOUNDARY_SHARE), so a time they set would still stand when a backlog came,
    // and it would wait for a frame after its first slice.
    busySince ??= now();
    for (let from = 0; from < chunk.length; ) {
      if (bytes >= limit) {
        waiting = true;
        if (frame && busySince !== undefined && now() - busySince >= PARSE_MS_PER_FRAME) {
          await frame();
          // The next stretch of parsing starts now.
          busySince = now();
          bytes = 0;
        } else {
          // Passing `limit` bytes asked for the boundary (see BOUNDARY_SHARE).
          await boundary;
        }
        waiting = false;
      }
      const piece = chunk.subarray(from, from + (limit - bytes));
      from += piece.length;
      pass(piece, controller);
    }
    // However little its last slice was, the backlog ends with this task.
    askBoundary();
  }
}
