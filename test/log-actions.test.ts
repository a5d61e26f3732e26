// What clicks in the log do, with a stand-in live region: copy an answer or a code block, say so,
// fire stream-chat-copy with the answer it came from; a placeholder click loads its image instead.
import { expect } from '@open-wc/testing';
import type { ChatMessage } from '../src/conversation/message.js';
import type { StreamChatCopyDetail } from '../src/events.js';
import { defaultLabels } from '../src/labels.js';
import type { LiveRegion } from '../src/live-region.js';
import { LogActions } from '../src/log-actions.js';
import { decorateCodeBlocks } from '../src/markdown/code-block/code-block.js';

function setUp(messages: ChatMessage[]) {
  const host = document.createElement('div');
  document.body.append(host);
  const said: string[] = [];
  const copies: StreamChatCopyDetail[] = [];
  host.addEventListener('stream-chat-copy', (event) => copies.push(event.detail));
  const live = { say: (text: string) => said.push(text) } as unknown as LiveRegion;
  const actions = new LogActions(host, live, () => ({ ...defaultLabels, copied: 'Done!' }), () => messages);
  return { host, said, copies, actions };
}

const answer: ChatMessage = { id: 'a-1', role: 'assistant', content: 'The **answer**', status: 'complete' };

describe('LogActions', () => {
  it("copies an answer's markdown, says so and fires stream-chat-copy with a snapshot", async () => {
    const { host, said, copies, actions } = setUp([answer]);
    try {
      await actions.copyAnswer(answer);
      expect(await navigator.clipboard.readText()).to.equal('The **answer**');
      expect(said).to.deep.equal(['Done!']);
      expect(copies).to.have.length(1);
      expect(copies[0]).to.deep.include({ text: 'The **answer**', source: 'answer' });
      expect(copies[0].message).to.deep.equal(answer);
      expect(copies[0].message).to.not.equal(answer);
    } finally {
      host.remove();
    }
  });

  it('copies a code block from a click on its button, naming the answer it is in', async () => {
    const { host, said, copies, actions } = setUp([answer]);
    try {
      const message = document.createElement('div');
      message.dataset.id = 'a-1';
      message.innerHTML = '<pre><code>ls -la</code></pre>';
      decorateCodeBlocks(message, false);
      host.append(message);
      await actions.handleClick({ target: message.querySelector('.copy-button') } as unknown as MouseEvent);
      expect(said).to.deep.equal(['Done!']);
      expect(copies.map((c) => [c.text, c.source, c.message.id])).to.deep.equal([['ls -la', 'code', 'a-1']]);
      // A block outside any known answer is still copied and said, with no event to name it in.
      message.dataset.id = 'gone';
      await actions.handleClick({ target: message.querySelector('.copy-button') } as unknown as MouseEvent);
      expect(said).to.deep.equal(['Done!', 'Done!']);
      expect(copies).to.have.length(1);
    } finally {
      host.remove();
    }
  });

  it('loads an image on a plain click on its placeholder, and ignores other clicks', async () => {
    const { host, said, copies, actions } = setUp([answer]);
    try {
      host.innerHTML = '<a class="image-placeholder" href="https://img.example/a.png" data-src="https://img.example/a.png" data-alt="A">🖼 A</a><p>text</p>';
      const click = (target: Element) => ({ target, button: 0, preventDefault() {} }) as unknown as MouseEvent;
      await actions.handleClick(click(host.querySelector('p')!));
      expect(host.querySelector('a.image-placeholder')).to.exist;
      await actions.handleClick(click(host.querySelector('a')!));
      expect(host.querySelector('a.image-placeholder')).to.equal(null);
      expect(host.querySelector('img')!.getAttribute('src')).to.equal('https://img.example/a.png');
      expect(said).to.deep.equal([]);
      expect(copies).to.deep.equal([]);
    } finally {
      host.remove();
    }
  });
});
