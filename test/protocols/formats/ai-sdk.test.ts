// The ai-sdk wire format (src/protocols/formats/ai-sdk.ts).
import { expect } from '@open-wc/testing';
import { captureWarnings } from '../../support.js';
import { run, both } from '../format-support.js';

captureWarnings();

describe('ai-sdk format', () => {
  const part = (json: Record<string, unknown>) => JSON.stringify(json);

  it('reports the error part', () => {
    expect(both('ai-sdk', [part({ type: 'start' }), part({ type: 'error', errorText: 'Rate limit exceeded' })]).updates).to.deep.equal([
      { type: 'error', message: 'Rate limit exceeded' },
    ]);
  });

  it('ends on abort with the reason abort, and on finish with its reason', () => {
    expect(run('ai-sdk', [part({ type: 'text-delta', id: 't', delta: 'Par' }), part({ type: 'abort' })]).updates).to.deep.equal([
      { type: 'text', text: 'Par' },
      { type: 'done', reason: 'abort' },
    ]);
    expect(run('ai-sdk', [part({ type: 'finish', finishReason: 'length' }), '[DONE]']).updates).to.deep.equal([{ type: 'done', reason: 'length' }]);
    expect(run('ai-sdk', [part({ type: 'finish', finishReason: 'content-filter' })]).updates).to.deep.equal([
      { type: 'done', reason: 'content_filter' },
    ]);
    expect(run('ai-sdk', [part({ type: 'finish' })]).updates).to.deep.equal([{ type: 'done' }]);
  });

  it('follows tool calls by id: errors, outputs the client must supply, and preliminary outputs', () => {
    const { updates } = both('ai-sdk', [
      part({ type: 'tool-input-available', toolCallId: 'a', toolName: 'lookup', input: {} }),
      part({ type: 'tool-output-available', toolCallId: 'a', output: { partial: true }, preliminary: true }),
      part({ type: 'tool-output-error', toolCallId: 'a', errorText: 'timeout' }),
      part({ type: 'tool-input-start', toolCallId: 'b', toolName: 'confirm' }),
      part({ type: 'tool-input-available', toolCallId: 'b', toolName: 'confirm', input: {} }),
      part({ type: 'data-weather', data: { city: 'Paris' } }),
      part({ type: 'source-document', sourceId: 'd', mediaType: 'application/pdf', title: 'Spec' }),
      part({ type: 'finish', finishReason: 'tool-calls' }),
    ]);
    expect(updates).to.deep.equal([
      { type: 'tool', name: 'lookup', id: 'a', status: 'running' },
      { type: 'tool', name: 'lookup', id: 'a', status: 'error' },
      { type: 'tool', name: 'confirm', id: 'b', status: 'running' },
      // A tool left for the client to run is settled when the answer ends.
      { type: 'tool', name: 'confirm', id: 'b', status: 'done' },
      { type: 'done', reason: 'tool_calls' },
    ]);
  });

  it('separates text written before and after a tool call', () => {
    const { updates } = run('ai-sdk', [
      part({ type: 'text-delta', id: '1', delta: 'Let me check.' }),
      part({ type: 'tool-input-start', toolCallId: 'a', toolName: 'lookup' }),
      part({ type: 'tool-output-available', toolCallId: 'a', output: 1 }),
      part({ type: 'text-delta', id: '2', delta: 'Found it.' }),
    ]);
    expect(updates.filter((u) => u.type === 'text').map((u) => (u as { text: string }).text).join('')).to.equal('Let me check.\n\nFound it.');
  });
});
