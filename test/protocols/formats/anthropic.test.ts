// The anthropic wire format (src/protocols/formats/anthropic.ts).
import { expect } from '@open-wc/testing';
import { captureWarnings } from '../../support.js';
import { run, both, type Message } from '../format-support.js';

const warnings = captureWarnings();

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
