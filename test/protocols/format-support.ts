// The helpers of the wire-format tests (test/protocols/formats/, stream-parser.test.ts): one
// message through one adapter, or a stream through a parser of a given format and framing.
import { expect } from '@open-wc/testing';
import { StreamParser, type Framing, type SseMessage, type StreamUpdate, type WireFormat } from '../../src/protocols/index.js';

export const message = (data: string, event = ''): SseMessage => ({ event, data, id: '' });

export function jsonOf(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
}

/** Runs one message through a fresh instance of a single adapter, the way StreamParser would. */
export function adapt(format: WireFormat, data: string): { detected: boolean; updates: StreamUpdate[] } {
  const m = message(data);
  const json = jsonOf(data);
  const instance = format.create?.() ?? format;
  return { detected: instance.detect(m, json), updates: instance.parse(m, json) };
}

export function pushAll(parser: StreamParser, lines: string[]): StreamUpdate[] {
  return lines.flatMap((data) => parser.push(message(data)));
}

export const openaiChunk = (delta: Record<string, unknown>, finish: string | null = null) =>
  JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] });

export type Message = string | [event: string, data: string];

/** Pushes messages (data, or [event, data]) through a parser of the given format and framing. */
export function run(format: string, messages: Message[], framing: Framing = 'sse'): { parser: StreamParser; updates: StreamUpdate[] } {
  const parser = new StreamParser(format);
  parser.begin(framing);
  const updates = messages.flatMap((m) =>
    parser.push(typeof m === 'string' ? { event: '', data: m, id: '' } : { event: m[0], data: m[1], id: '' }),
  );
  return { parser, updates };
}

export const both = (name: string, messages: Message[], framing: Framing = 'sse') => {
  const auto = run('auto', messages, framing);
  const forced = run(name, messages, framing);
  expect(auto.parser.format?.name, 'auto-detected format').to.equal(name);
  expect(forced.updates, 'forced and auto agree').to.deep.equal(auto.updates);
  return auto;
};
