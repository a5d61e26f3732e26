// `npm run bench`: how much main-thread time the built widget spends rendering a streamed answer,
// next to a one-shot render of the same text (the floor) and a hand-written page that re-renders
// everything on every token (the naive baseline), and of the paced 100 KB stream read by a page
// that does nothing with it and shown by one that appends its text unformatted (what receiving
// and showing it cost whatever renders it; with the floor runs). Prints a table and
// the targets, writes bench/results/latest.json. A measurement, not a test: it exits 0 whatever
// the numbers say.
//
//   node bench/run.mjs [--quick] [--only=widget,naive,floor,long,series] [--sizes=20,100]
//                      [--modes=unthrottled,paced,unthrottled-cold,paced-cold] [--repeat=5] [--stress]
//
// --quick: the 20 KB answer only, no long conversation or series. --only: just those kinds of runs
// (a comma-separated list); ratios to the floor need the floor run. --sizes: just those answer
// sizes (KB). --modes: just those widget runs (the cold ones send before anything was focused).
// With the last three, an A/B of one figure takes minutes, e.g. `node bench/compare.mjs
// --against=../before --rounds=8 --only=widget --sizes=100 --modes=paced`. --stress (or --only=stress):
// a 5 MB answer in one SSE event, a 20 MB answer in an event per paragraph and a 1 MB question;
// reports the longest task of each and checks that all of the text was shown (written to
// bench/results/stress.json). --scale=0.2 scales the stress sizes, for a quicker look.
// --repeat: how many times the short runs (the floor and the unthrottled widget runs, warm and
// cold) run, interleaved, and the long conversation's pairs (20 KB paced, empty and after the
// restored messages); the table gives the median and the range, and the ratios are of medians.
// A single pair of them moved the 100 KB ratio between 1.07 and 1.59 on this machine (the floor
// alone by a fifth), and medians of three between 1.14 and 1.32 in one morning: more than most
// changes it was meant to judge.
import { mkdir, writeFile, access } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright';
import { systemChromium, chromiumArgs } from '../scripts/browser.mjs';
import { startServer } from './server.mjs';
import { generateAnswer } from './answer.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const probePath = fileURLToPath(new URL('./pages/probe.js', import.meta.url));

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const stress = args.includes('--stress');
/** A comma-separated option's values, each checked against `allowed`; undefined when absent. */
function listOption(name, allowed) {
  const given = args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  if (given === undefined) return undefined;
  const values = given.split(',');
  for (const value of values) {
    if (!allowed.includes(value)) throw new Error(`--${name}: unknown value "${value}" (${allowed.join(', ')})`);
  }
  return new Set(values);
}
const KINDS = ['floor', 'widget', 'naive', 'long', 'series', 'stress'];
const kinds = listOption('only', KINDS) ?? new Set(stress ? ['stress'] : ['floor', 'widget', 'naive', 'long', 'series']);
const SIZES = [20, 100];
const sizes = [...(listOption('sizes', SIZES.map(String)) ?? (quick ? ['20'] : SIZES.map(String)))].map(Number);
const WIDGET_MODES = ['unthrottled', 'paced', 'unthrottled-cold', 'paced-cold'];
const widgetModes = listOption('modes', WIDGET_MODES) ?? new Set(WIDGET_MODES);
const REPEAT = Number(args.find((a) => a.startsWith('--repeat='))?.slice('--repeat='.length) ?? 5);
if (!(Number.isInteger(REPEAT) && REPEAT >= 1)) throw new Error('--repeat: a whole number of runs, 1 or more');

/** Wall-time cap of a naive run; past it the page stops and its busy time is a lower bound. */
const NAIVE_CAP_MS = 45_000;
/** Earlier messages in the long-conversation run. */
const HISTORY = 500;
/** Idle time after a page loads, so module compilation and startup GC are not measured. */
const SETTLE_MS = 500;
/** A run that takes longer than this has hung (a lost event, a dead server). */
const RUN_TIMEOUT_MS = 120_000;
/** Tokens per second of the paced runs. */
const RATE = 1000;
/** Answers streamed one after another in the series run, and their size in KB. */
const SERIES = 20;
const SERIES_KB = 20;
/** Stress mode: one answer of this many KB as a single SSE event, one this long in one event per paragraph, a question this long. */
const stressScale = Number(args.find((a) => a.startsWith('--scale='))?.slice('--scale='.length) ?? 1);
const STRESS_SINGLE_KB = Math.round(5 * 1024 * stressScale);
const STRESS_STREAM_KB = Math.round(20 * 1024 * stressScale);
const STRESS_QUESTION_KB = Math.round(1024 * stressScale);
/** Wall-time cap of one stress run. */
const STRESS_TIMEOUT_MS = 600_000;

const log = (line) => process.stderr.write(`${line}\n`);
const fmt = (value, digits = 0) => (value === undefined || Number.isNaN(value) ? '-' : value.toFixed(digits));

await access(`${root}/dist/stream-chat.js`).catch(() => {
  throw new Error('dist/stream-chat.js is missing: run `npm run bench` (it builds first) or `npm run build`');
});

const started = performance.now();
const server = await startServer();
const executablePath = systemChromium();
const browser = await chromium.launch(executablePath ? { executablePath, args: chromiumArgs } : { args: chromiumArgs });
const chromiumVersion = browser.version();

/**
 * The renderer main thread's counters so far, in ms: busy time (CDP's TaskDuration) and the parts
 * of it spent in style recalculation and layout; `other` (script, HTML parsing, paint, compositing,
 * GC) is what remains. CDP's ScriptDuration is left out: it misses most callback and microtask
 * time, so it would only mislead.
 */
async function counters(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name) => metrics.find((m) => m.name === name).value;
  return {
    busy: value('TaskDuration') * 1000,
    style: value('RecalcStyleDuration') * 1000,
    layout: value('LayoutDuration') * 1000,
    layouts: value('LayoutCount'),
  };
}

/** JS heap in use after a forced garbage collection, in MB (as bench:peers measures it). */
async function heapMB(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize / 1024 / 1024;
}

/** b - a, per counter, with `other` derived. */
function between(a, b) {
  const d = Object.fromEntries(['busy', 'style', 'layout', 'layouts'].map((k) => [k, b[k] - a[k]]));
  d.other = d.busy - d.style - d.layout;
  return d;
}

function withTimeout(promise, what, ms = RUN_TIMEOUT_MS) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A fresh context and page per run (nothing cached or compiled from an earlier run), the probe
 * installed before any page script, a CDP session for busy time, and the binding the probe calls
 * as each tenth of the answer is read, which samples the counters at that moment. With `focus`,
 * the composer is then focused, as a user's first act, which loads the markdown renderer; the
 * scripts the page itself loaded are in `loadedWithPage`.
 */
async function openPage(name, query, { focus = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  await context.addInitScript({ path: probePath });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  const scripts = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response);
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const marks = new Map();
  await page.exposeBinding('__benchMark', (_source, fraction, read) => {
    if (!marks.has(fraction)) marks.set(fraction, counters(cdp).then((sample) => ({ ...sample, read })));
  });
  await page.goto(`${server.url}/bench/pages/${name}.html?${new URLSearchParams(query)}`);
  // What the page loaded to show the element, by its load event; the markdown engine follows in
  // idle time after that (or on focus), and is counted as loaded later. (Taken once the bench page
  // was ready, it counted the engine too whenever the idle period came first.)
  const loadedWithPage = scripts.slice();
  await page.waitForFunction(() => window.bench?.ready);
  await page.waitForTimeout(SETTLE_MS);
  if (focus) {
    await page.evaluate(() => bench.focusComposer());
    await page.waitForTimeout(SETTLE_MS);
  }
  return { page, cdp, problems, scripts, loadedWithPage, marks, close: () => context.close() };
}

/** Count, longest, and when each started (ms after the run started), to line them up with the answer. */
function summarizeLongTasks(tasks, start) {
  return {
    count: tasks.length,
    maxMs: tasks.length ? Math.max(...tasks.map((t) => t.duration)) : 0,
    list: tasks.map((t) => ({ atMs: Math.round(t.start - start), durationMs: Math.round(t.duration) })),
  };
}

/**
 * Cost per KB of each tenth of the answer, from counters sampled as each tenth was read (and at
 * the start and end). `ratio` is the last tenth over the first; `steady` the ninth over the
 * second, leaving out the start (request, lazy chunks, grammar downloads) and the end (the final
 * render), which the first and last include. Undefined where one read crossed both ends of a tenth.
 */
async function costCurve(marks, before, after, kb) {
  const at = Object.fromEntries(await Promise.all([...marks].map(async ([f, p]) => [Math.round(f * 10), await p])));
  const points = [before, ...Array.from({ length: 9 }, (_, i) => at[i + 1]), after];
  if (points.includes(undefined)) return undefined;
  const deciles = points.slice(1).map((point, i) => {
    const d = between(points[i], point);
    const collapsed = i > 0 && i < 9 && point.read === points[i].read;
    return collapsed ? undefined : Object.fromEntries(Object.entries(d).map(([k, v]) => [k, v / (0.1 * kb)]));
  });
  const ratio = (a, b) => (a && b ? b.busy / a.busy : undefined);
  return {
    ratio: ratio(deciles[0], deciles[9]),
    steadyRatio: ratio(deciles[1], deciles[8]),
    first10: deciles[0],
    last10: deciles[9],
    perKbByDecile: deciles.map((d) => d?.busy),
    deciles,
  };
}

async function gzipSizes(responses) {
  const files = [];
  for (const response of responses) {
    const body = await response.body().catch(() => undefined);
    if (!body) continue;
    const path = new URL(response.url()).pathname.replace(/^\//, '');
    files.push({ path, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length });
  }
  return { gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0), files };
}

const results = [];
/** JS the widget page loads before the first message, and what the first answer loads lazily. */
let initialJs;
let lazyJs;

function timing(before, after) {
  const time = between(before, after);
  return { busyMs: time.busy, time };
}

function record(run) {
  run.lagMs = lagMs(run.mode, run.size, run.wallMs);
  results.push(run);
  const seconds = ((run.wallMs ?? 0) / 1000).toFixed(1);
  log(`  ${run.page.padEnd(6)} ${String(run.size).padStart(3)} KB ${run.mode.padEnd(11)} busy ${run.busyMs?.toFixed(0) ?? '-'} ms, ${seconds} s wall`);
  for (const problem of new Set(run.problems ?? [])) log(`    ! ${problem}`);
  return run;
}

async function runFloor(size) {
  // The renderer loaded, as in the widget runs: the floor is the render, not the download.
  const session = await openPage('widget', { size }, { focus: true });
  try {
    await session.page.evaluate((url) => bench.load(url), `/answer.md?size=${size}`);
    const wall = performance.now();
    const before = await counters(session.cdp);
    const result = await withTimeout(session.page.evaluate(() => bench.oneShot()), 'floor');
    const after = await counters(session.cdp);
    return record({
      page: 'floor', size, mode: 'one-shot', kb: server.answer(size).text.length / 1024,
      ...timing(before, after), wallMs: performance.now() - wall,
      longTasks: summarizeLongTasks(result.longTasks, result.start),
      textLength: result.textLength, allRendered: result.allRendered, problems: session.problems,
    });
  } finally {
    await session.close();
  }
}

/**
 * The paced stream read to its end by a page that does nothing with it (`read`): what receiving it
 * costs the page whatever renders it. And shown by the least a renderer does (`plain`: its text
 * appended unformatted at the widget's cadence, scrolled to the bottom): what showing it costs the
 * page whatever renders it. Together the part of the widget's paced busy share no renderer saves.
 */
async function runAlone(size, page) {
  const session = await openPage('widget', { size, mode: 'paced', rate: RATE }, { focus: true });
  try {
    const wall = performance.now();
    const before = await counters(session.cdp);
    const result = await withTimeout(session.page.evaluate((page) => (page === 'read' ? bench.readAlone() : bench.plainAlone()), page), `${page} alone`);
    const after = await counters(session.cdp);
    const answer = server.answer(size);
    if (page === 'plain' && result.shown !== answer.text.length) throw new Error(`plain text alone: showed ${result.shown} of ${answer.text.length} characters`);
    return record({
      page, size, mode: page === 'read' ? 'paced, alone' : 'paced, text only', kb: answer.text.length / 1024,
      ...timing(before, after), wallMs: performance.now() - wall,
      longTasks: summarizeLongTasks(result.longTasks, result.start),
      busyShare: (after.busy - before.busy) / pacedMs(size), updatesPerSecond: (result.updates ?? 0) / (pacedMs(size) / 1000),
      problems: session.problems,
    });
  } finally {
    await session.close();
  }
}

/**
 * The widget streaming one answer; with `history`, after restoring that many earlier messages.
 * The composer is focused first, as a user's first act, which loads the markdown renderer; `cold`
 * sends programmatically without that, so the renderer loads in parallel with the request.
 */
async function runWidget(size, mode, { history = 0, cold = false, label } = {}) {
  const session = await openPage('widget', { size, mode, rate: RATE }, { focus: !cold });
  try {
    let restore;
    if (history) {
      await session.page.evaluate((url) => bench.load(url), `/conversation.json?count=${history}`);
      const before = await counters(session.cdp);
      const result = await withTimeout(session.page.evaluate(() => bench.restore()), 'restore');
      const after = await counters(session.cdp);
      restore = { messages: result.messages, ...timing(before, after), longTasks: summarizeLongTasks(result.longTasks, result.start), allRendered: result.allRendered };
      await session.page.waitForTimeout(SETTLE_MS);
    }
    const wall = performance.now();
    const before = await counters(session.cdp);
    const result = await withTimeout(session.page.evaluate(() => bench.stream()), `widget ${size} KB ${mode}`);
    const after = await counters(session.cdp);
    const wallMs = performance.now() - wall;
    const answer = server.answer(size);
    const run = {
      page: 'widget', size, mode: label ?? (history ? `${mode}, ${history} msgs` : cold ? `${mode}, cold` : mode), kb: answer.text.length / 1024,
      ...timing(before, after), wallMs,
      longTasks: summarizeLongTasks(result.longTasks, result.start),
      firstBytePaintMs: result.firstPaint - result.firstByte,
      framesToPaint: result.framesToPaint,
      heapMB: await heapMB(session.cdp),
      // Paced: busy time over the stream's duration at RATE (as bench:peers reports it), and
      // visible updates per second between the first and the last byte.
      busyShare: mode === 'paced' ? (after.busy - before.busy) / pacedMs(size) : undefined,
      updatesPerSecond: mode === 'paced' ? result.updates / ((result.lastByte - result.firstByte) / 1000) : undefined,
      cost: mode === 'paced' ? await costCurve(session.marks, before, after, answer.text.length / 1024) : undefined,
      outcome: result.outcome, textLength: result.textLength, allRendered: result.allRendered,
      restore, problems: session.problems,
    };
    if (!history && !cold && !initialJs) {
      initialJs = await gzipSizes(session.loadedWithPage);
      lazyJs = await gzipSizes(session.scripts.slice(session.loadedWithPage.length));
    }
    return record(run);
  } finally {
    await session.close();
  }
}

/** How long the server takes to send the answer of `size` KB paced at RATE tokens a second. */
function pacedMs(size) {
  return (server.answer(size).tokens.length / RATE) * 1000;
}

/** How far behind the server a paced run finished: 0 for a page that keeps up. */
function lagMs(mode, size, wallMs) {
  if (!mode.startsWith('paced')) return undefined;
  return Math.max(0, wallMs - pacedMs(size));
}

async function runNaive(size, mode) {
  const session = await openPage('naive', { size, mode, rate: RATE });
  try {
    const wall = performance.now();
    const before = await counters(session.cdp);
    const result = await withTimeout(session.page.evaluate((cap) => bench.stream(cap), NAIVE_CAP_MS), `naive ${size} KB ${mode}`);
    const after = await counters(session.cdp);
    const answer = server.answer(size);
    return record({
      page: 'naive', size, mode, kb: answer.text.length / 1024,
      ...timing(before, after), wallMs: performance.now() - wall,
      stopped: result.stopped, progress: result.tokens / answer.tokens.length,
      longTasks: summarizeLongTasks(result.longTasks, result.start),
      firstBytePaintMs: result.firstPaint - result.firstByte,
      framesToPaint: result.framesToPaint,
      cost: mode === 'paced' && !result.stopped ? await costCurve(session.marks, before, after, answer.text.length / 1024) : undefined,
      outcome: result.outcome, receivedLength: result.receivedLength, expectedLength: answer.text.length,
      problems: session.problems,
    });
  } finally {
    await session.close();
  }
}

/**
 * SERIES answers of SERIES_KB streamed one after another into one conversation (unthrottled):
 * busy time and long tasks per answer, and the JS heap after each (after a forced GC), so the cost
 * and memory per answer can be seen to stay flat.
 */
async function runSeries() {
  const session = await openPage('widget', { size: SERIES_KB, mode: 'unthrottled' }, { focus: true });
  try {
    const answers = [];
    for (let i = 0; i < SERIES; i++) {
      const before = await counters(session.cdp);
      const result = await withTimeout(session.page.evaluate(() => bench.stream()), `series answer ${i + 1}`);
      const after = await counters(session.cdp);
      answers.push({
        busyMs: after.busy - before.busy,
        longTasks: summarizeLongTasks(result.longTasks, result.start),
        heapMB: await heapMB(session.cdp),
        ok: result.outcome?.type === 'stream-chat-complete' && result.allRendered,
      });
      log(`  series ${String(i + 1).padStart(2)}: busy ${fmt(answers.at(-1).busyMs)} ms, heap ${fmt(answers.at(-1).heapMB, 1)} MB`);
    }
    return { answers, problems: session.problems };
  } finally {
    await session.close();
  }
}

/**
 * Stress: what a host page sees when the network does its worst. The longest main-thread task is
 * the figure; the run also checks that all of the text was shown in the end (the streamed answer's
 * text is as long as a one-shot render's, the question shown whole).
 */
async function runStress(name, query, { question } = {}) {
  const session = await openPage('widget', query, { focus: true });
  try {
    const wall = performance.now();
    const before = await counters(session.cdp);
    // A backlog of megabytes is shown over many frames after its last byte: wait for all of it.
    const result = await withTimeout(session.page.evaluate((q) => bench.stream(q, 300_000), question), `stress ${name}`, STRESS_TIMEOUT_MS);
    const after = await counters(session.cdp);
    const wallMs = performance.now() - wall;
    let expected;
    if (!question) {
      await session.page.evaluate((url) => bench.load(url), `/answer.md?size=${query.size}`);
      expected = await withTimeout(session.page.evaluate(() => bench.expectedTextLength()), `stress ${name} one-shot`, STRESS_TIMEOUT_MS);
    }
    const run = {
      name, busyMs: after.busy - before.busy, wallMs,
      longTasks: summarizeLongTasks(result.longTasks, result.start),
      firstBytePaintMs: result.firstPaint - result.firstByte,
      outcome: result.outcome?.type,
      textLength: result.textLength, expectedTextLength: expected,
      questionLength: result.questionLength, expectedQuestionLength: question?.length,
      problems: session.problems,
    };
    run.allShown = run.outcome === 'stream-chat-complete' && result.allRendered &&
      (question ? run.questionLength === question.length : run.textLength === expected);
    log(`  ${name.padEnd(34)} longest task ${fmt(run.longTasks.maxMs)} ms, ${run.longTasks.count} over 50 ms, busy ${fmt(run.busyMs)} ms, ${fmt(wallMs / 1000, 1)} s wall, all shown: ${run.allShown}`);
    for (const problem of new Set(run.problems)) log(`    ! ${problem}`);
    return run;
  } finally {
    await session.close();
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * Runs each of `runs` REPEAT times, interleaved (a b c a b c ...), so that what the machine does
 * meanwhile falls on all of them alike. Every run stays in `results`, all but the median of each
 * (by busy time) marked `repeat`: the table and the ratios use the median, which carries the
 * busy time of every round; the targets about every run (long tasks, first paint) count them all.
 */
async function interleaved(runs) {
  const rounds = runs.map(() => []);
  const medians = [];
  for (let round = 0; round < REPEAT; round++) {
    for (const [i, run] of runs.entries()) rounds[i].push(await run());
  }
  for (const list of rounds) {
    const median = [...list].sort((a, b) => a.busyMs - b.busyMs)[(list.length - 1) >> 1];
    for (const run of list) if (run !== median) run.repeat = true;
    median.rounds = list.map((run) => run.busyMs);
    medians.push(median);
    // The table lists the runs in the order asked for, not in the order their medians ran.
    results.splice(results.indexOf(median), 1);
    results.push(median);
  }
  return medians;
}

let long;
let series;
const stressRuns = [];
try {
  for (const size of ['floor', 'widget', 'naive'].some((kind) => kinds.has(kind)) ? sizes : []) {
    log(`${size} KB answer (${server.answer(size).tokens.length} tokens)`);
    const short = [];
    if (kinds.has('floor')) short.push(() => runFloor(size));
    if (kinds.has('widget') && widgetModes.has('unthrottled')) short.push(() => runWidget(size, 'unthrottled'));
    // The first message of a page sent by script, no composer focus: the renderer loads alongside the request.
    if (kinds.has('widget') && widgetModes.has('unthrottled-cold')) short.push(() => runWidget(size, 'unthrottled', { cold: true }));
    await interleaved(short);
    if (kinds.has('floor') && size === 100) {
      await runAlone(size, 'read');
      await runAlone(size, 'plain');
    }
    if (kinds.has('widget')) {
      if (widgetModes.has('paced')) await runWidget(size, 'paced');
      if (size === 20 && widgetModes.has('paced-cold')) await runWidget(size, 'paced', { cold: true });
    }
    if (kinds.has('naive')) {
      await runNaive(size, 'unthrottled');
      if (size <= 20) await runNaive(size, 'paced');
      else results.push({ page: 'naive', size, mode: 'paced', skipped: 'skipped (quadratic)' });
    }
  }
  if (kinds.has('long') && !quick) {
    log(`long conversation (${HISTORY} earlier messages)`);
    // Pairs of the empty and the long conversation, interleaved like the short runs: a single
    // pair of these 5 s runs moved the ratio between 0.67× and 1.27× in one morning, and an empty
    // run taken minutes before (the 20 KB paced row) met a different machine load.
    const [empty, after] = await interleaved([
      () => runWidget(20, 'paced', { label: 'paced, 0 msgs' }),
      () => runWidget(20, 'paced', { history: HISTORY }),
    ]);
    long = { empty, after };
  }
  if (kinds.has('series') && !quick) {
    log(`${SERIES} answers of ${SERIES_KB} KB in a row (unthrottled)`);
    series = await runSeries();
  }
  if (kinds.has('stress')) {
    log('stress');
    stressRuns.push(await runStress(`${fmt(STRESS_SINGLE_KB / 1024, 1)} MB answer in one SSE event`, { size: STRESS_SINGLE_KB, mode: 'single' }));
    stressRuns.push(await runStress(`${fmt(STRESS_STREAM_KB / 1024, 1)} MB answer, an event per paragraph`, { size: STRESS_STREAM_KB, mode: 'paragraphs' }));
    const question = generateAnswer(STRESS_QUESTION_KB * 1024, 7);
    stressRuns.push(await runStress(`${fmt(STRESS_QUESTION_KB / 1024, 1)} MB question`, { size: 20, mode: 'unthrottled' }, { question }));
  }
} finally {
  await browser.close();
  await server.close();
}
const wallMs = performance.now() - started;

// ---------------------------------------------------------------------------------------------

/** The runs the table shows: one per kind of run, the median of repeated ones. */
const shown = results.filter((r) => !r.repeat);
const floorOf = (size) => shown.find((r) => r.page === 'floor' && r.size === size);

function row(run) {
  const answer = `${run.size} KB`;
  if (run.skipped) return [answer, run.page, run.mode, run.skipped, '', '', '', '', '', ''];
  const floor = floorOf(run.size);
  const range = run.rounds?.length > 1 ? ` (${fmt(Math.min(...run.rounds))}-${fmt(Math.max(...run.rounds))})` : '';
  const busyText = run.stopped ? `> ${fmt(run.busyMs)} (stopped at ${fmt(run.progress * 100)}%)` : `${fmt(run.busyMs)}${range}`;
  const ratio = floor && !run.stopped ? fmt(run.busyMs / floor.busyMs, 2) : floor ? `> ${fmt(run.busyMs / floor.busyMs, 0)}` : '-';
  const tasks = `${run.longTasks.count} (${run.longTasks.count ? fmt(run.longTasks.maxMs) : '-'})`;
  const behind = run.lagMs > 1000 ? `, fell ${fmt(run.lagMs / 1000)} s behind` : '';
  const cost = run.cost ? `${fmt(run.cost.ratio, 2)} (steady ${fmt(run.cost.steadyRatio, 2)}${behind})` : '-';
  const firstPaint = run.framesToPaint === undefined ? fmt(run.firstBytePaintMs, 1) : `${fmt(run.firstBytePaintMs, 1)} (frame ${run.framesToPaint})`;
  const share = run.busyShare === undefined ? '-' : `${fmt(run.busyShare * 100)}% (${fmt(run.updatesPerSecond)}/s)`;
  return [answer, run.page, run.mode, busyText, ratio, tasks, firstPaint, share, fmt(run.heapMB, 1), cost];
}

const header = ['answer', 'page', 'mode', 'busy ms', '×floor', 'long tasks (max ms)', 'first byte→paint ms', 'busy % of stream (updates)', 'heap MB', 'last10%/first10% per KB'];
const rows = [header, ...shown.map(row)];
const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
const numeric = new Set([3, 4]);
const lines = rows.map((r) => r.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd());
console.log('');
console.log(lines[0]);
console.log(lines.slice(1).join('\n'));
console.log('');
console.log('busy ms: main-thread task time (CDP TaskDuration) from send/assignment until the answer is painted and highlighted.');
if (REPEAT > 1) console.log(`the floor, the unthrottled runs and the long conversation's pair: the median of ${REPEAT} interleaved runs (range in brackets; ×floor is median over median; long tasks and first paint are their median run's, the targets count every run).`);
console.log('last10%/first10%: busy time per KB over the answer\'s last vs first 10% (steady: 9th vs 2nd tenth, without start-up and final render).');
console.log('first byte→paint, unthrottled: the whole answer is already buffered at the first read, so it is the time to get through that backlog.');
console.log('runs focus the composer first (a user\'s first act, which loads the markdown renderer), the floor too; "cold" sends by script without it.');
console.log(`busy % of stream: paced busy time over the stream's duration at ${RATE} tokens/s, with visible updates per second between the first and last byte.`);
console.log('read, paced, alone: the same paced stream read to its end by a page that does nothing with it: what receiving it costs whatever renders it.');
console.log('plain, paced, text only: the same stream parsed and its text appended unformatted at the widget\'s cadence, kept scrolled to the bottom: what showing it costs whatever renders it.');
console.log('heap MB: JS heap used after the answer, after a forced GC (as bench:peers measures it).');

const part = (t) => `style ${fmt(t.style)}, layout ${fmt(t.layout)}, other ${fmt(t.other)}`;
console.log('\nwhere the busy time goes (ms; other = script, HTML parsing, paint, compositing, GC):');
for (const run of shown.filter((r) => r.time)) {
  console.log(`  ${`${run.size} KB ${run.page} ${run.mode}`.padEnd(28)} ${part(run.time)} (${run.time.layouts} layouts)`);
}
const curves = shown.filter((r) => r.cost);
if (curves.length) {
  console.log('per KB, first 10% -> last 10% of the answer (ms/KB):');
  const arrow = (a, b, k) => `${k} ${fmt(a[k], 1)}->${fmt(b[k], 1)}`;
  for (const { size, page, mode, cost } of curves) {
    const [a, b] = [cost.first10, cost.last10];
    console.log(`  ${`${size} KB ${page} ${mode}`.padEnd(28)} ${['busy', 'style', 'layout', 'other'].map((k) => arrow(a, b, k)).join(', ')}`);
    console.log(`  ${''.padEnd(28)} busy by tenth: ${cost.perKbByDecile.map((v) => fmt(v)).join(' ')}`);
  }
}

if (initialJs) {
  const files = initialJs.files.map((f) => `${f.path} ${fmt(f.gzipBytes / 1024, 1)} KB`).join(', ');
  console.log(`initial JS before first message: ${fmt(initialJs.gzipBytes / 1024, 1)} KB gzip (${files})`);
  const lazy = lazyJs.files.map((f) => `${f.path.split('/').pop()} ${fmt(f.gzipBytes / 1024, 1)}`).join(', ');
  console.log(`loaded after the element showed (in idle time, or on composer focus, a send or restored messages): ${fmt(lazyJs.gzipBytes / 1024, 1)} KB gzip more (${lazy || 'nothing'})`);
}
if (long) {
  const { restore } = long.after;
  console.log(
    `long conversation: restore ${restore.messages} messages ${fmt(restore.busyMs)} ms busy, ` +
      `${restore.longTasks.count} long task${restore.longTasks.count === 1 ? '' : 's'}${restore.longTasks.count ? ` (max ${fmt(restore.longTasks.maxMs)} ms)` : ''}; ` +
      `20 KB paced after it ${fmt(long.after.busyMs)} ms vs ${fmt(long.empty.busyMs)} ms empty (${fmt(long.after.busyMs / long.empty.busyMs, 2)}×), ` +
      `${long.after.longTasks.count} long tasks while streaming, first byte→paint ${fmt(long.after.firstBytePaintMs, 1)} ms`,
  );
}

if (series) {
  const { answers } = series;
  const busy = answers.map((a) => a.busyMs);
  const half = (list) => list.reduce((sum, v) => sum + v, 0) / list.length;
  const firstHalf = half(busy.slice(1, SERIES / 2));
  const secondHalf = half(busy.slice(SERIES / 2));
  const perAnswerMB = (answers.at(-1).heapMB - answers[0].heapMB) / (answers.length - 1);
  const long = answers.reduce((sum, a) => sum + a.longTasks.count, 0);
  console.log(
    `${SERIES} answers of ${SERIES_KB} KB in a row: busy per answer ${busy.map((v) => fmt(v)).join(' ')} ms ` +
      `(answers 11-20 / 2-10: ${fmt(secondHalf / firstHalf, 2)}×), ${long} long tasks, ` +
      `heap ${fmt(answers[0].heapMB, 1)} -> ${fmt(answers.at(-1).heapMB, 1)} MB (${fmt(perAnswerMB * 1024)} KB per answer)`,
  );
}
if (stressRuns.length) {
  console.log('\nstress (target: no task over 200 ms, all of the text shown):');
  for (const run of stressRuns) {
    console.log(
      `  ${run.name.padEnd(36)} longest task ${fmt(run.longTasks.maxMs).padStart(6)} ms, ${run.longTasks.count} over 50 ms, ` +
        `busy ${fmt(run.busyMs)} ms over ${fmt(run.wallMs / 1000, 1)} s, first byte→paint ${fmt(run.firstBytePaintMs)} ms, ` +
        `all shown: ${run.allShown ? 'yes' : `NO (${run.expectedQuestionLength ? run.questionLength : run.textLength} of ${run.expectedQuestionLength ?? run.expectedTextLength} characters, ${run.outcome})`}`,
    );
  }
}

// Sanity: a measurement that silently measured nothing is worse than none.
const warnings = [];
for (const run of results) {
  if (run.skipped) continue;
  const name = `${run.page} ${run.size} KB ${run.mode}`;
  if (!(run.busyMs > 0)) warnings.push(`${name}: busy time is ${run.busyMs}; TaskDuration did not move`);
  if (run.page === 'widget') {
    const floor = floorOf(run.size);
    if (run.outcome?.type !== 'stream-chat-complete') warnings.push(`${name}: ended with ${run.outcome?.type} ${run.outcome?.error?.message ?? ''}`);
    if (floor && run.textLength !== floor.textLength) warnings.push(`${name}: shows ${run.textLength} characters of text, the floor ${floor.textLength}`);
    if (!run.allRendered) warnings.push(`${name}: the answer never showed text, or some code blocks were never highlighted`);
  }
  if (run.page === 'floor' && !run.allRendered) warnings.push(`${name}: the answer never showed text, or some code blocks were never highlighted`);
  if (run.page === 'naive' && !run.stopped && run.receivedLength !== run.expectedLength) {
    warnings.push(`${name}: received ${run.receivedLength} of ${run.expectedLength} characters`);
  }
  if (run.mode.startsWith('paced') && !['read', 'plain'].includes(run.page) && !run.stopped && !run.cost) warnings.push(`${name}: the per-tenth samples are missing`);
  if (run.page !== 'floor' && Number.isNaN(run.firstBytePaintMs)) warnings.push(`${name}: no first byte or first paint was seen`);
}
const naiveFloorRatios = shown.filter((r) => r.page === 'naive' && !r.skipped && floorOf(r.size)).map((r) => r.busyMs / floorOf(r.size).busyMs);
if (naiveFloorRatios.some((ratio) => ratio < 3)) warnings.push('the naive page came within 3× of the floor: check that it re-renders per event');
if (warnings.length) console.log(`\nsuspicious:\n${warnings.map((w) => `  - ${w}`).join('\n')}`);

// ---------------------------------------------------------------------------------------------

const find = (page, size, mode) => shown.find((r) => r.page === page && r.size === size && r.mode === mode);
// Every widget run, cold and warm, paced and unthrottled, repeats too: a backlog must not delay the first paint either.
const widgetRuns = results.filter((r) => r.page === 'widget');
const worstFirstPaint = widgetRuns.length
  ? widgetRuns.reduce((a, b) => (b.framesToPaint > a.framesToPaint || (b.framesToPaint === a.framesToPaint && b.firstBytePaintMs > a.firstBytePaintMs) ? b : a))
  : undefined;
const longTaskRuns = [...widgetRuns, ...(series?.answers ?? [])];
const mostLongTasks = longTaskRuns.length ? longTaskRuns.reduce((a, b) => (b.longTasks.maxMs > a.longTasks.maxMs ? b : a)) : undefined;
const unthrottled100 = find('widget', 100, 'unthrottled');
const unthrottled100Cold = find('widget', 100, 'unthrottled, cold');
const paced100 = find('widget', 100, 'paced');
const readAlone100 = find('read', 100, 'paced, alone');
const plainAlone100 = find('plain', 100, 'paced, text only');
const seriesBusy = series?.answers.map((a) => a.busyMs);
const mean = (list) => list.reduce((sum, v) => sum + v, 0) / list.length;
const worstStress = stressRuns.length ? stressRuns.reduce((a, b) => (b.longTasks.maxMs > a.longTasks.maxMs ? b : a)) : undefined;
const targets = [
  {
    name: 'no task over 50 ms in any widget run (cold, warm, long conversation, series)',
    value: longTaskRuns.length ? longTaskRuns.reduce((sum, r) => sum + r.longTasks.count, 0) : undefined,
    show: (v) => `${v}${v ? ` (longest ${fmt(mostLongTasks.longTasks.maxMs)} ms${mostLongTasks.page ? `, ${mostLongTasks.size} KB ${mostLongTasks.mode}` : ', series'})` : ''}`,
    pass: (v) => v === 0,
  },
  {
    name: 'first text painted in the first frame after the first byte (worst widget run, cold and warm)',
    value: worstFirstPaint?.framesToPaint,
    show: (v) => `frame ${v}, ${fmt(worstFirstPaint.firstBytePaintMs, 1)} ms after the first byte (${worstFirstPaint.size} KB ${worstFirstPaint.mode})`,
    pass: (v) => v <= 1,
  },
  {
    name: '100 KB paced at 1000 tok/s: busy ≤ 15% of the stream, ≥ 20 updates/s',
    value: paced100?.busyShare,
    show: (v) => {
      const alone = [
        readAlone100 && `reading the stream alone: ${fmt(readAlone100.busyShare * 100, 1)}%`,
        plainAlone100 && `showing it as plain text: ${fmt(plainAlone100.busyShare * 100, 1)}%, the widget ${fmt(v / plainAlone100.busyShare, 2)}× that`,
      ].filter(Boolean);
      return `${fmt(v * 100, 1)}%, ${fmt(paced100.updatesPerSecond, 1)} updates/s${alone.length ? ` (${alone.join('; ')})` : ''}`;
    },
    pass: (v) => v <= 0.15 && paced100.updatesPerSecond >= 20,
  },
  {
    name: '100 KB unthrottled ≤ 1.3× floor (warm)',
    value: unthrottled100 && floorOf(100) ? unthrottled100.busyMs / floorOf(100).busyMs : undefined,
    show: (v) => `${fmt(v, 2)}×`,
    pass: (v) => v <= 1.3,
  },
  {
    name: '100 KB unthrottled ≤ 1.6× floor (cold)',
    value: unthrottled100Cold && floorOf(100) ? unthrottled100Cold.busyMs / floorOf(100).busyMs : undefined,
    show: (v) => `${fmt(v, 2)}×`,
    pass: (v) => v <= 1.6,
  },
  {
    name: 'last-10% cost per KB ≤ 1.2× first 10% (widget, 100 KB paced)',
    value: paced100?.cost?.ratio,
    show: (v) => `${fmt(v, 2)}×`,
    pass: (v) => v <= 1.2,
  },
  {
    name: `streaming after ${HISTORY} restored messages ≤ 1.1× an empty conversation`,
    value: long ? long.after.busyMs / long.empty.busyMs : undefined,
    show: (v) => `${fmt(v, 2)}×`,
    pass: (v) => v <= 1.1,
  },
  {
    name: `${SERIES} answers in a row: answers 11-20 cost ≤ 1.1× answers 2-10`,
    value: seriesBusy ? mean(seriesBusy.slice(SERIES / 2)) / mean(seriesBusy.slice(1, SERIES / 2)) : undefined,
    show: (v) => `${fmt(v, 2)}×`,
    pass: (v) => v <= 1.1,
  },
  {
    name: 'stress: no task over 200 ms, all of the text shown',
    value: worstStress?.longTasks.maxMs,
    show: (v) => `longest ${fmt(v)} ms (${worstStress.name})${stressRuns.every((r) => r.allShown) ? '' : ', NOT ALL SHOWN'}`,
    pass: (v) => v <= 200 && stressRuns.every((r) => r.allShown),
  },
  {
    name: 'initial JS ≤ 45 KB gzip',
    value: initialJs ? initialJs.gzipBytes / 1024 : undefined,
    show: (v) => `${fmt(v, 1)} KB`,
    pass: (v) => v <= 45,
  },
].map((t) => ({ name: t.name, value: t.value, result: t.value === undefined ? 'NOT RUN' : t.pass(t.value) ? 'PASS' : 'FAIL', shown: t.value === undefined ? '' : t.show(t.value) }));

console.log('\ntargets:');
for (const t of targets) console.log(`  ${t.result.padEnd(7)} ${t.name}${t.shown ? `: ${t.shown}` : ''}`);
console.log(`\nwall time ${fmt(wallMs / 1000, 1)} s, Chromium ${chromiumVersion}`);

let commit;
try {
  commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
} catch {
  commit = undefined;
}
await mkdir(`${root}/bench/results`, { recursive: true });
await writeFile(
  `${root}/bench/results/${stressRuns.length && results.length === 0 ? 'stress' : 'latest'}.json`,
  JSON.stringify({ date: new Date().toISOString(), commit, chromium: chromiumVersion, node: process.version, args, wallMs, results, initialJs, lazyJs, long, series, stress: stressRuns, targets, warnings }, null, 2) + '\n',
);
