// The SSE parser alone, ours (src/transport/sse-reader.ts) against fetch-event-source's, on the
// benchmark's own SSE cut into the 16 KB slices the transport hands on (task-slices.ts): a 100 KB
// answer streamed token by token (about 1 MB of SSE, 25,747 events) and a 5 MB answer as one event,
// where the library copies its whole buffer at every slice. In Node, not a browser: both are plain
// JavaScript on V8, and this isolates the parsing from everything else a run does.
//
//   node bench/sse-parse.mjs [rounds=6]
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { getLines, getMessages } from '@microsoft/fetch-event-source/lib/esm/parse.js';
import { generateAnswer, tokenize } from './answer.mjs';

const rounds = Number(process.argv[2] ?? 6);
const source = fileURLToPath(new URL('../src/transport/sse-reader.ts', import.meta.url));
const bundled = await build({ entryPoints: [source], bundle: true, format: 'esm', write: false, logLevel: 'silent' });
const { EventParser } = await import(`data:text/javascript,${encodeURIComponent(bundled.outputFiles[0].text)}`);

const slices = (text) => {
  const bytes = new TextEncoder().encode(text);
  const out = [];
  for (let i = 0; i < bytes.length; i += 16 * 1024) out.push(bytes.subarray(i, i + 16 * 1024));
  return out;
};
const event = (content) => `data: ${JSON.stringify({ type: 'token', content })}\n\n`;

function library(pieces) {
  let events = 0;
  const start = performance.now();
  const onChunk = getLines(getMessages(() => {}, () => {}, (m) => m.data && events++));
  for (const piece of pieces) onChunk(piece);
  return { ms: performance.now() - start, events };
}

function ours(pieces) {
  let events = 0;
  const start = performance.now();
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const parser = new EventParser(() => events++);
  for (const piece of pieces) parser.push(decoder.decode(piece, { stream: true }));
  return { ms: performance.now() - start, events };
}

const cases = [
  ['100 KB answer, an event per token', slices(tokenize(generateAnswer(100 * 1024)).map(event).join(''))],
  ['5 MB answer in one event', slices(event(generateAnswer(5 * 1024 * 1024)))],
];
for (const [name, pieces] of cases) {
  const bytes = pieces.reduce((sum, p) => sum + p.length, 0);
  const lib = [];
  const own = [];
  for (let round = 0; round < rounds; round++) {
    const a = library(pieces);
    const b = ours(pieces);
    if (a.events !== b.events) throw new Error(`${name}: ${a.events} events against ${b.events}`);
    lib.push(a.ms);
    own.push(b.ms);
  }
  const range = (values) => `${Math.min(...values).toFixed(1)}-${Math.max(...values).toFixed(1)} ms`;
  console.log(`${name} (${(bytes / 1024 / 1024).toFixed(2)} MB of SSE, ${rounds} rounds): fetch-event-source ${range(lib)}, sse-reader.ts ${range(own)}`);
}
