// The text wire format (src/protocols/formats/text.ts).
import { expect } from '@open-wc/testing';
import { textChunks } from '../../../src/protocols/index.js';
import { adapt } from '../format-support.js';

describe('text format', () => {
  it('maps text chunks and has no terminal event', () => {
    expect(adapt(textChunks, '{"text":"Hel"}')).to.deep.equal({ detected: true, updates: [{ type: 'text', text: 'Hel' }] });
    expect(adapt(textChunks, '{"text":""}')).to.deep.equal({ detected: true, updates: [] });
    expect(adapt(textChunks, '{"text":3}').detected).to.equal(false);
    expect(textChunks.name).to.equal('text');
    expect(textChunks.requiresTerminal).to.equal(false);
  });
});
