// What the markdown view reads a growing answer from: a string, or the session's GrowingText (the
// pieces a streaming answer arrived in). The view and its catch-up only ever read the text's
// length and slices of its end, so either will do; a string is one already.

/** A text read by its length and slices: a string, or a text kept in pieces. */
export interface TextSource {
  readonly length: number;
  slice(start: number, end?: number): string;
}

/**
 * The first `end` characters of `text`, without copying them: a string's own slice (which V8
 * makes a view onto a flat string), or a window onto a text kept in pieces, whose slices read only
 * the pieces they cover.
 */
export function prefixOf(text: TextSource, end: number): TextSource {
  if (end >= text.length) return text;
  if (typeof text === 'string') return text.slice(0, end);
  return { length: end, slice: (start, stop = end) => text.slice(start, Math.min(stop, end)) };
}
