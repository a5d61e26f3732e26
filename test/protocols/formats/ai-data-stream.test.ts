// The ai-data-stream wire format (src/protocols/formats/ai-data-stream.ts).
import { expect } from '@open-wc/testing';
import { captureWarnings } from '../../support.js';
import { run, both } from '../format-support.js';

const warnings = captureWarnings();

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
