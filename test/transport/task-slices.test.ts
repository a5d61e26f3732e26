// The body handed on in slices per task, with task boundaries the test controls.
import { expect } from '@open-wc/testing';
import { taskSlices } from '../../src/transport/task-slices.js';

/** New tasks that start only when the test says so. */
function controlledTasks() {
  const waiting: (() => void)[] = [];
  return {
    newTask: () => new Promise<void>((resolve) => waiting.push(resolve)),
    /** Starts every task asked for so far; how many there were. */
    run(): number {
      const count = waiting.length;
      for (const resolve of waiting.splice(0)) resolve();
      return count;
    },
  };
}

const microtasks = async () => {
  for (let i = 0; i < 500; i++) await Promise.resolve();
};

/**
 * Slices of 1000 bytes with task boundaries and frames the test controls, read as they come;
 * reading takes the slicer's clock 3 ms per kilobyte, as parsing would.
 */
function parsedSlices() {
  const tasks = controlledTasks();
  const frames = controlledTasks();
  const parsed = { time: 0, bytes: 0 };
  const slices = taskSlices({ limit: 1000, newTask: tasks.newTask, frame: frames.newTask, now: () => parsed.time });
  const writer = slices.writable.getWriter();
  const reader = slices.readable.getReader();
  const reading = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      parsed.bytes += value.length;
      parsed.time += (3 * value.length) / 1000;
    }
  })();
  return { tasks, frames, parsed, writer, reading };
}

describe('taskSlices', () => {
  it('hands a 100 KB chunk on 16 KB per task, in order and complete', async () => {
    const tasks = controlledTasks();
    const bytes = new Uint8Array(100 * 1024).map((_, i) => i % 251);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    }).pipeThrough(taskSlices({ limit: 16 * 1024, newTask: tasks.newTask }));
    const received: Uint8Array[] = [];
    let done = false;
    const reading = (async () => {
      const reader = body.getReader();
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) break;
        received.push(value);
      }
      done = true;
    })();
    const perTask: number[] = [];
    while (!done) {
      await microtasks();
      perTask.push(received.reduce((n, piece) => n + piece.length, 0) - perTask.reduce((a, b) => a + b, 0));
      if (!tasks.run() && !done) await microtasks();
    }
    await reading;
    expect(Math.max(...perTask), 'bytes per task').to.be.at.most(16 * 1024);
    expect(perTask.filter((n) => n > 0).length).to.be.at.least(7);
    const joined = new Uint8Array(received.reduce((n, piece) => n + piece.length, 0));
    let at = 0;
    for (const piece of received) {
      joined.set(piece, at);
      at += piece.length;
    }
    expect(joined).to.deep.equal(bytes);
  });

  it('counts small chunks that arrive in one task together', async () => {
    const tasks = controlledTasks();
    const slices = taskSlices({ limit: 1000, newTask: tasks.newTask });
    const writer = slices.writable.getWriter();
    const reader = slices.readable.getReader();
    const got: number[] = [];
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        got.push(value.length);
      }
    })();
    // 30 chunks of 100 bytes written at once: 10 go through before a new task is needed.
    const writes = Array.from({ length: 30 }, () => writer.write(new Uint8Array(100)));
    await microtasks();
    expect(got.reduce((a, b) => a + b, 0)).to.equal(1000);
    tasks.run();
    await microtasks();
    expect(got.reduce((a, b) => a + b, 0)).to.equal(2000);
    tasks.run();
    await microtasks();
    tasks.run();
    await Promise.all(writes);
    await writer.close();
    await reading;
    expect(got.reduce((a, b) => a + b, 0)).to.equal(3000);
  });

  it('lets a frame through once a backlog has been parsed for PARSE_MS_PER_FRAME', async () => {
    const { tasks, frames, parsed, writer, reading } = parsedSlices();
    const write = writer.write(new Uint8Array(10_000));
    await microtasks();
    expect(parsed.bytes, 'the first slice at once').to.equal(1000);
    // New tasks alone take it only so far: 3 ms a slice, 8 ms of parsing, then it waits for a frame.
    for (let i = 0; i < 10; i++) {
      tasks.run();
      await microtasks();
    }
    const beforeFrame = parsed.bytes;
    expect(beforeFrame).to.be.within(3000, 4000);
    expect(frames.run(), 'one frame waited for').to.equal(1);
    await microtasks();
    expect(parsed.bytes, 'after the frame, the next slice').to.equal(beforeFrame + 1000);
    for (let i = 0; i < 20 && parsed.bytes < 10_000; i++) {
      tasks.run();
      frames.run();
      await microtasks();
    }
    await write;
    await writer.close();
    await reading;
    expect(parsed.bytes).to.equal(10_000);
  });

  it('never waits for a frame while the body trickles in', async () => {
    const tasks = controlledTasks();
    let frames = 0;
    let time = 0;
    const slices = taskSlices({ limit: 1000, newTask: tasks.newTask, frame: async () => void (frames += 1), now: () => time });
    const writer = slices.writable.getWriter();
    const reader = slices.readable.getReader();
    const reading = (async () => {
      while (!(await reader.read()).done);
    })();
    for (let i = 0; i < 50; i++) {
      await writer.write(new Uint8Array(100));
      time += 50;
      tasks.run();
      await microtasks();
    }
    await writer.close();
    await reading;
    expect(frames).to.equal(0);
  });

  it('asks for a new task only once a quarter of the allowance has passed, not at every chunk', async () => {
    let asked = 0;
    const tasks = controlledTasks();
    const slices = taskSlices({ limit: 1000, newTask: () => (asked += 1, tasks.newTask()), frame: async () => {}, now: () => 0 });
    const writer = slices.writable.getWriter();
    const received = new Response(slices.readable).arrayBuffer();
    // 60 chunks of 50 bytes, each in a task of its own: a boundary every five chunks (250 bytes).
    for (let i = 0; i < 60; i++) {
      await writer.write(new Uint8Array(50));
      tasks.run();
      await microtasks();
    }
    await writer.close();
    expect((await received).byteLength).to.equal(3000);
    expect(asked).to.equal(12);
  });

  it('gives a backlog after a trickle, or after an earlier backlog, its PARSE_MS_PER_FRAME before the first frame', async () => {
    const { tasks, frames, parsed, writer, reading } = parsedSlices();
    /** Runs tasks until a frame is waited for, and lets it through; how many bytes went before it. */
    const untilFrame = async () => {
      const start = parsed.bytes;
      for (let i = 0; i < 20 && frames.run() === 0; i++) {
        tasks.run();
        await microtasks();
      }
      return parsed.bytes - start;
    };
    /** Writes `size` bytes at once; how many bytes went before its first frame and between its first and second. */
    const backlog = async (size: number) => {
      void writer.write(new Uint8Array(size));
      await microtasks();
      return [await untilFrame(), await untilFrame()];
    };
    // A trickle: small chunks in tasks of their own, long apart.
    for (let i = 0; i < 2; i++) {
      await writer.write(new Uint8Array(100));
      parsed.time += 50;
      tasks.run();
      await microtasks();
    }
    const [first, second] = await backlog(10_000);
    expect(first, 'after a trickle').to.be.within(3000, 4000);
    expect(second, 'between the first frame and the next').to.be.within(3000, 4000);
    // The rest of it, then a pause, then another backlog ending in a small slice.
    for (let i = 0; i < 20 && parsed.bytes < 10_200; i++) {
      tasks.run();
      frames.run();
      await microtasks();
    }
    expect(parsed.bytes).to.equal(10_200);
    parsed.time += 100;
    tasks.run();
    await microtasks();
    expect((await backlog(10_000))[0], 'after an earlier backlog').to.be.within(3000, 4000);
    for (let i = 0; i < 20 && parsed.bytes < 20_200; i++) {
      tasks.run();
      frames.run();
      await microtasks();
    }
    await writer.close();
    await reading;
    expect(parsed.bytes).to.equal(20_200);
  });
});

