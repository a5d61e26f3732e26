// Shared helpers for the browser tests: build scripts for the scripted SSE server
// (test/server/scripted-sse.mjs), mount elements against it, and read back what it received.
import { fixture, html, oneEvent } from '@open-wc/testing';
import '../src/define.js';
import type { StreamChat } from '../src/stream-chat.js';
import type { StreamChatEventMap } from '../src/events.js';

export type Chunk = string | { delay: number } | { drop: true } | { hang: true } | { gate: true } | { bytes: number[] };

export interface Script {
  status?: number;
  headers?: Record<string, string>;
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

/** A <stream-chat> wired to the scripted server; each request plays the next script. */
export async function chatWith(script: Script | Script[], extraBody: Record<string, unknown> = {}) {
  const testId = newTestId();
  const el = await fixture<StreamChat>(html`<stream-chat endpoint="/test-sse" style="height: 480px"></stream-chat>`);
  el.body = { testId, script, ...extraBody };
  return { el, testId };
}

/** A <stream-chat> (no endpoint) styled `style`, showing one question and its finished `answer`. */
export async function chatShowing(style: string, answer: string): Promise<StreamChat> {
  const el = await fixture<StreamChat>(html`<stream-chat style=${style}></stream-chat>`);
  el.messages = [
    { id: 'q', role: 'user', content: 'long?', status: 'complete' },
    { id: 'a', role: 'assistant', content: answer, status: 'complete' },
  ];
  await until(() => lastAnswer(el)?.textContent?.trim(), 'the answer');
  return el;
}

export function nextEvent<K extends keyof StreamChatEventMap>(el: Element, name: K): Promise<StreamChatEventMap[K]> {
  return oneEvent(el, name) as Promise<StreamChatEventMap[K]>;
}

/**
 * Resolves when `predicate` holds, checking every frame; rejects naming `what` after PATIENCE ms
 * (or `timeout` ms, when given: only for something that must come soon whatever the load).
 */
export async function until(predicate: () => unknown, what?: string): Promise<void>;
export async function until(predicate: () => unknown, timeout: number, what?: string): Promise<void>;
export async function until(predicate: () => unknown, timeoutOrWhat?: number | string, what = 'condition'): Promise<void> {
  const timeout = typeof timeoutOrWhat === 'number' ? timeoutOrWhat : PATIENCE;
  if (typeof timeoutOrWhat === 'string') what = timeoutOrWhat;
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

export function shadow(el: StreamChat): ShadowRoot {
  return el.shadowRoot!;
}

/** The rendered markdown container of the last answer. */
export function lastAnswer(el: StreamChat): HTMLElement {
  const all = shadow(el).querySelectorAll<HTMLElement>('.assistant .markdown');
  return all[all.length - 1];
}
