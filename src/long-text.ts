// A question can be long (a pasted log, a whole file: a megabyte is not unusual). Shown as one
// text node, every layout of the log lays out all of it: the frame that shows a 1 MB question was a
// task of about a second, most of it the scroll-follower's first read of `scrollHeight`. Split
// into blocks at line ends, each of which skips layout while off-screen (content-visibility, see
// the styles of `.user .bubble > .part`), only the few blocks on screen are laid out.

/** Texts up to this long stay one piece; longer ones are cut into pieces of about this size. */
export const PIECE_CHARS = 4096;

/**
 * `text` cut into pieces of at least `size` characters that end at a line end (the last piece
 * ends where the text does), so that shown one after another as blocks in `white-space: pre-wrap`
 * they read exactly as the whole text would: a line break that ends a block draws no empty line.
 * A line longer than `size` stays whole. Short texts come back as one piece.
 */
export function textPieces(text: string, size = PIECE_CHARS): string[] {
  if (text.length <= size) return [text];
  const pieces: string[] = [];
  let from = 0;
  while (from < text.length) {
    const newline = text.indexOf('\n', from + size - 1);
    const end = newline === -1 ? text.length : newline + 1;
    pieces.push(text.slice(from, end));
    from = end;
  }
  return pieces;
}
