// The size budget `npm test` checks: the JavaScript a page loads before the first message, that is
// dist/stream-chat.js and every chunk it imports statically (and they in turn), gzipped. Dynamic
// imports (the markdown engine, highlight.js and its grammars) load later and are not counted.
// Prints each file and the total, and fails when the total exceeds the limit in size-budget.json.
// It builds nothing: run it after `vite build`.
import { init, parse } from 'es-module-lexer';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const entry = join(root, 'dist/stream-chat.js');
const budget = JSON.parse(readFileSync(join(root, 'size-budget.json'), 'utf8'));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

if (!existsSync(entry)) {
  console.error('size budget: dist/stream-chat.js is missing; run `vite build` first.');
  process.exit(1);
}

await init;
/** The entry and its static imports, depth first, each once. */
function staticGraph(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const [imports] = parse(readFileSync(file, 'utf8'), file);
  // d === -1: a static import or re-export; dynamic import() and import.meta have d >= 0 / -2.
  for (const { n: specifier, d } of imports) {
    if (d !== -1 || !specifier) continue;
    if (!specifier.startsWith('.')) throw new Error(`${relative(root, file)} imports "${specifier}": the script-tag build must be self-contained`);
    staticGraph(join(dirname(file), specifier), seen);
  }
  return seen;
}

const files = [...staticGraph(entry)].map((file) => ({
  path: relative(root, file),
  // Level 9, as bench/run.mjs measures it and as a server compressing static files would.
  gzip: gzipSync(readFileSync(file), { level: 9 }).length,
}));
const total = files.reduce((sum, f) => sum + f.gzip, 0);

console.log('size budget: JavaScript loaded before the first message (gzip -9)');
for (const f of files) console.log(`  ${f.path.padEnd(36)} ${String(f.gzip).padStart(7)} B  ${kb(f.gzip)}`);
console.log(`  ${'total'.padEnd(36)} ${String(total).padStart(7)} B  ${kb(total)}  (limit ${kb(budget.limit)}, target ${kb(budget.target)})`);

if (total > budget.limit) {
  console.error(
    `size budget exceeded by ${total - budget.limit} B: ${kb(total)} > ${kb(budget.limit)}. ` +
      'Keep new code out of the first load (a lazy chunk), or raise `limit` in size-budget.json on purpose.',
  );
  process.exitCode = 1;
}
