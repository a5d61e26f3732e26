// The body handed on in slices per task, with task boundaries the test controls.
import { expect } from '@open-wc/testing';
import { taskSlices } from '../src/transport/task-slices.js';

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

describe('taskSlices', () => {
  it('hands a 100 KB chunk on 16 KB per task, in order and complete', async () => {
    const tasks = controlledTasks();
    const bytes = new Uint8Array(100 * 1024).map((_, i) => i % 251);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    }).pipeThrough(taskSlices(16 * 1024, tasks.newTask));
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
    const slices = taskSlices(1000, tasks.newTask);
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
});
