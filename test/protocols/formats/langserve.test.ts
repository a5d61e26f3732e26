// The langserve wire format (src/protocols/formats/langserve.ts).
import { expect } from '@open-wc/testing';
import { captureWarnings } from '../../support.js';
import { run, both } from '../format-support.js';

captureWarnings();

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
