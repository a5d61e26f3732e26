// The cadence of streaming text, on frames and a clock the test controls; and waiting for a later
// frame without waking the ones before it.
import { expect } from '@open-wc/testing';
import { Cadence, EARLY_MS, FAST_TEXT_CHARS, FAST_TEXT_INTERVAL_MS, FRAME_MS, TEXT_INTERVAL_MS, whenDue } from '../src/frames.js';

/**
 * The frames (times in ms) at which updates go out when every frame of `seconds` at `hz` has new
 * text, `perFrame` characters of it.
 */
function updates(hz: number, seconds = 1, perFrame = 4): number[] {
  const cadence = new Cadence();
  const out: number[] = [];
  let added = 0;
  for (let frame = 0; frame * (1000 / hz) < seconds * 1000; frame++) {
    const now = frame * (1000 / hz) + 0.3;
    added += perFrame;
    if (cadence.wait(now) <= 0) {
      cadence.went(now, added);
      added = 0;
      out.push(now);
    }
  }
  return out;
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]);

describe('Cadence', () => {
  it('shows streaming text 25 times a second at 60 Hz, two or three frames apart, the first at once', () => {
    const times = updates(60, 2);
    expect(times[0], 'the first text in the first frame').to.equal(0.3);
    expect(times.length / 2).to.be.within(24, 27);
    for (const gap of gaps(times)) expect(Math.round(gap / FRAME_MS)).to.be.oneOf([2, 3]);
  });

  it('keeps about 25 a second whatever the frame rate, never under 20', () => {
    for (const hz of [30, 50, 75, 90, 120, 144, 240]) {
      const times = updates(hz, 2);
      expect(times.length / 2, `${hz} Hz`).to.be.within(20, 30);
      for (const gap of gaps(times)) expect(gap, `${hz} Hz`).to.be.at.least(TEXT_INTERVAL_MS - FRAME_MS - EARLY_MS);
    }
  });

  it('shows text that arrives faster than it is read about 21 times a second, never under 20, three frames apart or two', () => {
    // A line or more per update: 1000 tokens a second is about 4000 characters.
    const times = updates(60, 4, 70);
    expect(times.length / 4).to.be.within(20, 22);
    for (const gap of gaps(times)) expect(Math.round(gap / FRAME_MS)).to.be.oneOf([2, 3]);
    for (const hz of [30, 50, 75, 90, 120, 144, 240]) {
      const fast = updates(hz, 4, (4000 / hz) | 0);
      expect(fast.length / 4, `${hz} Hz`).to.be.within(20, 25);
      for (const gap of gaps(fast).slice(1)) expect(gap, `${hz} Hz`).to.be.at.least(FAST_TEXT_INTERVAL_MS - FRAME_MS - EARLY_MS);
    }
    // Just under a line per update keeps the reading cadence.
    expect(updates(60, 2, Math.floor((FAST_TEXT_CHARS - 1) / 3)).length / 2).to.be.within(24, 27);
  });

  it('after a pause, shows the next text at once and the one after it no sooner than the cadence allows', () => {
    const cadence = new Cadence();
    cadence.went(0);
    expect(cadence.wait(1000), 'after a second of silence').to.be.at.most(0);
    cadence.went(1000);
    expect(cadence.wait(1000 + FRAME_MS), 'not in the next frame').to.be.greaterThan(0);
    expect(cadence.wait(1000 + 2 * FRAME_MS)).to.be.at.most(0);
  });

  it('starts over after reset', () => {
    const cadence = new Cadence();
    cadence.went(0);
    expect(cadence.wait(1)).to.be.greaterThan(0);
    cadence.reset();
    expect(cadence.wait(1)).to.be.at.most(0);
  });
});

describe('whenDue', () => {
  it('runs an update that is due later in the task of a timer, not in a frame, and one due now in the next frame', async () => {
    const original = window.requestAnimationFrame;
    let asked = 0;
    window.requestAnimationFrame = (callback) => {
      asked += 1;
      return original.call(window, callback);
    };
    try {
      const start = performance.now();
      const at = await new Promise<number>((resolve) => whenDue(100, () => resolve(performance.now())));
      // A timer's task: what it changes is painted, and its scroll events dispatched, by the frame after it.
      expect(asked, 'frames asked for').to.equal(0);
      // A timer never fires early (a millisecond for the clocks' rounding).
      expect(at - start).to.be.at.least(99);
      await new Promise<void>((resolve) => whenDue(0, resolve));
      expect(asked, 'a frame that is due: the next one').to.equal(1);
    } finally {
      window.requestAnimationFrame = original;
    }
  });

  it('cancels either kind of wait', async () => {
    let called = 0;
    whenDue(0, () => (called += 1))();
    whenDue(5, () => (called += 1))();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(called).to.equal(0);
  });
});
