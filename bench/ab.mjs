// An A/B of one figure that a change is expected to move by a few percent: the widget's 100 KB
// answer (unthrottled unless --mode says otherwise), each run in a fresh page, the checkouts
// alternating run by run, with the mean and its standard error. On this machine one run of the
// unthrottled 100 KB answer moves by 10-20%, and `bench/compare.mjs` (three runs per checkout and
// round) could not tell 20 ms apart in four rounds; thirty fresh pages each take about a minute and
// a half, and tell 20 ms at two to three standard errors. Each checkout is served by its own
// bench server and must be built first (`npx vite build`).
//
//   node bench/ab.mjs <checkout> [<checkout> ...] [--n=30] [--floor] [--mode=unthrottled|paced]
//
// --floor: also the one-shot render of the same answer, in pages of its own. --mode=paced: the
// 1000 tokens/s stream (26 s a run: take --n=6).
import { chromium } from 'playwright';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { systemChromium, chromiumArgs } from '../scripts/browser.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const checkouts = args.filter((a) => !a.startsWith('--')).map((dir) => resolve(dir));
const runs = Number(option('n', 30));
const mode = option('mode', 'unthrottled');
const withFloor = args.includes('--floor');
if (!checkouts.length) throw new Error('usage: node bench/ab.mjs <checkout> [<checkout> ...] [--n=30] [--floor] [--mode=paced]');

const servers = [];
for (const dir of checkouts) servers.push(await (await import(pathToFileURL(`${dir}/bench/server.mjs`).href)).startServer());
const executablePath = systemChromium();
const browser = await chromium.launch(executablePath ? { executablePath, args: chromiumArgs } : { args: chromiumArgs });

/** Main-thread busy time (CDP's TaskDuration, as bench/run.mjs counts it) of one run in a fresh page. */
async function run(server, what) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  await context.addInitScript({ path: new URL('./pages/probe.js', import.meta.url).pathname });
  const page = await context.newPage();
  await page.goto(`${server.url}/bench/pages/widget.html?size=100&mode=${mode}&rate=1000`);
  await page.waitForFunction(() => window.bench?.ready);
  // As bench/run.mjs's warm runs: the composer focused (the markdown engine loads), then idle.
  await page.evaluate(() => bench.focusComposer());
  if (what === 'floor') await page.evaluate((url) => bench.load(url), '/answer.md?size=100');
  await page.waitForTimeout(700);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const busy = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
  const before = await busy();
  await page.evaluate((floor) => (floor ? bench.oneShot() : bench.stream()), what === 'floor');
  const ms = (await busy()) - before;
  await context.close();
  return ms;
}

const results = checkouts.map(() => ({ widget: [], floor: [] }));
for (let round = 0; round < runs; round++) {
  for (let i = 0; i < checkouts.length; i++) {
    results[i].widget.push(await run(servers[i], 'widget'));
    if (withFloor) results[i].floor.push(await run(servers[i], 'floor'));
  }
  process.stderr.write(`\rround ${round + 1} of ${runs}`);
}
process.stderr.write('\n');

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const sd = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / Math.max(1, values.length - 1));
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(0);
  return `mean ${mean.toFixed(1)} ± ${(sd / Math.sqrt(values.length)).toFixed(1)} ms (median ${at(0.5)}, quartiles ${at(0.25)}-${at(0.75)})`;
}
const mean = (values) => values.reduce((sum, v) => sum + v, 0) / values.length;
for (let i = 0; i < checkouts.length; i++) {
  const { widget, floor } = results[i];
  console.log(`${checkouts[i]}\n  widget 100 KB ${mode}: ${summary(widget)}`);
  if (withFloor) console.log(`  floor one-shot: ${summary(floor)}\n  widget × floor (means): ${(mean(widget) / mean(floor)).toFixed(2)}`);
}
await browser.close();
for (const server of servers) await server.close();
process.exit(0);
