// The n8n wire format (src/protocols/formats/n8n.ts).
import { expect } from '@open-wc/testing';
import { captureWarnings } from '../../support.js';
import { both } from '../format-support.js';

captureWarnings();

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
