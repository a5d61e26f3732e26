// What keeps any answer readable, whatever it contains: marked recurses once per nested container
// (3,000 `>` or 2,000 `- ` on a line overflow the stack and lose the whole answer) and its cost
// grows steeply with depth (a list nested 500 deep by indentation takes seconds); a line of a few
// megabytes makes its block rules slow, and around 10 MB overflows them too. So:
// - container nesting is capped at MAX_NESTING levels (as markd and ferromark cap at 32, and
//   markdown-it at 100): the markers of deeper levels are shown as the text they are;
// - a line longer than MAX_LINE characters is shown as plain text, never given to marked;
// - if lexing or rendering still throws, the block's source is shown as text, the rest intact.
import type { Token, Tokens } from 'marked';
import { lexBlocks, renderBlocks, type HtmlMode, type LinkMap } from './markdown.js';

/**
 * How many levels of block containers render as written. A level is a `>` or a list marker
 * (`-`, `+`, `*`, `1.`) before a line's text, or two columns of the indentation that nests a list
 * inside another: lists indented 2 spaces a level render 32 levels, 4 spaces a level 16.
 */
export const MAX_NESTING = 32;

/** The longest line marked is given; a longer one is shown as plain text. */
export const MAX_LINE = 100_000;

const FENCE = /^(`{3,}|~{3,})([^\n]*)$/;

/**
 * Caps the container nesting of a text, line by line, as the text streams in (complete lines
 * through `lines`, the unfinished last line through `peek`). Lines inside fenced code are left
 * alone; a marker past the cap is escaped with a backslash, so it renders as text.
 */
export class NestingLimiter {
  /** The open fence (its character and length), while inside fenced code. */
  private fence?: { char: string; length: number };

  /** Caps complete lines (each ending in `\n`, except possibly the last at the end of the answer). */
  lines(text: string): string {
    let out = '';
    let start = 0;
    while (start < text.length) {
      const end = text.indexOf('\n', start);
      const stop = end === -1 ? text.length : end + 1;
      const line = text.slice(start, end === -1 ? text.length : end);
      out += this.line(line, true) + text.slice(start + line.length, stop);
      start = stop;
    }
    return out;
  }

  /** Caps an unfinished line without moving past it. */
  peek(line: string): string {
    return this.line(line, false);
  }

  private line(line: string, advance: boolean): string {
    const { text, rest } = capLine(line, this.fence !== undefined);
    if (advance) this.track(rest);
    return text;
  }

  /** Follows fenced code, from the part of each line after its container markers. */
  private track(rest: string): void {
    if (this.fence) {
      const close = /^(`{3,}|~{3,})[ \t]*$/.exec(rest);
      if (close && close[1][0] === this.fence.char && close[1].length >= this.fence.length) this.fence = undefined;
      return;
    }
    const open = FENCE.exec(rest);
    if (open && !(open[1][0] === '`' && open[2].includes('`'))) this.fence = { char: open[1][0], length: open[1].length };
  }
}

/**
 * One line with its container prefix capped, and the rest of the line after the prefix (trimmed
 * of its indentation) for fence tracking. Inside fenced code only the rest is computed.
 */
function capLine(line: string, inFence: boolean): { text: string; rest: string } {
  let i = 0;
  let depth = 0;
  let afterMarker = false;
  while (i < line.length) {
    // A run of indentation: two columns are one level of a list nested by indentation.
    const wsStart = i;
    let width = 0;
    while (line[i] === ' ' || line[i] === '\t') {
      width += line[i] === '\t' ? 4 : 1;
      i += 1;
    }
    const levels = Math.floor(Math.max(0, afterMarker ? width - 1 : width) / 2);
    const marker = markerAt(line, i);
    if (!marker) return { text: line, rest: line.slice(i) };
    if (!inFence && depth + levels + 1 > MAX_NESTING) {
      // The nesting stops here: what follows is the deepest container's text, markers and all.
      const indent = afterMarker || wsStart > 0 ? ' ' : '';
      const escapeAt = marker.escapeAt - i;
      const tail = line.slice(i);
      return {
        text: `${line.slice(0, wsStart)}${indent}${tail.slice(0, escapeAt)}\\${tail.slice(escapeAt)}`,
        rest: line.slice(i),
      };
    }
    depth += levels + 1;
    i = marker.end;
    afterMarker = true;
  }
  return { text: line, rest: '' };
}

/** A container marker at `i`: where it ends and which character a backslash would make text. */
function markerAt(line: string, i: number): { end: number; escapeAt: number } | undefined {
  const c = line[i];
  if (c === '>') return { end: i + 1, escapeAt: i };
  const after = (j: number) => j >= line.length || line[j] === ' ' || line[j] === '\t';
  if ((c === '-' || c === '+' || c === '*') && after(i + 1)) return { end: i + 1, escapeAt: i };
  let j = i;
  while (j < line.length && j - i < 9 && line[j] >= '0' && line[j] <= '9') j += 1;
  if (j > i && (line[j] === '.' || line[j] === ')') && after(j + 1)) return { end: j + 1, escapeAt: j };
  return undefined;
}

/**
 * A paragraph token that shows `text` as it is: escaped, its line breaks kept. What a block
 * marked cannot take is shown as.
 */
export function sourceToken(text: string): Tokens.Paragraph {
  const lines = text.replace(/\n+$/, '').split('\n');
  const tokens: Token[] = [];
  lines.forEach((line, index) => {
    if (index) tokens.push({ type: 'br', raw: '\n' });
    tokens.push({ type: 'text', raw: line, text: line, escaped: false });
  });
  return { type: 'paragraph', raw: text, text, tokens };
}

/**
 * `lexBlocks`, but never failing and never slow on a huge line: a line longer than MAX_LINE
 * becomes a block of its own shown as text, and a text marked cannot lex is lexed again in
 * pieces (at blank lines), a piece that still fails shown as text. The tokens' `raw` still add
 * up to `source`.
 */
export function lexSafely(source: string, links?: LinkMap): Token[] {
  const long = longLine(source);
  if (long) {
    const [start, end] = long;
    const tokens: Token[] = [];
    if (start > 0) tokens.push(...lexSafely(source.slice(0, start), links));
    tokens.push(sourceToken(source.slice(start, end)));
    if (end < source.length) tokens.push(...lexSafely(source.slice(end), links));
    return tokens;
  }
  try {
    return lexBlocks(source, links);
  } catch {
    return lexInPieces(source, links);
  }
}

/** The first line longer than MAX_LINE, with its line break: [start, end), or undefined. */
function longLine(source: string): [number, number] | undefined {
  if (source.length <= MAX_LINE) return undefined;
  let start = 0;
  while (start < source.length) {
    const newline = source.indexOf('\n', start);
    const end = newline === -1 ? source.length : newline;
    if (end - start > MAX_LINE) return [start, newline === -1 ? end : end + 1];
    start = end + 1;
  }
  return undefined;
}

function lexInPieces(source: string, links?: LinkMap): Token[] {
  const pieces = paragraphs(source);
  if (pieces.length <= 1) return [sourceToken(source)];
  return pieces.flatMap((piece) => {
    try {
      return lexBlocks(piece, links);
    } catch {
      return [sourceToken(piece)];
    }
  });
}

/** `source` cut after each run of blank lines; the pieces join up to it again. */
function paragraphs(source: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < source.length) {
    let end = source.indexOf('\n\n', start);
    if (end === -1) end = source.length;
    while (source[end] === '\n') end += 1;
    pieces.push(source.slice(start, end));
    start = end;
  }
  return pieces;
}

/**
 * `renderBlocks`, but a block that fails to render is shown as its source text, the others as
 * they render.
 */
export function renderSafely(tokens: Token[], html: HtmlMode): string {
  try {
    return renderBlocks(tokens, html);
  } catch {
    return tokens
      .map((token) => {
        try {
          return renderBlocks([token], html);
        } catch {
          return renderBlocks([sourceToken(token.raw)], html);
        }
      })
      .join('');
  }
}
