// Flowise's prediction API (`/api/v1/prediction/:id` with `"streaming": true`) for a tool agent
// chatflow: every event is `{event, data}` behind a `message:` line; `start` repeats the first
// token, tools and retrieved documents come after the answer, the chat id last, then `end`.
import type { Transcript } from './types.js';

const CHAT = '5b2a9f7e-3c1d-4e8a-b6f0-9d2c7a1e4b38';
const write = (event: string, data: string) => `message:\ndata:{"event":"${event}","data":${data}}\n\n`;

export const flowise: Transcript = {
  format: 'flowise',
  framing: 'sse',
  headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' },
  lines: [
    write('start', '""'),
    write('token', '""'),
    write('token', '"It is"'),
    write('token', '" **18 °C**"'),
    write('token', '" in Lisbon"'),
    write('token', '" right now."'),
    write('usedTools', '[{"tool":"open_meteo","toolInput":{"city":"Lisbon"},"toolOutput":"{\\"temperature\\":18}"}]'),
    write('sourceDocuments', '[{"pageContent":"Lisbon forecast: 18 °C, clear.","metadata":{"source":"https://open-meteo.com/en/docs","title":"Open-Meteo API"}}]'),
    write('metadata', `{"chatId":"${CHAT}","chatMessageId":"e1f4a8c2-7b3d-4f9e-a0c6-2d8b5e7f1a93","question":"How warm is it in Lisbon?","sessionId":"${CHAT}"}`),
    'message:\ndata:{"event":"end","data":"[DONE]"}\n\n',
  ],
  expected: {
    text: 'It is **18 °C** in Lisbon right now.',
    tools: [{ name: 'open_meteo', status: 'done' }],
    sources: [{ url: 'https://open-meteo.com/en/docs', title: 'Open-Meteo API' }],
    conversationId: CHAT,
  },
};
