/**
 * The format a response names in its headers: the AI SDK marks its UI message stream and its
 * data stream so (cross-origin, only when the server lists the header in
 * Access-Control-Expose-Headers). The framing (a data stream is text/plain lines) and the format
 * registry both read it from here.
 */
export function formatInHeaders(headers: Headers | undefined): 'ai-sdk' | 'ai-data-stream' | undefined {
  if (headers?.get('x-vercel-ai-ui-message-stream')?.trim() === 'v1') return 'ai-sdk';
  if (headers?.get('x-vercel-ai-data-stream')?.trim() === 'v1') return 'ai-data-stream';
  return undefined;
}
