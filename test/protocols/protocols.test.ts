import { expect } from '@open-wc/testing';
import { captureWarnings } from '../support.js';
import {
  StreamParser,
  contentChunks,
  formatNames,
  jsonString,
  openaiChat,
  seeds,
  textChunks,
  wireFormats,
  type FormatName,
  type SseMessage,
  type StreamUpdate,
  type WireFormat,
} from '../../src/protocols/index.js';

const message = (data: string, event = ''): SseMessage => ({ event, data, id: '' });

function jsonOf(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
}

/** Runs one message through a fresh instance of a single adapter, the way StreamParser would. */
function adapt(format: WireFormat, data: string): { detected: boolean; updates: StreamUpdate[] } {
  const m = message(data);
  const json = jsonOf(data);
  const instance = format.create?.() ?? format;
  return { detected: instance.detect(m, json), updates: instance.parse(m, json) };
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
      ['{"type":"done","conversation_id":"c-1"}', [{ type: 'conversation', id: 'c-1', field: 'conversation_id' }, { type: 'done' }]],
      ['{"type":"done","session_id":"s-1"}', [{ type: 'conversation', id: 's-1', field: 'session_id' }, { type: 'done' }]],
      ['{"type":"stream_end"}', [{ type: 'done' }]],
      ['{"type":"error","message":"boom"}', [{ type: 'error', message: 'boom' }]],
      ['{"type":"error","error":"bad key"}', [{ type: 'error', message: 'bad key' }]],
      ['{"type":"error"}', [{ type: 'error', message: 'The server reported an error.' }]],
      ['{"type":"session_info","session_id":"s-9"}', [{ type: 'conversation', id: 's-9', field: 'session_id' }]],
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
      ['{"done":true,"conversation_id":"c-7"}', [{ type: 'conversation', id: 'c-7', field: 'conversation_id' }, { type: 'done' }]],
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
        [{ type: 'tool', name: 'get_weather', id: 't1', status: 'running' }],
      ],
      [openaiChunk({ tool_calls: [{ index: 0, function: { arguments: '{"city"' } }] }), []],
      [openaiChunk({}, 'stop'), [{ type: 'done', reason: 'stop' }]],
      [openaiChunk({ content: '!' }, 'length'), [{ type: 'text', text: '!' }, { type: 'done', reason: 'length' }]],
      [openaiChunk({}, 'content_filter'), [{ type: 'done', reason: 'content_filter' }]],
      [openaiChunk({}, 'function_call'), [{ type: 'done', reason: 'tool_calls' }]],
      [openaiChunk({ reasoning_content: 'Hm, ' }), [{ type: 'reasoning', text: 'Hm, ' }]],
      [openaiChunk({ content: '', reasoning: 'let me see' }), [{ type: 'reasoning', text: 'let me see' }]],
      [openaiChunk({ content: null, reasoning_content: null, reasoning: null }), []],
      ['[DONE]', [{ type: 'done' }]],
      ['{"choices":[],"usage":{"total_tokens":9}}', []],
      ['{"error":{"message":"overloaded","type":"server_error"}}', [{ type: 'error', message: 'overloaded' }]],
      [
        // OpenRouter's mid-stream failure: an error beside a choice that finishes with "error".
        '{"id":"gen-1","object":"chat.completion.chunk","error":{"code":502,"message":"Provider disconnected"},"choices":[{"index":0,"delta":{"content":""},"finish_reason":"error"}]}',
        [{ type: 'error', message: 'Provider disconnected' }],
      ],
      [
        openaiChunk({
          content: 'Cited.',
          annotations: [{ type: 'url_citation', url_citation: { url: 'https://a.example/', title: 'A', start_index: 0, end_index: 6 } }],
        }),
        [{ type: 'text', text: 'Cited.' }, { type: 'source', url: 'https://a.example/', title: 'A' }],
      ],
    ];
    for (const [data, expected] of cases) {
      expect(adapt(openaiChat, data), data).to.deep.equal({ detected: true, updates: expected });
    }
  });

  it('keeps one badge per tool call, keyed by index, however many deltas it takes', () => {
    const parser = new StreamParser('openai');
    const lines = [
      openaiChunk({ tool_calls: [{ index: 0, id: 'a', type: 'function', function: { name: 'search', arguments: '' } }] }),
      openaiChunk({ tool_calls: [{ index: 0, function: { arguments: '{"q":' } }] }),
      openaiChunk({ tool_calls: [{ index: 1, id: 'b', type: 'function', function: { name: 'search', arguments: '' } }] }),
      openaiChunk({ tool_calls: [{ index: 1, function: { arguments: '"x"}' } }] }),
      openaiChunk({}, 'tool_calls'),
      '[DONE]',
    ];
    expect(pushAll(parser, lines)).to.deep.equal([
      { type: 'tool', name: 'search', id: 'a', status: 'running' },
      { type: 'tool', name: 'search', id: 'b', status: 'running' },
      // The model is done writing the calls: their badges settle before the answer ends.
      { type: 'tool', name: 'search', id: 'a', status: 'done' },
      { type: 'tool', name: 'search', id: 'b', status: 'done' },
      { type: 'done', reason: 'tool_calls' },
    ]);
  });

  it('lists Perplexity citations once, though every chunk repeats them', () => {
    const parser = new StreamParser();
    const chunk = (content: string) =>
      JSON.stringify({
        id: 'p1',
        object: 'chat.completion.chunk',
        citations: ['https://a.example/', 'https://b.example/'],
        search_results: [{ title: 'A', url: 'https://a.example/', date: null }],
        choices: [{ index: 0, delta: { role: 'assistant', content }, finish_reason: null }],
      });
    expect(pushAll(parser, [chunk('One'), chunk(' two')])).to.deep.equal([
      { type: 'text', text: 'One' },
      { type: 'source', url: 'https://a.example/', title: 'A' },
      { type: 'source', url: 'https://b.example/' },
      { type: 'text', text: ' two' },
    ]);
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

const ORDER = [
  'langchain-events',
  'langserve',
  'anthropic',
  'openai-responses',
  'ai-sdk',
  'seeds',
  'flowise',
  'tgi',
  'openai',
  'content',
  'text',
  'json-string',
  'ai-data-stream',
  'n8n',
  'ollama',
  'plain-text',
];

describe('wireFormats', () => {
  it('lists the formats in detection order', () => {
    expect(wireFormats.map((format) => format.name)).to.deep.equal(ORDER);
    expect(formatNames).to.deep.equal(['auto', ...ORDER]);
    const names: FormatName[] = ['auto', 'anthropic', 'openai-responses', 'ai-sdk', 'ollama', 'n8n', 'plain-text'];
    // @ts-expect-error FormatName is a closed union.
    const bogus: FormatName = 'sse';
    expect([...names, bogus]).to.have.length(8);
  });

  it('says how each format is framed', () => {
    const framing = Object.fromEntries(wireFormats.map((format) => [format.name, format.framing ?? 'sse']));
    expect(framing).to.deep.include({ 'ai-data-stream': 'lines', n8n: 'lines', ollama: 'lines', 'plain-text': 'text', anthropic: 'sse' });
    expect(wireFormats.filter((format) => format.framing === undefined).map((format) => format.name)).to.deep.equal(ORDER.slice(0, 12));
  });
});

describe('StreamParser', () => {
  const warnings = captureWarnings();

  it('recognizes each format in auto mode', () => {
    const streams: [string, string[], StreamUpdate[]][] = [
      [
        'seeds',
        ['{"type":"session_info","session_id":"s"}', '{"type":"token","content":"Hi"}', '{"type":"done"}'],
        [{ type: 'conversation', id: 's', field: 'session_id' }, { type: 'text', text: 'Hi' }, { type: 'done' }],
      ],
      ['openai', [openaiChunk({ content: 'Hi' }), '[DONE]'], [{ type: 'text', text: 'Hi' }, { type: 'done' }]],
      ['content', ['{"content":"Hi"}', '{"done":true,"conversation_id":"c"}'], [{ type: 'text', text: 'Hi' }, { type: 'conversation', id: 'c', field: 'conversation_id' }, { type: 'done' }]],
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
    expect(pushAll(parser, lines)).to.deep.equal([{ type: 'text', text: 'Hi' }, { type: 'done', reason: 'stop' }]);
    expect(parser.ended).to.equal(true);
  });

  it('does not treat [DONE] as a done event for other forced formats', () => {
    const parser = new StreamParser('content');
    expect(parser.push(message('[DONE]'))).to.deep.equal([]);
    expect(parser.ended).to.equal(false);
    expect(warnings).to.have.length(1);
  });

  it('ignores everything after the stream ended', () => {
    const parser = new StreamParser();
    expect(pushAll(parser, ['{"content":"a"}', '{"done":true}', '{"content":"late"}', '{"error":"late"}'])).to.deep.equal([
      { type: 'text', text: 'a' },
      { type: 'done' },
    ]);
  });

  it('passes a named event without data to the format, without warning (LangServe `end`)', () => {
    const parser = new StreamParser();
    expect(parser.push(message('{"content":"Hi","type":"AIMessageChunk"}', 'data'))).to.deep.equal([{ type: 'text', text: 'Hi' }]);
    expect(parser.push(message('', 'end'))).to.deep.equal([{ type: 'done' }]);
    expect(parser.format?.name).to.equal('langserve');
    expect(new StreamParser().push(message('', 'ping'))).to.deep.equal([]);
    expect(warnings).to.deep.equal([]);
  });

  describe('begin()', () => {
    it('takes the AI SDK UI message stream from its header, before any message', () => {
      const parser = new StreamParser();
      parser.begin('sse', new Headers({ 'content-type': 'text/event-stream', 'x-vercel-ai-ui-message-stream': 'v1' }));
      expect(parser.format?.name).to.equal('ai-sdk');
      expect(parser.requiresTerminal).to.equal(true);
      // The first message alone would not say: [DONE] is also OpenAI's.
      expect(parser.push(message('[DONE]'))).to.deep.equal([{ type: 'done' }]);
    });

    it('takes the AI SDK data stream from its header', () => {
      const parser = new StreamParser();
      parser.begin('lines', new Headers({ 'content-type': 'text/plain; charset=utf-8', 'x-vercel-ai-data-stream': 'v1' }));
      expect(parser.format?.name).to.equal('ai-data-stream');
      expect(pushAll(parser, ['0:"Hi"', 'd:{"finishReason":"length"}'])).to.deep.equal([
        { type: 'text', text: 'Hi' },
        { type: 'done', reason: 'length' },
      ]);
    });

    it('reads a text body as plain text, whitespace, JSON look-alikes and all', () => {
      const parser = new StreamParser();
      parser.begin('text', new Headers({ 'content-type': 'text/plain' }));
      expect(parser.format?.name).to.equal('plain-text');
      expect(parser.requiresTerminal).to.equal(false);
      expect(pushAll(parser, ['Hello', ' ', '\n\n', '{"content":"x"}', '[DONE]', ''])).to.deep.equal([
        { type: 'text', text: 'Hello' },
        { type: 'text', text: ' ' },
        { type: 'text', text: '\n\n' },
        { type: 'text', text: '{"content":"x"}' },
        { type: 'text', text: '[DONE]' },
      ]);
      expect(parser.ended).to.equal(false);
      expect(warnings).to.deep.equal([]);
    });

    it('tries only the formats of the response framing', () => {
      const lines = new StreamParser();
      lines.begin('lines');
      expect(lines.push(message('0:"Hi"'))).to.deep.equal([{ type: 'text', text: 'Hi' }]);
      expect(lines.format?.name).to.equal('ai-data-stream');

      const sse = new StreamParser();
      sse.begin('sse');
      expect(sse.push(message('0:"Hi"'))).to.deep.equal([]);
      expect(sse.format).to.equal(undefined);
      expect(warnings).to.have.length(1);

      // n8n's error line under lines framing; the same object in an SSE stream is seeds'.
      const n8nLines = new StreamParser();
      n8nLines.begin('lines');
      expect(n8nLines.push(message('{"type":"error","content":"No credentials"}'))).to.deep.equal([
        { type: 'error', message: 'No credentials' },
      ]);
      expect(n8nLines.format?.name).to.equal('n8n');
      const seedsSse = new StreamParser();
      seedsSse.push(message('{"type":"error","content":"No credentials"}'));
      expect(seedsSse.format?.name).to.equal('seeds');
    });

    it('falls back to the JSON formats for lines no line format knows', () => {
      const parser = new StreamParser();
      parser.begin('lines', new Headers({ 'content-type': 'application/x-ndjson' }));
      expect(pushAll(parser, ['{"content":"Hi"}', '{"done":true}'])).to.deep.equal([{ type: 'text', text: 'Hi' }, { type: 'done' }]);
      expect(parser.format?.name).to.equal('content');
    });

    it('keeps a forced format whatever the framing and headers say', () => {
      const openai = new StreamParser('openai');
      openai.begin('text', new Headers({ 'x-vercel-ai-ui-message-stream': 'v1' }));
      expect(openai.format?.name).to.equal('openai');
      expect(openai.push(message(openaiChunk({ content: 'Hi' })))).to.deep.equal([{ type: 'text', text: 'Hi' }]);

      // Forced onto SSE, plain text reads each event's data.
      const plain = new StreamParser('plain-text');
      plain.begin('sse');
      expect(pushAll(plain, ['Hello', '  ', 'world'])).to.deep.equal([
        { type: 'text', text: 'Hello' },
        { type: 'text', text: 'world' },
      ]);
    });
  });

  describe('parseEvent', () => {
    it('maps every message with the page’s own function', () => {
      const seen: SseMessage[] = [];
      const parser = new StreamParser('auto', {
        parseEvent: (event) => {
          seen.push(event);
          if (event.event === 'delta') return event.data;
          if (event.event === 'meta') return [{ type: 'conversation', id: 'c-1' }, { type: 'warning', message: 'slow' }];
          if (event.event === 'cite') return { type: 'source', url: event.data };
          return event.event === 'skip' ? null : undefined;
        },
      });
      expect(parser.format?.name).to.equal('custom');
      expect(
        [
          message('Hel', 'delta'),
          message('', ''),
          message('x', 'skip'),
          message('lo', 'delta'),
          message('', 'meta'),
          message('https://a.example/', 'cite'),
          message('{"content":"not used"}'),
        ].flatMap((m) => parser.push(m)),
      ).to.deep.equal([
        { type: 'text', text: 'Hel' },
        { type: 'text', text: 'lo' },
        { type: 'conversation', id: 'c-1' },
        { type: 'warning', message: 'slow' },
        { type: 'source', url: 'https://a.example/' },
      ]);
      // Keep-alives (blank, unnamed) never reach the mapper; a named event without data does.
      expect(seen.map((m) => m.event)).to.deep.equal(['delta', 'skip', 'delta', 'meta', 'cite', '']);
      expect(parser.requiresTerminal).to.equal(false);
      expect(parser.ended).to.equal(false);
      expect(warnings).to.deep.equal([]);
    });

    it('ends the stream when the mapper returns a done', () => {
      const parser = new StreamParser('auto', { parseEvent: ({ data }) => (data === 'END' ? { type: 'done', reason: 'stop' } : data) });
      expect(pushAll(parser, ['a', 'END', 'b'])).to.deep.equal([{ type: 'text', text: 'a' }, { type: 'done', reason: 'stop' }]);
      expect(parser.ended).to.equal(true);
    });

    it('turns a throwing mapper into an error update that ends the stream', () => {
      const parser = new StreamParser('auto', {
        parseEvent: ({ data }) => {
          if (data === 'bad') throw new Error('Unexpected payload');
          return data;
        },
      });
      expect(pushAll(parser, ['ok', 'bad', 'later'])).to.deep.equal([
        { type: 'text', text: 'ok' },
        { type: 'error', message: 'Unexpected payload' },
      ]);
      expect(parser.ended).to.equal(true);

      const thrower = new StreamParser('auto', {
        parseEvent: () => {
          throw 'plain string';
        },
      });
      expect(thrower.push(message('x'))).to.deep.equal([{ type: 'error', message: 'plain string' }]);
    });

    it('drops what is not a stream update, with one warning', () => {
      const parser = new StreamParser('auto', {
        parseEvent: ({ data }) => [{ type: 'text', text: data }, { type: 'bogus' } as unknown as StreamUpdate, 42 as unknown as StreamUpdate],
      });
      expect(pushAll(parser, ['a', 'b'])).to.deep.equal([
        { type: 'text', text: 'a' },
        { type: 'text', text: 'b' },
      ]);
      expect(warnings).to.have.length(1);
      expect(String(warnings[0][0])).to.contain('parseEvent');
    });

    it('hands the mapper raw text chunks as they are', () => {
      const chunks: string[] = [];
      const parser = new StreamParser('auto', { parseEvent: ({ data }) => (chunks.push(data), data) });
      parser.begin('text');
      expect(pushAll(parser, ['a', ' ', '\n'])).to.have.length(3);
      expect(chunks).to.deep.equal(['a', ' ', '\n']);
    });

    it('still rejects an unknown format name', () => {
      expect(() => new StreamParser('nope', { parseEvent: () => null })).to.throw(Error, 'Unknown stream format "nope"');
    });
  });

  it('throws a clear error for an unknown format name', () => {
    expect(() => new StreamParser('sse')).to.throw(
      Error,
      `Unknown stream format "sse"; expected one of: auto, ${ORDER.join(', ')}.`,
    );
  });
});
