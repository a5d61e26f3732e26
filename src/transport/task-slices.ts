// A backlog of bytes (a buffering proxy releasing a whole answer at once, 10,000 events in one
// chunk) read in one go would parse every event in one long task. This passes the body on in
// slices of at most SLICE_BYTES per task: chunks are split, and once a task has handed on that
// many bytes the next ones wait for a new task, so the browser can paint (and the page run) in
// between. A stream that trickles in, a chunk per task, never waits.

/** Bytes of the body parsed per task at most (about 270 OpenAI-style events, well under a millisecond). */
export const SLICE_BYTES = 16 * 1024;

/** Resolves in a new task (not a microtask, and without setTimeout's 4 ms clamp for nested timers). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A pass-through stream that hands on at most `limit` bytes per task (see above). */
export function taskSlices(limit = SLICE_BYTES, newTask: () => Promise<void> = nextTask): TransformStream<Uint8Array, Uint8Array> {
  /** Bytes handed on since the last task boundary. */
  let bytes = 0;
  let boundary: Promise<void> | undefined;
  return new TransformStream({
    async transform(chunk, controller) {
      for (let from = 0; from < chunk.length; ) {
        if (bytes >= limit) await boundary;
        const piece = chunk.subarray(from, from + (limit - bytes));
        from += piece.length;
        bytes += piece.length;
        boundary ??= newTask().then(() => {
          bytes = 0;
          boundary = undefined;
        });
        controller.enqueue(piece);
      }
    },
  });
}
