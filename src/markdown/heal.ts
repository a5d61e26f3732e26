// Mid-stream repair of the still-open last block, so half-written markdown renders as what it is
// about to become rather than flashing something wrong. Applied to the open block only and never
// to the final text: when the answer ends, the text renders exactly as written.
//
// Hand-written because no markdown library offers it: marked (like every CommonMark parser)
// renders its input as complete text, which is right for a document and wrong for a prefix of one.

import { formulaEnd } from './math.js';

const SETEXT_UNDERLINE = /^ {0,3}(?:-+|=+)[ \t]*$/;
const TABLE_ROW = /^ {0,3}\|/;
const TABLE_DELIMITER = /^ {0,3}\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?$/;
const BLOCK_START = /^ {0,3}(?:[-+*][ \t]+|\d{1,9}[.)][ \t]+|>[ \t]?|#{1,6}[ \t]+)/;
const TRAILING_URL = /(?:https?:\/\/|www\.)\S*$/i;

/** Whether the character can sit next to emphasis as a word character. */
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);

/**
 * Drops trailing lines that would render as something they are not yet: a lone `-`/`=` line
 * under a paragraph (the start of a list item, not a setext heading), and table rows whose
 * delimiter row is not complete (a table appears once it is).
 */
function healLines(text: string): string {
  const lines = text.split('\n');
  const last = lines.length - 1;
  if (last >= 1 && SETEXT_UNDERLINE.test(lines[last]) && lines[last - 1].trim() !== '') {
    return lines.slice(0, last).join('\n');
  }
  // The trailing table rows, before the line being written if that one is still empty.
  let end = lines.length;
  if (lines[last] === '') end -= 1;
  let first = end;
  while (first > 0 && TABLE_ROW.test(lines[first - 1])) first -= 1;
  if (first === end) return text;
  // A table is complete enough once its delimiter row is followed by a newline.
  const delimiterDone = first + 1 < last && TABLE_DELIMITER.test(lines[first + 1]);
  if (delimiterDone) return text;
  return lines.slice(0, first).join('\n');
}

interface Opener {
  marker: string;
  at: number;
}

/**
 * Closes the emphasis, strikethrough and code spans the last paragraph left open, and turns a
 * half-written link into its text. Scans only from the start of the last paragraph or list item,
 * since none of these can span blocks.
 */
function healInline(text: string): string {
  let start = 0;
  const lines = text.split('\n');
  let offset = 0;
  lines.forEach((line, index) => {
    // A blank line ends a paragraph; the empty line being written at the very end does not.
    if (line.trim() === '' && index < lines.length - 1) start = offset + line.length + 1;
    else if (BLOCK_START.test(line)) start = offset + (BLOCK_START.exec(line)?.[0].length ?? 0);
    offset += line.length + 1;
  });
  if (start >= text.length) return text;

  const stack: Opener[] = [];
  let code: Opener | undefined;
  let link: { at: number; textEnd: number; inUrl: boolean } | undefined;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    // A finished formula is math, not emphasis: `$a*b$` leaves no `*` open.
    if (!code && (c === '$' || (c === '\\' && (text[i + 1] === '(' || text[i + 1] === '[')))) {
      const end = formulaEnd(text, i);
      if (end !== -1) {
        i = end - 1;
        continue;
      }
    }
    if (c === '\\') {
      i += 1;
      continue;
    }
    if (c === '`') {
      let run = 1;
      while (text[i + run] === '`') run += 1;
      if (!code) code = { marker: '`'.repeat(run), at: i };
      else if (code.marker.length === run) code = undefined;
      i += run - 1;
      continue;
    }
    if (code) continue;
    if (link?.inUrl) {
      if (c === ')') link = undefined;
      continue;
    }
    if (c === '[') {
      link = { at: i, textEnd: -1, inUrl: false };
      continue;
    }
    if (c === ']' && link) {
      if (text[i + 1] === '(') {
        link.textEnd = i;
        link.inUrl = true;
        i += 1;
      } else {
        link = undefined;
      }
      continue;
    }
    if (c === '*' || c === '_' || c === '~') {
      let run = 1;
      while (text[i + run] === c) run += 1;
      const before = text[i - 1];
      const after = text[i + run];
      // `2 * 3`, snake_case and a lone `~` are not delimiters.
      const standalone = isSpace(before) && after !== undefined && isSpace(after);
      const intraword = c === '_' && isWordChar(before) && isWordChar(after);
      if (!standalone && !intraword && !(c === '~' && run < 2)) {
        const parts = c === '~' ? ['~~'] : run >= 3 ? [c + c, c] : [c.repeat(run)];
        for (const marker of parts) {
          const top = stack[stack.length - 1];
          if (top?.marker === marker) stack.pop();
          else stack.push({ marker, at: i });
        }
      }
      i += run - 1;
    }
  }

  let healed = text;
  if (link?.inUrl) {
    // `[text](https://exa` shows as `text`, never as a link to a truncated URL; an image's `!` goes too.
    const bang = text[link.at - 1] === '!' && text[link.at - 2] !== '\\' ? 1 : 0;
    healed = healed.slice(0, link.at - bang) + healed.slice(link.at + 1, link.textEnd);
    while (stack.length && stack[stack.length - 1].at > link.at) stack.pop();
  } else if (!code && TRAILING_URL.test(healed)) {
    // GFM autolinks a bare URL as it is typed; escaping its first `:` or `.` keeps a truncated
    // host from becoming a link until whitespace ends it.
    const at = healed.search(TRAILING_URL);
    const punctuation = healed.slice(at).search(/[:.]/);
    if (punctuation !== -1) healed = `${healed.slice(0, at + punctuation)}\\${healed.slice(at + punctuation)}`;
  }
  if (code) {
    healed = healed.slice(code.at + code.marker.length).trim() === '' ? healed.slice(0, code.at) : healed + code.marker;
  }
  for (let k = stack.length - 1; k >= 0; k--) {
    const { marker, at } = stack[k];
    if (at >= healed.length) continue;
    if (healed.slice(at + marker.length).trim() === '') {
      healed = healed.slice(0, at);
    } else {
      healed = healed.trimEnd() + marker;
    }
  }
  return healed;
}

/** The open block as it should render mid-stream. */
export function healOpenBlock(text: string): string {
  return healInline(healLines(text));
}
