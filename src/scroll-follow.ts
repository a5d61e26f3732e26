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
  /** Where the log was last seen scrolled to (or pinned): a user's scroll up stops following. */
  private lastTop = 0;
  /** Its bottom scroll position then. */
  private lastBottom = 0;
  // Pins after each host update, and after layout whenever the content or the log itself changes
  // size (late highlighting, images, the composer growing).
  private readonly resizes = new ResizeObserver(() => this.handleResize());
  /** Content height when last seen, so growth while the user reads higher up can be told from other resizes. */
  private contentHeight = 0;
  private _behind = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Content was added below while the user read higher up: the host offers a way back (jump to latest). */
  get behind(): boolean {
    return this._behind;
  }

  /** Starts watching `log`, whose growing content is its first element child. */
  attach(log: HTMLElement): void {
    this.log = log;
    const intent = () => (this.userAt = performance.now());
    log.addEventListener('wheel', intent, { passive: true });
    log.addEventListener('touchmove', intent, { passive: true });
    log.addEventListener('keydown', intent);
    log.addEventListener('pointerdown', () => (this.pointerDown = true));
    log.addEventListener('pointerup', () => (this.pointerDown = false));
    log.addEventListener('scroll', () => this.handleScroll(), { passive: true });
    this.observe();
  }

  /** Follows the bottom again (a new message was sent, the user asked to jump there) and goes there. */
  follow(): void {
    this.following = true;
    this.setBehind(false);
    this.pin();
  }

  hostUpdated(): void {
    this.pin();
  }

  hostDisconnected(): void {
    this.resizes.disconnect();
  }

  hostConnected(): void {
    this.observe();
  }

  /** Watches the log and its content for size changes (again after a reconnect). */
  private observe(): void {
    const content = this.log?.firstElementChild;
    if (content) this.resizes.observe(content);
    if (this.log) this.resizes.observe(this.log);
  }

  private handleScroll(): void {
    const byUser = this.pointerDown || performance.now() - this.userAt < USER_INTENT_MS;
    // Our own pinning scrolls too. While following, only the user's scrolling can change anything,
    // and measuring (scrollHeight) would force a layout at the start of every frame.
    if (this.following && !byUser) return;
    const log = this.log!;
    const top = log.scrollTop;
    const bottom = log.scrollHeight - log.clientHeight;
    // Only a move up is the user leaving the bottom: within the intent window our own pinning, the
    // browser's scroll anchoring and estimated sizes settling scroll too, downward or in place.
    const up = top < this.lastTop - 1;
    // Back at the bottom, or down to where the bottom was when last seen: content that grew since
    // (a late render) does not make the user's scroll to the end count as reading.
    const near = bottom - top < NEAR_BOTTOM || (!up && top >= this.lastBottom - NEAR_BOTTOM);
    this.lastTop = top;
    this.lastBottom = bottom;
    if (near) {
      this.following = true;
      this.setBehind(false);
    } else if (byUser && up) this.following = false;
  }

  private handleResize(): void {
    const height = this.log?.firstElementChild?.scrollHeight ?? 0;
    const grew = height > this.contentHeight + 1;
    this.contentHeight = height;
    if (!this.following && grew) this.setBehind(true);
    this.pin();
  }

  private setBehind(behind: boolean): void {
    if (behind === this._behind) return;
    this._behind = behind;
    this.host.requestUpdate();
  }

  private pin(): void {
    if (!this.following || !this.log) return;
    this.log.scrollTop = this.log.scrollHeight;
    this.lastTop = this.lastBottom = this.log.scrollTop;
  }
}
