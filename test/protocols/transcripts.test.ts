// Every backend's recorded answer, replayed through the parser the way the transport delivers it.
import { expect } from '@open-wc/testing';
import { captureWarnings } from '../support.js';
import { StreamParser, wireFormats } from '../../src/protocols/index.js';
import { transcripts } from '../transcripts/index.js';
import { replay } from '../transcripts/replay.js';

describe('transcripts', () => {
  const warnings = captureWarnings();

  it('covers every wire format', () => {
    const covered = new Set(Object.values(transcripts).map((t) => t.format));
    expect([...covered].sort()).to.deep.equal(wireFormats.map((f) => f.name).sort());
  });

  for (const [name, transcript] of Object.entries(transcripts)) {
    describe(name, () => {
      it(`is recognized as ${transcript.format} and read exactly`, () => {
        const { parser, answer } = replay(transcript);
        expect(parser.format?.name).to.equal(transcript.format);
        expect(answer).to.deep.equal(transcript.expected);
        expect(warnings, JSON.stringify(warnings)).to.deep.equal([]);
      });

      it('ends on its terminal event, or leaves the end to the connection', () => {
        const { parser, updates } = replay(transcript);
        const format = wireFormats.find((f) => f.name === transcript.format)!;
        expect(parser.requiresTerminal).to.equal(format.requiresTerminal);
        expect(parser.ended).to.equal(format.requiresTerminal);
        expect(updates.filter((u) => u.type === 'done')).to.have.length(format.requiresTerminal ? 1 : 0);
        expect(updates.filter((u) => u.type === 'error')).to.deep.equal([]);
      });

      it('reads the same when the format is forced', () => {
        const { parser, answer } = replay(transcript, { format: transcript.format });
        expect(parser.format?.name).to.equal(transcript.format);
        expect(answer).to.deep.equal(transcript.expected);
      });

      it('is not ended when cut off halfway', () => {
        const half = transcript.lines.slice(0, Math.ceil(transcript.lines.length / 2));
        const { parser } = replay(transcript, { lines: half });
        expect(parser.ended).to.equal(false);
      });
    });
  }

  it('hands a custom parseEvent the same messages, raw', () => {
    const seen: string[] = [];
    const { parser, answer } = replay(transcripts['plain-text'], {
      parseEvent: ({ data }) => {
        seen.push(data);
        return data.toUpperCase();
      },
    });
    expect(seen).to.deep.equal(transcripts['plain-text'].lines);
    expect(answer.text).to.equal(transcripts['plain-text'].expected.text.toUpperCase());
    expect(parser.format?.name).to.equal('custom');
    expect(parser.requiresTerminal).to.equal(false);
  });

  it('keeps parsers apart: a fresh parser has none of another stream’s state', () => {
    // The first parser saw Anthropic's tool block open; the second must not close a badge it never opened.
    const first = new StreamParser('anthropic');
    first.push({
      event: 'content_block_start',
      data: '{"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{}}}',
      id: '',
    });
    const second = new StreamParser('anthropic');
    expect(second.push({ event: 'content_block_stop', data: '{"type":"content_block_stop","index":1}', id: '' })).to.deep.equal([]);
    expect(first.push({ event: 'content_block_stop', data: '{"type":"content_block_stop","index":1}', id: '' })).to.deep.equal([
      { type: 'tool', name: 'get_weather', id: 'toolu_1', status: 'done' },
    ]);
  });
});
