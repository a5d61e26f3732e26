// The helpers shared by every test file that need no element: scripts for the scripted SSE server
// (test/server/scripted-sse.mjs) and its log, waiting for a condition, a seeded PRNG, captured
// warnings. helpers.ts adds the element's and re-exports these.

/** A seeded PRNG (mulberry32): random but reproducible chunkings. */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `text` cut into consecutive pieces of 1 to `max` characters, sizes drawn from `next` (a seededRandom). */
export function randomPieces(text: string, next: () => number, max: number): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; ) {
    const size = 1 + Math.floor(next() * max);
    pieces.push(text.slice(i, i + size));
    i += size;
  }
  return pieces;
}

/**
 * Replaces console.warn for each test of the calling suite and collects what it was given; call
 * at the top of a `describe`. Returns the live list (emptied before every test).
 */
export function captureWarnings(): unknown[][] {
  const warnings: unknown[][] = [];
  const original = console.warn;
  beforeEach(() => {
    warnings.length = 0;
    console.warn = (...args: unknown[]) => {
      warnings.push(args);
    };
  });
  afterEach(() => {
    console.warn = original;
  });
  return warnings;
}

export type Chunk = string | { delay: number } | { drop: true } | { hang: true } | { gate: true } | { bytes: number[] };

export interface Script {
  status?: number;
  /** A null value leaves the header out (a response without a content type, say). */
  headers?: Record<string, string | null>;
  /** Milliseconds the server holds the status line back. */
  headersAfter?: number;
  chunks: Chunk[];
}

/** One SSE message per value: objects become JSON, strings are sent as they are. */
export function sse(...values: unknown[]): string[] {
  return values.map((v) => `data: ${typeof v === 'string' ? v : JSON.stringify(v)}\n\n`);
}

export function newTestId(): string {
  return `t-${Math.random().toString(36).slice(2)}-${Date.now()}`;
}

export interface ServerLog {
  requests: { method: string; url: string; headers: Record<string, string>; body: Record<string, unknown> }[];
  closedByClient: number;
  finished: number;
}

export async function serverLog(testId: string): Promise<ServerLog> {
  const response = await fetch(`/test-log/${encodeURIComponent(testId)}`);
  return response.json();
}

// How long a wait for something that is bound to happen may take before the test gives up with a
// message. Not a speed check: long enough for a machine under any load; a hang ends here (or at
// mocha's own timeout, web-test-runner.config.mjs) with the name of what never came.
export const PATIENCE = 30_000;

/** The server's log once `predicate` holds (the server learns of a closed connection a little later). */
export async function serverLogWhen(testId: string, predicate: (log: ServerLog) => boolean): Promise<ServerLog> {
  const start = performance.now();
  let log = await serverLog(testId);
  while (!predicate(log) && performance.now() - start < PATIENCE) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    log = await serverLog(testId);
  }
  return log;
}

/** Lets the scripted server past the next `{ gate: true }` of the test's script (see scripted-sse.mjs). */
export async function openGate(testId: string): Promise<void> {
  await fetch(`/test-gate/${encodeURIComponent(testId)}`);
}

/**
 * Resolves when `predicate` holds, checking every frame; rejects naming `what` after PATIENCE ms
 * (or `timeout` ms, when given: only for something that must come soon whatever the load).
 * A page that gets no frames (hidden, or its compositor stalled) is still checked every 100 ms,
 * so the wait ends with its message instead of hanging until the runner gives up on the file.
 */
export async function until(predicate: () => unknown, what?: string): Promise<void>;
export async function until(predicate: () => unknown, timeout: number, what?: string): Promise<void>;
export async function until(predicate: () => unknown, timeoutOrWhat?: number | string, what = 'condition'): Promise<void> {
  const timeout = typeof timeoutOrWhat === 'number' ? timeoutOrWhat : PATIENCE;
  if (typeof timeoutOrWhat === 'string') what = timeoutOrWhat;
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await nextFrameOrSoon();
  }
}

function nextFrameOrSoon(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      resolve();
    };
    const frame = requestAnimationFrame(done);
    const timer = setTimeout(done, 100);
  });
}
