// Generated answers, streamed in random chunkings: whatever an answer holds (nesting of every
// container kind far past what marked can take, very long lines, huge tables, unbalanced markers,
// pathological emphasis), every word of it is visible at every step's end and nothing throws.
// Seeded: a failure names the seed that reproduces it (FUZZ_SEED below replays one answer).
import { expect } from '@open-wc/testing';
import { MarkdownView } from '../../src/markdown/markdown-view.js';
import { seededRandom } from '../support.js';

const ANSWERS = 1000;
const PER_TEST = 50;

type Random = () => number;

interface Answer {
  markdown: string;
  /** Words that must be visible once the answer has rendered. */
  words: string[];
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/** Builds one answer from random parts; every visible word is recorded. */
function generate(seed: number): Answer {
  const random = seededRandom(seed);
  const words: string[] = [];
  let counter = 0;
  const word = () => {
    const w = `w${seed.toString(36)}q${(counter++).toString(36)}`;
    words.push(w);
    return w;
  };
  const sentence = (n = between(random, 1, 6)) => Array.from({ length: n }, word).join(' ');
  // One answer in 25 has the sizes that overflow or stall marked; the rest stay small, so a
  // thousand answers fit in CI's time.
  const heavy = random() < 0.04;
  const size = (small: number[], large: number[]) => pick(random, heavy ? large : small);
  const depth = () => size([1, 2, 5, 16, 31, 32, 33, 40, 100], [1000, 3000]);
  const containers = ['> ', '- ', '* ', '+ ', '1. ', '7) ', '> - ', '- > ', '1. > ', '>'];

  const parts: (() => string)[] = [
    // Inline markup, balanced or not.
    () => {
      // No `](`: a word after it would be a link's destination, which is not text.
      const marks = ['**', '*', '_', '__', '`', '~~', '***', '[', ']', ')', '<b>', '</i>', '\\', '$', '|', '!['];
      let line = '';
      for (let i = between(random, 1, 12); i > 0; i--) line += `${random() < 0.5 ? pick(random, marks) : ''}${word()}${random() < 0.5 ? pick(random, marks) : ''} `;
      return line;
    },
    // Nesting of every container kind, on one line or by indentation.
    () => {
      const d = depth();
      if (random() < 0.3) {
        const marker = pick(random, ['- ', '1. ', '* ']);
        const levels = Math.min(d, 40);
        return Array.from({ length: levels }, (_, i) => `${' '.repeat(i * marker.length)}${marker}${word()}`).join('\n');
      }
      return `${pick(random, containers).repeat(d)}${sentence()}`;
    },
    // A very long line.
    () => {
      // Prose and one unbroken token past MAX_LINE; markup characters only a few thousand long
      // (marked's inline rules are slow on them: see the notes of issue 12).
      const filler = pick(random, ['a ', 'ab', '*', '_ ', '- ', '[', '`']);
      const length = /[a-z]/.test(filler) ? size([100, 1_000], [20_000, 120_000]) : size([10, 60], [1_000, 3_000]);
      return `${word()} ${filler.repeat(Math.ceil(length / filler.length))} ${word()}`;
    },
    // A huge table, sometimes with a broken delimiter row or short rows (GFM drops the cells of a
    // row longer than the header, as GitHub does).
    () => {
      const columns = between(random, 1, 12);
      const rows = size([1, 5, 20], [100, 200]);
      const row = (full = false) => `| ${Array.from({ length: !full && random() < 0.1 ? between(random, 1, columns) : columns }, word).join(' | ')} |`;
      const delimiter = random() < 0.1 ? '|--' : `|${'---|'.repeat(columns)}`;
      // Blank lines around it: a table right after another would take its rows as its own.
      return `\n${[row(true), delimiter, ...Array.from({ length: rows }, () => row())].join('\n')}\n\n`;
    },
    // Pathological emphasis and brackets.
    () => {
      const n = size([10, 60], [1000, 3000]);
      const shape = pick(random, ['stars', 'mixed', 'words', 'brackets', 'underscores']);
      if (shape === 'stars') return `${'*'.repeat(n)}${word()}${'*'.repeat(between(random, 0, n))}`;
      if (shape === 'mixed') return `${'**_'.repeat(n)}${word()}${'_**'.repeat(between(random, 0, n))}`;
      if (shape === 'underscores') return `${'_'.repeat(n)}${word()}${'_'.repeat(between(random, 0, n))}`;
      if (shape === 'brackets') return `${'['.repeat(n)}${word()}${'](x)'.repeat(between(random, 0, n))}`;
      return Array.from({ length: Math.min(n, 300) }, () => `*${word()} `).join('');
    },
    // Fenced code, closed or not; headings; rules; raw HTML.
    () => `\`\`\`\n${sentence()}\n${'> '.repeat(depth())}${word()}\n${random() < 0.5 ? '```' : ''}`,
    () => `${'#'.repeat(between(random, 1, 7))} ${sentence()}`,
    () => `${sentence()}\n${pick(random, ['===', '---', '***', '- - -'])}`,
    () => `<div>${sentence()}</div>`,
  ];

  const blocks: string[] = [];
  for (let i = between(random, 1, 6); i > 0; i--) blocks.push(pick(random, parts)());
  const separator = () => pick(random, ['\n\n', '\n', '\r\n\r\n', '\n\n\n']);
  return { markdown: blocks.map((block) => block + separator()).join(''), words };
}

/** Cut points: a few to a few dozen, anywhere (in a word, a marker, a CRLF). */
function chunkings(text: string, seed: number): number[] {
  const random = seededRandom(seed ^ 0x5bd1e995);
  const cuts = Array.from({ length: between(random, 0, 8) }, () => Math.floor(random() * text.length));
  return [...new Set(cuts)].sort((a, b) => a - b);
}

function missing(root: HTMLElement, words: string[]): string[] {
  const shown = root.textContent ?? '';
  return words.filter((w) => !shown.includes(w));
}

function check(seed: number): void {
  const { markdown, words } = generate(seed);
  const streamed = new MarkdownView(document.createElement('div'));
  for (const cut of chunkings(markdown, seed)) streamed.update(markdown.slice(0, cut), false);
  streamed.update(markdown, true);
  const views: [string, MarkdownView][] = [['streamed', streamed]];
  // Every fifth answer also in one piece (a restored conversation).
  if (seed % 5 === 0) {
    const oneShot = new MarkdownView(document.createElement('div'));
    oneShot.update(markdown, true);
    views.push(['one-shot', oneShot]);
  }
  for (const [how, view] of views) {
    const lost = missing(view.root, words);
    expect(lost, `seed ${seed} (${how}): ${words.length} words, ${markdown.length} characters; missing ${lost.slice(0, 5).join(' ')}`).to.deep.equal([]);
  }
}

// `FUZZ_SEED = n` replays one answer.
const FUZZ_SEED: number | undefined = undefined;

describe(`fuzz: ${ANSWERS} generated answers, streamed`, () => {
  if (FUZZ_SEED !== undefined) {
    it(`seed ${FUZZ_SEED}`, () => check(FUZZ_SEED));
    return;
  }
  for (let first = 1; first <= ANSWERS; first += PER_TEST) {
    it(`answers ${first}–${first + PER_TEST - 1}: every word visible, nothing thrown`, () => {
      for (let seed = first; seed < first + PER_TEST; seed++) check(seed);
    });
  }
});
