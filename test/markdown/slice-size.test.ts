// Sizing a backlog's slices by the marginal cost of a byte, with costs the test makes up.
import { expect } from '@open-wc/testing';
import { SliceSize, type SliceBounds } from '../../src/markdown/slice-size.js';
import { seededRandom } from '../support.js';

const KB = 1024;
const bounds: SliceBounds = { first: 4 * KB, min: 4 * KB, max: 256 * KB };

/** Runs `frames` slices whose cost is `cost(bytes, frame)`; the sizes asked for. */
function run(sizes: SliceSize, frames: number, cost: (bytes: number, frame: number) => number): number[] {
  const asked: number[] = [];
  for (let i = 0; i < frames; i++) {
    const bytes = sizes.next();
    asked.push(bytes);
    sizes.record(bytes, cost(bytes, i));
  }
  return asked;
}

/** The size the estimate settled on: the mean of the last two slices (they alternate around it). */
const settled = (asked: number[]) => (asked.at(-1)! + asked.at(-2)!) / 2;

describe('SliceSize', () => {
  it('starts with the first size', () => {
    expect(new SliceSize(10, bounds).next()).to.equal(4 * KB);
  });

  it('budgets what a byte adds to the frame, not the frame work a smaller slice would not save', () => {
    // Every frame costs 15 ms whatever the slice (more than the budget), and 1 ms per KB more:
    // counting the 15 ms as the slice's would keep slices at the minimum for ever.
    const asked = run(new SliceSize(10, bounds), 40, (bytes) => 15 + bytes / KB);
    expect(settled(asked) / KB).to.be.within(9, 11);
  });

  it('keeps to the minimum when a byte costs more than the budget allows', () => {
    const asked = run(new SliceSize(10, bounds), 40, (bytes) => (bytes / KB) * 5);
    expect(Math.min(...asked.slice(-10))).to.equal(4 * KB);
    expect(Math.max(...asked.slice(-10)), 'still two sizes, to tell the cost of a byte').to.be.above(4 * KB);
    expect(Math.max(...asked.slice(-10))).to.be.at.most((4 * KB * 4) / 3 + 1);
  });

  it('grows over several frames, and follows a change in what a byte costs', () => {
    let perKb = 10;
    const sizes = new SliceSize(10, bounds);
    const asked = run(sizes, 20, (bytes) => 5 + (bytes / KB) * perKb);
    expect(settled(asked)).to.be.at.most(4 * KB * (4 / 3));
    perKb = 0.1; // 100 KB per 10 ms
    const after = run(sizes, 30, (bytes) => 5 + (bytes / KB) * perKb);
    // The size asked for at most doubles per frame; slices of the same phase two frames apart:
    for (let i = 2; i < after.length; i++) expect(after[i] / after[i - 2], `frame ${i}`).to.be.at.most(4.01);
    expect(after.findIndex((bytes) => bytes > 64 * KB), 'not in one jump').to.be.above(5);
    expect(settled(after) / KB).to.be.within(90, 110);
    perKb = 2;
    const slower = run(sizes, 30, (bytes) => 5 + (bytes / KB) * perKb);
    expect(settled(slower) / KB).to.be.within(4.5, 6);
  });

  it('is not moved by a frame that another process preempted', () => {
    const asked = run(new SliceSize(10, bounds), 60, (bytes, frame) => 8 + bytes / KB + (frame % 10 === 7 ? 200 : 0));
    expect(settled(asked) / KB).to.be.within(9, 11);
  });

  it('stays near the budget when frames are noisy', () => {
    // 1 ms per KB, under a frame cost that varies by 40 ms from frame to frame.
    const next = seededRandom(13);
    const asked = run(new SliceSize(10, bounds), 200, (bytes) => 5 + bytes / KB + next() * 40);
    const late = asked.slice(20);
    const mean = late.reduce((a, b) => a + b, 0) / late.length;
    expect(mean / KB).to.be.within(5, 20);
    for (const bytes of asked) expect(bytes / KB, 'no runaway').to.be.at.most(40);
  });
});
