import type { ReactiveController, ReactiveControllerHost } from 'lit';

// Pixels from the bottom within which the log counts as scrolled to the end.
const NEAR_BOTTOM = 48;
// How long after a wheel, touch, key or pointer action a scroll counts as the user's.
const USER_INTENT_MS = 250;

/**
 * Keeps a scrolling log pinned to its bottom while content grows, until the user scrolls up to
 * read; scrolling back to the bottom resumes following.
 *
 * Only the user's own scrolling (wheel, touch, keys, scrollbar) stops following. Scroll
 * positions alone cannot tell: off-screen messages have estimated sizes (content-visibility)
 * that change as they come into view, and highlighting or late layout moves the bottom after a
 * frame, so a distance check would mistake the browser's adjustments for the user's.
 */
export class ScrollFollowController implements ReactiveController {
  private log?: HTMLElement;
  private following = true;
  private userAt = -Infinity;
  private pointerDown = false;
  private readonly resizes = new ResizeObserver(() => this.pin());

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Starts watching `log`, whose growing content is its first element child. */
  attach(log: HTMLElement, content: Element): void {
    this.log = log;
    const intent = () => (this.userAt = performance.now());
    log.addEventListener('wheel', intent, { passive: true });
    log.addEventListener('touchmove', intent, { passive: true });
    log.addEventListener('keydown', intent);
    log.addEventListener('pointerdown', () => (this.pointerDown = true));
    log.addEventListener('pointerup', () => (this.pointerDown = false));
    log.addEventListener('scroll', () => this.handleScroll(), { passive: true });
    this.resizes.observe(content);
  }

  /** Follows the bottom again (a new message was sent) and goes there. */
  follow(): void {
    this.following = true;
    this.pin();
  }

  hostUpdated(): void {
    this.pin();
  }

  hostDisconnected(): void {
    this.resizes.disconnect();
  }

  hostConnected(): void {
    const content = this.log?.firstElementChild;
    if (content) this.resizes.observe(content);
  }

  private handleScroll(): void {
    const log = this.log!;
    const near = log.scrollHeight - log.scrollTop - log.clientHeight < NEAR_BOTTOM;
    if (near) this.following = true;
    else if (this.pointerDown || performance.now() - this.userAt < USER_INTENT_MS) this.following = false;
  }

  private pin(): void {
    if (this.following && this.log) this.log.scrollTop = this.log.scrollHeight;
  }
}
