// The helpers of the element tests: mount elements against the scripted SSE server
// (test/server/scripted-sse.mjs) and read them. Everything without an element (scripts for the
// server, its log, waiting) is in support.ts and re-exported here, so one import serves a test.
import { fixture, html, oneEvent } from '@open-wc/testing';
import '../src/define.js';
import type { StreamChat } from '../src/stream-chat.js';
import type { StreamChatEventMap } from '../src/events.js';
import { newTestId, until, type Script } from './support.js';

export * from './support.js';

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

export function shadow(el: StreamChat): ShadowRoot {
  return el.shadowRoot!;
}

/** The rendered markdown container of the last answer. */
export function lastAnswer(el: StreamChat): HTMLElement {
  const all = shadow(el).querySelectorAll<HTMLElement>('.assistant .markdown');
  return all[all.length - 1];
}
