import { formatInHeaders } from '../protocols/headers.js';
import type { Framing, SseMessage } from '../protocols/types.js';
import { EventParser } from './sse-reader.js';

const LINE_TYPES = new Set(['application/x-ndjson', 'application/jsonl', 'application/x-jsonlines', 'application/stream+json']);
const TEXT_TYPES = new Set(['text/plain', 'text/markdown']);

/** A response's media type, lower-case and without parameters; empty when it has none. */
export function mediaType(response: Response): string {
  return (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * Whether a media type is certainly not text (an image, a video, an archive): such a body is not
 * read at all. `application/octet-stream` is not among them: some servers label SSE that way.
 */
export function isBinaryType(type: string): boolean {
  return /^(?:image|audio|video|font|model)\//.test(type) || /^application\/(?:pdf|zip|gzip|x-gzip|x-tar|wasm)$/.test(type);
}

/**
 * How a successful response's body is framed, from its headers; `json` for a whole JSON answer
 * (the non-streaming fallback). Lenient: an unknown or missing content type is read as SSE.
 */
export function framingOf(response: Response): Framing | 'json' {
  // The AI SDK's data stream says text/plain; only its header tells its lines from raw text.
  if (formatInHeaders(response.headers) === 'ai-data-stream') return 'lines';
  const type = mediaType(response);
  if (type === 'text/event-stream') return 'sse';
  // Before the JSON test: application/stream+json is line-framed, not one JSON value.
  if (LINE_TYPES.has(type)) return 'lines';
  if (TEXT_TYPES.has(type)) return 'text';
  if (/^application\/(?:[\w.+-]+\+)?json$/.test(type)) return 'json';
  return 'sse';
}

/**
 * Whether a body labelled `type` may be an event stream in disguise, to be told by its first
 * bytes (see sniffFraming): FastAPI's StreamingResponse without a `media_type` sends none, with
 * `text/plain` the vLLM assistant's code does, and proxies relabel streams
 * `application/octet-stream`.
 */
export function isSniffedType(type: string): boolean {
  return type === '' || type === 'text/plain' || type === 'application/octet-stream';
}

const SSE_FIELDS = ['data', 'event', 'id', 'retry'];
/** How far to look for the end of a first line that starts like JSON before deciding. */
const SNIFF_LIMIT = 4096;

/**
 * The framing of a body whose content type may be wrong, from as little of its start as tells:
 * `sse` when it opens with an SSE comment or field name (`data:`, `event:`, ...), `lines` when its
 * first line is a JSON object, else `otherwise` (`text` for a text/plain body; `sse`, as before
 * sniffing, for an unlabelled or octet-stream one, which may not be text at all). Undefined while
 * the start is still ambiguous and more may come (`ended` false); plain text is told from its first
 * characters, so it still streams.
 */
export function sniffFraming(head: string, ended: boolean, otherwise: Framing = 'text'): Framing | undefined {
  const text = head.replace(/^\uFEFF/, '').replace(/^[\r\n]+/, '');
  const more = ended ? otherwise : undefined;
  if (text === '') return more;
  if (text[0] === ':') return 'sse';
  for (const field of SSE_FIELDS) {
    if (text.length < field.length && field.startsWith(text)) return more;
    if (text.startsWith(field)) {
      const next = text[field.length];
      if (next === undefined) return more;
      if (next === ':' || next === '\r' || next === '\n') return 'sse';
    }
  }
  if (text[0] !== '{') return otherwise;
  const end = text.search(/[\r\n]/);
  if (end === -1 && !ended && text.length < SNIFF_LIMIT) return undefined;
  try {
    JSON.parse(end === -1 ? text : text.slice(0, end));
    return 'lines';
  } catch {
    // Text that happens to start with a brace.
    return otherwise;
  }
}

const BOM = [0xef, 0xbb, 0xbf];

/**
 * Drops a UTF-8 byte order mark at the very start of an event stream, even when its three bytes
 * arrive in separate chunks, before the bytes reach the SSE parser, which would take it for part
 * of the first field's name (a stage of a fused stream, fuse.ts).
 */
export function withoutBomStage(): Transformer<Uint8Array, Uint8Array> {
  // The first bytes, held back until they are known to be (or not be) a BOM; undefined once decided.
  let head: Uint8Array | undefined = new Uint8Array(0);
  return {
    transform(chunk, controller) {
      if (!head) {
        controller.enqueue(chunk);
        return;
      }
      const bytes = head.length ? concat(head, chunk) : chunk;
      const prefix = Math.min(bytes.length, 3);
      const bomSoFar = BOM.slice(0, prefix).every((byte, i) => bytes[i] === byte);
      if (bomSoFar && bytes.length < 3) {
        head = bytes;
        return;
      }
      head = undefined;
      const rest = bomSoFar ? bytes.subarray(3) : bytes;
      if (rest.length) controller.enqueue(rest);
    },
    flush(controller) {
      // A body shorter than a BOM that began like one.
      if (head?.length) controller.enqueue(head);
    },
  };
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

/**
 * Splits text that arrives in pieces into lines ended by `\n`, `\r\n` or `\r`, where a `\r` at
 * the end of one piece and a `\n` at the start of the next are one line break.
 */
export class LineSplitter {
  private rest = '';
  private afterCr = false;

  /** The lines this piece completes. */
  push(text: string): string[] {
    let from = 0;
    if (this.afterCr && text) {
      this.afterCr = false;
      if (text[0] === '\n') from = 1;
    }
    const lines: string[] = [];
    const breaks = /\r\n|\r|\n/g;
    breaks.lastIndex = from;
    for (let match; (match = breaks.exec(text)); from = breaks.lastIndex) {
      lines.push(this.rest + text.slice(from, match.index));
      this.rest = '';
    }
    this.rest += text.slice(from);
    if (text.endsWith('\r')) this.afterCr = true;
    return lines;
  }

  /** The lines this last piece completes, then the unterminated last line, if any. */
  end(text = ''): string[] {
    const lines = this.push(text);
    if (this.rest) lines.push(this.rest);
    this.rest = '';
    return lines;
  }
}

/**
 * Passes on only the blocks of an event stream that carry a `data` field, which are the blocks the
 * SSE spec dispatches
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation),
 * so the parser after it (sse-reader.ts) dispatches every block it sees. (fetch-event-source's
 * parser, which read these bytes before, dispatched an empty message for every blank line: a
 * `: keep-alive` comment, a stray extra blank line or a lone `event:` would each have reached the
 * wire format as an empty message.)
 * Lines come out LF-terminated, without comments. An unterminated last block is dropped, as the
 * spec says (and the library does). The input must already be BOM-free (withoutBomStage).
 *
 * Works on bytes, without decoding (CR and LF never occur inside a UTF-8 sequence), and passes
 * well-formed stretches through as they are: blocks with data, LF line endings and no comments
 * (nearly every chat stream) leave as views of the chunk they came in, uncopied. Decoding, splitting
 * and re-encoding every chunk cost more than the library's own parser on a long answer.
 */
export function eventStreamStage(): Transformer<Uint8Array, Uint8Array> {
  /** The pieces of an unfinished line from earlier chunks (a long event may span many). */
  let partial: Uint8Array[] = [];
  /** The previous chunk ended with CR: a LF starting this one belongs to that line break. */
  let afterCr = false;
  /** The kept lines of the block being read, in LF-terminated pieces, and whether one is a data field. */
  let block: Uint8Array[] = [];
  let hasData = false;

  /** One complete line (without its line break), through the general path. */
  const line = (text: Uint8Array, out: Uint8Array[]): void => {
    if (text.length === 0) {
      if (hasData) out.push(...block, NEWLINE);
      block = [];
      hasData = false;
    } else if (text[0] !== COLON) {
      block.push(concat(text, NEWLINE));
      if (isDataField(text, 0, text.length)) hasData = true;
    }
  };

  /** A chunk with CR line endings somewhere: line by line, normalized to LF. */
  const general = (chunk: Uint8Array, from: number, out: Uint8Array[]): void => {
    for (let i = from; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte !== LF && byte !== CR) continue;
      const text = partial.length ? concat(...partial, chunk.subarray(from, i)) : chunk.subarray(from, i);
      partial = [];
      if (byte === CR) {
        if (i + 1 === chunk.length) afterCr = true;
        else if (chunk[i + 1] === LF) i++;
      }
      from = i + 1;
      line(text, out);
    }
    if (from < chunk.length) partial.push(chunk.slice(from));
  };

  /** A chunk with LF line endings only: clean runs of lines stay views of the chunk. */
  const lfOnly = (chunk: Uint8Array, from: number, out: Uint8Array[]): void => {
    // The current block's lines in this chunk not yet stored in `block`, from `run` on.
    let run = from;
    // A stretch of the chunk already decided to go out as it is, not yet pushed to `out`.
    let keepFrom = 0;
    let keepTo = 0;
    const flushKept = () => {
      if (keepTo > keepFrom) out.push(chunk.subarray(keepFrom, keepTo));
      keepFrom = keepTo = 0;
    };
    let i = from;
    if (partial.length) {
      const end = chunk.indexOf(LF, from);
      if (end === -1) {
        partial.push(chunk.slice(from));
        return;
      }
      const text = concat(...partial, chunk.subarray(from, end));
      partial = [];
      line(text, out);
      i = run = end + 1;
    }
    for (let end; (end = chunk.indexOf(LF, i)) !== -1; i = end + 1) {
      if (end === i) {
        // The blank line ending a block: out it goes (with the blank line) if it had data.
        if (hasData) {
          if (block.length) {
            flushKept();
            out.push(...block);
          }
          if (keepTo === run && keepTo > keepFrom) keepTo = end + 1;
          else {
            flushKept();
            keepFrom = run;
            keepTo = end + 1;
          }
        }
        block = [];
        hasData = false;
        run = end + 1;
      } else if (chunk[i] === COLON) {
        // A comment: the lines before it are stored, the comment is left out.
        if (run < i) block.push(chunk.subarray(run, i));
        run = end + 1;
      } else if (!hasData && isDataField(chunk, i, end)) {
        hasData = true;
      }
    }
    flushKept();
    if (run < i) block.push(chunk.subarray(run, i));
    // What is kept for later chunks is copied: the chunk's buffer is not ours to hold on to.
    block = block.map((piece) => (piece.buffer === chunk.buffer ? piece.slice() : piece));
    if (i < chunk.length) partial.push(chunk.slice(i));
  };

  return {
    transform(chunk, controller) {
      const from = afterCr && chunk[0] === LF ? 1 : 0;
      afterCr = false;
      const out: Uint8Array[] = [];
      if (chunk.indexOf(CR, from) === -1) lfOnly(chunk, from, out);
      else general(chunk, from, out);
      if (out.length) controller.enqueue(out.length === 1 ? out[0] : concat(...out));
    },
  };
}

const LF = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;

const NEWLINE = new Uint8Array([LF]);

/** Whether the line `bytes[start, end)` is a `data` field: `data` followed by a colon or by nothing. */
function isDataField(bytes: Uint8Array, start: number, end: number): boolean {
  // Byte by byte, not through an array of the name's bytes and a callback: this runs for every line of a stream.
  return (
    end - start >= 4 &&
    bytes[start] === 0x64 &&
    bytes[start + 1] === 0x61 &&
    bytes[start + 2] === 0x74 &&
    bytes[start + 3] === 0x61 &&
    (end - start === 4 || bytes[start + 4] === COLON)
  );
}

/**
 * Reads a body to its end: its events for `sse` (the body as eventStreamStage passes it on, see
 * sse-reader.ts), one message per non-blank line for `lines`, one per decoded chunk, exactly as
 * received, for `text`. UTF-8 characters split across chunks decode whole. Stops as soon as
 * `signal` aborts and delivers nothing after; rejects if the body fails.
 */
export async function readFramedBody(
  body: ReadableStream<Uint8Array>,
  framing: Framing,
  onMessage: (message: SseMessage) => void,
  signal: AbortSignal,
): Promise<void> {
  const reader = body.getReader();
  const stop = () => void reader.cancel().catch(() => {});
  signal.addEventListener('abort', stop, { once: true });
  // Drops one byte order mark at the start, even split across chunks (a decoder's default); an
  // event stream's was dropped before (withoutBomStage), and a second is data.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: framing === 'sse' });
  // A message may abort (a terminal event does); the rest of its chunk is then dropped too.
  const deliver = (message: SseMessage) => {
    if (!signal.aborted) onMessage(message);
  };
  const events = framing === 'sse' ? new EventParser(deliver) : undefined;
  const splitter = new LineSplitter();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal.aborted) return;
      const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      if (events) {
        // An unterminated last block is never dispatched.
        events.push(text);
      } else if (framing === 'text') {
        if (text) deliver({ event: '', data: text, id: '' });
      } else {
        for (const line of done ? splitter.end(text) : splitter.push(text)) {
          if (line.trim()) deliver({ event: '', data: line, id: '' });
        }
      }
      if (done) return;
    }
  } finally {
    signal.removeEventListener('abort', stop);
  }
}
