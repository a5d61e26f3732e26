// Ollama's native `/api/chat` with a thinking model (`"think": true`): NDJSON, thinking first, then
// content, and a last line with `done: true`, the reason and the timings.
import type { Transcript } from './types.js';

const line = (at: string, message: string) =>
  `{"model":"qwen3:8b","created_at":"2025-06-02T09:30:${at}Z","message":{"role":"assistant",${message}},"done":false}\n`;

export const ollama: Transcript = {
  format: 'ollama',
  framing: 'lines',
  headers: { 'content-type': 'application/x-ndjson' },
  lines: [
    line('01.118204', '"content":"","thinking":"Okay"'),
    line('01.139511', '"content":"","thinking":", the user wants"'),
    line('01.160874', '"content":"","thinking":" a haiku."'),
    line('01.182033', '"content":"Autumn moonlight—\\n"'),
    line('01.203377', '"content":"a worm digs silently\\n"'),
    line('01.224719', '"content":"into the chestnut."'),
    '{"model":"qwen3:8b","created_at":"2025-06-02T09:30:01.246052Z","message":{"role":"assistant","content":""},"done_reason":"stop","done":true,"total_duration":1942233042,"load_duration":38447916,"prompt_eval_count":14,"prompt_eval_duration":112000000,"eval_count":38,"eval_duration":1790000000}\n',
  ],
  expected: {
    text: 'Autumn moonlight—\na worm digs silently\ninto the chestnut.',
    reasoning: 'Okay, the user wants a haiku.',
    reason: 'stop',
  },
};
