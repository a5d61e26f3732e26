// Where the JavaScript time of one benchmark run goes: a CPU profile of the built widget, self
// time by function. Not a measurement to quote (the profiler slows the page); a guide for where to
// look. Build unminified first so the names mean something:
//
//   BENCH_UNMINIFIED=1 npx vite build && node bench/profile.mjs [size=100] [unthrottled|paced] [stream|oneShot|long] [cold]
//
// `cold` sends by script before anything was focused, as the benchmark's cold runs do.
import { openWidgetPage } from './widget-page.mjs';
const [size = '100', mode = 'unthrottled', what = 'stream', cold] = process.argv.slice(2);
const { page, context, close } = await openWidgetPage({ size, mode, cold: cold === 'cold' });
if (what === 'oneShot') await page.evaluate((url) => bench.load(url), `/answer.md?size=${size}`);
if (what === 'long') { await page.evaluate((url) => bench.load(url), `/conversation.json?count=500`); await page.evaluate(() => bench.restore()); }
await page.waitForTimeout(500);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.evaluate((w) => (w === 'oneShot' ? bench.oneShot() : bench.stream()), what);
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas; let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const n = byId.get(profile.samples[i]);
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + dt[i]); total += dt[i];
}
// The longest stretches without an idle sample (about the longest tasks), and what ran in them:
// self time by function, and the outermost named frame of each sample (which task it was).
const stretches = [];
for (let i = 0, start = -1, ms = 0; i <= profile.samples.length; i++) {
  const n = i < profile.samples.length ? byId.get(profile.samples[i]) : undefined;
  const busy = n && n.callFrame.functionName !== '(idle)';
  if (busy) {
    if (start === -1) (start = i), (ms = 0);
    ms += dt[i] / 1000;
  } else if (start !== -1) {
    stretches.push({ start, end: i, ms });
    start = -1;
  }
}
const parents = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parents.set(c, n);
const label = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
for (const stretch of stretches.sort((a, b) => b.ms - a.ms).slice(0, 3)) {
  const own = new Map();
  const roots = new Map();
  for (let i = stretch.start; i < stretch.end; i++) {
    let n = byId.get(profile.samples[i]);
    own.set(label(n), (own.get(label(n)) ?? 0) + dt[i] / 1000);
    const chain = [];
    for (; n; n = parents.get(n.id)) if (n.callFrame.url) chain.push(label(n));
    const key = chain.slice(-3).reverse().join(' > ') || '(native)';
    roots.set(key, (roots.get(key) ?? 0) + dt[i] / 1000);
  }
  const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `    ${v.toFixed(1).padStart(7)} ${k}`).join('\n');
  console.log(`busy stretch of ${stretch.ms.toFixed(0)} ms; self time:\n${top(own)}\n  by outermost frames:\n${top(roots)}`);
}
// The whole run by the outermost frames of each sample (which task the time was spent in).
const rootsAll = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const chain = [];
  for (let n = byId.get(profile.samples[i]); n; n = parents.get(n.id)) if (n.callFrame.url) chain.push(label(n));
  if (!chain.length) continue;
  const key = chain.slice(-2).reverse().join(' > ');
  rootsAll.set(key, (rootsAll.get(key) ?? 0) + dt[i] / 1000);
}
// Inclusive time of each function in the element's updates.
const inclusive = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const chain = [];
  for (let n = byId.get(profile.samples[i]); n; n = parents.get(n.id)) chain.push(label(n));
  if (!chain.some((c) => c.startsWith('scheduleUpdate'))) continue;
  for (const c of new Set(chain)) inclusive.set(c, (inclusive.get(c) ?? 0) + dt[i] / 1000);
}
console.log('inside the element updates, inclusive:');
for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(`${v.toFixed(1).padStart(8)} ${k}`);
console.log('whole run, script time by outermost frames:');
for (const [k, v] of [...rootsAll].sort((a, b) => b[1] - a[1]).slice(0, 16)) console.log(`${v.toFixed(1).padStart(8)} ${k}`);
const idle = [...self].filter(([k]) => k.startsWith('(idle)')).reduce((s, [, v]) => s + v, 0);
console.log(`total ${(total / 1000).toFixed(0)} ms, non-idle ${((total - idle) / 1000).toFixed(0)} ms`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${(v / 1000).toFixed(1).padStart(8)} ${k}`);
await close(); process.exit(0);
