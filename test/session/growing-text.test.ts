// The streaming answer's text kept in the pieces it arrived in: every slice equals the same slice
// of the joined string, whatever the pieces and the bounds.
import { expect } from '@open-wc/testing';
import { GrowingText } from '../../src/session/growing-text.js';
import { seededRandom } from '../support.js';

describe('GrowingText', () => {
  it('reads any slice as the joined string would, as events of any size arrive', () => {
    const next = seededRandom(11);
    const text = new GrowingText();
    let joined = '';
    for (let i = 0; i < 400; i++) {
      // Token-sized events mostly, now and then one larger than a piece, and empty ones.
      const size = next() < 0.05 ? Math.floor(next() * 20_000) : Math.floor(next() * 12);
      const event = Array.from({ length: size }, (_, j) => (j % 97 === 0 ? '😀' : String.fromCharCode(97 + ((i + j) % 26)))).join('');
      text.append(event);
      joined += event;
      expect(text.length).to.equal(joined.length);
      for (let k = 0; k < 3; k++) {
        const start = Math.floor(next() * (joined.length + 2));
        const end = start + Math.floor(next() * 9000);
        expect(text.slice(start, end), `slice(${start}, ${end}) after event ${i}`).to.equal(joined.slice(start, end));
      }
      expect(text.slice(Math.max(0, joined.length - 32))).to.equal(joined.slice(-32));
    }
    expect(text.slice()).to.equal(joined);
    expect(String(text)).to.equal(joined);
    expect(text.slice(5, 2), 'an end before the start is empty').to.equal('');
    expect(text.slice(joined.length + 10)).to.equal('');
  });

  it('is empty until something is appended', () => {
    const text = new GrowingText();
    text.append('');
    expect(text.length).to.equal(0);
    expect(text.slice(0, 10)).to.equal('');
    text.append('a');
    expect(text.slice(0)).to.equal('a');
  });
});
