// The cadence of streaming text, on frames and a clock the test controls; and waiting for a later
// frame without waking the ones before it.
import { expect } from '@open-wc/testing';
import { Cadence, EARLY_MS, FRAME_MS, TEXT_INTERVAL_MS, frameAfter } from '../src/frames.js';

/** The frames (times in ms) at which updates go out when every frame of `seconds` at `hz` has new text. */
function updates(hz: number, seconds = 1): number[] {
  const cadence = new Cadence();
  const out: number[] = [];
  for (let frame = 0; frame * (1000 / hz) < seconds * 1000; frame++) {
    const now = frame * (1000 / hz) + 0.3;
    if (cadence.wait(now) <= 0) {
      cadence.went(now);
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

describe('frameAfter', () => {
  it('asks for one frame, after a timer, however far off the frame is', async () => {
    const original = window.requestAnimationFrame;
    let asked = 0;
    window.requestAnimationFrame = (callback) => {
      asked += 1;
      return original.call(window, callback);
    };
    try {
      const start = performance.now();
      const at = await new Promise<number>((resolve) => frameAfter(100, () => resolve(performance.now())));
      expect(asked, 'frames asked for').to.equal(1);
      // A timer never fires early (a millisecond for the clocks' rounding).
      expect(at - start).to.be.at.least(99);
      asked = 0;
      await new Promise<void>((resolve) => frameAfter(0, resolve));
      expect(asked, 'a frame that is due: the next one').to.equal(1);
    } finally {
      window.requestAnimationFrame = original;
    }
  });
});
