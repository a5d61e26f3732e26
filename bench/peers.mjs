// `npm run bench:peers`: <stream-chat> next to the renderers a user would otherwise pick, on the
// same SSE stream, in one browser, runs interleaved (widget, streaming-markdown, Streamdown, then
// again in a rotated order), so a machine that slows down mid-run slows all of them alike. Prints
// the median and range of each figure and each peer's ratio to the widget. Every run's final text
// is checked against the answer's (so no renderer wins by dropping content); a run that differs is
// reported with where, and the command exits with 1. The peers are installed in bench/peers (its
// own package.json; `npm run bench:peers` installs and bundles them), never as dependencies of the
// package.
//
//   node bench/peers.mjs [--rounds=3] [--size=100] [--modes=paced,unthrottled]
import { access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { systemChromium, chromiumArgs } from '../scripts/browser.mjs';
import { startServer } from './server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const probePath = fileURLToPath(new URL('./pages/probe.js', import.meta.url));
const arg = (name, fallback) => process.argv.slice(2).find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const rounds = Number(arg('rounds', 3));
const size = Number(arg('size', 100));
const modes = arg('modes', 'paced,unthrottled').split(',');
const RATE = 1000;
const SETTLE_MS = 500;
const log = (line) => process.stderr.write(`${line}\n`);

for (const file of ['dist/stream-chat.js', 'bench/peers/node_modules/streaming-markdown/smd.js', 'bench/peers/dist/streamdown-entry.js']) {
  await access(`${root}/${file}`).catch(() => {
    throw new Error(`${file} is missing: run \`npm run bench:peers\` (it builds the widget and installs and bundles the peers)`);
  });
}

// Where each renderer's answer is, and what in it is the renderer's own (labels, buttons, icons)
// rather than the answer's.
const CHROME = 'button, svg, [aria-hidden="true"]';
const renderers = [
  {
    name: 'stream-chat', page: 'bench/pages/widget.html', query: {}, focus: true,
    answer: { host: '#chat', selector: '.message.assistant .markdown' },
    chrome: `${CHROME}, .link-host, .code-header, .cursor`,
  },
  { name: 'streaming-markdown', page: 'bench/peers/peers.html', query: { peer: 'streaming-markdown' }, answer: { selector: '#out' }, chrome: CHROME },
  {
    // Streamdown shows a link as a button (it asks before leaving the page); a code block has a header with its language.
    name: 'streamdown', page: 'bench/peers/peers.html', query: { peer: 'streamdown' }, answer: { selector: '#out' },
    chrome: `${CHROME.replace('button', 'button:not([data-streamdown="link"])')}, [data-streamdown="code-block-header"], [data-streamdown="code-block-actions"]`,
  },
];

/**
 * The letters and digits of a text, in order: what a reader sees of the answer whatever the
 * markup, spacing and layout (a React tree has no white space between paragraphs; Shiki's lines of
 * code are spans that only CSS puts apart).
 */
const letters = (text) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).join('');

const server = await startServer();

/** The letters the answer shows: its markdown without fence lines, link targets and list markers. */
const expected = letters(
  server.answer(size).text
    .replace(/^ {0,3}(`{3,}|~{3,}).*$/gm, '')
    .replace(/\]\([^)\s]*\)/g, ']')
    .replace(/^[ \t]*(\d+\.|[-*+]) /gm, ''),
);

/** Undefined when `shown` has the answer's letters; otherwise where it first differs. */
function textDifference(shown) {
  const got = letters(shown);
  if (got === expected) return undefined;
  let i = 0;
  while (i < got.length && got[i] === expected[i]) i++;
  const around = (text) => text.slice(Math.max(0, i - 20), i + 30);
  return `${got.length} letters and digits of ${expected.length}; from ${i + 1}: "${around(got)}", expected "${around(expected)}"`;
}

const executablePath = systemChromium();
const browser = await chromium.launch(executablePath ? { executablePath, args: chromiumArgs } : { args: chromiumArgs });

async function run(renderer, mode) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  await context.addInitScript({ path: probePath });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const busy = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
    const query = new URLSearchParams({ ...renderer.query, size, mode, rate: RATE });
    await page.goto(`${server.url}/${renderer.page}?${query}`);
    await page.waitForFunction(() => window.bench?.ready, undefined, { timeout: 60_000 });
    await page.waitForTimeout(SETTLE_MS);
    if (renderer.focus) {
      await page.evaluate(() => bench.focusComposer());
      await page.waitForTimeout(SETTLE_MS);
    }
    const wall = performance.now();
    const before = await busy();
    const result = await page.evaluate(() => bench.stream());
    const after = await busy();
    const wallMs = performance.now() - wall;
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    const tasks = result.longTasks;
    const shown = await page.evaluate(({ answer, chrome }) => {
      const root = answer.host ? document.querySelector(answer.host).shadowRoot : document;
      const copy = [...root.querySelectorAll(answer.selector)].at(-1).cloneNode(true);
      for (const element of copy.querySelectorAll(chrome)) element.remove();
      return copy.textContent;
    }, renderer);
    return {
      busyMs: after - before,
      wallMs,
      longTasks: tasks.length,
      longestMs: tasks.length ? Math.max(...tasks.map((t) => t.duration)) : 0,
      firstPaintMs: result.firstPaint - result.firstByte,
      heapMB: heap / 1024 / 1024,
      textLength: result.textLength,
      textDifference: textDifference(shown),
      problems,
    };
  } finally {
    await context.close();
  }
}

const results = new Map();
try {
  for (let round = 0; round < rounds; round++) {
    for (const mode of modes) {
      // Rotated each round, so no renderer always runs first (or right after another's GC).
      const order = renderers.map((_, i) => renderers[(i + round) % renderers.length]);
      for (const renderer of order) {
        const key = `${mode}|${renderer.name}`;
        const result = await run(renderer, mode);
        if (!results.has(key)) results.set(key, []);
        results.get(key).push(result);
        log(`round ${round + 1} ${mode.padEnd(11)} ${renderer.name.padEnd(18)} busy ${result.busyMs.toFixed(0)} ms, ${result.longTasks} long (max ${result.longestMs.toFixed(0)}), first paint ${result.firstPaintMs.toFixed(1)} ms, heap ${result.heapMB.toFixed(1)} MB, text ${result.textDifference ? 'DIFFERS' : 'equal'}${result.problems.length ? ` ! ${result.problems.join('; ')}` : ''}`);
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const spread = (values, digits = 0) => {
  const m = median(values);
  return values.length > 1 ? `${m.toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})` : m.toFixed(digits);
};
const duration = server.answer(size).tokens.length / RATE;
console.log(`\n${size} KB answer, ${rounds} interleaved rounds; median (min–max). Paced: ${RATE} tokens/s over ${duration.toFixed(1)} s.`);
const header = ['mode', 'renderer', 'busy ms', '× stream-chat', 'busy % of stream', 'long tasks', 'longest ms', 'first byte→paint ms', 'heap MB', 'text = answer'];
const rows = [header];
for (const mode of modes) {
  const widget = median(results.get(`${mode}|stream-chat`).map((r) => r.busyMs));
  for (const renderer of renderers) {
    const runs = results.get(`${mode}|${renderer.name}`);
    const busy = runs.map((r) => r.busyMs);
    rows.push([
      mode,
      renderer.name,
      spread(busy),
      (median(busy) / widget).toFixed(2),
      mode === 'paced' ? `${((median(busy) / (duration * 1000)) * 100).toFixed(0)}%` : '-',
      spread(runs.map((r) => r.longTasks)),
      spread(runs.map((r) => r.longestMs)),
      spread(runs.map((r) => r.firstPaintMs), 1),
      spread(runs.map((r) => r.heapMB), 1),
      `${runs.filter((r) => !r.textDifference).length}/${runs.length} runs`,
    ]);
  }
}
const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd());
console.log('\nbusy: main-thread task time (CDP TaskDuration) from the send until the answer is painted (and highlighted).');
console.log('heap: JS heap used after the answer, after a forced GC.');
console.log(`text = answer: runs whose final text has the answer's letters and digits in order (${expected.length} of them; the renderer's own buttons, icons and labels left out).`);
const differing = [...results].flatMap(([key, runs]) => runs.filter((r) => r.textDifference).map((r) => `  ${key.replace('|', ' ')}: ${r.textDifference}`));
if (differing.length) {
  console.log(`\nTEXT DIFFERS in ${differing.length} run(s): those figures are not comparable.\n${differing.join('\n')}`);
  process.exitCode = 1;
}
