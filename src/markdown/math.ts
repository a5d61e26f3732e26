// Math in answers: where a formula is, as a marked extension. `$...$` and `\(...\)` are inline
// math, `$$...$$` and `\[...\]` display math (a block of their own when they start a block).
// The renderer only marks the place: a `<span class="math-inline">` or `math-display` holding the
// formula's source as text, which the sanitizer lets through like any text. math-render.ts then
// typesets it with KaTeX (loaded on first use) into sanitized MathML.
//
// A formula is only recognized once it is closed, so while an answer streams an unclosed `$x^` or
// `$$\frac{a}` shows as the text it is, and becomes math in the frame its closing delimiter arrives.
//
// Money is not math. A single `$` follows Pandoc's rule (as remark-math does): the opening `$` is
// followed by a non-space, the closing `$` preceded by a non-space and not followed by a digit, so
// "$5 and $10", "$5-$10" and "costs $3." stay text. Both dollars are on one line; `\$` is a dollar.
// Code blocks are never looked into, and a formula never reaches into a code span: one that would
// contain a backtick is not a formula ("$7.50 and `$x$`" is money and code).
import type { MarkedExtension, Tokens } from 'marked';

/** A formula token: its TeX and whether it is display math. */
export interface MathToken extends Tokens.Generic {
  type: 'math';
  tex: string;
  display: boolean;
}

/** The `$` that may open inline math at `from`: the end of the formula (after its closing `$`), or -1. */
function dollarEnd(src: string, from: number): number {
  // `$$` is display math, handled by the double-dollar rule.
  if (src[from + 1] === '$' || src[from + 1] === undefined || /\s/.test(src[from + 1])) return -1;
  for (let i = from + 1; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      i += 1;
      continue;
    }
    if (c === '\n' || c === '`') return -1;
    if (c !== '$') continue;
    if (/\s/.test(src[i - 1]) || /\d/.test(src[i + 1] ?? '')) return -1;
    return i + 1;
  }
  return -1;
}

/** The end of a formula opened by `open` at `from` and closed by `close`, or -1. */
function delimitedEnd(src: string, from: number, open: string, close: string): number {
  const end = src.indexOf(close, from + open.length);
  const content = src.slice(from + open.length, end);
  if (end === -1 || content.trim() === '' || content.includes('`')) return -1;
  // A blank line ends the paragraph, and with it any formula.
  if (/\n[ \t]*\n/.test(src.slice(from, end))) return -1;
  return end + close.length;
}

const PAIRS: [string, string, boolean][] = [
  ['$$', '$$', true],
  ['\\[', '\\]', true],
  ['\\(', '\\)', false],
];

/** The inline formula starting at `from` in `src`, if one does. */
export function inlineFormula(src: string, from = 0): MathToken | undefined {
  for (const [open, close, display] of PAIRS) {
    if (!src.startsWith(open, from)) continue;
    const end = delimitedEnd(src, from, open, close);
    if (end === -1) return undefined;
    const raw = src.slice(from, end);
    return { type: 'math', raw, tex: raw.slice(open.length, -close.length).trim(), display };
  }
  if (src[from] !== '$') return undefined;
  const end = dollarEnd(src, from);
  if (end === -1) return undefined;
  const raw = src.slice(from, end);
  return { type: 'math', raw, tex: raw.slice(1, -1), display: false };
}

/**
 * Where the next formula may start in `src`: a `$` or `\(` / `\[` not escaped. marked stops its
 * text run there so the tokenizer gets a look; a false start is harmless.
 */
function nextStart(src: string): number | undefined {
  const match = /(?<!\\)(?:\$|\\[([])/.exec(src);
  return match ? match.index : undefined;
}

// A display formula that is a block of its own: `$$` or `\[` at the start of a line, closed by
// `$$` / `\]` at the end of a line (on the same line or a later one).
const BLOCK = /^ {0,3}(\$\$|\\\[)([\s\S]*?)(\$\$|\\\])[ \t]*(?:\n+|$)/;

function blockFormula(src: string): MathToken | undefined {
  const match = BLOCK.exec(src);
  if (!match || (match[1] === '$$') !== (match[3] === '$$') || !match[2].trim()) return undefined;
  if (/\n[ \t]*\n/.test(match[2])) return undefined;
  return { type: 'math', raw: match[0], tex: match[2].trim(), display: true };
}

type Escape = (text: string) => string;

/** The placeholder math-render.ts typesets; the formula's source is its text until then. */
function placeholder(token: MathToken, block: boolean, escape: Escape): string {
  const source = escape(token.raw.trim());
  if (block) return `<div class="math-display">${source}</div>\n`;
  return `<span class="${token.display ? 'math-display' : 'math-inline'}">${source}</span>`;
}

/**
 * The marked extension: math blocks and inline math, rendered as placeholders whose text goes
 * through `escape` (markdown.ts's HTML escaping).
 */
export function mathExtension(escape: Escape): MarkedExtension {
  return {
    extensions: [
      {
        name: 'mathBlock',
        level: 'block',
        start: (src: string) => {
          const match = /^ {0,3}(?:\$\$|\\\[)/m.exec(src);
          return match ? match.index : undefined;
        },
        tokenizer: (src: string) => {
          const token = blockFormula(src);
          return token ? { ...token, type: 'mathBlock' } : undefined;
        },
        renderer: (token: Tokens.Generic) => placeholder(token as MathToken, true, escape),
      },
      {
        name: 'mathInline',
        level: 'inline',
        start: nextStart,
        tokenizer: (src: string) => {
          const token = inlineFormula(src);
          return token ? { ...token, type: 'mathInline' } : undefined;
        },
        renderer: (token: Tokens.Generic) => placeholder(token as MathToken, false, escape),
      },
    ],
  };
}

/** The TeX of a placeholder's text (its source with the delimiters). */
export function texOf(source: string): { tex: string; display: boolean } | undefined {
  const block = blockFormula(source);
  if (block) return { tex: block.tex, display: true };
  const inline = inlineFormula(source);
  return inline && inline.raw === source ? { tex: inline.tex, display: inline.display } : undefined;
}

/**
 * The end of the complete inline formula at `i` in `text`, or -1: heal.ts steps over formulas so
 * that `*` or `_` inside one are not taken for unclosed emphasis.
 */
export function formulaEnd(text: string, i: number): number {
  const token = inlineFormula(text, i);
  return token ? i + token.raw.length : -1;
}
