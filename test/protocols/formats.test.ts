// Each adapter's edge cases and error shapes, one stream at a time through StreamParser.
import { expect } from '@open-wc/testing';
import { captureWarnings } from '../support.js';
import { StreamParser, type Framing, type StreamUpdate } from '../../src/protocols/index.js';

type Message = string | [event: string, data: string];

/** Pushes messages (data, or [event, data]) through a parser of the given format and framing. */
function run(format: string, messages: Message[], framing: Framing = 'sse'): { parser: StreamParser; updates: StreamUpdate[] } {
  const parser = new StreamParser(format);
  parser.begin(framing);
  const updates = messages.flatMap((m) =>
    parser.push(typeof m === 'string' ? { event: '', data: m, id: '' } : { event: m[0], data: m[1], id: '' }),
  );
  return { parser, updates };
}

const both = (name: string, messages: Message[], framing: Framing = 'sse') => {
  const auto = run('auto', messages, framing);
  const forced = run(name, messages, framing);
  expect(auto.parser.format?.name, 'auto-detected format').to.equal(name);
  expect(forced.updates, 'forced and auto agree').to.deep.equal(auto.updates);
  return auto;
};

const warnings = captureWarnings();

describe('openai-responses format', () => {
  const ev = (type: string, body: Record<string, unknown> = {}): Message => [type, JSON.stringify({ type, sequence_number: 1, ...body })];

  it('shows a function call as one badge from output_item.added to its end', () => {
    const item = { id: 'fc_1', type: 'function_call', status: 'in_progress', arguments: '', call_id: 'call_9', name: 'get_weather' };
    const { updates } = both('openai-responses', [
      ev('response.created', { response: { id: 'resp_1', status: 'in_progress' } }),
      ev('response.output_item.added', { output_index: 0, item }),
      ev('response.function_call_arguments.delta', { item_id: 'fc_1', output_index: 0, delta: '{"city":"Paris"}' }),
      ev('response.function_call_arguments.done', { item_id: 'fc_1', output_index: 0, arguments: '{"city":"Paris"}' }),
      ev('response.output_item.done', { output_index: 0, item: { ...item, status: 'completed' } }),
      ev('response.completed', { response: { id: 'resp_1', status: 'completed' } }),
    ]);
    expect(updates).to.deep.equal([
      { type: 'tool', name: 'get_weather', id: 'call_9', status: 'running' },
      { type: 'tool', name: 'get_weather', id: 'call_9', status: 'done' },
      { type: 'done', reason: 'stop' },
    ]);
  });

  it('marks a failed built-in tool call as an error', () => {
    const { updates } = run('openai-responses', [
      ev('response.output_item.added', { item: { id: 'fs_1', type: 'file_search_call', status: 'in_progress' } }),
      ev('response.output_item.done', { item: { id: 'fs_1', type: 'file_search_call', status: 'failed' } }),
    ]);
    expect(updates).to.deep.equal([
      { type: 'tool', name: 'file_search', id: 'fs_1', status: 'running' },
      { type: 'tool', name: 'file_search', id: 'fs_1', status: 'error' },
    ]);
  });

  it('reads raw reasoning text and separates message items around a tool call', () => {
    const { updates } = run('openai-responses', [
      ev('response.reasoning_text.delta', { item_id: 'rs_1', delta: 'Think.' }),
      ev('response.output_item.added', { item: { id: 'msg_1', type: 'message' } }),
      ev('response.output_text.delta', { item_id: 'msg_1', delta: 'Searching.' }),
      ev('response.output_item.added', { item: { id: 'ws_1', type: 'web_search_call', status: 'in_progress' } }),
      ev('response.output_item.added', { item: { id: 'msg_2', type: 'message' } }),
      ev('response.output_text.delta', { item_id: 'msg_2', delta: 'Found it.' }),
    ]);
    expect(updates).to.deep.equal([
      { type: 'reasoning', text: 'Think.' },
      { type: 'text', text: 'Searching.' },
      { type: 'tool', name: 'web_search', id: 'ws_1', status: 'running' },
      { type: 'text', text: '\n\n' },
      { type: 'text', text: 'Found it.' },
    ]);
  });

  it('ends an incomplete response with the reason length', () => {
    const { updates } = both('openai-responses', [
      ev('response.output_text.delta', { delta: 'Cut' }),
      ev('response.incomplete', { response: { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } } }),
    ]);
    expect(updates).to.deep.equal([{ type: 'text', text: 'Cut' }, { type: 'done', reason: 'length' }]);
    expect(run('openai-responses', [ev('response.incomplete', { response: { incomplete_details: { reason: 'content_filter' } } })]).updates).to.deep.equal([
      { type: 'done', reason: 'content_filter' },
    ]);
  });

  it('reports response.failed and the error event', () => {
    expect(
      both('openai-responses', [ev('response.failed', { response: { status: 'failed', error: { code: 'server_error', message: 'The model crashed' } } })]).updates,
    ).to.deep.equal([{ type: 'error', message: 'The model crashed' }]);
    const error: Message = ['error', '{"type":"error","code":"ERR_SOMETHING","message":"Something went wrong","param":null,"sequence_number":1}'];
    expect(both('openai-responses', [error]).updates).to.deep.equal([{ type: 'error', message: 'Something went wrong' }]);
  });

  it('leaves an unnamed {"type":"error"} to seeds', () => {
    expect(run('auto', ['{"type":"error","message":"boom"}']).parser.format?.name).to.equal('seeds');
  });
});

describe('anthropic format', () => {
  const ev = (json: Record<string, unknown>): Message => [String(json.type), JSON.stringify(json)];
  const start = ev({ type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', content: [], stop_reason: null } });

  it('runs a client tool from its block start to its block stop, and says why it stopped', () => {
    const { updates } = both('anthropic', [
      start,
      ev({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
      ev({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Checking.' } }),
      ev({ type: 'content_block_stop', index: 0 }),
      ev({ type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: {} } }),
      ev({ type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"city": "Paris"}' } }),
      ev({ type: 'content_block_stop', index: 1 }),
      ev({ type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: 40 } }),
      ev({ type: 'message_stop' }),
    ]);
    expect(updates).to.deep.equal([
      { type: 'text', text: 'Checking.' },
      { type: 'tool', name: 'get_weather', id: 'toolu_1', status: 'running' },
      { type: 'tool', name: 'get_weather', id: 'toolu_1', status: 'done' },
      { type: 'done', reason: 'tool_calls' },
    ]);
  });

  it('maps max_tokens to length and stop_sequence to stop', () => {
    const stop = (reason: string) =>
      run('anthropic', [ev({ type: 'message_delta', delta: { stop_reason: reason } }), ev({ type: 'message_stop' })]).updates;
    expect(stop('max_tokens')).to.deep.equal([{ type: 'done', reason: 'length' }]);
    expect(stop('stop_sequence')).to.deep.equal([{ type: 'done', reason: 'stop' }]);
    expect(stop('refusal')).to.deep.equal([{ type: 'done', reason: 'content_filter' }]);
    expect(run('anthropic', [ev({ type: 'message_stop' })]).updates).to.deep.equal([{ type: 'done' }]);
  });

  it('marks a server tool whose result is an error', () => {
    const { updates } = run('anthropic', [
      ev({ type: 'content_block_start', index: 0, content_block: { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: {} } }),
      ev({ type: 'content_block_stop', index: 0 }),
      ev({
        type: 'content_block_start',
        index: 1,
        content_block: { type: 'web_search_tool_result', tool_use_id: 'srvtoolu_1', content: { type: 'web_search_tool_result_error', error_code: 'max_uses_exceeded' } },
      }),
    ]);
    expect(updates).to.deep.equal([
      { type: 'tool', name: 'web_search', id: 'srvtoolu_1', status: 'running' },
      { type: 'tool', name: 'web_search', id: 'srvtoolu_1', status: 'error' },
    ]);
  });

  it('reports the error event', () => {
    const error: Message = ['error', '{"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}'];
    expect(both('anthropic', [start, error]).updates).to.deep.equal([{ type: 'error', message: 'Overloaded' }]);
  });

  it('ignores pings, signatures and blocks it does not know', () => {
    const { updates } = run('anthropic', [
      ['ping', '{"type": "ping"}'],
      ev({ type: 'content_block_start', index: 0, content_block: { type: 'redacted_thinking', data: 'EmwKAhgBEgy3' } }),
      ev({ type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'Eq' } }),
      ev({ type: 'content_block_stop', index: 0 }),
    ]);
    expect(updates).to.deep.equal([]);
    expect(warnings).to.deep.equal([]);
  });
});

describe('ai-sdk format', () => {
  const part = (json: Record<string, unknown>) => JSON.stringify(json);

  it('reports the error part', () => {
    expect(both('ai-sdk', [part({ type: 'start' }), part({ type: 'error', errorText: 'Rate limit exceeded' })]).updates).to.deep.equal([
      { type: 'error', message: 'Rate limit exceeded' },
    ]);
  });

  it('ends on abort with the reason abort, and on finish with its reason', () => {
    expect(run('ai-sdk', [part({ type: 'text-delta', id: 't', delta: 'Par' }), part({ type: 'abort' })]).updates).to.deep.equal([
      { type: 'text', text: 'Par' },
      { type: 'done', reason: 'abort' },
    ]);
    expect(run('ai-sdk', [part({ type: 'finish', finishReason: 'length' }), '[DONE]']).updates).to.deep.equal([{ type: 'done', reason: 'length' }]);
    expect(run('ai-sdk', [part({ type: 'finish', finishReason: 'content-filter' })]).updates).to.deep.equal([
      { type: 'done', reason: 'content_filter' },
    ]);
    expect(run('ai-sdk', [part({ type: 'finish' })]).updates).to.deep.equal([{ type: 'done' }]);
  });

  it('follows tool calls by id: errors, outputs the client must supply, and preliminary outputs', () => {
    const { updates } = both('ai-sdk', [
      part({ type: 'tool-input-available', toolCallId: 'a', toolName: 'lookup', input: {} }),
      part({ type: 'tool-output-available', toolCallId: 'a', output: { partial: true }, preliminary: true }),
      part({ type: 'tool-output-error', toolCallId: 'a', errorText: 'timeout' }),
      part({ type: 'tool-input-start', toolCallId: 'b', toolName: 'confirm' }),
      part({ type: 'tool-input-available', toolCallId: 'b', toolName: 'confirm', input: {} }),
      part({ type: 'data-weather', data: { city: 'Paris' } }),
      part({ type: 'source-document', sourceId: 'd', mediaType: 'application/pdf', title: 'Spec' }),
      part({ type: 'finish', finishReason: 'tool-calls' }),
    ]);
    expect(updates).to.deep.equal([
      { type: 'tool', name: 'lookup', id: 'a', status: 'running' },
      { type: 'tool', name: 'lookup', id: 'a', status: 'error' },
      { type: 'tool', name: 'confirm', id: 'b', status: 'running' },
      // A tool left for the client to run is settled when the answer ends.
      { type: 'tool', name: 'confirm', id: 'b', status: 'done' },
      { type: 'done', reason: 'tool_calls' },
    ]);
  });

  it('separates text written before and after a tool call', () => {
    const { updates } = run('ai-sdk', [
      part({ type: 'text-delta', id: '1', delta: 'Let me check.' }),
      part({ type: 'tool-input-start', toolCallId: 'a', toolName: 'lookup' }),
      part({ type: 'tool-output-available', toolCallId: 'a', output: 1 }),
      part({ type: 'text-delta', id: '2', delta: 'Found it.' }),
    ]);
    expect(updates.filter((u) => u.type === 'text').map((u) => (u as { text: string }).text).join('')).to.equal('Let me check.\n\nFound it.');
  });
});

describe('langserve format', () => {
  it('reads string chunks and content blocks, and leaves run metadata out', () => {
    const { updates } = both('langserve', [
      ['metadata', '{"run_id": "r-1"}'],
      ['data', '"Hello"'],
      ['data', '{"content":[{"type":"thinking","thinking":"Hm.","index":0},{"type":"text","text":" world","index":1}],"type":"AIMessageChunk"}'],
      ['data', '{"content":"","additional_kwargs":{"reasoning_content":"Why?"},"type":"AIMessageChunk"}'],
      ['data', '{"answer":"not a message"}'],
    ]);
    expect(updates).to.deep.equal([
      { type: 'text', text: 'Hello' },
      { type: 'reasoning', text: 'Hm.' },
      { type: 'text', text: ' world' },
      { type: 'reasoning', text: 'Why?' },
    ]);
  });

  it('reports the error event', () => {
    expect(both('langserve', [['error', '{"status_code": 500, "message": "Internal Server Error"}']]).updates).to.deep.equal([
      { type: 'error', message: 'Internal Server Error' },
    ]);
  });

  it('does not take unnamed content chunks, which are the content format', () => {
    expect(run('auto', ['{"content":"Hi"}']).parser.format?.name).to.equal('content');
  });
});

describe('tgi format', () => {
  const token = (text: string, special = false, generated: string | null = null, finish?: string) =>
    JSON.stringify({
      index: 1,
      token: { id: 1, text, logprob: -0.1, special },
      generated_text: generated,
      details: finish ? { finish_reason: finish, generated_tokens: 2, seed: null } : null,
    });

  it('keeps the last token when generation stops at the length limit', () => {
    expect(both('tgi', [token('Hello'), token(' there', false, 'Hello there', 'length')]).updates).to.deep.equal([
      { type: 'text', text: 'Hello' },
      { type: 'text', text: ' there' },
      { type: 'done', reason: 'length' },
    ]);
  });

  it('skips special tokens and reports errors', () => {
    expect(run('tgi', [token('<|eot_id|>', true)]).updates).to.deep.equal([]);
    expect(
      both('tgi', ['{"error":"Request failed during generation: Server error: CUDA out of memory","error_type":"generation"}']).updates,
    ).to.deep.equal([{ type: 'error', message: 'Request failed during generation: Server error: CUDA out of memory' }]);
  });
});

describe('flowise format', () => {
  const ev = (event: string, data: unknown) => JSON.stringify({ event, data });

  it('reports the error event', () => {
    expect(both('flowise', [ev('start', ''), ev('error', '401 Unauthorized – check your API key'), ev('end', '[DONE]')]).updates).to.deep.equal([
      { type: 'error', message: '401 Unauthorized – check your API key' },
    ]);
  });

  it('reads thinking, called and used tools, and abort', () => {
    expect(
      run('flowise', [
        ev('thinking', 'Let me see.'),
        ev('calledTools', [{ name: 'calculator', input: { a: 1 } }]),
        ev('usedTools', [{ tool: 'calculator', toolInput: { a: 1 }, toolOutput: '2' }]),
        ev('agentFlowEvent', 'INPROGRESS'),
        ev('abort', '[DONE]'),
      ]).updates,
    ).to.deep.equal([
      { type: 'reasoning', text: 'Let me see.' },
      { type: 'tool', name: 'calculator', status: 'running' },
      { type: 'tool', name: 'calculator', status: 'done' },
      { type: 'done', reason: 'abort' },
    ]);
  });
});

describe('ollama format', () => {
  it('reads /api/generate lines and the length limit', () => {
    const { updates } = both(
      'ollama',
      [
        '{"model":"llama3.2","created_at":"2025-01-01T00:00:00Z","response":"The","done":false}',
        '{"model":"llama3.2","created_at":"2025-01-01T00:00:01Z","response":" sky","done":false}',
        '{"model":"llama3.2","created_at":"2025-01-01T00:00:02Z","response":"","done":true,"done_reason":"length","context":[1,2,3]}',
      ],
      'lines',
    );
    expect(updates).to.deep.equal([{ type: 'text', text: 'The' }, { type: 'text', text: ' sky' }, { type: 'done', reason: 'length' }]);
  });

  it('shows tool calls, settled when the stream is done', () => {
    const { updates } = run(
      'ollama',
      [
        '{"model":"qwen3","created_at":"2025-01-01T00:00:00Z","message":{"role":"assistant","content":"","tool_calls":[{"function":{"name":"get_weather","arguments":{"city":"Paris"}}}]},"done":false}',
        '{"model":"qwen3","created_at":"2025-01-01T00:00:01Z","message":{"role":"assistant","content":""},"done_reason":"stop","done":true}',
      ],
      'lines',
    );
    expect(updates).to.deep.equal([
      { type: 'tool', name: 'get_weather', status: 'running' },
      { type: 'tool', name: 'get_weather', status: 'done' },
      { type: 'done', reason: 'stop' },
    ]);
  });

  it('reports an error line', () => {
    expect(both('ollama', ['{"error":"an error was encountered while running the model: unexpected EOF"}'], 'lines').updates).to.deep.equal([
      { type: 'error', message: 'an error was encountered while running the model: unexpected EOF' },
    ]);
  });
});

describe('n8n format', () => {
  const meta = (node: string) => `"metadata":{"nodeId":"${node}","nodeName":"${node}","itemIndex":0,"runIndex":0,"timestamp":1}`;

  it('joins several nodes’ runs with a paragraph break and never ends the stream itself', () => {
    const { parser, updates } = both(
      'n8n',
      [
        `{"type":"begin",${meta('a')}}`,
        `{"type":"item","content":"First.",${meta('a')}}`,
        `{"type":"end",${meta('a')}}`,
        `{"type":"begin",${meta('b')}}`,
        `{"type":"item","content":"Second.",${meta('b')}}`,
        `{"type":"end",${meta('b')}}`,
      ],
      'lines',
    );
    expect(updates).to.deep.equal([
      { type: 'text', text: 'First.' },
      { type: 'text', text: '\n\n' },
      { type: 'text', text: 'Second.' },
    ]);
    expect(parser.ended).to.equal(false);
    expect(parser.requiresTerminal).to.equal(false);
  });

  it('reports an error item', () => {
    expect(both('n8n', [`{"type":"error","content":"Workflow failed",${meta('a')}}`], 'lines').updates).to.deep.equal([
      { type: 'error', message: 'Workflow failed' },
    ]);
  });
});

describe('ai-data-stream format', () => {
  it('reports the error part', () => {
    expect(both('ai-data-stream', ['f:{"messageId":"m"}', '3:"An error occurred."'], 'lines').updates).to.deep.equal([
      { type: 'error', message: 'An error occurred.' },
    ]);
  });

  it('reads a finish message with its reason and ignores data, annotations and step finishes', () => {
    const { updates } = run(
      'ai-data-stream',
      ['2:[{"progress":0.5}]', '8:[{"id":"m"}]', '0:"Hi"', 'e:{"finishReason":"length","isContinued":false}', 'd:{"finishReason":"length"}'],
      'lines',
    );
    expect(updates).to.deep.equal([{ type: 'text', text: 'Hi' }, { type: 'done', reason: 'length' }]);
  });

  it('does not take lines that only look like parts', () => {
    const { parser, updates } = run('auto', ['0:not json', 'z:"no such code"'], 'lines');
    expect(updates).to.deep.equal([]);
    expect(parser.format).to.equal(undefined);
    expect(warnings).to.have.length(1);
  });
});
