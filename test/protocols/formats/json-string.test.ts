// The json-string wire format (src/protocols/formats/json-string.ts).
import { expect } from '@open-wc/testing';
import { jsonString } from '../../../src/protocols/index.js';
import { adapt } from '../format-support.js';

describe('json-string format', () => {
  it('maps JSON strings, keeping escaped newlines', () => {
    expect(adapt(jsonString, '"Hello,\\nworld"')).to.deep.equal({
      detected: true,
      updates: [{ type: 'text', text: 'Hello,\nworld' }],
    });
    expect(adapt(jsonString, '""')).to.deep.equal({ detected: true, updates: [] });
    expect(adapt(jsonString, '{"text":"x"}').detected).to.equal(false);
    expect(adapt(jsonString, '42').detected).to.equal(false);
    expect(jsonString.name).to.equal('json-string');
    expect(jsonString.requiresTerminal).to.equal(false);
  });
});
