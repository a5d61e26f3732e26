// The openai wire format (src/protocols/formats/openai.ts).
import { expect } from '@open-wc/testing';
import { StreamParser, openaiChat, type StreamUpdate } from '../../../src/protocols/index.js';
import { adapt, pushAll, openaiChunk } from '../format-support.js';

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
