/// <reference types="node" />
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A Connect-style handler; the promise settles when the response is finished (or `next` was called). */
export type Handler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => Promise<void>;

export interface MockBackendOptions {
  /** The path served; default `/api/chat/stream`. */
  path?: string;
  /** Milliseconds between chunks, `[min, max]`; default `[25, 40]`. */
  tokenDelay?: [number, number];
  /** The pause before the first token in the `slow` scenario; default 4000 ms. */
  slowDelay?: number;
  /** Where request and disconnect lines go; default `console.log`. */
  log?: (line: string) => void;
}

export interface OpenAiProxyOptions {
  /** An OpenAI-compatible base URL such as `https://api.openai.com/v1`; `/chat/completions` is appended. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>` when set; never sent to the page. */
  apiKey?: string;
  model: string;
  /** The path served; default `/api/openai/stream`. */
  path?: string;
  log?: (line: string) => void;
}

export const MOCK_PATH: '/api/chat/stream';
export const OPENAI_PATH: '/api/openai/stream';
/** Every wire format the mock speaks (the values of `mock_format`), one per format the element reads. */
export const mockFormats: readonly string[];
/** normal, slow, length, drop, stream-error, http-error, unauthorized, json (the values of `mock_scenario`). */
export const mockScenarios: readonly string[];

/** Cuts text into token-sized pieces, as an LLM stream would deliver it. */
export function tokenize(text: string, random?: () => number): string[];
/** Serves `POST /api/chat/stream` with canned answers in any wire format and scenario. */
export function mockBackend(options?: MockBackendOptions): Handler;
/** Forwards `POST /api/openai/stream` to a real OpenAI-compatible server, adding the API key. */
export function openaiProxy(options: OpenAiProxyOptions): Handler;
