// Type-checks the Svelte and Angular examples with their own checkers (svelte-check; ngc, Angular's
// compiler, under strictTemplates) and holds the typings to the mistakes they must reject: in each
// example folder, every line that follows a "rejects:" comment (TypingChecks.svelte,
// typing-checks.component.ts) must have an error, and no other line of any file may have one. So
// a typing that lets `theme="blue"` through fails here, and so does one that rejects valid code.
// React and Vue do the same with @ts-expect-error / @vue-expect-error under tsc and vue-tsc.
//
//   node scripts/check-typings.mjs            (after `npm run build`: the examples import dist/esm)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);

const checkers = [
  {
    name: 'svelte-check',
    folder: 'demo/svelte',
    command: [bin('svelte-check'), '--workspace', 'demo/svelte', '--output', 'machine'],
    // 1795909711916 ERROR "TypingChecks.svelte" 11:14 "Type '\"blue\"' is not assignable ..."
    parse: (output) =>
      [...output.matchAll(/^\d+ ERROR "([^"]+)" (\d+):\d+ "(.*)"$/gm)].map(([, file, line, message]) => ({
        file: resolve(root, 'demo/svelte', file),
        line: Number(line),
        message,
      })),
  },
  {
    name: 'ngc',
    folder: 'demo/angular',
    command: [bin('ngc'), '-p', 'demo/angular/tsconfig.json'],
    // typing-checks.component.ts:14:18 - error TS2322: Type '"blue"' is not assignable ...
    // (coloured, whatever --pretty says; the path is relative to the tsconfig's folder)
    parse: (output) =>
      [...stripColours(output).matchAll(/^(\S+):(\d+):\d+ - error (.*)$/gm)].map(([, file, line, message]) => ({
        file: resolve(root, 'demo/angular', file),
        line: Number(line),
        message,
      })),
  },
];

const stripColours = (text) => text.replace(/\x1b\[[0-9;]*m/g, '');

/** The lines (1-based) right after each "rejects:" comment in a file. */
function expectedLines(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  return lines.flatMap((text, index) => (/<!--\s*rejects:/.test(text) ? [index + 2] : []));
}

let failed = false;
for (const checker of checkers) {
  const [command, ...args] = checker.command;
  const run = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
  const output = `${run.stdout}\n${run.stderr}`;
  const errors = checker.parse(output);
  if (run.status !== 0 && errors.length === 0) {
    console.error(`${checker.name} failed without a diagnostic this script understands:\n${output}`);
    failed = true;
    continue;
  }
  const files = new Set(errors.map((error) => error.file));
  const marked = new Map();
  for (const name of ['TypingChecks.svelte', 'typing-checks.component.ts']) {
    const file = join(root, checker.folder, name);
    try {
      marked.set(file, expectedLines(file));
      files.add(file);
    } catch {
      // not this checker's folder
    }
  }
  if (marked.size === 0) {
    console.error(`${checker.name}: no typing-checks file in ${checker.folder}`);
    failed = true;
  }
  for (const file of files) {
    const expected = marked.get(file) ?? [];
    const found = errors.filter((error) => error.file === file);
    for (const line of expected) {
      if (!found.some((error) => error.line === line)) {
        console.error(`${checker.name}: ${file}:${line} type-checks, but the typing must reject it`);
        failed = true;
      }
    }
    for (const error of found) {
      if (!expected.includes(error.line)) {
        console.error(`${checker.name}: ${file}:${error.line}: ${error.message}`);
        failed = true;
      }
    }
  }
  const rejected = [...marked.values()].reduce((sum, lines) => sum + lines.length, 0);
  if (!failed) console.log(`${checker.name}: ${checker.folder} type-checks; ${rejected} mistakes rejected as expected`);
}
process.exit(failed ? 1 : 0);
