import { expect } from '@open-wc/testing';
import {
  StreamParser,
  contentChunks,
  jsonString,
  openaiChat,
  seeds,
  textChunks,
  wireFormats,
  type FormatName,
  type SseMessage,
  type StreamUpdate,
  type WireFormat,
} from '../src/protocols/index.js';


const message = (data: string, event = ''): SseMessage => ({ event, data, id: '' });

function jsonOf(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
}

/** Runs one message through a single adapter, the way StreamParser would. */
function adapt(format: WireFormat, data: string): { detected: boolean; updates: StreamUpdate[] } {
  const m = message(data);
  const json = jsonOf(data);
  return { detected: format.detect(m, json), updates: format.parse(m, json) };
}

function pushAll(parser: StreamParser, lines: string[]): StreamUpdate[] {
  return lines.flatMap((data) => parser.push(message(data)));
}

const openaiChunk = (delta: Record<string, unknown>, finish: string | null = null) =>
  JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] });

describe('seeds format', () => {
  it('maps every event type', () => {
    const cases: [string, StreamUpdate[]][] = [
      ['{"type":"token","content":"Hel"}', [{ type: 'text', text: 'Hel' }]],
      ['{"type":"tool","tool":"search"}', [{ type: 'tool', name: 'search', status: 'running' }]],
      ['{"type":"tool","tool":"search","status":"done"}', [{ type: 'tool', name: 'search', status: 'done' }]],
      ['{"type":"tool","tool":"search","status":"Complete"}', [{ type: 'tool', name: 'search', status: 'done' }]],
      ['{"type":"tool","tool":"search","status":"started"}', [{ type: 'tool', name: 'search', status: 'running' }]],
      ['{"type":"done"}', [{ type: 'done' }]],
      ['{"type":"done","conversation_id":"c-1"}', [{ type: 'done', conversationId: 'c-1' }]],
      ['{"type":"done","session_id":"s-1"}', [{ type: 'done', conversationId: 's-1' }]],
      ['{"type":"stream_end"}', [{ type: 'done' }]],
      ['{"type":"error","message":"boom"}', [{ type: 'error', message: 'boom' }]],
      ['{"type":"error","error":"bad key"}', [{ type: 'error', message: 'bad key' }]],
      ['{"type":"error"}', [{ type: 'error', message: 'The server reported an error.' }]],
      ['{"type":"session_info","session_id":"s-9"}', [{ type: 'conversation', id: 's-9' }]],
      ['{"type":"warning","message":"slow"}', [{ type: 'warning', message: 'slow' }]],
      ['{"type":"response_saved","id":"r-1"}', []],
      ['{"type":"token","content":""}', []],
    ];
    for (const [data, expected] of cases) {
      expect(adapt(seeds, data), data).to.deep.equal({ detected: true, updates: expected });
    }
  });

  it('detects only objects with a known type', () => {
    expect(adapt(seeds, '{"type":"mystery","content":"x"}').detected).to.equal(false);
    expect(adapt(seeds, '{"content":"x"}').detected).to.equal(false);
    expect(adapt(seeds, '"token"').detected).to.equal(false);
    expect(seeds.name).to.equal('seeds');
    expect(seeds.requiresTerminal).to.equal(true);
  });
});

describe('content format', () => {
  it('maps content, done and error chunks', () => {
    const cases: [string, StreamUpdate[]][] = [
      ['{"content":"Hel"}', [{ type: 'text', text: 'Hel' }]],
      ['{"content":""}', []],
      ['{"done":true}', [{ type: 'done' }]],
      ['{"done":true,"conversation_id":"c-7"}', [{ type: 'done', conversationId: 'c-7' }]],
      ['{"content":"!","done":true}', [{ type: 'text', text: '!' }, { type: 'done' }]],
      ['{"error":"quota"}', [{ type: 'error', message: 'quota' }]],
      ['{"error":{"message":"quota"}}', [{ type: 'error', message: 'quota' }]],
      ['{"error":{}}', [{ type: 'error', message: 'The server reported an error.' }]],
    ];
    for (const [data, expected] of cases) {
      expect(adapt(contentChunks, data), data).to.deep.equal({ detected: true, updates: expected });
    }
  });

  it('leaves typed and OpenAI objects to their formats', () => {
    expect(adapt(contentChunks, '{"type":"token","content":"x"}').detected).to.equal(false);
    expect(adapt(contentChunks, '{"choices":[],"content":"x"}').detected).to.equal(false);
    expect(adapt(contentChunks, '{"done":false}').detected).to.equal(false);
    expect(adapt(contentChunks, '{"text":"x"}').detected).to.equal(false);
    expect(contentChunks.name).to.equal('content');
    expect(contentChunks.requiresTerminal).to.equal(true);
  });
});

describe('text format', () => {
  it('maps text chunks and has no terminal event', () => {
    expect(adapt(textChunks, '{"text":"Hel"}')).to.deep.equal({ detected: true, updates: [{ type: 'text', text: 'Hel' }] });
    expect(adapt(textChunks, '{"text":""}')).to.deep.equal({ detected: true, updates: [] });
    expect(adapt(textChunks, '{"text":3}').detected).to.equal(false);
    expect(textChunks.name).to.equal('text');
    expect(textChunks.requiresTerminal).to.equal(false);
  });
});

describe('json-string format', () => {
  it('maps JSON strings, keeping escaped newlines', () => {
    expect(adapt(jsonString, '"Hello,\\nworld"')).to.deep.equal({
      detected: true,
      updates: [{ type: 'text', text: 'Hello,\nworld' }],
    });
    expect(adapt(jsonString, '""')).to.deep.equal({ detected: true, updates: [] });
    expect(adapt(jsonString, '{"text":"x"}').detected).to.equal(false);
    expect(adapt(jsonString, '42').detected).to.equal(false);
    expect(jsonString.name).to.equal('json-string');
    expect(jsonString.requiresTerminal).to.equal(false);
  });
});

describe('openai format', () => {
  it('maps deltas, tool calls, finish_reason, [DONE] and errors', () => {
    const cases: [string, StreamUpdate[]][] = [
      [openaiChunk({ role: 'assistant', content: '' }), []],
      [openaiChunk({ content: null }), []],
      [openaiChunk({ content: 'Hel' }), [{ type: 'text', text: 'Hel' }]],
      [
        openaiChunk({ tool_calls: [{ index: 0, id: 't1', type: 'function', function: { name: 'get_weather', arguments: '' } }] }),
        [{ type: 'tool', name: 'get_weather', status: 'running' }],
      ],
      [openaiChunk({ tool_calls: [{ index: 0, function: { arguments: '{"city"' } }] }), []],
      [openaiChunk({}, 'stop'), [{ type: 'done' }]],
      [openaiChunk({ content: '!' }, 'length'), [{ type: 'text', text: '!' }, { type: 'done' }]],
      ['[DONE]', [{ type: 'done' }]],
      ['{"choices":[],"usage":{"total_tokens":9}}', []],
      ['{"error":{"message":"overloaded","type":"server_error"}}', [{ type: 'error', message: 'overloaded' }]],
    ];
    for (const [data, expected] of cases) {
      expect(adapt(openaiChat, data), data).to.deep.equal({ detected: true, updates: expected });
    }
  });

  it('detects by choices or object, not by content', () => {
    expect(adapt(openaiChat, '{"object":"chat.completion.chunk"}').detected).to.equal(true);
    expect(adapt(openaiChat, '{"content":"x"}').detected).to.equal(false);
    expect(adapt(openaiChat, '{"type":"error","message":"x"}').detected).to.equal(false);
    expect(adapt(openaiChat, '{"text":"x"}').detected).to.equal(false);
    expect(openaiChat.name).to.equal('openai');
    expect(openaiChat.requiresTerminal).to.equal(true);
  });
});

describe('wireFormats', () => {
  it('lists the formats in detection order', () => {
    expect(wireFormats.map((format) => format.name)).to.deep.equal(['seeds', 'openai', 'content', 'text', 'json-string']);
    const names: FormatName[] = ['auto', 'seeds', 'openai', 'content', 'text', 'json-string'];
    // @ts-expect-error FormatName is a closed union.
    const bogus: FormatName = 'sse';
    expect([...names, bogus]).to.have.length(7);
  });
});

describe('StreamParser', () => {
  let warnings: unknown[][];
  const originalWarn = console.warn;

  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => {
      warnings.push(args);
    };
  });

  afterEach(() => {
    console.warn = originalWarn;
  });

  it('recognizes each format in auto mode', () => {
    const streams: [string, string[], StreamUpdate[]][] = [
      [
        'seeds',
        ['{"type":"session_info","session_id":"s"}', '{"type":"token","content":"Hi"}', '{"type":"done"}'],
        [{ type: 'conversation', id: 's' }, { type: 'text', text: 'Hi' }, { type: 'done' }],
      ],
      ['openai', [openaiChunk({ content: 'Hi' }), '[DONE]'], [{ type: 'text', text: 'Hi' }, { type: 'done' }]],
      ['content', ['{"content":"Hi"}', '{"done":true,"conversation_id":"c"}'], [{ type: 'text', text: 'Hi' }, { type: 'done', conversationId: 'c' }]],
      ['text', ['{"text":"H"}', '{"text":"i"}'], [{ type: 'text', text: 'H' }, { type: 'text', text: 'i' }]],
      ['json-string', ['"H"', '"i"'], [{ type: 'text', text: 'H' }, { type: 'text', text: 'i' }]],
    ];
    for (const [name, lines, expected] of streams) {
      const parser = new StreamParser();
      expect(parser.format, name).to.equal(undefined);
      expect(pushAll(parser, lines), name).to.deep.equal(expected);
      expect(parser.format?.name, name).to.equal(name);
    }
    expect(warnings).to.deep.equal([]);
  });

  it('reports requiresTerminal and ended from the recognized format', () => {
    const parser = new StreamParser('auto');
    expect(parser.requiresTerminal).to.equal(false);
    parser.push(message('{"content":"Hi"}'));
    expect(parser.requiresTerminal).to.equal(true);
    expect(parser.ended).to.equal(false);
    parser.push(message('{"done":true}'));
    expect(parser.ended).to.equal(true);

    const text = new StreamParser();
    text.push(message('{"text":"Hi"}'));
    expect(text.requiresTerminal).to.equal(false);
  });

  it('ends on an error update', () => {
    const parser = new StreamParser();
    expect(pushAll(parser, ['{"type":"token","content":"a"}', '{"type":"error","message":"boom"}'])).to.deep.equal([
      { type: 'text', text: 'a' },
      { type: 'error', message: 'boom' },
    ]);
    expect(parser.ended).to.equal(true);
  });

  it('locks in the first format and falls back leniently for other shapes', () => {
    const parser = new StreamParser();
    expect(pushAll(parser, ['{"content":"a"}', '{"text":"b"}', '"c"', '{"content":"d"}'])).to.deep.equal([
      { type: 'text', text: 'a' },
      { type: 'text', text: 'b' },
      { type: 'text', text: 'c' },
      { type: 'text', text: 'd' },
    ]);
    expect(parser.format?.name).to.equal('content');
  });

  it('gives a mid-stream error object to the format already locked in', () => {
    const content = new StreamParser();
    pushAll(content, ['{"content":"a"}']);
    expect(content.push(message('{"error":{"message":"quota"}}'))).to.deep.equal([{ type: 'error', message: 'quota' }]);
    expect(content.format?.name).to.equal('content');

    const openai = new StreamParser();
    pushAll(openai, [openaiChunk({ content: 'a' })]);
    expect(openai.push(message('{"error":{"message":"overloaded"}}'))).to.deep.equal([
      { type: 'error', message: 'overloaded' },
    ]);
    expect(openai.format?.name).to.equal('openai');
  });

  it('uses only a forced format and ignores the others', () => {
    const parser = new StreamParser('text');
    expect(parser.format?.name).to.equal('text');
    expect(parser.requiresTerminal).to.equal(false);
    expect(pushAll(parser, ['{"content":"no"}', '{"text":"yes"}', '{"type":"token","content":"no"}', '"no"'])).to.deep.equal([
      { type: 'text', text: 'yes' },
    ]);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0][0])).to.contain('"text" format');
  });

  it('lets a forced format take messages auto mode would give another format', () => {
    const data = '{"content":"from content","text":"from text"}';
    expect(new StreamParser().push(message(data))).to.deep.equal([{ type: 'text', text: 'from content' }]);
    expect(new StreamParser('text').push(message(data))).to.deep.equal([{ type: 'text', text: 'from text' }]);
  });

  it('returns nothing for keep-alives and empty data', () => {
    const parser = new StreamParser();
    expect(pushAll(parser, ['', '   ', '\n', ' \t '])).to.deep.equal([]);
    expect(parser.format).to.equal(undefined);
    expect(warnings).to.deep.equal([]);
  });

  it('skips data that is not JSON with one warning and never throws', () => {
    const parser = new StreamParser();
    expect(pushAll(parser, ['Hello', '{"content":"a"}', '{broken', 'also bad'])).to.deep.equal([{ type: 'text', text: 'a' }]);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0][0])).to.contain('not JSON');
    expect(parser.format?.name).to.equal('content');
  });

  it('warns once for messages no format recognizes', () => {
    const parser = new StreamParser();
    expect(pushAll(parser, ['{"foo":1}', '42', '[1,2]', 'null'])).to.deep.equal([]);
    expect(parser.format).to.equal(undefined);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0][0])).to.contain('{"foo":1}');
  });

  it('yields a single done for finish_reason followed by [DONE]', () => {
    const parser = new StreamParser();
    const lines = [openaiChunk({ role: 'assistant', content: '' }), openaiChunk({ content: 'Hi' }), openaiChunk({}, 'stop'), '[DONE]'];
    expect(pushAll(parser, lines)).to.deep.equal([{ type: 'text', text: 'Hi' }, { type: 'done' }]);
    expect(parser.ended).to.equal(true);
  });

  it('does not treat [DONE] as a done event for other forced formats', () => {
    const parser = new StreamParser('content');
    expect(parser.push(message('[DONE]'))).to.deep.equal([]);
    expect(parser.ended).to.equal(false);
    expect(warnings).to.have.length(1);
  });

  it('throws a clear error for an unknown format name', () => {
    expect(() => new StreamParser('sse')).to.throw(
      Error,
      'Unknown stream format "sse"; expected one of: auto, seeds, openai, content, text, json-string.',
    );
  });
});
