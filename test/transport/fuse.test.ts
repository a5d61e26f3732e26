// Transforms fused into one stream behave exactly as the same transforms piped one after another.
import { expect } from '@open-wc/testing';
import { eventStreamStage, withoutBomStage } from '../../src/transport/framing.js';
import { fuse } from '../../src/transport/fuse.js';
import { taskSliceStage } from '../../src/transport/task-slices.js';
import { seededRandom } from '../support.js';

const encode = (text: string) => new TextEncoder().encode(text);

function source(pieces: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
}

/** ASCII letters upper-cased. */
const upper = (chunk: Uint8Array) => chunk.map((b) => (b >= 0x61 && b <= 0x7a ? b - 32 : b));

const text = (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

/** A stage that upper-cases ASCII and holds back its last byte until the next chunk (or the end). */
function holdLast(): Transformer<Uint8Array, Uint8Array> {
  let held: number | undefined;
  return {
    transform(chunk, controller) {
      const bytes = held === undefined ? chunk : Uint8Array.of(held, ...chunk);
      held = bytes.at(-1);
      if (bytes.length > 1) controller.enqueue(upper(bytes.slice(0, -1)));
    },
    flush(controller) {
      if (held !== undefined) controller.enqueue(upper(Uint8Array.of(held)));
    },
  };
}

describe('fuse', () => {
  const stream = '\uFEFF: hello\ndata: one\n\nevent: x\r\ndata: two\r\n\r\n\n\ndata: caf\u00e9\n\ndata: three\n\n';

  it('gives what the same stages piped one after another give, however the bytes are split', async () => {
    const bytes = encode(stream);
    const expected = await text(source([bytes]).pipeThrough(new TransformStream(withoutBomStage())).pipeThrough(new TransformStream(eventStreamStage())));
    expect(expected).to.equal('data: one\n\nevent: x\ndata: two\n\ndata: caf\u00e9\n\ndata: three\n\n');
    for (let seed = 1; seed <= 30; seed++) {
      const next = seededRandom(seed);
      const pieces: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; ) {
        const size = 1 + Math.floor(next() * [1, 3, 9][seed % 3]);
        pieces.push(bytes.slice(i, i + size));
        i += size;
      }
      const fused = await text(source(pieces).pipeThrough(fuse(withoutBomStage(), eventStreamStage())));
      expect(fused, `seed ${seed}`).to.equal(expected);
    }
  });

  it('flushes each stage in order, what an earlier one held back going through the later ones first', async () => {
    // One stage holds back its last byte until the end: what it flushes must still go through the
    // stage after it, and what the stage before it flushes must reach it before its own flush.
    const passLast: Transformer<Uint8Array, Uint8Array> = {
      transform(chunk, controller) {
        controller.enqueue(upper(chunk));
      },
    };
    expect(await text(source([encode('ab'), encode('cd')]).pipeThrough(fuse(holdLast(), passLast)))).to.equal('ABCD');
    expect(await text(source([encode('ab'), encode('cd')]).pipeThrough(fuse(passLast, holdLast())))).to.equal('ABCD');
    expect(await text(source([encode('abc')]).pipeThrough(fuse()))).to.equal('abc');
    expect(await text(source([encode('abc')]).pipeThrough(fuse({})))).to.equal('abc');
  });

  it('starts every stage, in order, before the first chunk; what a start enqueues goes through the later stages', async () => {
    const started: string[] = [];
    const greeting: Transformer<Uint8Array, Uint8Array> = {
      async start(controller) {
        await Promise.resolve();
        started.push('first');
        controller.enqueue(encode('hi '));
      },
    };
    const upperStage: Transformer<Uint8Array, Uint8Array> = {
      start: () => void started.push('second'),
      transform: (chunk, controller) => controller.enqueue(upper(chunk)),
    };
    expect(await text(source([encode('there')]).pipeThrough(fuse(greeting, upperStage)))).to.equal('HI THERE');
    expect(started).to.deep.equal(['first', 'second']);
  });

  it('lets its first stage wait (task slicing) and keeps the bytes in order', async () => {
    let tasks = 0;
    const bytes = encode('data: ' + 'x'.repeat(10_000) + '\n\n' + 'data: end\n\n');
    const fused = fuse(
      taskSliceStage({ limit: 1000, newTask: () => new Promise<void>((resolve) => setTimeout(() => (tasks += 1, resolve()), 0)) }),
      withoutBomStage(),
      eventStreamStage(),
    );
    expect(await text(source([bytes]).pipeThrough(fused))).to.equal(new TextDecoder().decode(bytes));
    expect(tasks, 'a task boundary per 1000 bytes').to.be.at.least(10);
  });

  it('errors the stream when a later stage transforms asynchronously', async () => {
    const later: Transformer<Uint8Array, Uint8Array> = { transform: async (chunk, controller) => controller.enqueue(chunk) };
    let error: unknown;
    try {
      const reader = source([encode('abc')]).pipeThrough(fuse({}, later)).getReader();
      while (!(await reader.read()).done);
    } catch (caught) {
      error = caught;
    }
    expect(String(error)).to.contain('only the first stage may transform asynchronously');
  });
});
