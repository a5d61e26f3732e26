// End-to-end against a real Vercel AI SDK producer: `streamText` with the SDK's mock model, served
// by test/server/ai-sdk-producer.mjs through `toUIMessageStreamResponse()` and
// `toTextStreamResponse()`. The expected answer comes from the same module, so these tests check
// the element against the SDK's actual bytes, not against our reading of its docs.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { StreamChat } from '../../src/stream-chat.js';
import { lastAnswer, shadow, until } from '../helpers.js';

interface Expected {
  text: string;
  reasoning: string;
  toolName: string;
  sourceUrl: string;
}

async function expectedAnswer(): Promise<Expected> {
  const response = await fetch('/ai-sdk/expected');
  return response.json();
}

async function answerFrom(endpoint: string) {
  const el = await fixture<StreamChat>(html`<stream-chat endpoint=${endpoint} style="height: 480px"></stream-chat>`);
  await el.send('hi');
  await el.updateComplete;
  return el;
}

describe('<stream-chat> against the AI SDK UI message stream (toUIMessageStreamResponse)', () => {
  let expected: Expected;
  before(async () => {
    expected = await expectedAnswer();
  });

  it('streams the answer text exactly and completes', async () => {
    const el = await answerFrom('/ai-sdk/ui');
    const answer = el.messages[1];
    expect(answer.error, JSON.stringify(answer.error)).to.equal(undefined);
    expect(answer.status).to.equal('complete');
    expect(answer.content).to.equal(expected.text);
  });

  it('keeps the reasoning apart from the answer and shows it', async () => {
    const el = await answerFrom('/ai-sdk/ui');
    const answer = el.messages[1];
    expect(answer.reasoning).to.equal(expected.reasoning);
    expect(answer.content).not.to.contain(expected.reasoning);
    const section = shadow(el).querySelector('.assistant .reasoning');
    expect(section, 'a .reasoning section in the answer').to.exist;
    expect(section!.textContent).to.contain(expected.reasoning);
  });

  it('shows the tool call as a badge that ends done', async () => {
    const el = await answerFrom('/ai-sdk/ui');
    const tools = el.messages[1].tools ?? [];
    expect(tools.map((t) => ({ name: t.name, status: t.status }))).to.deep.include({ name: expected.toolName, status: 'done' });
    const badge = shadow(el).querySelector<HTMLElement>('.assistant [part~="tool-badge"]');
    expect(badge, 'a tool badge').to.exist;
    expect(badge!.textContent).to.contain(expected.toolName);
    expect(badge!.dataset.status).to.equal('done');
  });

  it('records the cited source', async () => {
    const el = await answerFrom('/ai-sdk/ui');
    expect((el.messages[1].sources ?? []).map((s) => s.url)).to.include(expected.sourceUrl);
  });

  it('renders the markdown (bold, list, code) and is accessible', async () => {
    const el = await answerFrom('/ai-sdk/ui');
    await until(() => lastAnswer(el)?.querySelector('pre code')?.textContent?.includes('net = gross - fees'), 'the rendered code block');
    const answer = lastAnswer(el);
    expect(answer.querySelector('strong')!.textContent).to.equal('fees');
    expect(answer.querySelectorAll('li').length).to.equal(2);
    expect(answer.querySelector('pre code')!.textContent).to.contain('net = gross - fees');
    await expect(el).to.be.accessible();
  });
});

describe('<stream-chat> against the AI SDK text stream (toTextStreamResponse)', () => {
  let expected: Expected;
  before(async () => {
    expected = await expectedAnswer();
  });

  it('reads a text/plain body as the answer (format auto)', async () => {
    const el = await answerFrom('/ai-sdk/text');
    const answer = el.messages[1];
    expect(answer.error, JSON.stringify(answer.error)).to.equal(undefined);
    expect(answer.status).to.equal('complete');
    expect(answer.content).to.equal(expected.text);
    expect(answer.reasoning ?? '').to.equal('');
    expect(answer.tools ?? []).to.deep.equal([]);
  });
});
