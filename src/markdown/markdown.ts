// The private markdown parsers. `Marked` instances of our own (never the global `marked`), so the
// host page's extensions cannot change what we render, and ours cannot change theirs.
import { Lexer, Marked, Parser, type MarkedExtension, type Token, type TokensList, type Tokens } from 'marked';
import { IMAGE_PLACEHOLDER } from './image-placeholder/image-placeholder.js';
import { mathExtension } from './math.js';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c]);
}

/** What raw HTML in model output becomes: text (`escape`, the default) or markup the sanitizer filters (`sanitize`). */
export type HtmlMode = 'escape' | 'sanitize';

/** Escapes for an attribute value but keeps character references, as marked does for link targets. */
function escapeAttribute(text: string): string {
  return text.replace(/[<>"']|&(?!(?:#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/g, (c) => escapes[c]);
}

const renderer: MarkedExtension['renderer'] = {
  // A remote image is fetched the moment it renders, which would let a prompt-injected answer leak
  // data in the URL. Every image becomes a placeholder link; after sanitizing, image-placeholder/ decides
  // which ones load (the `images` option) and builds those with DOM APIs. The sanitizer itself
  // never lets an <img> through.
  image({ href, title, text, tokens }: Tokens.Image) {
    const alt = tokens ? this.parser.parseInline(tokens, this.parser.textRenderer) : text;
    let url: string;
    try {
      url = encodeURI(href).replace(/%25/g, '%');
    } catch {
      return escapeHtml(alt);
    }
    const titled = title ? ` title="${escapeHtml(title)}"` : '';
    return `<a class="${IMAGE_PLACEHOLDER}" href="${escapeAttribute(url)}"${titled}>${escapeHtml(alt)}</a>`;
  },
  // Task list boxes as characters: the sanitizer allows no <input>.
  checkbox({ checked }: Tokens.Checkbox) {
    return checked ? '☑ ' : '☐ ';
  },
};

// Formulas become placeholders that math-render.ts typesets after sanitizing.
const math = mathExtension(escapeHtml);

const escaping = new Marked(
  {
    gfm: true,
    breaks: false,
    renderer: {
      ...renderer,
      // Raw HTML is shown as text, not interpreted: a model explaining `<div>` without backticks
      // should read as it wrote it, and prompt-injected markup has nothing to attach to.
      html({ text, block }: Tokens.HTML | Tokens.Tag) {
        return block ? `<p>${escapeHtml(text)}</p>\n` : escapeHtml(text);
      },
    },
  },
  math,
);

// Raw HTML passes through as markup, for the chat policy in sanitize.ts to filter.
const passing = new Marked({ gfm: true, breaks: false, renderer }, math);

export type LinkMap = TokensList['links'];

/**
 * Splits markdown into top-level block tokens. `links` seeds the reference definitions seen in
 * earlier text, so `[label]` resolves when only the tail of an answer is lexed.
 */
export function lexBlocks(source: string, links?: LinkMap): TokensList {
  const lexer = new Lexer(escaping.defaults);
  if (links) Object.assign(lexer.tokens.links, links);
  return lexer.lex(source);
}

/** Renders block tokens (from `lexBlocks`) to an HTML string. Not sanitized. */
export function renderBlocks(tokens: Token[], html: HtmlMode = 'escape'): string {
  return Parser.parse(tokens, (html === 'sanitize' ? passing : escaping).defaults);
}
