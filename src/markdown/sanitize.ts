// The chat sanitizing policy, on a private DOMPurify instance: the host page's DOMPurify hooks and
// config never apply to us, and ours never leak into the page's.
import createDOMPurify, { type Config } from 'dompurify';
import { ALLOWED_URI } from './link-policy.js';

const purify = createDOMPurify(window);


purify.addHook('afterSanitizeAttributes', (node) => {
  if (node instanceof HTMLAnchorElement && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

const config: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_URI_REGEXP: ALLOWED_URI,
  FORBID_TAGS: [
    'style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'iframe', 'frame', 'object', 'embed',
    'svg', 'math', 'base', 'meta', 'link', 'template', 'img', 'video', 'audio', 'source', 'picture',
  ],
  FORBID_ATTR: ['style', 'srcset', 'shadowroot', 'shadowrootmode'],
  ALLOW_DATA_ATTR: false,
  RETURN_DOM_FRAGMENT: true,
};

/** Sanitizes an HTML string into an inert DocumentFragment ready to insert. */
export function sanitize(html: string): DocumentFragment {
  return purify.sanitize(html, config);
}
