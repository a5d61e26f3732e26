// The stream parser (src/protocols/stream-parser.ts) and the list of formats: recognizing a
// stream, forcing a format, the end of a stream, warnings, begin() and parseEvent.
import { expect } from '@open-wc/testing';
import { captureWarnings } from '../support.js';
import { StreamParser, formatNames, wireFormats, type FormatName, type SseMessage, type StreamUpdate } from '../../src/protocols/index.js';
import { message, pushAll, openaiChunk } from './format-support.js';

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
