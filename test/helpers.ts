// Shared helpers for the browser tests: build scripts for the scripted SSE server
// (test/server/scripted-sse.mjs), mount elements against it, and read back what it received.
import { fixture, html, oneEvent } from '@open-wc/testing';
import '../src/define.js';
import type { StreamChat } from '../src/stream-chat.js';
import type { StreamChatEventMap } from '../src/events.js';

export type Chunk = string | { delay: number } | { drop: true } | { hang: true } | { bytes: number[] };

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

/** The server's log once `predicate` holds (the server learns of a closed connection a little later), or after a second. */
export async function serverLogWhen(testId: string, predicate: (log: ServerLog) => boolean): Promise<ServerLog> {
  let log = await serverLog(testId);
  for (let i = 0; i < 50 && !predicate(log); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    log = await serverLog(testId);
  }
  return log;
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
  await until(() => lastAnswer(el)?.textContent?.trim(), 4000, 'the answer');
  return el;
}

export function nextEvent<K extends keyof StreamChatEventMap>(el: Element, name: K): Promise<StreamChatEventMap[K]> {
  return oneEvent(el, name) as Promise<StreamChatEventMap[K]>;
}

/** Resolves when `predicate` holds, checking every frame; rejects after `timeout` ms. */
export async function until(predicate: () => unknown, timeout = 4000, what = 'condition'): Promise<void> {
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
