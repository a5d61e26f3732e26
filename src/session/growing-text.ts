// The text of an answer while it streams, kept as the pieces it arrived in.
//
// The message's `content` grows by concatenation, one event at a time, which V8 keeps as a rope
// (a tree of the pieces) and copies into one flat string the first time anything reads its
// characters (slice, startsWith, charCodeAt). Rendering read it once a frame for the few
// characters that were new, so every frame copied the whole answer: O(answer) per frame, a 4 MB
// answer's catch-up spent a tenth of its time copying it, a 20 MB one would copy 40 MB 25 times a
// second. The view reads this instead (see markdown/text-source.ts): a slice here costs only the
// pieces it covers.

import type { TextSource } from '../markdown/text-source.js';

/**
 * Events are gathered into pieces of about this many characters: millions of token-sized pieces
 * would cost more in the array than in the text, and a piece is flattened (copied) whole the first
 * time it is read.
 */
const PIECE = 4096;

export class GrowingText implements TextSource {
  private readonly pieces: string[] = [];
  /** Where each piece starts in the text. */
  private readonly starts: number[] = [];
  private size = 0;

  get length(): number {
    return this.size;
  }

  append(text: string): void {
    if (!text) return;
    const last = this.pieces.length - 1;
    if (last >= 0 && this.pieces[last].length < PIECE) {
      this.pieces[last] += text;
    } else {
      this.pieces.push(text);
      this.starts.push(this.size);
    }
    this.size += text.length;
  }

  /** Characters `start` to `end` (as `String.prototype.slice` with non-negative bounds): reads only the pieces they cover. */
  slice(start = 0, end = this.size): string {
    start = Math.max(0, Math.min(start, this.size));
    end = Math.max(start, Math.min(end, this.size));
    if (start === end) return '';
    let result = '';
    for (let i = this.pieceAt(start); i < this.pieces.length && this.starts[i] < end; i++) {
      const from = this.starts[i];
      result += this.pieces[i].slice(Math.max(0, start - from), end - from);
    }
    return result;
  }

  toString(): string {
    return this.slice();
  }

  /** The index of the piece holding character `offset` (binary search: the reads are near the end, but not always). */
  private pieceAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}
