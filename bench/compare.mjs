// `bench/run.mjs` repeated, and interleaved with another checkout's, with every round of every
// figure side by side. This machine moves one build's figures by 10-20% between runs, so a single
// run of each build says little about a change; rounds that alternate between the two builds
// share whatever the machine was doing meanwhile.
//
//   node bench/compare.mjs [--rounds=3] [--against=../other-checkout] [run.mjs options]
//
// e.g. `git worktree add ../before main && (cd ../before && ln -s ../stream-chat-element/node_modules
// && npx vite build) && npx vite build && node bench/compare.mjs --against=../before --only=floor,widget`.
// Both checkouts must be built first; each run writes its own bench/results/latest.json, read
// after it. Prints, for every run of run.mjs's table, its busy time, its ratio to the floor of the
// same round, its busy share of a paced stream and its tasks over 50 ms, one column per checkout.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const rounds = Number(option('rounds') ?? 3);
const against = option('against');
const passOn = args.filter((a) => !a.startsWith('--rounds=') && !a.startsWith('--against='));
const here = fileURLToPath(new URL('..', import.meta.url));
const checkouts = [here, ...(against ? [resolve(against)] : [])];
if (!(rounds >= 1)) throw new Error('--rounds: a number of rounds, 1 or more');

/** Figure name → checkout → the value of each round. */
const figures = new Map();
const note = (name, checkout, value) => {
  if (value === undefined) return;
  if (!figures.has(name)) figures.set(name, new Map(checkouts.map((c) => [c, []])));
  figures.get(name).get(checkout).push(value);
};

for (let round = 1; round <= rounds; round++) {
  for (const checkout of checkouts) {
    console.error(`round ${round} of ${rounds}: ${checkout}`);
    const run = spawnSync(process.execPath, ['bench/run.mjs', ...passOn], { cwd: checkout, stdio: ['ignore', 'ignore', 'inherit'] });
    if (run.status !== 0) throw new Error(`bench/run.mjs failed in ${checkout}`);
    const { results, commit } = JSON.parse(await readFile(`${checkout}/bench/results/latest.json`, 'utf8'));
    console.error(`  at ${commit ?? 'an unknown commit'}`);
    // A run repeated within run.mjs (--repeat) counts once, by its median.
    const shown = results.filter((r) => !r.repeat);
    for (const r of shown) {
      if (r.skipped || r.stopped) continue;
      const floor = shown.find((f) => f.page === 'floor' && f.size === r.size);
      const name = `${r.size} KB ${r.page} ${r.mode}`;
      note(`${name}: busy ms`, checkout, Math.round(r.busyMs));
      if (floor && r.page !== 'floor') note(`${name}: × floor`, checkout, (r.busyMs / floor.busyMs).toFixed(2));
      if (r.busyShare !== undefined) note(`${name}: busy % of stream`, checkout, `${(r.busyShare * 100).toFixed(0)}%`);
      if (r.longTasks) note(`${name}: tasks > 50 ms (longest)`, checkout, `${r.longTasks.count} (${r.longTasks.count ? Math.round(r.longTasks.maxMs) : '-'})`);
    }
  }
}

const rows = [['figure', ...checkouts.map((c) => `${c === here ? 'this checkout' : c} (${rounds} rounds)`)]];
for (const [name, values] of figures) rows.push([name, ...checkouts.map((c) => values.get(c).join(', ') || '-')]);
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd());
