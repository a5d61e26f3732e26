// The default strings that are functions of a count.
import { expect } from '@open-wc/testing';
import { defaultLabels } from '../src/labels.js';

describe('defaultLabels', () => {
  it('groups the digits of a summary\'s counts as English does', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 999_999, 1_000_000, 1_234_567_890]) {
      expect(defaultLabels.answerSummary({ words: n, codeBlocks: 0 })).to.equal(`Answer ready, ${n.toLocaleString('en')} ${n === 1 ? 'word' : 'words'}.`);
    }
    expect(defaultLabels.answerSummary({ words: 1, codeBlocks: 1234 })).to.equal('Answer ready, 1 word, 1,234 code blocks.');
  });
});
