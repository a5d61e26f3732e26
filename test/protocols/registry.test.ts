// The registry of wire formats: names, what a response's headers and framing leave, the `[DONE]`
// sentinel and the one sentence of a server error without words.
import { expect } from '@open-wc/testing';
import { isDoneMarker } from '../../src/protocols/done-marker.js';
import { formatInHeaders } from '../../src/protocols/headers.js';
import { announced, candidatesFor, formatNamed, formatNames, wireFormats } from '../../src/protocols/registry.js';
import { error, SERVER_ERROR_SENTENCE } from '../../src/protocols/updates.js';

describe('format registry', () => {
  it('names every format once, auto first, and finds each by its name', () => {
    expect(formatNames[0]).to.equal('auto');
    expect(new Set(formatNames).size).to.equal(formatNames.length);
    for (const format of wireFormats) expect(formatNamed(format.name)).to.equal(format);
    expect(formatNamed('auto')).to.equal(undefined);
    expect(formatNamed('nope')).to.equal(undefined);
    expect(formatNames).to.include.members(['openai', 'content', 'text', 'plain-text', 'ai-sdk']);
  });

  it('keeps each format in formats/, in a file named as users type it', async () => {
    for (const name of formatNames.filter((n) => n !== 'auto')) {
      // The source file itself (a computed specifier is not mapped from .js to .ts by the test server).
      const module = (await import(`../../src/protocols/formats/${name}.ts`)) as Record<string, { name?: string }>;
      expect(Object.values(module).map((value) => value.name), name).to.include(name);
      expect(Object.values(module).some((value) => value === formatNamed(name)), name).to.be.true;
    }
  });

  it('reads the format a response names in its headers, and nothing else', () => {
    expect(formatInHeaders(new Headers({ 'x-vercel-ai-ui-message-stream': 'v1' }))).to.equal('ai-sdk');
    expect(formatInHeaders(new Headers({ 'x-vercel-ai-data-stream': ' v1 ' }))).to.equal('ai-data-stream');
    expect(formatInHeaders(new Headers({ 'x-vercel-ai-data-stream': 'v2' }))).to.equal(undefined);
    expect(formatInHeaders(undefined)).to.equal(undefined);
    expect(announced('sse', new Headers({ 'x-vercel-ai-ui-message-stream': 'v1' }))?.name).to.equal('ai-sdk');
    expect(announced('lines', new Headers({ 'x-vercel-ai-data-stream': 'v1' }))?.name).to.equal('ai-data-stream');
    expect(announced('text', new Headers())?.name).to.equal('plain-text');
    expect(announced('sse', new Headers())).to.equal(undefined);
  });

  it('tries the formats of the framing, and for lines the SSE JSON formats after them', () => {
    const sse = candidatesFor('sse');
    expect(sse.every((f) => (f.framing ?? 'sse') === 'sse')).to.be.true;
    expect(candidatesFor('text').map((f) => f.name)).to.deep.equal(['plain-text']);
    const lines = candidatesFor('lines').map((f) => f.name);
    expect(lines.slice(-sse.length)).to.deep.equal(sse.map((f) => f.name));
    expect(lines).to.include('ai-data-stream');
  });

  it('knows the [DONE] sentinel and the sentence of an error without words', () => {
    expect(isDoneMarker({ data: ' [DONE]\n' })).to.be.true;
    expect(isDoneMarker({ data: '"[DONE]"' })).to.be.false;
    expect(error(undefined)).to.deep.equal({ type: 'error', message: SERVER_ERROR_SENTENCE });
    expect(error('')).to.deep.equal({ type: 'error', message: 'The server reported an error.' });
    expect(error('Quota exceeded')).to.deep.equal({ type: 'error', message: 'Quota exceeded' });
  });
});
