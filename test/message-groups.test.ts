// Earlier messages in groups (message-groups.ts): stable for as long as a message is shown,
// contiguous, the latest messages loose after them; in the element, groups skip rendering
// off-screen and the answer being streamed stays the log's last child.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import type { ChatMessage } from '../src/conversation/message.js';
import { GROUP_SIZE, LOOSE_MAX, MessageGroups, type SplitMessages } from '../src/message-groups.js';
import type { StreamChat } from '../src/stream-chat.js';
import { until } from './support.js';

const message = (id: string, role: ChatMessage['role'] = 'user'): ChatMessage => ({ id, role, content: id, status: 'complete' });
const many = (count: number, from = 0) => Array.from({ length: count }, (_, i) => message(`m${from + i}`));
const sizes = (split: SplitMessages) => split.groups.map((g) => g.messages.length);
const keyOf = (split: SplitMessages, id: string) => split.groups.find((g) => g.messages.some((m) => m.id === id))?.key;
const inOrder = (split: SplitMessages) => [...split.groups.flatMap((g) => g.messages), ...split.loose];

describe('MessageGroups', () => {
  it('leaves a conversation shorter than LOOSE_MAX loose', () => {
    const split = new MessageGroups().split(many(LOOSE_MAX - 1));
    expect(split.groups).to.deep.equal([]);
    expect(split.loose.length).to.equal(LOOSE_MAX - 1);
  });

  it('closes a long conversation into full groups, keeping between GROUP_SIZE and LOOSE_MAX latest messages loose, in order', () => {
    const messages = many(500);
    const split = new MessageGroups().split(messages);
    expect(sizes(split).every((n) => n === GROUP_SIZE)).to.be.true;
    expect(split.loose.length).to.be.within(GROUP_SIZE, LOOSE_MAX - 1);
    expect(split.loose.at(-1)).to.equal(messages.at(-1));
    expect(inOrder(split)).to.deep.equal(messages);
    expect(new Set(split.groups.map((g) => g.key)).size, 'keys unique').to.equal(split.groups.length);
  });

  it('keeps every grouped message in its group as the conversation grows, and closes the oldest loose ones when they reach LOOSE_MAX', () => {
    const groups = new MessageGroups();
    let messages = many(LOOSE_MAX - 1);
    expect(groups.split(messages).groups).to.deep.equal([]);
    messages = [...messages, message('m-next')];
    const first = groups.split(messages);
    expect(sizes(first)).to.deep.equal([GROUP_SIZE]);
    expect(first.groups[0].messages).to.deep.equal(messages.slice(0, GROUP_SIZE));
    expect(first.loose).to.deep.equal(messages.slice(GROUP_SIZE));
    for (let i = 0; i < LOOSE_MAX; i++) {
      messages = [...messages, message(`later${i}`)];
      const next = groups.split(messages);
      expect(next.groups[0].key).to.equal(first.groups[0].key);
      // Unchanged, the same array: the element's guard skips the group.
      expect(next.groups[0].messages, 'the same array while unchanged').to.equal(first.groups[0].messages);
      expect(inOrder(next)).to.deep.equal(messages);
    }
    expect(sizes(groups.split(messages))).to.deep.equal([GROUP_SIZE, GROUP_SIZE, GROUP_SIZE]);
  });

  it('keeps the neighbours of a replaced or removed grouped message where they were', () => {
    const groups = new MessageGroups();
    const messages = many(3 * GROUP_SIZE);
    const before = groups.split(messages);
    expect(sizes(before)).to.deep.equal([GROUP_SIZE, GROUP_SIZE]);
    // A new message in place of one in the middle of the first group joins that group.
    const replaced = messages.slice();
    replaced[5] = message('new');
    const after = groups.split(replaced);
    for (const m of replaced) if (m.id !== 'new') expect(keyOf(after, m.id), m.id).to.equal(keyOf(before, m.id));
    expect(keyOf(after, 'new')).to.equal(before.groups[0].key);
    expect(inOrder(after)).to.deep.equal(replaced);
    // Removed: the rest stay, and the removed one is forgotten (shown again, it is loose).
    const removed = groups.split(replaced.filter((m) => m.id !== 'm20'));
    expect(keyOf(removed, 'm21')).to.equal(before.groups[1].key);
    expect(groups.split([message('m20')])).to.deep.equal({ groups: [], loose: [message('m20')] });
  });

  it('never splits a group in two nor puts a group after a loose message, whatever order the messages come back in', () => {
    const groups = new MessageGroups();
    const messages = many(3 * GROUP_SIZE);
    groups.split(messages);
    const shuffled = [messages[0], messages[GROUP_SIZE], messages[1], ...messages.slice(2, GROUP_SIZE), ...messages.slice(GROUP_SIZE + 1)].reverse();
    const split = groups.split(shuffled);
    expect(inOrder(split)).to.deep.equal(shuffled);
    expect(new Set(split.groups.map((g) => g.key)).size, 'keys unique').to.equal(split.groups.length);
  });
});

describe('message groups in the element', () => {
  it('groups earlier messages, which skip rendering off-screen, keeps the latest as the log\'s children and each element as messages are added', async () => {
    const el = await fixture<StreamChat>(html`<stream-chat style="height: 480px"></stream-chat>`);
    const total = LOOSE_MAX + 4;
    el.messages = many(total);
    const root = el.shadowRoot!;
    await until(() => root.querySelectorAll('.message').length === total, 'the messages');
    const groups = () => Array.from(root.querySelectorAll<HTMLElement>('.messages > .group'));
    expect(groups().map((g) => g.querySelectorAll(':scope > .message').length)).to.deep.equal([GROUP_SIZE]);
    expect(getComputedStyle(groups()[0]).contentVisibility).to.equal('auto');
    const loose = () => Array.from(root.querySelectorAll<HTMLElement>('.messages > .message'));
    expect(loose().length).to.equal(total - GROUP_SIZE);
    expect(loose().map((m) => getComputedStyle(m).contentVisibility).slice(-3)).to.deep.equal(['auto', 'visible', 'visible']);
    expect(root.querySelector('.messages')!.lastElementChild!.textContent).to.contain(`m${total - 1}`);
    // No message inside a group skips rendering on its own: only the group does.
    expect(Array.from(groups()[0].children).every((m) => getComputedStyle(m).contentVisibility === 'visible')).to.be.true;

    const grouped = root.querySelector('.group .message');
    const latest = loose().at(-1);
    el.messages = [...el.messages, message('next')];
    await until(() => root.querySelectorAll('.message').length === total + 1, 'the new message');
    expect(root.querySelector('.group .message'), 'a grouped message element stays').to.equal(grouped);
    expect(loose().at(-2), 'a loose message element stays').to.equal(latest);

    // The gap between two messages is the same across a group's edge as within a group and among the loose ones.
    const messages = Array.from(root.querySelectorAll('.message'));
    const gap = (i: number) => messages[i + 1].getBoundingClientRect().top - messages[i].getBoundingClientRect().bottom;
    // The group's end on screen: it is rendered (content-visibility) from the next frame on.
    groups()[0].scrollIntoView({ block: 'end' });
    await until(() => messages[GROUP_SIZE - 1].checkVisibility({ contentVisibilityAuto: true }), 'the group rendered');
    expect(gap(GROUP_SIZE - 1)).to.be.closeTo(gap(GROUP_SIZE - 2), 0.5);
    expect(gap(GROUP_SIZE - 1)).to.be.closeTo(gap(GROUP_SIZE), 0.5);
    expect(gap(GROUP_SIZE)).to.be.greaterThan(0);
  });

  it('moves a finished answer into its group as it was rendered, not rendered again', async () => {
    const el = await fixture<StreamChat>(html`<stream-chat style="height: 480px"></stream-chat>`);
    const root = el.shadowRoot!;
    const answer = (i: number): ChatMessage => ({ id: `a${i}`, role: 'assistant', content: `**Answer ${i}**\n\n- one\n- two`, status: 'complete' });
    const pair = (i: number) => [message(`q${i}`), answer(i)];
    el.messages = Array.from({ length: LOOSE_MAX / 2 - 1 }, (_, i) => pair(i)).flat();
    await until(() => root.querySelectorAll('.markdown strong').length === LOOSE_MAX / 2 - 1, 'the answers rendered');
    expect(root.querySelector('.group')).to.equal(null);
    const first = root.querySelector('[data-id="a0"] .markdown strong');
    const rendered = root.querySelector('[data-id="a0"] .markdown')!.innerHTML;
    el.messages = [...el.messages, ...pair(LOOSE_MAX)];
    await until(() => root.querySelector('.group [data-id="a0"]') !== null, 'the oldest messages grouped');
    // At once, in the same update: the moved answer is never empty, nor shown as text to render again.
    expect(root.querySelector('.group [data-id="a0"] .markdown strong'), 'the same rendered element').to.equal(first);
    expect(root.querySelector('.group [data-id="a0"] .markdown')!.innerHTML).to.equal(rendered);
    expect(root.querySelectorAll('.markdown strong').length).to.equal(LOOSE_MAX / 2);
  });

  it('never hands a rendered answer to another element showing a message of the same id', async () => {
    const messages: ChatMessage[] = [message('q'), { id: 'a', role: 'assistant', content: '**Kept**', status: 'complete' }];
    const first = await fixture<StreamChat>(html`<stream-chat></stream-chat>`);
    first.messages = messages;
    await until(() => first.shadowRoot!.querySelector('[data-id="a"] .markdown strong') !== null, 'the first answer rendered');
    const rendered = first.shadowRoot!.querySelector('[data-id="a"] .markdown strong');
    first.remove();
    const second = await fixture<StreamChat>(html`<stream-chat></stream-chat>`);
    second.messages = messages;
    await until(() => second.shadowRoot!.querySelector('[data-id="a"] .markdown strong') !== null, 'the second answer rendered');
    expect(second.shadowRoot!.querySelector('[data-id="a"] .markdown strong')).not.to.equal(rendered);
    expect(first.shadowRoot!.querySelector('[data-id="a"] .markdown strong'), 'the first keeps its own').to.equal(rendered);
  });
});
