// Screenshots of the demo page in headless Chromium, against the mock backend:
//   node scripts/screenshot.mjs [outDir=screenshots] [--dist] [--width=1280]
// Writes streaming-light.png (mid-answer), done-light.png, the same two in dark, code-light.png
// (an answer with code typed into the composer), math-light.png and math-dark.png (formulas),
// error.png, and with the anthropic format and "Show stats" on, reasoning-light.png (the Thinking
// section open while the model thinks) and extras-light.png (the finished answer's tool badge,
// sources and stats, in a taller window).
// With --dist the page gets the built dist/stream-chat.js instead of the sources (run
// `vite build` first), which checks the script-tag bundle in a real browser.
// --width sets the viewport's width (375 for a phone: the demo's layout and the chat full width).
// Prints the browser's console errors and page errors; exits non-zero when a step fails.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { createServer } from 'vite';
import { chromiumArgs, systemChromium } from './browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const useDist = args.includes('--dist');
const width = Number(args.find((arg) => arg.startsWith('--width='))?.slice('--width='.length) ?? 1280);
const outDir = resolve(args.find((arg) => !arg.startsWith('--')) ?? 'screenshots');
const bundle = resolve(root, 'dist/stream-chat.js');
const STREAM_SNAPSHOT_MS = 1500;
const ANSWER_TIMEOUT_MS = 30_000;

const problems = [];
let server;
let browser;

try {
  await mkdir(outDir, { recursive: true });
  if (useDist && !existsSync(bundle)) throw new Error(`--dist: ${bundle} is missing; run \`npx vite build\` first`);

  server = await createServer({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    logLevel: 'warn',
    // No HMR: a source file saved meanwhile must not reload the page in the middle of an answer.
    server: { port: 0, host: '127.0.0.1', open: false, hmr: false },
  });
  await server.listen();
  const { port } = server.httpServer.address();
  const url = `http://127.0.0.1:${port}/demo/index.html`;

  const executablePath = systemChromium();
  browser = await chromium.launch(executablePath ? { executablePath, args: chromiumArgs } : { args: chromiumArgs });
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: 'light' });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      const line = `console.${message.type()}: ${message.text()}`;
      // Chromium logs every non-2xx fetch; the HTTP-error step causes one on purpose.
      const expected = /^Failed to load resource: the server responded with a status of 500\b/.test(message.text());
      if (message.type() === 'error' && !expected) problems.push(line);
      console.log(`  [browser] ${line}`);
    }
  });
  page.on('pageerror', (error) => {
    problems.push(`page error: ${error.message}`);
    console.log(`  [browser] page error: ${error.stack ?? error.message}`);
  });
  // Count the element's terminal events, so each step can wait for "its" answer to end.
  await page.addInitScript(() => {
    window.__chatEvents = [];
    for (const name of ['stream-chat-send', 'stream-chat-complete', 'stream-chat-error', 'stream-chat-cancel']) {
      addEventListener(name, () => window.__chatEvents.push(name), true);
    }
  });

  if (useDist) {
    // The page's <script src="/src/define.ts"> gets the bundle; everything else stays the same.
    await page.route('**/src/define.ts', (route) => route.fulfill({ path: bundle, contentType: 'text/javascript' }));
    // The lazily loaded chunks resolve relative to the bundle's (rerouted) URL.
    await page.route('**/src/chunks/*.js', (route) =>
      route.fulfill({ path: resolve(root, 'dist/chunks', new URL(route.request().url()).pathname.split('/').pop()), contentType: 'text/javascript' }),
    );
    console.log(`using ${bundle}`);
  }

  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForFunction(() => customElements.get('stream-chat') !== undefined, null, { timeout: 15_000 });
  // demo.ts wires the buttons after the element is defined and /api/config answered.
  await page.waitForFunction(() => document.querySelector('#backend-badge')?.textContent?.includes('·'));

  const count = (name) => page.evaluate((n) => window.__chatEvents.filter((e) => e === n).length, name);
  const shot = async (file) => {
    await page.screenshot({ path: resolve(outDir, file) });
    console.log(`wrote ${resolve(outDir, file)}`);
  };

  /** Clicks a control-bar button and waits for the answer it starts to end with `endEvent`. */
  async function run(buttonName, endEvent, midStreamFile) {
    const before = await count(endEvent);
    await page.getByRole('button', { name: buttonName, exact: true }).click();
    if (midStreamFile) {
      await page.waitForTimeout(STREAM_SNAPSHOT_MS);
      await shot(midStreamFile);
    }
    await page.waitForFunction(
      ([name, n]) => window.__chatEvents.filter((e) => e === name).length > n,
      [endEvent, before],
      { timeout: ANSWER_TIMEOUT_MS },
    );
    // Let the last render, the highlighter and the log's entry animation settle.
    await page.waitForTimeout(400);
  }

  for (const theme of ['light', 'dark']) {
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    await page.getByRole('button', { name: theme === 'light' ? 'Light' : 'Dark', exact: true }).click();
    await run('Ask a sample question', 'stream-chat-complete', `streaming-${theme}.png`);
    await shot(`done-${theme}.png`);
  }

  // A code answer typed into the composer: highlighting, code headers and Copy buttons.
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await page.getByRole('button', { name: 'Light', exact: true }).click();
  const completes = await count('stream-chat-complete');
  await page.locator('stream-chat textarea').fill('Show me the worst runs in SQL');
  await page.locator('stream-chat textarea').press('Enter');
  await page.waitForFunction((n) => window.__chatEvents.filter((e) => e === 'stream-chat-complete').length > n, completes, {
    timeout: ANSWER_TIMEOUT_MS,
  });
  await page.waitForTimeout(400);
  await shot('code-light.png');

  // A math answer, in both themes: KaTeX loads with the first formula and typesets MathML.
  for (const theme of ['light', 'dark']) {
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    await page.getByRole('button', { name: theme === 'light' ? 'Light' : 'Dark', exact: true }).click();
    const before = await count('stream-chat-complete');
    await page.locator('stream-chat textarea').fill('Explain the Sharpe ratio formula');
    await page.locator('stream-chat textarea').press('Enter');
    await page.waitForFunction((n) => window.__chatEvents.filter((e) => e === 'stream-chat-complete').length > n, before, {
      timeout: ANSWER_TIMEOUT_MS,
    });
    await page.waitForFunction(() => document.querySelector('stream-chat')?.shadowRoot?.querySelectorAll('.markdown math').length === 7, null, {
      timeout: ANSWER_TIMEOUT_MS,
    });
    await page.waitForTimeout(400);
    await shot(`math-${theme}.png`);
  }

  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await run('HTTP error', 'stream-chat-error');
  await shot('error.png');

  // Reasoning, a tool call and sources: the trading question in a format that carries all three.
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await page.selectOption('#format', 'anthropic');
  await page.getByText('Show stats', { exact: true }).click();
  const before = await count('stream-chat-complete');
  await page.getByRole('button', { name: 'Ask a sample question', exact: true }).click();
  // While it thinks: the Thinking section is open and the tool is running, before any answer text.
  await page.waitForFunction(
    () => {
      const root = document.querySelector('stream-chat')?.shadowRoot;
      return root?.querySelector('details.reasoning[open]') && root.querySelector('.tool-badge[data-status="running"]');
    },
    null,
    { timeout: ANSWER_TIMEOUT_MS, polling: 'raf' },
  );
  await shot('reasoning-light.png');
  await page.waitForFunction((n) => window.__chatEvents.filter((e) => e === 'stream-chat-complete').length > n, before, {
    timeout: ANSWER_TIMEOUT_MS,
  });
  // Tall enough for the whole answer, from the badge at its top to the stats at its bottom.
  await page.setViewportSize({ width, height: 1700 });
  await page.waitForTimeout(400);
  await shot('extras-light.png');
} catch (error) {
  problems.push(`script: ${error.stack ?? error.message}`);
  console.error(error);
} finally {
  await browser?.close();
  await server?.close();
}

if (problems.length) {
  console.log(`\n${problems.length} problem(s):`);
  for (const problem of problems) console.log(`  - ${problem}`);
  process.exitCode = 1;
} else {
  console.log('no console or page errors');
}
