// The element as it ships: the script-tag bundle (dist/stream-chat.js) on plain pages served as
// files (test/server/static-files.mjs: no bundler, no dev-server transforms), two copies of it on
// one page, the "existing dashboard" page with its own global CSS, and the React, Vue, Svelte and
// Angular examples as their bundlers built them. `npm test` builds all of that first (npm run
// build, build:examples); run on its own: npm run build && npm run build:examples && npx wtr --files test/distribution.test.ts
import { expect } from '@open-wc/testing';
import { init, parse } from 'es-module-lexer';
import type { StreamChat } from '../../src/stream-chat.js';
import { newTestId, PATIENCE, serverLog, sse, until, type Script } from '../helpers.js';

interface Page {
  frame: HTMLIFrameElement;
  win: Window & typeof globalThis;
  doc: Document;
  chat: StreamChat;
}

const frames: HTMLIFrameElement[] = [];

/** Opens a page in a same-origin iframe and waits until it has defined <stream-chat> and rendered one. */
async function openPage(url: string): Promise<Page> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1000px; height: 760px; border: 0';
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = url;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  const doc = frame.contentDocument!;
  await Promise.race([
    win.customElements.whenDefined('stream-chat'),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`${url} did not define <stream-chat>: is it built?`)), PATIENCE)),
  ]);
  await until(() => doc.querySelector('stream-chat')?.shadowRoot, `<stream-chat> in ${url}`);
  const chat = doc.querySelector('stream-chat') as StreamChat;
  await chat.updateComplete;
  return { frame, win, doc, chat };
}

/** Paths (and queries) of every resource the page has requested so far. */
function requested(win: Window): string[] {
  return win.performance.getEntriesByType('resource').map((entry) => {
    const url = new URL(entry.name);
    return url.origin === location.origin ? url.pathname + url.search : url.href;
  });
}

/** The bundle and every file it imports statically, transitively: what must load up front. */
async function staticGraph(url: string, seen = new Set<string>()): Promise<Set<string>> {
  if (seen.has(url)) return seen;
  seen.add(url);
  await init;
  const response = await fetch(url);
  expect(response.ok, `${url}: ${response.status}; run \`npm run build\` first`).to.equal(true);
  const [imports] = parse(await response.text());
  for (const { n: specifier, d } of imports) {
    // d === -1 marks a static import; import() and import.meta are not loaded up front.
    if (d === -1 && specifier) await staticGraph(new URL(specifier, location.origin + url).pathname, seen);
  }
  return seen;
}

const answer = [
  'Run #5 lost money because the **spread widened**; see [the run](https://example.com/runs/5).',
  '',
  '- entry at `z > 2`',
  '- exit at `z < 0.5`',
  '',
  '```js',
  'const z = (spread - mean) / sd;',
  '```',
  '',
  'Anything else?',
].join('\n');

function answerScript(): Script {
  const pieces = answer.match(/[\s\S]{1,12}/g) ?? [];
  return { chunks: [...sse(...pieces.map((content) => ({ content })), { done: true })] };
}

/** Points the page's element at the scripted test server, sends a message and waits for the answer. */
async function streamAnswer({ chat }: Page, extraBody: Record<string, unknown> = {}) {
  const testId = newTestId();
  chat.endpoint = '/test-sse';
  chat.body = { ...chat.body, ...extraBody, testId, script: answerScript() };
  const complete = new Promise<CustomEvent>((resolve) => chat.addEventListener('stream-chat-complete', resolve as EventListener, { once: true }));
  await chat.send('Why did run #5 lose money?');
  const event = await complete;
  // The code block is highlighted once highlight.js and the grammar are in.
  await until(() => chat.shadowRoot!.querySelector('pre .hljs, pre [class^="hljs-"]'), 'highlighted code');
  await chat.updateComplete;
  return { testId, event };
}

afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

describe('the script-tag bundle on a plain page', function () {
  it('defines the element, requests nothing but the bundle and its own chunks before the first message, then streams an answer', async () => {
    const page = await openPage('/static/demo/plain.html');
    const { win, chat } = page;
    expect(win.customElements.get('stream-chat')).to.be.a('function');
    expect(chat.endpoint).to.equal('/api/chat/stream');

    const bundle = await staticGraph('/static/dist/stream-chat.js');
    // Give anything the element might fetch on its own (fonts, a prefetch) time to show up.
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Only the bundle, and the lazy chunks of the markdown engine it loads once the element is
    // visible and the browser idle (issue 13: ready before the first answer).
    const early = requested(win).filter((path) => !bundle.has(path));
    for (const path of early) expect(path, path).to.match(/^\/static\/dist\/chunks\/[\w-]+\.js$/);
    for (const path of bundle) expect(requested(win)).to.include(path);
    await until(() => requested(win).some((path) => !bundle.has(path)), 'the markdown engine loaded before the first message');

    const { testId, event } = await streamAnswer(page);
    expect(event.detail.message.content).to.equal(answer);
    expect(chat.shadowRoot!.querySelector('[part~="assistant-message"] a')!.getAttribute('href')).to.equal('https://example.com/runs/5');
    const log = await serverLog(testId);
    expect(log.requests).to.have.length(1);

    // Everything after the first message comes from the same origin: the request and dist/chunks.
    const later = requested(win).filter((path) => !bundle.has(path));
    expect(later, later.join('\n')).to.include('/test-sse');
    for (const path of later) expect(path, path).to.match(/^\/(test-sse$|static\/dist\/chunks\/[\w-]+\.js$)/);
  });

  it('warns once and does not throw when a second copy of the bundle loads on the same page', async () => {
    const { win, doc, chat } = await openPage('/static/demo/plain.html');
    const first = win.customElements.get('stream-chat')!;
    const warnings: string[] = [];
    const errors: string[] = [];
    const warn = win.console.warn;
    win.console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      warn.apply(win.console, args);
    };
    win.addEventListener('error', (e) => errors.push(e.message));
    win.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));

    // Another URL for the same file is another module instance: a second copy of the element.
    const script = doc.createElement('script');
    script.type = 'module';
    script.src = '../dist/stream-chat.js?copy=2';
    await new Promise((resolve, reject) => {
      script.addEventListener('load', resolve);
      script.addEventListener('error', () => reject(new Error('the second copy did not load')));
      doc.head.append(script);
    });
    expect(requested(win)).to.include('/static/dist/stream-chat.js?copy=2');

    expect(errors).to.deep.equal([]);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/stream-chat.*already defined/);
    // The first definition stays in force, for the element on the page and for new ones.
    expect(win.customElements.get('stream-chat')).to.equal(first);
    expect(chat).to.be.instanceOf(first);
    expect(doc.createElement('stream-chat')).to.be.instanceOf(first);
  });
});

describe('the dashboard page (demo/dashboard.html) and its global CSS', function () {
  /** Widget parts whose look must not depend on the page. */
  const targets = {
    log: '[part~="log"]',
    composer: '[part~="composer"]',
    input: '[part~="input"]',
    'send button': '[part~="send-button"]',
    'user bubble': '[part~="user-message"] [part~="bubble"]',
    'answer paragraph': '[part~="assistant-message"] p',
    'answer link': '[part~="assistant-message"] a',
    'answer list item': '[part~="assistant-message"] li',
    'inline code': '[part~="assistant-message"] li code',
    'code block': '[part~="assistant-message"] pre',
    'copy button': '[part~="assistant-message"] .copy-button',
  };
  const properties = [
    'font-family', 'font-size', 'font-weight', 'font-style', 'line-height', 'letter-spacing', 'word-spacing',
    'text-transform', 'text-align', 'text-decoration-line', 'text-decoration-style', 'color', 'background-color',
    'box-sizing', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
    'margin-top', 'margin-right', 'margin-bottom', 'margin-left', 'border-top-width', 'border-top-style',
    'border-top-color', 'border-top-left-radius', 'list-style-type', 'list-style-position',
  ];

  /** The computed styles of each target in the page's widget, after an answer has streamed. */
  async function widgetStyles(url: string) {
    const page = await openPage(url);
    await streamAnswer(page);
    const root = page.chat.shadowRoot!;
    const styles: Record<string, Record<string, string>> = {};
    for (const [name, selector] of Object.entries(targets)) {
      const element = root.querySelector(selector);
      expect(element, `${name} (${selector}) in ${url}`).to.exist;
      const computed = page.win.getComputedStyle(element!);
      styles[name] = Object.fromEntries(properties.map((p) => [p, computed.getPropertyValue(p)]));
    }
    return { page, styles };
  }

  it("keeps the page's CSS out of the widget: the same computed styles as on the plain page", async () => {
    const { styles: expected } = await widgetStyles('/static/demo/plain.html');
    const { styles: actual, page } = await widgetStyles('/static/demo/dashboard.html');
    const differences = Object.keys(targets).flatMap((name) =>
      properties
        .filter((p) => actual[name][p] !== expected[name][p])
        .map((p) => `${name} ${p}: ${actual[name][p]} on the dashboard, ${expected[name][p]} on the plain page`),
    );
    expect(differences, differences.join('\n')).to.deep.equal([]);

    // The widget stays inside the sidebar panel the page gave it.
    const panel = page.doc.querySelector('.panel')!.getBoundingClientRect();
    const host = page.chat.getBoundingClientRect();
    expect(host.bottom).to.be.at.most(panel.bottom);
    expect(host.right).to.be.at.most(panel.right);
  });

  it("keeps the widget's CSS out of the page", async () => {
    const page = await openPage('/static/demo/dashboard.html');
    await streamAnswer(page);
    const { win, doc } = page;
    const style = (selector: string) => win.getComputedStyle(doc.querySelector(selector)!);

    // Nothing added to the document's styles: no <style>, <link>, adopted sheet or @font-face.
    expect(Array.from(doc.styleSheets, (sheet) => new URL(sheet.href!).pathname)).to.deep.equal(['/static/demo/dashboard.css']);
    expect(doc.adoptedStyleSheets).to.have.length(0);
    expect(doc.fonts.size).to.equal(0);

    // The page's own rules still hold for its own elements.
    expect(style('#page-paragraph').marginTop).to.equal('39px'); // 3em of 13px
    expect(style('#page-button').backgroundColor).to.equal('rgb(255, 0, 0)');
    expect(style('#page-button').paddingTop).to.equal('20px');
    expect(style('#page-button').boxSizing).to.equal('content-box');
    expect(style('.topbar a').color).to.equal('rgb(255, 105, 180)');
    expect(style('body').fontFamily).to.equal('serif');
    expect(style('td').fontSize).to.equal('13px');
    expect(style('.panel h2').textTransform).to.equal('uppercase');
  });
});

describe('the framework examples, as their bundlers built them', function () {
  for (const framework of ['react', 'vue', 'svelte', 'angular']) {
    it(`${framework}: props arrive as properties and the complete handler runs`, async () => {
      const page = await openPage(`/static/demo/${framework}/dist/index.html?endpoint=/test-sse`);
      const { chat, doc } = page;
      // Objects and functions were set as properties (an attribute would be the string "[object Object]").
      expect(chat.hasAttribute('body')).to.equal(false);
      expect(chat.body).to.deep.equal({ run_id: 5 });
      expect(chat.headers).to.be.a('function');
      expect(chat.historyLimit).to.equal(6);
      expect(doc.querySelector('.chat-status')!.textContent).to.contain('No answer yet');

      // The test's script rides in body beside the component's run_id (the next render resets body).
      const { testId } = await streamAnswer(page);
      const [request] = (await serverLog(testId)).requests;
      expect(request.body.run_id).to.equal(5);
      expect(request.headers['x-requested-with']).to.equal(`stream-chat-${framework}-demo`);
      await until(() => /Answered in \d+ ms/.test(doc.querySelector('.chat-status')!.textContent ?? ''), 'the status line');
    });
  }
});
