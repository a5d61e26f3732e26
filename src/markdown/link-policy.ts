// Which link targets the chat shows: web and mail links, plus relative ones (no scheme: anything
// whose first colon, if any, comes after a `/`, `?` or `#`). javascript:, vbscript:, data: and
// every other scheme are dropped. One policy for markdown links and for source lists.
export const ALLOWED_URI = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

/** The URL if the policy allows it (after trimming the whitespace and controls browsers ignore), else undefined. */
export function safeHref(url: string): string | undefined {
  // Browsers drop leading/trailing C0 controls and spaces and strip tabs/newlines inside a URL
  // before reading its scheme, so `java\tscript:` must be judged as `javascript:`.
  const normalized = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  return ALLOWED_URI.test(normalized) ? normalized : undefined;
}
