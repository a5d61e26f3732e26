// The block splitter: which top-level blocks of a growing markdown text are finished and which one
// is still open. Pure: strings and marked tokens in, strings and tokens out; no DOM (the view in
// markdown-view.ts patches that), so every rule here can be tested on strings.
import type { Token } from 'marked';
import { lexSafely, NestingLimiter } from './limits.js';
import type { LinkMap } from './markdown.js';
import type { TextSource } from './text-source.js';

// A reference definition (`[label]: url`) may come after the text that uses it; only then does a
// finished answer need a second look at earlier blocks.
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:/m;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})([^\n]*)\n/;

/** What one `split` decided: the blocks that became final now (if any) and the open tail. */
export interface Split {
  /** Tokens committed by this split (spaces and definitions included); undefined when none. */
  finished?: Token[];
  /** The tokens of the open tail, still to be re-rendered on each update. */
  open: Token[];
}

/**
 * Consumes a growing text (normalizing line endings across updates and capping nesting line by
 * line) and splits it into committed blocks, which never change again, and an open tail.
 */
export class BlockSplitter {
  /** The source of the committed blocks, in pieces (joined only at the end, if ever). */
  private committed: string[] = [];
  /** The source after the committed blocks, line endings normalized the way marked does. */
  private tail = '';
  /** How much of the caller's text has been consumed. */
  private consumed = 0;
  /** The last characters consumed, to check cheaply that the next text extends this one. */
  private seen = '';
  /** A trailing `\r` held back until we know whether a `\n` follows it. */
  private pendingCr = false;
  /** Caps the nesting of each line as it is consumed (see limits.ts). */
  private limiter = new NestingLimiter();
  /** The unfinished last line as received, and how long it is as shown at the end of `tail`. */
  private line = '';
  private lineShown = 0;
  /** Reference definitions seen in committed blocks, for the blocks after them. */
  private links: LinkMap = Object.create(null);

  /** The source after the committed blocks (normalized, nesting capped). */
  get open(): string {
    return this.tail;
  }

  /** The reference definitions of the committed blocks, which the open tail may use. */
  get definitions(): LinkMap {
    return this.links;
  }

  /** Whether `text` is exactly what was consumed so far. */
  holds(text: TextSource): boolean {
    return text.length === this.consumed && this.extendedBy(text);
  }

  /**
   * Whether `text` extends what was consumed. Compares the last few characters, not the whole
   * text: a check that grows with the answer would make every frame cost O(answer).
   */
  extendedBy(text: TextSource): boolean {
    return text.length >= this.consumed && tailOf(text, this.consumed) === this.seen;
  }

  /** Forgets everything consumed. */
  reset(): void {
    this.committed = [];
    this.tail = '';
    this.consumed = 0;
    this.seen = '';
    this.pendingCr = false;
    this.limiter = new NestingLimiter();
    this.line = '';
    this.lineShown = 0;
    this.links = Object.create(null);
  }

  /**
   * Appends the new part of `text` (which extends what was consumed), normalizing CRLF/CR across
   * update boundaries. Only the new part and the open tail are touched: nothing here grows with
   * the length of the answer.
   */
  feed(text: TextSource, final: boolean): void {
    let added = text.slice(this.consumed);
    this.consumed = text.length;
    this.seen = tailOf(text, text.length);
    if (this.pendingCr) added = '\r' + added;
    this.pendingCr = !final && added.endsWith('\r');
    if (this.pendingCr) added = added.slice(0, -1);
    added = added.replace(/\r\n?/g, '\n');
    // Complete lines are capped once; the unfinished last one is capped again as it grows.
    this.tail = this.tail.slice(0, this.tail.length - this.lineShown);
    const lastBreak = added.lastIndexOf('\n');
    if (lastBreak !== -1) {
      this.tail += this.limiter.lines(this.line + added.slice(0, lastBreak + 1));
      this.line = added.slice(lastBreak + 1);
    } else {
      this.line += added;
    }
    const shown = final ? this.limiter.lines(this.line) : this.limiter.peek(this.line);
    this.tail += shown;
    this.lineShown = final ? 0 : shown.length;
    if (final) this.line = '';
  }

  /**
   * Lexes the open tail and commits the blocks that can no longer change. With `settle` (the text
   * is complete) every block is committed; otherwise the last one stays open.
   */
  split(settle: boolean): Split {
    let tokens = lexSafely(this.tail, this.links);
    const openFrom = settle ? tokens.length : openIndex(tokens, this.tail);
    if (tokens[openFrom]?.type === 'def') {
      // A reference definition still being written would link earlier text to a truncated URL:
      // lex what is finished without it.
      const length = tokens.slice(0, openFrom).reduce((sum, token) => sum + token.raw.length, 0);
      const finished = this.commit(lexSafely(this.tail.slice(0, length), this.links));
      tokens = lexSafely(this.tail, this.links);
      return { finished, open: tokens };
    }
    if (openFrom === 0) return { open: tokens };
    return { finished: this.commit(tokens.slice(0, openFrom)), open: tokens.slice(openFrom) };
  }

  /** The whole source consumed so far (joined on demand: O(answer)). */
  source(): string {
    return this.committed.join('') + this.tail;
  }

  private commit(tokens: Token[]): Token[] {
    let length = 0;
    for (const token of tokens) {
      length += token.raw.length;
      if (token.type === 'def') this.links[token.tag] ??= { href: token.href, title: token.title };
    }
    this.committed.push(this.tail.slice(0, length));
    this.tail = this.tail.slice(length);
    return tokens;
  }
}

/** Whether a finished text defines references, so blocks before a definition may render differently. */
export function definesReferences(source: string): boolean {
  return REFERENCE_DEFINITION.test(source);
}

/**
 * A fenced code block at the start of the open tail that has not closed yet: its fence, the
 * first word of its info string, and where its content starts. `content` follows it as it grows.
 */
export class OpenFence {
  /** How far the content has been checked for a closing fence. */
  private scanned: number;

  private constructor(
    readonly fence: string,
    readonly info: string,
    readonly contentFrom: number,
  ) {
    this.scanned = contentFrom;
  }

  /** The fence the open tail starts with, unless it has already closed. */
  static at(open: string): OpenFence | undefined {
    const match = FENCE_OPEN.exec(open.slice(0, 1000));
    if (!match) return undefined;
    // Only what a language class may hold (see sanitize.ts), nothing else.
    const info = /^[\w+#.-]+$/.exec(match[2].trim().split(/\s+/)[0] ?? '')?.[0] ?? '';
    const contentFrom = match[0].length;
    if (findClosingFence(open, contentFrom, match[1]) !== -1) return undefined;
    return new OpenFence(match[1], info, contentFrom);
  }

  /**
   * The code to show for the open tail `open` (which extends the last one seen), or undefined once
   * the fence has closed. Checks only what is new for the closing fence.
   */
  content(open: string): string | undefined {
    // Re-check from the start of the last line, which may have been partial before.
    const lineStart = open.lastIndexOf('\n', this.scanned - 1) + 1;
    if (findClosingFence(open, Math.max(lineStart, this.contentFrom), this.fence) !== -1) return undefined;
    this.scanned = open.length;
    const content = open.slice(this.contentFrom);
    // A last line that may be the start of the closing fence is held back, so it never flashes.
    const lastLine = content.slice(content.lastIndexOf('\n') + 1);
    if (lastLine && /^ {0,3}[`~]+$/.test(lastLine) && this.fence.startsWith(lastLine.trim().slice(0, 1))) {
      return content.slice(0, content.length - lastLine.length);
    }
    return content;
  }
}

function tailOf(text: TextSource, end: number): string {
  return text.slice(Math.max(0, end - 32), end);
}

/**
 * The index of the first token that may still change: the last one that is not whitespace,
 * unless that one can no longer change either (a closed fence, a finished ATX heading line).
 * Once a later block has started, CommonMark never reopens an earlier one (reference
 * definitions aside, handled at the end), so everything before it is final. A block that starts
 * on the unfinished last line of `source` may not have started, though: `*` or `1` could be a
 * list marker, or the first character of `**bold**` or `1984` continuing the block before it (a
 * lazy continuation line). That block stays open too until the line is complete.
 */
function openIndex(tokens: Token[], source: string): number {
  const last = lastBlock(tokens, tokens.length - 1);
  if (last === -1) return tokens.length;
  if (isSealed(tokens[last])) return last + 1;
  if (source.endsWith('\n')) return last;
  const lineStart = source.lastIndexOf('\n') + 1;
  let start = source.length;
  for (let i = tokens.length - 1; i >= last; i--) start -= tokens[i].raw.length;
  if (start < lineStart) return last;
  const before = lastBlock(tokens, last - 1);
  if (before === -1 || isSealed(tokens[before])) return last;
  // After a blank line only a list goes on (with an indented line).
  const previousLine = source.slice(source.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1);
  if (previousLine.trim() === '' && tokens[before].type !== 'list') return last;
  return before;
}

/** The index of the last token at or before `from` that is not whitespace, or -1. */
function lastBlock(tokens: Token[], from: number): number {
  let i = from;
  while (i >= 0 && tokens[i].type === 'space') i--;
  return i;
}

/** A block that no later text can change: a fence whose closing line is complete, or an ATX heading line. */
function isSealed(token: Token): boolean {
  if (!token.raw.endsWith('\n')) return false;
  if (token.type === 'heading') return /^ {0,3}#/.test(token.raw);
  if (token.type === 'code') {
    const open = FENCE_OPEN.exec(token.raw);
    return !!open && findClosingFence(token.raw, open[0].length, open[1]) !== -1;
  }
  return token.type === 'hr';
}

/** The index of a complete closing fence line for `fence` at or after `from`, or -1. */
function findClosingFence(source: string, from: number, fence: string): number {
  const char = fence[0];
  let lineStart = from;
  while (lineStart < source.length) {
    const lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd === -1) return -1;
    const line = source.slice(lineStart, lineEnd);
    let i = 0;
    while (i < 3 && line[i] === ' ') i++;
    let run = 0;
    while (line[i + run] === char) run++;
    if (run >= fence.length && line.slice(i + run).trim() === '') return lineStart;
    lineStart = lineEnd + 1;
  }
  return -1;
}
