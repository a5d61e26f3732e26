// Screenshots of the accessibility-relevant states, and the accessibility tree of a two-turn
// conversation, in headless Chromium (no backend: conversations are assigned as `messages`):
//   node scripts/screenshot-a11y.mjs [outDir=screenshots/a11y]
// Writes light.png, dark.png, phone-375.png, launcher-320.png (the full-screen modal panel),
// forced-light.png and forced-dark.png (CDP Emulation.setEmulatedMedia forced-colors: active on a
// light and a dark page), states-*.png (cut off, stopped, jump to latest), math-*.png (inline and
// display math, currency left alone, a link whose text names another host), plain-text-*.png (the
// markdown renderer could not load: answers as plain text with a notice) and ax-tree.txt.
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { createServer } from 'vite';
import { chromiumArgs, systemChromium } from './browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = resolve(process.argv[2] ?? 'screenshots/a11y');

const conversation = [
  { id: 'q1', role: 'user', content: 'Why did run #5 lose money?', status: 'complete' },
  {
    id: 'a1',
    role: 'assistant',
    content: 'Run **5** lost money on two trades:\n\n| trade | pnl |\n|---|---:|\n| 12 | -1,200 |\n| 13 | -642 |\n\n```python\ndef position_size(risk, stop):\n    return risk / stop\n```',
    status: 'complete',
  },
  { id: 'q2', role: 'user', content: 'How do I size positions instead?', status: 'complete' },
  { id: 'a2', role: 'assistant', content: 'Size each position from the risk budget:\n\n- risk 1% of equity\n- divide by the stop distance', status: 'complete', finishReason: 'length' },
];

const page = (body, scheme) => `<!doctype html><html style="color-scheme: ${scheme}"><head><meta charset="utf-8">
<style>body { margin: 0; font: 16px system-ui; background: ${scheme === 'dark' ? '#111' : '#fff'}; color: ${scheme === 'dark' ? '#eee' : '#111'} }
main { padding: 16px } stream-chat { height: calc(100vh - 32px) }</style>
<script type="module" src="/src/define.ts"></script></head><body>${body}</body></html>`;

let server;
let browser;
try {
  await mkdir(outDir, { recursive: true });
  server = await createServer({ root, configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn', server: { port: 0, host: '127.0.0.1', hmr: false } });
  await server.listen();
  const { port } = server.httpServer.address();
  const executablePath = systemChromium();
  browser = await chromium.launch(executablePath ? { executablePath, args: chromiumArgs } : { args: chromiumArgs });

  async function open({ width = 900, height = 760, scheme = 'light', body = '<main><stream-chat></stream-chat></main>', forced = false }) {
    const tab = await browser.newPage({ viewport: { width, height } });
    tab.on('pageerror', (error) => console.log(`  [browser] ${error.message}`));
    const client = await tab.context().newCDPSession(tab);
    if (forced) await client.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }, { name: 'prefers-color-scheme', value: scheme }] });
    await tab.route('**/a11y-shot.html', (route) => route.fulfill({ contentType: 'text/html', body: page(body, scheme) }));
    await tab.goto(`http://127.0.0.1:${port}/a11y-shot.html`);
    await tab.waitForFunction(() => customElements.get('stream-chat'));
    return { tab, client };
  }

  async function withConversation(tab, messages = conversation) {
    await tab.evaluate((m) => {
      document.querySelector('stream-chat').messages = m;
    }, messages);
    await tab.waitForFunction(() => document.querySelector('stream-chat').shadowRoot.querySelectorAll('.assistant .markdown p, .assistant .markdown li').length > 1);
    await tab.waitForTimeout(400);
  }

  for (const scheme of ['light', 'dark']) {
    const { tab } = await open({ scheme });
    await withConversation(tab);
    await tab.screenshot({ path: resolve(outDir, `${scheme}.png`) });
    await tab.close();
  }

  {
    const { tab } = await open({ width: 375, height: 720 });
    await withConversation(tab);
    await tab.screenshot({ path: resolve(outDir, 'phone-375.png') });
    await tab.close();
  }

  {
    const body = '<main><h1>A site</h1><p><a href="#">A page link</a></p><stream-chat mode="launcher"><div slot="empty"><button data-prompt="Why did run #5 lose money?">Why did run #5 lose money?</button></div></stream-chat></main>';
    const { tab } = await open({ width: 320, height: 640, body });
    await tab.evaluate(() => document.querySelector('stream-chat').shadowRoot.querySelector('[part=launcher]').click());
    await tab.waitForTimeout(300);
    await tab.screenshot({ path: resolve(outDir, 'launcher-320-empty.png') });
    await withConversation(tab);
    await tab.screenshot({ path: resolve(outDir, 'launcher-320.png') });
    await tab.close();
  }

  for (const scheme of ['light', 'dark']) {
    const { tab } = await open({ scheme, forced: true });
    await withConversation(tab, [...conversation, { id: 'q3', role: 'user', content: 'And now?', status: 'complete' }, { id: 'a3', role: 'assistant', content: 'Streaming an answer', status: 'streaming' }]);
    await tab.evaluate(() => document.querySelector('stream-chat').shadowRoot.querySelector('textarea').focus());
    await tab.keyboard.type('A question');
    await tab.screenshot({ path: resolve(outDir, `forced-${scheme}.png`) });
    await tab.close();
    const launcher = await open({ scheme, forced: true, body: '<main><p>A page</p><stream-chat mode="launcher"></stream-chat></main>' });
    await launcher.tab.screenshot({ path: resolve(outDir, `forced-${scheme}-launcher.png`) });
    await launcher.tab.close();
  }

  for (const theme of ['light', 'dark']) {
    const { tab } = await open({ scheme: theme });
    await withConversation(tab, [
      { id: 'q', role: 'user', content: 'Explain it all', status: 'complete' },
      { id: 'a', role: 'assistant', content: 'Part one of a long answer. '.repeat(12), status: 'complete', finishReason: 'length' },
      { id: 'q2', role: 'user', content: 'Go on', status: 'complete' },
      { id: 'b', role: 'assistant', content: 'Part two, stopped halfway', status: 'cancelled' },
    ]);
    await tab.screenshot({ path: resolve(outDir, `states-${theme}.png`) });
    await tab.close();
  }

  const mathConversation = [
    { id: 'mq', role: 'user', content: 'What fraction of equity should run #5 risk?', status: 'complete' },
    {
      id: 'ma',
      role: 'assistant',
      content:
        'The Kelly fraction is $f^* = \\frac{bp - q}{b}$, where $p$ is the win rate and $q = 1 - p$.\n\n$$\n\\bar{x} = \\frac{1}{n}\\sum_{i=1}^{n} x_i, \\qquad \\sigma = \\sqrt{\\frac{1}{n}\\sum_{i=1}^{n} (x_i - \\bar{x})^2}\n$$\n\nWith fees of $5 and $10 per trade, use half of it. Log in at [https://bank.example.com/login](https://evil.example/phish).',
      status: 'complete',
    },
  ];
  async function withMath(tab) {
    await withConversation(tab, mathConversation);
    await tab.waitForFunction(() => document.querySelector('stream-chat').shadowRoot.querySelectorAll('.assistant math').length >= 3);
    await tab.waitForTimeout(200);
  }
  for (const [name, options] of [
    ['math-light', { scheme: 'light' }],
    ['math-dark', { scheme: 'dark' }],
    ['math-375', { width: 375, height: 720 }],
    ['math-375-dark', { width: 375, height: 720, scheme: 'dark' }],
  ]) {
    const { tab } = await open(options);
    await withMath(tab);
    await tab.screenshot({ path: resolve(outDir, `${name}.png`) });
    await tab.close();
  }
  {
    const { tab } = await open({ width: 320, height: 640, body: '<main><p>A page</p><stream-chat mode="launcher"></stream-chat></main>' });
    await tab.evaluate(() => document.querySelector('stream-chat').shadowRoot.querySelector('[part=launcher]').click());
    await withMath(tab);
    await tab.screenshot({ path: resolve(outDir, 'math-launcher-320.png') });
    await tab.close();
  }

  for (const scheme of ['light', 'dark']) {
    const tab = await browser.newPage({ viewport: { width: 375, height: 640 } });
    // Offline for the markdown renderer's chunk: everything else loads.
    await tab.route('**/markdown-view.ts*', (route) => route.abort('internetdisconnected'));
    await tab.route('**/a11y-shot.html', (route) => route.fulfill({ contentType: 'text/html', body: page('<main><stream-chat></stream-chat></main>', scheme) }));
    await tab.goto(`http://127.0.0.1:${port}/a11y-shot.html`);
    await tab.waitForFunction(() => customElements.get('stream-chat'));
    await tab.evaluate((m) => (document.querySelector('stream-chat').messages = m), conversation.slice(0, 2));
    await tab.waitForFunction(() => document.querySelector('stream-chat').shadowRoot.querySelector('[data-kind="plain-text"]'));
    await tab.screenshot({ path: resolve(outDir, `plain-text-${scheme}.png`) });
    await tab.close();
  }

  {
    const { tab, client } = await open({});
    await withConversation(tab, conversation.slice(0, 4));
    const { nodes } = await client.send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const lines = [];
    const walk = (node, depth) => {
      const shown = !node.ignored && !['none', 'generic', 'InlineTextBox', 'LineBreak'].includes(node.role?.value);
      if (shown) {
        const name = node.name?.value ? ` "${node.name.value.slice(0, 70)}"` : '';
        if (node.role?.value !== 'StaticText' || depth < 12) lines.push(`${'  '.repeat(depth)}${node.role?.value}${name}`);
      }
      for (const id of node.childIds ?? []) if (byId.has(id)) walk(byId.get(id), shown ? depth + 1 : depth);
    };
    walk(nodes.find((n) => !n.parentId), 0);
    await writeFile(resolve(outDir, 'ax-tree.txt'), lines.join('\n') + '\n');
    await tab.close();
  }
  console.log(`screenshots in ${outDir}`);
} finally {
  await browser?.close();
  await server?.close();
}
