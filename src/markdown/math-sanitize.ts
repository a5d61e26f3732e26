// The sanitizing policy for typeset math, on a private DOMPurify instance of its own (the chat
// policy in sanitize.ts forbids `math` outright). KaTeX is told to trust nothing (no \href, \url,
// \includegraphics, \htmlClass...), and this allowlist is the guard whatever it emits: presentation
// MathML elements and the attributes that lay them out, nothing that links (href, xlink:href),
// acts (maction, actiontype), styles (style, class), names (id) or embeds HTML (annotation-xml,
// whose content is HTML again). KaTeX's <semantics> wrapper is unwrapped and its TeX <annotation>
// dropped: the rendered MathML is what is shown and read out, and the TeX is in the answer's text.
import createDOMPurify, { type Config } from 'dompurify';
import { sanitizerPolicy } from './trusted-types.js';

const purify = createDOMPurify(window);

export const MATH_TAGS = [
  'math', 'mrow', 'mi', 'mn', 'mo', 'ms', 'mtext', 'mspace', 'msup', 'msub', 'msubsup', 'mfrac',
  'msqrt', 'mroot', 'mover', 'munder', 'munderover', 'mtable', 'mtr', 'mtd', 'mstyle', 'mpadded',
  'mphantom', 'menclose', 'merror', 'mmultiscripts', 'mprescripts',
];

export const MATH_ATTRIBUTES = [
  'display', 'mathvariant', 'mathcolor', 'mathbackground', 'mathsize', 'stretchy', 'fence',
  'separator', 'lspace', 'rspace', 'minsize', 'maxsize', 'symmetric', 'largeop', 'movablelimits',
  'accent', 'accentunder', 'width', 'height', 'depth', 'voffset', 'linethickness', 'scriptlevel',
  'displaystyle', 'columnalign', 'rowalign', 'columnspacing', 'rowspacing', 'columnlines', 'rowlines',
  'frame', 'framespacing', 'notation', 'columnspan', 'rowspan',
];

// A colour is all `mathcolor` and `mathbackground` may hold: no url(), no expressions.
const COLOUR = /^(?:#[0-9a-f]{3,8}|[a-z]{1,20}|rgba?\([\d.,%\s]{1,40}\))$/i;

purify.addHook('uponSanitizeAttribute', (_node, data) => {
  if ((data.attrName === 'mathcolor' || data.attrName === 'mathbackground') && !COLOUR.test(data.attrValue)) {
    data.keepAttr = false;
  }
});

const config: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS: MATH_TAGS,
  ALLOWED_ATTR: MATH_ATTRIBUTES,
  // None of them holds a URL: their values are kept as they are (colours checked above). Any other
  // attribute would have to match a URL pattern that matches nothing.
  ADD_URI_SAFE_ATTR: MATH_ATTRIBUTES,
  ALLOWED_URI_REGEXP: /^$/,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // Removed with everything inside them: the TeX annotation (text, shown if it were unwrapped),
  // HTML islands, and what the chat policy never lets through either.
  FORBID_CONTENTS: ['annotation', 'annotation-xml', 'script', 'style', 'template', 'noscript', 'iframe', 'svg', 'title'],
  FORBID_TAGS: ['maction', 'semantics', 'annotation', 'annotation-xml', 'svg', 'a', 'img', 'style', 'script'],
  FORBID_ATTR: ['href', 'xlink:href', 'src', 'actiontype', 'style', 'class', 'id', 'xmlns', 'xmlns:xlink'],
  FORCE_BODY: true,
  RETURN_DOM_FRAGMENT: true,
};

/**
 * KaTeX's MathML as an inert fragment holding one `<math>` element and nothing but the MathML
 * above; empty when nothing survives. Parsed under Trusted Types with the chat's DOMPurify policy.
 */
export function sanitizeMath(markup: string): DocumentFragment {
  const fragment = purify.sanitize(markup, {
    ...config,
    TRUSTED_TYPES_POLICY: sanitizerPolicy() as Config['TRUSTED_TYPES_POLICY'],
  });
  const result = document.createDocumentFragment();
  // Only <math> elements at the top: stray text or wrappers around them are dropped.
  for (const math of Array.from(fragment?.children ?? [])) {
    if (math.localName === 'math' && math.namespaceURI === 'http://www.w3.org/1998/Math/MathML') result.append(math);
  }
  return result;
}
