// The flowise wire format (src/protocols/formats/flowise.ts).
import { expect } from '@open-wc/testing';
import { captureWarnings } from '../../support.js';
import { run, both } from '../format-support.js';

captureWarnings();

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
