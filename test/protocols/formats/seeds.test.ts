// The seeds wire format (src/protocols/formats/seeds.ts).
import { expect } from '@open-wc/testing';
import { seeds, type StreamUpdate } from '../../../src/protocols/index.js';
import { adapt } from '../format-support.js';

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
