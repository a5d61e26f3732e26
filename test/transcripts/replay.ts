import { StreamParser, type ParseEvent, type SseMessage, type StreamUpdate } from '../../src/protocols/index.js';
import { frame } from './frame.js';
import type { Transcript } from './types.js';

/** What the chat shows for a stream: the updates folded the way the conversation folds them. */
export interface Answer {
  text: string;
  reasoning?: string;
  tools?: { name: string; status: 'running' | 'done' | 'error' }[];
  sources?: { url: string; title?: string }[];
  reason?: string;
  conversationId?: string;
  error?: string;
}

export function fold(updates: readonly StreamUpdate[]): Answer {
  const answer: Answer = { text: '' };
  const tools: { name: string; id?: string; status: 'running' | 'done' | 'error' }[] = [];
  for (const update of updates) {
    switch (update.type) {
      case 'text':
        answer.text += update.text;
        break;
      case 'reasoning':
        answer.reasoning = (answer.reasoning ?? '') + update.text;
        break;
      case 'tool': {
        // One badge per call: by id when the backend gives one, else the running badge of that name.
        const status = update.status ?? 'running';
        const earlier = update.id
          ? tools.find((t) => t.id === update.id)
          : tools.find((t) => t.name === update.name && t.status === 'running');
        if (earlier) {
          if (status !== 'running') earlier.status = status;
        } else {
          tools.push({ name: update.name, id: update.id, status });
        }
        break;
      }
      case 'source':
        if (!answer.sources?.some((s) => s.url === update.url)) {
          (answer.sources ??= []).push(update.title ? { url: update.url, title: update.title } : { url: update.url });
        }
        break;
      case 'conversation':
        answer.conversationId = update.id;
        break;
      case 'done':
        if (update.reason) answer.reason = update.reason;
        if (update.conversationId) answer.conversationId = update.conversationId;
        break;
      case 'error':
        answer.error = update.message;
        break;
      default:
        break;
    }
  }
  if (tools.length) answer.tools = tools.map(({ name, status }) => ({ name, status }));
  return answer;
}

/** Runs a transcript through a parser, as the transport would, after `begin()`. */
export function replay(
  transcript: Transcript,
  { format = 'auto', parseEvent, lines = transcript.lines }: { format?: string; parseEvent?: ParseEvent; lines?: readonly string[] } = {},
): { parser: StreamParser; updates: StreamUpdate[]; answer: Answer } {
  const parser = new StreamParser(format, { parseEvent });
  parser.begin(transcript.framing, new Headers(transcript.headers));
  const updates = frame(lines, transcript.framing).flatMap((message: SseMessage) => parser.push(message));
  return { parser, updates, answer: fold(updates) };
}
