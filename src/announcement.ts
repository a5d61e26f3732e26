// What a screen reader hears when an answer ends: the answer's own words, never the widget's
// (no "Copy" buttons, no code-block language labels), and for a long answer a short summary
// instead of the whole text, which stays readable in the message itself.
import type { StreamChatLabels } from './labels.js';
import { CODE_BLOCK_CHROME } from './markdown/code-block/copy.js';

/** Longest answer read out in full; anything longer is summarised (counts, not text). */
export const MAX_SPOKEN_ANSWER = 600;

// Chrome inside rendered answers: read by its own controls, not as part of the text.
const CHROME = `${CODE_BLOCK_CHROME}, button, [aria-hidden="true"], .visually-hidden`;
const BLOCK = 'p, li, pre, h1, h2, h3, h4, h5, h6, td, th, blockquote, dt, dd, figcaption, div';

/**
 * The text a listener should hear for a rendered answer: its words, blocks apart, chrome left out.
 * With a `limit`, the walk stops once the text is longer than that (the result is then only known
 * to be too long): a 20 MB answer is not walked node by node to find out it gets a summary.
 */
export function spokenText(root: Element, limit = Infinity): string {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(CHROME) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const parts: string[] = [];
  let block: Element | null = null;
  let length = 0;
  let check = limit;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const own = node.parentElement?.closest(BLOCK) ?? null;
    // Blocks rendered next to each other have no whitespace between them ("fix:def"): add it.
    if (own !== block && parts.length) parts.push(' ');
    block = own;
    const text = node.textContent ?? '';
    parts.push(text);
    length += text.length;
    // Whitespace collapses, so the raw length only says when to look; looking at twice the
    // length each time keeps the checks linear.
    if (length > check) {
      if (collapse(parts).length > limit) break;
      check = length * 2;
    }
  }
  return collapse(parts);
}

function collapse(parts: string[]): string {
  return parts.join('').replace(/\s+/g, ' ').trim();
}

export interface AnswerSummary {
  words: number;
  codeBlocks: number;
}

/**
 * Counts for the summary, from the markdown: a long answer may still be reaching the view in
 * slices when it ends (catch-up.ts), so its rendered text would undercount.
 */
export function summaryOf(markdown: string): AnswerSummary {
  const fences = markdown.match(/^ {0,3}(```|~~~)/gm)?.length ?? 0;
  return {
    words: countWords(markdown),
    // An opening and a closing fence per block; an unclosed last one is a block too.
    codeBlocks: Math.ceil(fences / 2),
  };
}

const SPACE = /\s/;

/**
 * Whitespace-separated words, fence markers (words starting with ``` or ~~~) left out. One pass
 * over the characters: splitting a megabyte answer into an array of its words took a long task.
 */
function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code <= 32 ? code === 32 || (code >= 9 && code <= 13) : code >= 128 && SPACE.test(text[i]);
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      if (!text.startsWith('```', i) && !text.startsWith('~~~', i)) words += 1;
    }
  }
  return words;
}

/**
 * The one announcement for a finished answer: `Answer: <text>` when it is short, the summary
 * label ("Answer ready, 1,240 words, 3 code blocks") when it is long; a cut-off answer says so.
 * The text is the rendered one (no markers, no chrome), or the markdown when nothing is rendered yet.
 */
export function answerAnnouncement(root: Element | null, markdown: string, labels: StreamChatLabels, cutOff: boolean): string {
  const text = (root ? spokenText(root, MAX_SPOKEN_ANSWER) : '') || markdown.trim();
  const body = text.length <= MAX_SPOKEN_ANSWER ? `${labels.answerReady} ${text}` : labels.answerSummary(summaryOf(markdown));
  return cutOff ? `${body} ${labels.cutOff}` : body;
}
