// What scrolling back through a giant answer costs the page: the answer rendered one-shot, the log
// scrolled from its end to its top `step` pixels a frame (as a user's wheel, so the element stops
// following the end), then the long tasks (over 50 ms) and long animation frames of the scroll,
// and how many chapters were dry before and after (src/markdown/far-chapters.ts restores them as
// they come near). A guide for where to look, like trace.mjs, not a figure of the benchmark.
//
//   npm run build && node bench/scroll-back.mjs [size=4096] [step=400]
import { openWidgetPage } from './widget-page.mjs';

const size = process.argv[2] ?? '4096';
const step = Number(process.argv[3] ?? 400);
const { page, close } = await openWidgetPage({ size, mode: 'unthrottled' });
await page.evaluate((url) => bench.load(url), `/answer.md?size=${size}`);
await page.evaluate(() => bench.oneShot());
await page.waitForTimeout(2000);
const result = await page.evaluate(async (step) => {
  const chat = document.getElementById('chat');
  const log = chat.shadowRoot.querySelector('.log');
  const answer = chat.shadowRoot.querySelector('.assistant .markdown');
  const dry = () => answer.querySelectorAll(':scope > .dry').length;
  const dryBefore = dry();
  const frames = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.duration <= 50) continue;
      const scripts = e.scripts.filter((s) => s.duration >= 5).map((s) => `${s.invoker} ${Math.round(s.duration)}`);
      frames.push({ ms: Math.round(e.duration), styleAndLayoutMs: e.styleAndLayoutStart ? Math.round(e.startTime + e.duration - e.styleAndLayoutStart) : 0, scripts: scripts.join(', ') });
    }
  }).observe({ type: 'long-animation-frame' });
  const start = performance.now();
  let count = 0;
  while (log.scrollTop > 0 && count < 50_000) {
    log.dispatchEvent(new WheelEvent('wheel', { deltaY: -step }));
    log.scrollTop -= step;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    count += 1;
  }
  for (let i = 0; i < 120; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  const end = performance.now();
  const tasks = __probe.longTasksBetween(start, end);
  return {
    frames: count, seconds: (end - start) / 1000, chapters: answer.children.length, dryBefore, dryAfter: dry(),
    longTasks: tasks.length, longestTaskMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))), longFrames: frames,
  };
}, step);
const { longFrames, ...summary } = result;
console.log(`${size} KB answer scrolled back ${step} px a frame:`, JSON.stringify({ ...summary, seconds: summary.seconds.toFixed(1), longFrames: longFrames.length }));
for (const frame of longFrames.slice(0, 10)) console.log('  long frame', JSON.stringify(frame));
await close();
