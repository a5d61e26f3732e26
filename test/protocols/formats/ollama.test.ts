// The ollama wire format (src/protocols/formats/ollama.ts).
import { expect } from '@open-wc/testing';
import { captureWarnings } from '../../support.js';
import { run, both } from '../format-support.js';

captureWarnings();

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
