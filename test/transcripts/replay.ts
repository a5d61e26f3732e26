import { StreamParser, type ParseEvent, type SseMessage, type StreamUpdate } from '../../src/protocols/index.js';
import { applyUpdate } from '../../src/conversation/conversation.js';
import type { ChatMessage } from '../../src/conversation/message.js';
import { frame } from './frame.js';
import type { Transcript } from './types.js';

/** What the chat shows for a stream (the updates folded the way the conversation folds them), plus any error. */
export type Answer = Transcript['expected'] & { error?: string };

export function fold(updates: readonly StreamUpdate[]): Answer {
  // The conversation's own folding, so the parser tests check what the chat will show.
  let message: ChatMessage = { id: 'answer', role: 'assistant', content: '', status: 'streaming' };
  const answer: Answer = { text: '' };
  for (const update of updates) {
    message = applyUpdate(message, update);
    if (update.type === 'conversation') answer.conversationId = update.id;
    if (update.type === 'done' && update.conversationId) answer.conversationId = update.conversationId;
    if (update.type === 'error') answer.error = update.message;
  }
  answer.text = message.content;
  if (message.reasoning !== undefined) answer.reasoning = message.reasoning;
  if (message.tools?.length) answer.tools = message.tools.map(({ name, status }) => ({ name, status: status ?? 'running' }));
  if (message.sources?.length) answer.sources = message.sources;
  if (message.finishReason) answer.reason = message.finishReason;
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
