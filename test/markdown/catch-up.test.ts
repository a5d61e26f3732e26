// Catching up with a backlog over frames, with a frame source and clock the test controls.
import { expect } from '@open-wc/testing';
import { CatchUp, type Finality, type FrameSource } from '../../src/markdown/catch-up.js';
import { MarkdownView } from '../../src/markdown/markdown-view.js';
import type { TextSource } from '../../src/markdown/text-source.js';
import { GrowingText } from '../../src/session/growing-text.js';
import { seededRandom } from '../support.js';

/** Frames run only when the test says so; each `show` costs `cost(characters)` of fake time. */
function fakeFrames() {
  let time = 0;
  let queued: (() => void)[] = [];
  const source: FrameSource = { request: (callback) => void queued.push(callback), now: () => time };
  return {
    source,
    advance(ms: number) {
      time += ms;
    },
    /** Runs one frame (16.7 ms after the last, as at 60 Hz); false when nothing was waiting for it. */
    frame(): boolean {
      time += 1000 / 60;
      const callbacks = queued;
      queued = [];
      for (const callback of callbacks) callback();
      return callbacks.length > 0;
    },
    get pending() {
      return queued.length;
    },
  };
}

function backlog(size: number): string {
  const next = seededRandom(size);
  let text = '';
  for (let i = 0; text.length < size; i++) {
    const kind = Math.floor(next() * 4);
    if (kind === 0) text += `## Part ${i}\n\n`;
    else if (kind === 1) text += `- item ${i} with **bold**\n- another 😀 item\n\n`;
    else if (kind === 2) text += '```js\nconst x = ' + i + ';\n```\n\n';
    else text += `Paragraph ${i} ${'word '.repeat(Math.floor(next() * 40))}ends.\n\n`;
  }
  return text;
}

describe('CatchUp', () => {
  it('shows a 100 KB backlog over several frames, each slice extending the last, and ends with all of it', () => {
    const frames = fakeFrames();
    const shown: [string, Finality][] = [];
    const catchUp = new CatchUp((text, final) => {
      shown.push([text.slice(0), final]);
      frames.advance(text.length / 1000); // 1 ms per KB shown: a slow renderer
    }, frames.source);
    const text = backlog(100_000);
    catchUp.push(text, true);
    expect(shown.length, 'the first slice is shown at once, before any frame').to.equal(1);
    expect(shown[0][0].length).to.be.below(text.length);
    expect(shown[0][1], 'not final before the end').to.equal(false);
    let frameCount = 0;
    while (frames.frame()) frameCount++;
    expect(frameCount).to.be.greaterThan(3);
    for (let i = 1; i < shown.length; i++) {
      expect(shown[i][0].startsWith(shown[i - 1][0]), `slice ${i} extends slice ${i - 1}`).to.be.true;
      expect(shown[i][0].length).to.be.greaterThan(shown[i - 1][0].length);
    }
    expect(shown.at(-1)).to.deep.equal([text, true]);
    expect(shown.slice(0, -1).every(([, final]) => final === false)).to.be.true;
    expect(catchUp.behind).to.be.false;
  });

  it('never splits a surrogate pair and prefers line ends', () => {
    const frames = fakeFrames();
    const shown: string[] = [];
    const catchUp = new CatchUp((text) => shown.push(text.slice(0)), frames.source);
    const text = '😀'.repeat(40_000);
    catchUp.push(text, false);
    while (frames.frame());
    for (const piece of shown) expect(piece.length % 2, 'whole emoji only').to.equal(0);
    const lines = 'a line of text\n'.repeat(5000);
    const lined: string[] = [];
    const second = new CatchUp((piece) => lined.push(piece.slice(0)), frames.source);
    second.push(lines, false);
    while (frames.frame());
    for (const piece of lined) expect(piece.endsWith('\n')).to.be.true;
  });

  it('keeps up with text pushed while it is behind, in order, none lost', () => {
    const frames = fakeFrames();
    const shown: string[] = [];
    const catchUp = new CatchUp((text) => {
      shown.push(text.slice(0));
      frames.advance(4);
    }, frames.source);
    const text = backlog(300_000);
    const next = seededRandom(7);
    let sent = 0;
    while (sent < text.length) {
      sent = Math.min(text.length, sent + Math.floor(next() * 60_000));
      catchUp.push(text.slice(0, sent), sent === text.length);
      frames.frame();
    }
    while (frames.frame());
    for (let i = 1; i < shown.length; i++) expect(shown[i].startsWith(shown[i - 1])).to.be.true;
    expect(shown.at(-1)).to.equal(text);
    expect(frames.pending).to.equal(0);
  });

  it('passes a line longer than a slice on whole: the view would re-read it on every slice', () => {
    const frames = fakeFrames();
    const shown: string[] = [];
    const catchUp = new CatchUp((text) => shown.push(text.slice(0)), frames.source);
    const line = 'A long answer keeps going. '.repeat(40_000);
    catchUp.push(`${line}\nnext\n`, false);
    expect(shown).to.deep.equal([`${line}\n`]);
    while (frames.frame());
    expect(shown.at(-1)).to.equal(`${line}\nnext\n`);
  });

  it('passes a replaced text on as it is (the view starts over)', () => {
    const frames = fakeFrames();
    const shown: string[] = [];
    const catchUp = new CatchUp((text) => shown.push(text.slice(0)), frames.source);
    catchUp.push('first answer', false);
    catchUp.push('second', true);
    expect(shown).to.deep.equal(['first answer', 'second']);
  });

  it('makes slices smaller when they cost more than the budget, larger when they are cheap', () => {
    const frames = fakeFrames();
    const sizes: number[] = [];
    let last = 0;
    let perKb = 10;
    const catchUp = new CatchUp((text) => {
      sizes.push(text.length - last);
      frames.advance(((text.length - last) / 1024) * perKb);
      last = text.length;
    }, frames.source, 6);
    // 1 MB in lines of 100 characters: slices end at line ends.
    catchUp.push(`${'x'.repeat(99)}\n`.repeat(10_000), false);
    for (let i = 0; i < 6; i++) frames.frame();
    expect(sizes.at(-1), 'at 10 ms/KB, slices shrink to the minimum (4 KB, or a third more)').to.be.within(4096 - 100, (4096 * 4) / 3);
    perKb = 0.01;
    for (let i = 0; i < 12; i++) frames.frame();
    expect(sizes.at(-1), 'when cheap, they grow').to.be.greaterThan(64 * 1024);
  });

  it('sizes slices by what a byte adds to its frame with its rendering, not by the frame\'s fixed work', () => {
    // Every frame costs 12 ms whatever the slice (more than the 10 ms budget); a KB costs 0.25 ms
    // of script and 0.75 ms of style, layout and paint after it. Timed by script alone the slices
    // would be 40 KB; counting the fixed 12 ms as theirs, they would stay at the minimum; a byte's
    // whole cost, rendering included, against the budget: about 10 KB.
    let time = 0;
    let queued: (() => void)[] = [];
    let rendered: (() => void)[] = [];
    let lastSlice = 0;
    const source: FrameSource = {
      request: (callback) => void queued.push(callback),
      now: () => time,
      afterRender: (callback) => void rendered.push(callback),
    };
    const frame = () => {
      time += 1000 / 60;
      const callbacks = queued;
      queued = [];
      for (const callback of callbacks) callback();
      time += 12 + (lastSlice / 1024) * 0.75;
      const after = rendered;
      rendered = [];
      for (const callback of after) callback();
    };
    const sizes: number[] = [];
    let last = 0;
    const catchUp = new CatchUp((text) => {
      lastSlice = text.length - last;
      sizes.push(lastSlice);
      time += (lastSlice / 1024) * 0.25;
      last = text.length;
    }, source, 10);
    catchUp.push(`${'x'.repeat(99)}\n`.repeat(20_000), false);
    for (let i = 0; i < 30; i++) frame();
    const settled = (sizes.at(-1)! + sizes.at(-2)!) / 2;
    expect(settled / 1024).to.be.within(8, 12);
  });

  it('shows text that makes no backlog as it is pushed: the session sets the cadence', () => {
    const frames = fakeFrames();
    const shown: [string, Finality][] = [];
    const catchUp = new CatchUp((text, final) => shown.push([text.slice(0), final]), frames.source);
    let text = '';
    for (let i = 0; i < 60; i++) {
      text += `tok${i} `;
      catchUp.push(text, false);
      expect(shown.at(-1), `push ${i} is shown at once`).to.deep.equal([text, false]);
      frames.frame();
    }
    expect(shown.length).to.equal(60);
    expect(frames.pending, 'no frame is asked for').to.equal(0);
    catchUp.push(text + 'end.', true);
    expect(shown.at(-1), 'the end is shown at once').to.deep.equal([text + 'end.', true]);
  });

  it('a view fed in slices ends in the same DOM as one fed the whole backlog', async () => {
    const text = backlog(20_000);
    const whole = new MarkdownView(document.createElement('div'));
    whole.update(text, true);
    await whole.settled();
    const frames = fakeFrames();
    const sliced = new MarkdownView(document.createElement('div'));
    const catchUp = new CatchUp((t, final) => {
      sliced.update(t, final);
      frames.advance(5);
    }, frames.source);
    catchUp.push(text, true);
    let count = 1;
    while (frames.frame()) count++;
    await sliced.settled();
    expect(count).to.be.greaterThan(2);
    expect(sliced.root.innerHTML).to.equal(whole.root.innerHTML);
  });

  it('reads a streaming answer kept in pieces by what is new, never the whole answer per update', async () => {
    // The session's GrowingText, counting the characters its slices return. A catch-up or view that
    // read the whole answer on each update (to compare it, or to slice a prefix off it) would read
    // about N²/2 characters of an N-character answer pushed in events: here 4 MB for 400 KB.
    class CountedText extends GrowingText {
      read = 0;
      override slice(start?: number, end?: number): string {
        const part = super.slice(start, end);
        this.read += part.length;
        return part;
      }
    }
    const text = new CountedText();
    const source = backlog(400_000);
    const frames = fakeFrames();
    const view = new MarkdownView(document.createElement('div'));
    const catchUp = new CatchUp((shown: TextSource, final) => view.update(shown, final), frames.source);
    const next = seededRandom(3);
    for (let at = 0; at < source.length; ) {
      const end = Math.min(source.length, at + 1 + Math.floor(next() * 4000));
      text.append(source.slice(at, end));
      at = end;
      catchUp.push(text, false);
      frames.frame();
    }
    catchUp.push(text, true);
    while (frames.frame());
    expect(text.read / source.length, 'characters read per character of the answer').to.be.below(4);
    const whole = new MarkdownView(document.createElement('div'));
    whole.update(source, true);
    await Promise.all([view.settled(), whole.settled()]);
    expect(view.root.innerHTML, 'the same DOM as the joined string').to.equal(whole.root.innerHTML);
  });
});
