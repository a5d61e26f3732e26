// Trusted Types (`require-trusted-types-for 'script'`): the markdown renderer turns strings into
// DOM in exactly two places, and each has its own named policy so a site's CSP can allow them and
// a reviewer can find every use:
//
//   stream-chat            highlight.js output, and nothing else. highlight.js escapes the code it
//                          is given and wraps tokens in <span class="...">; the policy checks that
//                          shape and refuses anything else.
//   stream-chat-dompurify  handed to our private DOMPurify instance, which uses it only to parse
//                          model output into an inert DOMParser document before sanitizing it.
//                          DOMPurify would otherwise create a policy named `dompurify`, which
//                          collides with the page's own DOMPurify unless the site allows duplicates.
//
// Lit creates `lit-html` for its templates. Policies are created once, on first use, and only in
// browsers with Trusted Types.

interface Policy {
  createHTML(input: string): unknown;
  createScriptURL(input: string): unknown;
}

interface PolicyFactory {
  createPolicy(name: string, rules: { createHTML(input: string): string; createScriptURL?(input: string): string }): Policy;
}

export const HIGHLIGHT_POLICY = 'stream-chat';
export const SANITIZER_POLICY = 'stream-chat-dompurify';

/**
 * A TrustedHTML where the browser has Trusted Types, else a checked string. Typed as a branded
 * string because TypeScript's DOM types declare `innerHTML` as a string.
 */
export type SafeHTML = string & { readonly __safeHTML?: never };

const factory = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
const policies = new Map<string, Policy | null>();

function policy(name: string, rules: Parameters<PolicyFactory['createPolicy']>[1]): Policy | null {
  if (!factory) return null;
  if (!policies.has(name)) {
    try {
      policies.set(name, factory.createPolicy(name, rules));
    } catch (error) {
      // The site's `trusted-types` directive does not list the name (or forbids duplicates).
      console.warn(`stream-chat: could not create the Trusted Types policy "${name}"; add it to the trusted-types CSP directive.`, error);
      policies.set(name, null);
    }
  }
  return policies.get(name)!;
}

// What highlight.js emits: its own spans around escaped text. Scope classes are fixed names from
// the grammars (`hljs-title function_`, `language-xml`).
const HIGHLIGHT_TAG = /<span class="[\w .-]*">|<\/span>/g;

function checkHighlight(html: string): string {
  if (html.replace(HIGHLIGHT_TAG, '').includes('<')) throw new TypeError('stream-chat: unexpected markup in highlighter output');
  return html;
}

/**
 * Highlighter output, ready for `innerHTML`. Throws if the string holds any markup but
 * highlight.js's spans, so a change in the highlighter can never widen what this lets through.
 */
export function highlightHTML(html: string): SafeHTML {
  const p = policy(HIGHLIGHT_POLICY, { createHTML: checkHighlight });
  return (p ? p.createHTML(html) : checkHighlight(html)) as SafeHTML;
}

/**
 * The policy for DOMPurify's `TRUSTED_TYPES_POLICY` option: null without Trusted Types (or when
 * the site does not allow it, after a console warning).
 */
export function sanitizerPolicy(): Policy | null {
  return policy(SANITIZER_POLICY, {
    // The input is model output on its way into an inert document to be sanitized, not into ours.
    createHTML: (html) => html,
    // Every element with a script URL attribute (script, embed, object) is forbidden before
    // attributes are read; should one ever get this far, it gets an empty URL.
    createScriptURL: () => '',
  });
}
