// The blinking cursor at the end of a streaming answer, where the next text will appear.
//
// It moves into the new last element whenever the open block is rendered again, and an element
// inserted anew starts its CSS animation anew: a blinking cursor moved 25 times a second started a
// compositor animation at every update, about 2 ms of each 12 ms update frame and 0.8 ms of every
// frame in between, a sixth of a paced stream's main-thread time (bench/trace.mjs, 20 KB at 1000
// tokens/s). So it blinks only once the text pauses: while text flows it stays lit, as a caret does
// while one types (`.cursor.flowing` until FLOW_MS after text last came; styles/markdown.ts).

import { clock } from '../transport/clock.js';

/** How long after text last came the text counts as flowing, and the cursor does not blink. */
export const FLOW_MS = 500;

const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'input', 'wbr']);
const MATH_PLACEHOLDER = /\bmath-(?:inline|display)\b/;

export class Cursor {
  private element?: HTMLElement;
  /** When text last came, and the timer that ends the flow once none has for FLOW_MS. */
  private flowed = 0;
  private timer?: unknown;

  constructor(private readonly root: HTMLElement) {}

  /** The cursor's element, once it has been placed. */
  get node(): HTMLElement | undefined {
    return this.element;
  }

  /**
   * Text was added: puts the cursor at the end of the deepest last element under the root, and
   * keeps it lit. Text grows in place as often as the cursor moves (plain-append.ts, morph.ts), so
   * the flow is the text's, not the cursor's: counting only moves made it blink mid-stream.
   */
  place(): void {
    if (!this.element) {
      this.element = document.createElement('span');
      this.element.className = 'cursor';
      this.element.setAttribute('aria-hidden', 'true');
    }
    const cursor = this.element;
    let host: Element = this.root;
    for (;;) {
      let last = host.lastChild;
      while (last && (last === cursor || (last.nodeType === Node.TEXT_NODE && !last.textContent?.trim()))) {
        last = last.previousSibling;
      }
      // A formula is one thing: the cursor goes after it, never into its MathML; nor into a link's
      // host label (link-disclosure.ts): the text goes on after it.
      if (
        !(last instanceof HTMLElement) ||
        VOID_ELEMENTS.has(last.localName) ||
        MATH_PLACEHOLDER.test(last.className) ||
        last.classList.contains('link-host')
      ) {
        break;
      }
      host = last;
    }
    if (host.lastChild !== cursor) host.append(cursor);
    this.flow();
  }

  remove(): void {
    this.element?.remove();
    this.settle();
  }

  /** Text flowed: the cursor stays lit until no text has come for FLOW_MS. */
  private flow(): void {
    const time = clock();
    this.flowed = time.now();
    if (this.timer !== undefined) return;
    this.element!.classList.add('flowing');
    // One timer for the whole flow, not one per move: when it fires early it waits out the rest.
    const check = () => {
      const left = this.flowed + FLOW_MS - time.now();
      if (left > 0) this.timer = time.setTimeout(check, left);
      else this.settle();
    };
    this.timer = time.setTimeout(check, FLOW_MS);
  }

  private settle(): void {
    if (this.timer !== undefined) clock().clearTimeout(this.timer);
    this.timer = undefined;
    this.element?.classList.remove('flowing');
  }
}
