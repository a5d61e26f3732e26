// n8n's Chat Trigger with streaming on and an AI Agent node: NDJSON sent as application/json, one
// begin/item/end run for the agent. The answer ends when the body does.
import type { Transcript } from './types.js';

const meta = (timestamp: number) =>
  `"metadata":{"nodeId":"3f1c8a2e-7d4b-4e6f-9a0c-5b2d8e1f7a64","nodeName":"AI Agent","itemIndex":0,"runIndex":0,"timestamp":${timestamp}}`;

export const n8n: Transcript = {
  format: 'n8n',
  framing: 'lines',
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' },
  lines: [
    `{"type":"begin",${meta(1748856000112)}}\n`,
    `{"type":"item","content":"Hi! I can",${meta(1748856000498)}}\n`,
    `{"type":"item","content":" look up **orders**",${meta(1748856000533)}}\n`,
    `{"type":"item","content":" for you.",${meta(1748856000571)}}\n`,
    `{"type":"end",${meta(1748856000602)}}\n`,
  ],
  expected: {
    text: 'Hi! I can look up **orders** for you.',
  },
};
