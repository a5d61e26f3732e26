// The tgi wire format (src/protocols/formats/tgi.ts).
import { expect } from '@open-wc/testing';
import { captureWarnings } from '../../support.js';
import { run, both } from '../format-support.js';

captureWarnings();

describe('tgi format', () => {
  const token = (text: string, special = false, generated: string | null = null, finish?: string) =>
    JSON.stringify({
      index: 1,
      token: { id: 1, text, logprob: -0.1, special },
      generated_text: generated,
      details: finish ? { finish_reason: finish, generated_tokens: 2, seed: null } : null,
    });

  it('keeps the last token when generation stops at the length limit', () => {
    expect(both('tgi', [token('Hello'), token(' there', false, 'Hello there', 'length')]).updates).to.deep.equal([
      { type: 'text', text: 'Hello' },
      { type: 'text', text: ' there' },
      { type: 'done', reason: 'length' },
    ]);
  });

  it('skips special tokens and reports errors', () => {
    expect(run('tgi', [token('<|eot_id|>', true)]).updates).to.deep.equal([]);
    expect(
      both('tgi', ['{"error":"Request failed during generation: Server error: CUDA out of memory","error_type":"generation"}']).updates,
    ).to.deep.equal([{ type: 'error', message: 'Request failed during generation: Server error: CUDA out of memory' }]);
  });
});
