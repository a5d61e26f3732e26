// Cutting a long question into pieces that read exactly as the whole text.
import { expect, fixture, html } from '@open-wc/testing';
import { PIECE_CHARS, textPieces } from '../src/long-text.js';
import '../src/define.js';
import type { StreamChat } from '../src/stream-chat.js';

describe('textPieces', () => {
  it('leaves a short text whole', () => {
    expect(textPieces('a\nb')).to.deep.equal(['a\nb']);
    expect(textPieces('x'.repeat(PIECE_CHARS))).to.have.length(1);
  });

  it('cuts a long text at line ends, into pieces of at least the size, losing nothing', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `line ${i} ${'w'.repeat(i % 37)}`);
    const text = lines.join('\n');
    const pieces = textPieces(text, 1000);
    expect(pieces.join('')).to.equal(text);
    for (const piece of pieces.slice(0, -1)) {
      expect(piece.endsWith('\n')).to.be.true;
      expect(piece.length).to.be.at.least(1000);
    }
  });

  it('keeps a line longer than a piece whole', () => {
    const text = `${'a'.repeat(5000)}\n${'b'.repeat(10)}\n${'c'.repeat(3000)}`;
    expect(textPieces(text, 1000)).to.deep.equal([`${'a'.repeat(5000)}\n`, `${'b'.repeat(10)}\n${'c'.repeat(3000)}`]);
  });
});

describe('a long question', () => {
  it('is shown whole, in pieces', async () => {
    const content = Array.from({ length: 3000 }, (_, i) => `question line ${i}`).join('\n');
    const el = await fixture<StreamChat>(html`<stream-chat></stream-chat>`);
    el.messages = [{ id: 'q', role: 'user', content, status: 'complete' }];
    await el.updateComplete;
    const bubble = el.shadowRoot!.querySelector('.message.user .bubble')!;
    expect(bubble.textContent).to.equal(content);
    const pieces = bubble.querySelectorAll('.part').length;
    expect(pieces).to.equal(textPieces(content).length);
    expect(pieces).to.be.greaterThan(1);
  });
});
