// The chat sanitizing policy, on a private DOMPurify instance: the host page's DOMPurify hooks and
// config never apply to us, and ours never leak into the page's.
//
// An allowlist of what markdown produces plus a few harmless inline tags for raw HTML (in the
// `sanitize` mode), rather than DOMPurify's broad defaults with exceptions: nothing that fetches
// (img, media, `background` attributes), runs, styles, overlays (dialog, popover, style) or takes
// input survives, and no attribute but those listed. Images and code block chrome are added after
// sanitizing, by our own code.
import createDOMPurify, { type Config } from 'dompurify';
import { IMAGE_PLACEHOLDER } from './image-placeholder/image-placeholder.js';
import { ALLOWED_URI } from './link-policy.js';
import { sanitizerPolicy } from './trusted-types.js';

const purify = createDOMPurify(window);

const ALLOWED_TAGS = [
  // What marked renders.
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'em', 'strong', 'del', 'code', 'pre',
  'blockquote', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a',
  // Harmless markup a model may write as raw HTML.
  'b', 'i', 'u', 's', 'sub', 'sup', 'mark', 'small', 'kbd', 'samp', 'var', 'abbr', 'cite', 'q',
  'dfn', 'time', 'ins', 'span', 'div', 'details', 'summary', 'dl', 'dt', 'dd', 'caption', 'tfoot',
  'ruby', 'rt', 'rp', 'bdi', 'bdo', 'wbr', 'figure', 'figcaption',
];

const ALLOWED_ATTR = ['href', 'title', 'class', 'lang', 'dir', 'colspan', 'rowspan', 'align', 'start', 'open', 'datetime'];

// Classes our styles give meaning to (`.cursor`, `.error`, `.thinking`) must not be wearable by
// model output; only fence languages, the renderer's image links and formula placeholders (which
// math-render.ts typesets through its own allowlist) keep theirs.
const KEPT_CLASS: Record<string, RegExp> = {
  code: /^language-[\w+#.-]+$/,
  a: new RegExp(`^${IMAGE_PLACEHOLDER}$`),
  span: /^math-(?:inline|display)$/,
  div: /^math-display$/,
};

purify.addHook('uponSanitizeAttribute', (node, data) => {
  if (data.attrName !== 'class') return;
  const keep = KEPT_CLASS[node.localName];
  const kept = keep ? data.attrValue.split(/\s+/).filter((name) => keep.test(name)) : [];
  if (kept.length) data.attrValue = kept.join(' ');
  else data.keepAttr = false;
});

purify.addHook('afterSanitizeAttributes', (node) => {
  if (node instanceof Element && node.localName === 'a' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

const config: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOWED_URI_REGEXP: ALLOWED_URI,
  // Belt and braces: these stay out even if the allowlist above ever grows carelessly.
  FORBID_TAGS: [
    'script', 'style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'iframe', 'frame', 'object', 'embed',
    'svg', 'math', 'base', 'meta', 'link', 'template', 'img', 'video', 'audio', 'source', 'picture', 'dialog', 'slot',
  ],
  FORBID_ATTR: ['style', 'srcset', 'background', 'ping', 'id', 'name', 'is', 'popover', 'shadowroot', 'shadowrootmode'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // Parse as body content whatever comes first: a leading <frameset> would otherwise leave the
  // parsed document without a body, and DOMPurify with nothing to return (the corpus found it).
  FORCE_BODY: true,
  RETURN_DOM_FRAGMENT: true,
};

let configured = false;

/**
 * Sanitizes an HTML string into an inert DocumentFragment ready to insert. Under Trusted Types,
 * DOMPurify parses with our `stream-chat-dompurify` policy.
 */
export function sanitize(html: string): DocumentFragment {
  // Set once, not passed to every call: DOMPurify parses a configuration passed to `sanitize`
  // again on every call, copying each allowlist into new sets, which was a sixth of the time a
  // paced stream spent sanitizing (its open block is sanitized at every update).
  if (!configured) {
    purify.setConfig({ ...config, TRUSTED_TYPES_POLICY: sanitizerPolicy() as Config['TRUSTED_TYPES_POLICY'] });
    configured = true;
  }
  // A fragment, as the configuration set above says (the types only see this call's arguments).
  const fragment = purify.sanitize(html) as unknown as DocumentFragment | null;
  // Null only when there was no body to sanitize, which FORCE_BODY rules out; never throw mid-answer.
  return fragment ?? document.createDocumentFragment();
}
