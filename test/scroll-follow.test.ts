// Following the bottom of a growing log, tested on a plain scrolling element with a stand-in host.
import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ScrollFollowController } from '../src/scroll-follow.js';
import { until } from './support.js';

class Host implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  updates = 0;
  readonly updateComplete = Promise.resolve(true);
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {
    this.updates += 1;
  }
}

function setUp() {
  const log = document.createElement('div');
  log.style.cssText = 'height: 100px; overflow-y: auto';
  const content = document.createElement('div');
  log.append(content);
  document.body.append(log);
  const host = new Host();
  const follower = new ScrollFollowController(host);
  follower.attach(log);
  const grow = (px: number) => {
    const block = document.createElement('div');
    block.style.height = `${px}px`;
    content.append(block);
  };
  const atBottom = () => log.scrollTop > 0 && Math.abs(log.scrollHeight - log.clientHeight - log.scrollTop) <= 1;
  return { log, host, follower, grow, atBottom };
}

describe('ScrollFollowController', () => {
  it('keeps the log at its bottom as the content grows', async () => {
    const { log, grow, atBottom, follower } = setUp();
    try {
      grow(300);
      await until(atBottom, 'pinned after the first growth');
      grow(300);
      await until(atBottom, 'pinned again');
      expect(follower.behind).to.be.false;
    } finally {
      log.remove();
    }
  });

  it("stops when the user scrolls up, says it is behind when content comes, and follows again on request", async () => {
    const { log, host, grow, atBottom, follower } = setUp();
    try {
      grow(500);
      await until(atBottom, 'pinned');
      // The user drags the scrollbar up: a pointer held down makes every scroll the user's.
      log.dispatchEvent(new PointerEvent('pointerdown'));
      log.scrollTop = 0;
      log.dispatchEvent(new Event('scroll'));
      log.dispatchEvent(new PointerEvent('pointerup'));
      const updates = host.updates;
      grow(200);
      await until(() => follower.behind, 'behind after growth');
      expect(log.scrollTop).to.equal(0, 'the reader stays where they are');
      expect(host.updates).to.be.greaterThan(updates, 'the host re-renders to offer a way back');
      follower.follow();
      expect(follower.behind).to.be.false;
      expect(atBottom()).to.be.true;
    } finally {
      log.remove();
    }
  });

  it('follows again when the user scrolls back to the bottom', async () => {
    const { log, grow, atBottom, follower } = setUp();
    try {
      grow(500);
      await until(atBottom, 'pinned');
      log.dispatchEvent(new PointerEvent('pointerdown'));
      log.scrollTop = 0;
      log.dispatchEvent(new Event('scroll'));
      grow(100);
      await until(() => follower.behind, 'behind');
      log.scrollTop = log.scrollHeight;
      log.dispatchEvent(new Event('scroll'));
      log.dispatchEvent(new PointerEvent('pointerup'));
      expect(follower.behind).to.be.false;
      grow(100);
      await until(atBottom, 'following again');
    } finally {
      log.remove();
    }
  });
});
