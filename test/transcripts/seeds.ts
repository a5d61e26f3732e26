// The Seeds backend: typed events, the session id first, a tool badge that finishes, a warning,
// bookkeeping after the answer, and `done`.
import type { Transcript } from './types.js';

export const seeds: Transcript = {
  format: 'seeds',
  framing: 'sse',
  headers: { 'content-type': 'text/event-stream; charset=utf-8' },
  lines: [
    'data: {"type": "session_info", "session_id": "s-8c41e2"}\n\n',
    'data: {"type": "tool", "tool": "search_docs", "status": "started"}\n\n',
    'data: {"type": "tool", "tool": "search_docs", "status": "completed"}\n\n',
    'data: {"type": "token", "content": "The API "}\n\n',
    'data: {"type": "token", "content": "limit is **60** requests/minute."}\n\n',
    'data: {"type": "response_saved", "id": 912}\n\n',
    'data: {"type": "done", "session_id": "s-8c41e2"}\n\n',
  ],
  expected: {
    text: 'The API limit is **60** requests/minute.',
    tools: [{ name: 'search_docs', status: 'done' }],
    conversationId: 's-8c41e2',
  },
};
