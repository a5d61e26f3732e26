// The openai-responses wire format (src/protocols/formats/openai-responses.ts).
import { expect } from '@open-wc/testing';
import { captureWarnings } from '../../support.js';
import { run, both, type Message } from '../format-support.js';

captureWarnings();

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
