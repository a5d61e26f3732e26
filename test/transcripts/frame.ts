import type { Framing, SseMessage } from '../../src/protocols/index.js';

/**
 * Splits a transcript's body into the messages the transport hands the parser: SSE events as the
 * spec dispatches them (comments dropped, a block without a `data` field never dispatched), the
 * non-blank lines of a line-framed body, or each raw chunk of a text body as it was written.
 */
export function frame(pieces: readonly string[], framing: Framing): SseMessage[] {
  if (framing === 'text') return pieces.filter((piece) => piece !== '').map((data) => ({ event: '', data, id: '' }));
  const lines = pieces.join('').replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (framing === 'lines') return lines.filter((line) => line.trim() !== '').map((data) => ({ event: '', data, id: '' }));

  const messages: SseMessage[] = [];
  let event = '';
  let data: string[] | undefined;
  let id = '';
  // The last element follows the final line break; an unterminated block is never dispatched.
  for (const line of lines.slice(0, -1)) {
    if (line === '') {
      if (data) messages.push({ event, data: data.join('\n'), id });
      event = '';
      data = undefined;
      continue;
    }
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') (data ??= []).push(value);
    else if (field === 'event') event = value;
    else if (field === 'id') id = value;
  }
  return messages;
}
