// The styling contract: every `--stream-chat-*` custom property and every part the class JSDoc
// documents (custom-elements.json is generated from it) does something. A knob counts as read when
// a real declaration (not a custom property) uses it, directly or through the private `--_*`
// properties it feeds; a part counts when an element carries it in one of the states rendered here.
import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse, setViewport } from '@web/test-runner-commands';
import type { ChatMessage } from '../../src/conversation/message.js';
import '../../src/define.js';
import type { StreamChat } from '../../src/stream-chat.js';
import { shadow, until } from '../helpers.js';

interface Manifest {
  modules: { declarations?: { tagName?: string; cssProperties?: { name: string }[]; cssParts?: { name: string }[] }[] }[];
}

async function documented(): Promise<{ properties: string[]; parts: string[] }> {
  const manifest = (await (await fetch('/custom-elements.json')).json()) as Manifest;
  const chat = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'stream-chat')!;
  return { properties: chat.cssProperties!.map((p) => p.name), parts: chat.cssParts!.map((p) => p.name) };
}

/** Every style declaration in the element's shadow root, @media blocks included. */
function declarations(root: ShadowRoot): { name: string; value: string }[] {
  const found: { name: string; value: string }[] = [];
  const walk = (rules: CSSRuleList) => {
    for (const rule of Array.from(rules)) {
      if (rule instanceof CSSStyleRule) {
        // The serialization, not the longhands: a shorthand that uses var() (\`background: var(--x)\`)
        // has no longhand values until computed.
        for (const declaration of rule.style.cssText.split(';')) {
          const colon = declaration.indexOf(':');
          if (colon > 0) found.push({ name: declaration.slice(0, colon).trim(), value: declaration.slice(colon + 1).trim() });
        }
      }
      if ('cssRules' in rule && (rule as CSSGroupingRule).cssRules) walk((rule as CSSGroupingRule).cssRules);
    }
  };
  for (const sheet of root.adoptedStyleSheets) walk(sheet.cssRules);
  for (const style of Array.from(root.querySelectorAll('style'))) walk(style.sheet!.cssRules);
  return found;
}

/** The custom properties some real declaration reads, following `--_x: var(--y)` chains back. */
function readProperties(all: { name: string; value: string }[]): Set<string> {
  const uses = (value: string) => Array.from(value.matchAll(/var\(\s*(--[\w-]+)/g), (m) => m[1]);
  const read = new Set<string>();
  const pending = all.filter((d) => !d.name.startsWith('--')).flatMap((d) => uses(d.value));
  while (pending.length) {
    const name = pending.pop()!;
    if (read.has(name)) continue;
    read.add(name);
    for (const d of all) if (d.name === name) pending.push(...uses(d.value));
  }
  return read;
}

const conversation: ChatMessage[] = [
  { id: 'q1', role: 'user', content: 'Show me', status: 'complete' },
  {
    id: 'a1',
    role: 'assistant',
    content: 'Here: ![chart](/exfil/styles-contract.png) [example.com](https://example.org/)\n\n```js\nconst x = 1;\n```',
    status: 'complete',
    reasoning: 'Thinking it over',
    tools: [{ name: 'search', status: 'done' }],
    sources: [{ url: 'https://example.com/', title: 'Example' }],
    stats: { duration: 1200, tokens: 40, timeToFirstToken: 300, tokensPerSecond: 40 },
  },
  { id: 'q2', role: 'user', content: 'And?', status: 'complete' },
  { id: 'a2', role: 'assistant', content: 'Partial', status: 'cancelled' },
  { id: 'q3', role: 'user', content: 'Again', status: 'complete' },
  { id: 'a3', role: 'assistant', content: '', status: 'error', error: { kind: 'network', message: 'Down' } },
  { id: 'q4', role: 'user', content: 'Last', status: 'complete' },
  { id: 'a4', role: 'assistant', content: 'Done', status: 'complete' },
];

describe('styling contract', () => {
  it('every documented --stream-chat-* property is read by some rule', async () => {
    const { properties } = await documented();
    expect(properties.length).to.be.greaterThan(30);
    const el = await fixture<StreamChat>(html`<stream-chat></stream-chat>`);
    const read = readProperties(declarations(shadow(el)));
    expect(properties.filter((p) => !read.has(p)), 'documented but read by no rule').to.deep.equal([]);
  });

  it('every documented part exists in a rendered state', async () => {
    const { parts } = await documented();
    const seen = new Set<string>();
    const collect = (el: StreamChat) => {
      for (const node of Array.from(shadow(el).querySelectorAll('[part]'))) {
        for (const part of node.getAttribute('part')!.split(/\s+/)) seen.add(part);
      }
    };
    // A conversation with every kind of answer; its image is a placeholder until clicked.
    const inline = await fixture<StreamChat>(html`<stream-chat show-stats style="height: 600px"></stream-chat>`);
    inline.messages = conversation;
    await until(() => shadow(inline).querySelector('[part~="code-block"]') && shadow(inline).querySelector('[part~="image-placeholder"]'), 'the rendered answer');
    collect(inline);
    shadow(inline).querySelector<HTMLAnchorElement>('[part~="image-placeholder"]')!.click();
    await until(() => shadow(inline).querySelector('[part~="image"]'), 'a loaded image');
    collect(inline);
    // Scrolled up while content is added below: the jump-to-latest button (that state is driven
    // for real in visual-states.test.ts; here the follower is told so directly).
    (inline as unknown as { follower: { setBehind(behind: boolean): void } }).follower.setBehind(true);
    await inline.updateComplete;
    collect(inline);
    // Busy: a request still being prepared shows the stop button.
    inline.headers = () => new Promise<HeadersInit>(() => {});
    inline.endpoint = '/never';
    void inline.send('wait');
    await until(() => inline.busy);
    await inline.updateComplete;
    collect(inline);
    inline.cancel();
    // Launcher mode, open.
    const launcher = await fixture<StreamChat>(html`<stream-chat mode="launcher" open></stream-chat>`);
    collect(launcher);
    expect(parts.filter((p) => !seen.has(p)), 'documented but never rendered').to.deep.equal([]);
  });

  it('--stream-chat-shadow-color colours the launcher and its panel', async () => {
    const el = await fixture<StreamChat>(html`<stream-chat mode="launcher" open style="--stream-chat-shadow-color: rgb(1, 2, 3)"></stream-chat>`);
    const launcher = shadow(el).querySelector('.launcher')!;
    const panel = shadow(el).querySelector('.surface')!;
    expect(getComputedStyle(launcher).boxShadow).to.contain('rgb(1, 2, 3)');
    expect(getComputedStyle(panel).boxShadow).to.contain('rgb(1, 2, 3)');
  });

  it('a hovered close button takes --stream-chat-surface-color', async () => {
    // The panel's close button shows while the panel covers a small screen (the launcher closes it otherwise).
    await setViewport({ width: 400, height: 640 });
    const el = await fixture<StreamChat>(html`<stream-chat mode="launcher" open style="--stream-chat-surface-color: rgb(4, 5, 6)"></stream-chat>`);
    const close = shadow(el).querySelector<HTMLElement>('.close-button')!;
    const box = close.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
    try {
      expect(close.matches(':hover')).to.equal(true);
      expect(getComputedStyle(close).backgroundColor).to.equal('rgb(4, 5, 6)');
    } finally {
      await sendMouse({ type: 'move', position: [0, 0] });
      await setViewport({ width: 800, height: 600 });
    }
  });
});
