// Where the renderer's main thread spends one benchmark run, from a Chromium trace: every task
// sorted into updates (a timer's task over 1 ms, src/frames.ts), frames that showed an update (the
// frame after such a task, or one whose animation-frame callbacks ran over 1 ms: the first text, a
// backlog's slices), frames that did not, and the other tasks (network reads, parsing); then, per
// update (its task and its frame), the self time of each trace event (script, style, layout,
// paint, commit), how many elements a style recalculation touched and how many objects a layout
// had to lay out again; and the outline of every task over 50 ms. Like bench/profile.mjs, a guide for where to look, not a
// measurement to quote: tracing slows the page by a fifth or more.
//
//   npm run build && node bench/trace.mjs [size=20] [paced|unthrottled] [cold]
import { openWidgetPage } from './widget-page.mjs';

const [size = '20', mode = 'paced', cold] = process.argv.slice(2);
const { page, browser, close } = await openWidgetPage({ size, mode, cold: cold === 'cold' });
if (cold !== 'cold') await page.waitForTimeout(1000);
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8'] });
const started = Date.now();
await page.evaluate(() => bench.stream());
const wall = Date.now() - started;
const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
await close();

// The page's main thread: the CrRendererMain that ran tasks.
const mains = traceEvents.filter((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
const main = mains.find((m) => traceEvents.some((e) => e.pid === m.pid && e.tid === m.tid && e.name === 'RunTask'));
const events = traceEvents
  .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
  .sort((a, b) => a.ts - b.ts || b.dur - a.dur);

/** Each top-level task with the events inside it, in order. */
const tasks = [];
for (let i = 0; i < events.length; i++) {
  const task = events[i];
  if (task.name !== 'RunTask') continue;
  const inside = [];
  for (let j = i + 1; j < events.length && events[j].ts < task.ts + task.dur; j++) inside.push(events[j]);
  tasks.push({ task, inside });
  i += inside.length;
}

/** The events inside a task with their parent and depth (the task itself is depth 0). */
function* nested({ task, inside }) {
  const stack = [task];
  for (const event of inside) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= event.ts) stack.pop();
    yield { event, parent: stack.at(-1), depth: stack.length };
    stack.push(event);
  }
}

const ms = (us) => us / 1000;
const fmt = (value, digits = 0) => value.toFixed(digits);
const classes = new Map();
const add = (map, key, value) => map.set(key, (map.get(key) ?? 0) + value);
const frameSelf = new Map();
const otherSelf = new Map();
let otherTasks = 0;
/** Adds each event's self time (its duration less its children's) in a task to `map`. */
function addSelf(map, entry) {
  add(map, entry.task.name, entry.task.dur);
  for (const { event, parent } of nested(entry)) {
    if (parent) add(map, parent.name, -event.dur);
    add(map, event.name, event.dur);
  }
}
let updateFrames = 0;
let styled = 0;
let styles = 0;
let dirty = 0;
let total = 0;
let layouts = 0;
// An update of streaming text runs in a timer's task and is painted by the next frame
// (src/frames.ts); the first text, and a backlog's slices, run in a frame's callbacks.
let afterUpdate = false;
for (const { task, inside } of tasks) {
  const frame = inside.some((e) => e.name === 'WebFrameWidgetImpl::BeginMainFrame');
  const callbacks = inside.filter((e) => e.name === 'FrameRequestCallbackCollection::ExecuteFrameCallbacks').reduce((s, e) => s + e.dur, 0);
  const updateTask = !frame && task.dur > 1000 && inside.some((e) => e.name === 'TimerFire');
  const kind = frame
    ? callbacks > 1000 || afterUpdate ? 'update frames' : 'frames without an update'
    : updateTask ? 'update tasks (timers)' : task.dur > 300 ? 'other tasks over 0.3 ms' : 'other tasks';
  if (updateTask) afterUpdate = true;
  else if (frame) afterUpdate = false;
  const entry = classes.get(kind) ?? { count: 0, time: 0 };
  entry.count += 1;
  entry.time += task.dur;
  classes.set(kind, entry);
  if (kind === 'other tasks over 0.3 ms') {
    otherTasks += 1;

    addSelf(otherSelf, { task, inside });
  }
  if (kind !== 'update frames' && kind !== 'update tasks (timers)') continue;
  if (kind === 'update frames') updateFrames += 1;
  addSelf(frameSelf, { task, inside });
  for (const { event: e } of nested({ task, inside })) {
    if (e.name === 'UpdateLayoutTree' && e.args?.elementCount !== undefined) {
      styled += e.args.elementCount;
      styles += 1;
    }
    if (e.name === 'Layout' && e.args?.beginData) {
      dirty += e.args.beginData.dirtyObjects ?? 0;
      total += e.args.beginData.totalObjects ?? 0;
      layouts += 1;
    }
  }
}

const busy = tasks.reduce((s, { task }) => s + task.dur, 0);
console.log(`${size} KB ${mode}${cold === 'cold' ? ', cold' : ''}: ${fmt(wall)} ms wall, ${tasks.length} tasks, ${fmt(ms(busy))} ms busy (traced)`);
for (const [kind, { count, time }] of classes) {
  console.log(`  ${kind.padEnd(26)} ${String(count).padStart(6)} × ${fmt(ms(time / count), 2)} ms = ${fmt(ms(time))} ms`);
}
if (updateFrames) {
  console.log(`per update (its task and its frame): self ms by trace event`);
  for (const [name, time] of [...frameSelf].sort((a, b) => b[1] - a[1]).slice(0, 16)) {
    console.log(`  ${fmt(ms(time / updateFrames), 3).padStart(7)} ${name}`);
  }
  if (styles) console.log(`  style recalculations: ${fmt(styled / styles, 1)} elements each (${styles})`);
  if (layouts) console.log(`  layouts: ${fmt(dirty / layouts, 1)} dirty of ${fmt(total / layouts)} objects each (${layouts})`);
}
if (otherTasks) {
  console.log(`per other task over 0.3 ms: self ms by trace event`);
  for (const [name, time] of [...otherSelf].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    console.log(`  ${fmt(ms(time / otherTasks), 3).padStart(7)} ${name}`);
  }
}
for (const long of tasks.filter(({ task }) => task.dur > 50_000)) {
  console.log(`task of ${fmt(ms(long.task.dur), 1)} ms:`);
  for (const { event, depth } of nested(long)) {
    if (depth <= 4 && event.dur >= 2000) console.log(`  ${'  '.repeat(depth - 1)}${event.name} ${fmt(ms(event.dur), 1)}`);
  }
}
process.exit(0);
