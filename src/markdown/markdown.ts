// The private markdown parser. A `Marked` instance of our own (never the global `marked`), so the
// host page's extensions cannot change what we render, and ours cannot change theirs.
import { Lexer, Marked, Parser, type Token, type TokensList, type Tokens } from 'marked';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c]);
}

const marked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    // Raw HTML in model output is shown as text, not interpreted: a model explaining `<div>` without
    // backticks should read as it wrote it, and prompt-injected markup has nothing to attach to.
    html({ text, block }: Tokens.HTML | Tokens.Tag) {
      return block ? `<p>${escapeHtml(text)}</p>\n` : escapeHtml(text);
    },
    // A remote image is fetched the moment it renders, which would let a prompt-injected answer
    // leak data in the URL; images are shown as links the user can choose to open.
    image({ href, text }: Tokens.Image) {
      return `<a href="${escapeHtml(href)}" class="image-link">${escapeHtml(text || href)}</a>`;
    },
  },
});

export type LinkMap = TokensList['links'];

/**
 * Splits markdown into top-level block tokens. `links` seeds the reference definitions seen in
 * earlier text, so `[label]` resolves when only the tail of an answer is lexed.
 */
export function lexBlocks(source: string, links?: LinkMap): TokensList {
  const lexer = new Lexer(marked.defaults);
  if (links) Object.assign(lexer.tokens.links, links);
  return lexer.lex(source);
}

/** Renders block tokens (from `lexBlocks`) to an HTML string. Not sanitized. */
export function renderBlocks(tokens: Token[]): string {
  return Parser.parse(tokens, marked.defaults);
}

/** One-shot render of a whole markdown text. Not sanitized. */
export function renderMarkdown(source: string): string {
  return renderBlocks(lexBlocks(source));
}
